import Yams

extension YAMLReader {
    /// `language:` in front matter or `dossier.yml`: a BCP 47 tag, or nil (with an
    /// error at the value) when it is not one. A tag with a warning is still used.
    mutating func languageTag(_ node: Node, key: String) -> LanguageTag? {
        guard let text = requiredString(node, key: key) else { return nil }
        let (tag, problem) = LanguageTag.parse(text)
        if let problem {
            switch problem.severity {
            case .error: error(problem.message, at: node)
            case .warning: warning(problem.message, at: node)
            }
        }
        return tag
    }
}
