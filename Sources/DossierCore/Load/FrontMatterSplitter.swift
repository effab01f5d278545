/// Splits a file into YAML front matter and Markdown body.
///
/// ```
/// ---            ← line 1: opening fence
/// title: Iran    ← line 2: yaml.firstLine
/// ---
/// Iran is …      ← line 4: body.firstLine
/// ```
public struct FrontMatter: Sendable, Hashable {
    /// The YAML between the fences, or nil when the file has no front matter.
    public var yaml: String?
    /// 1-based file line of the YAML's first line.
    public var yamlFirstLine: Int
    public var body: Body
}

public enum FrontMatterSplitter {
    public enum Failure: Error, Equatable {
        /// The opening `---` has no closing fence; `line` is the opening fence's line.
        case unterminated(line: Int)
    }

    public static func split(_ text: String) -> Result<FrontMatter, Failure> {
        var content = Substring(text)
        if content.hasPrefix("\u{FEFF}") { content = content.dropFirst() }
        // "\r\n" is one Character in Swift, so split on each line ending cmark knows.
        let lines = content.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        func isFence(_ line: Substring) -> Bool {
            var trimmed = line
            while trimmed.hasSuffix(" ") || trimmed.hasSuffix("\t") { trimmed = trimmed.dropLast() }
            return trimmed == "---"
        }
        guard let first = lines.first, isFence(first) else {
            return .success(FrontMatter(yaml: nil, yamlFirstLine: 1, body: Body(text: String(content), firstLine: 1)))
        }
        guard let closing = lines.dropFirst().firstIndex(where: isFence) else {
            return .failure(.unterminated(line: 1))
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: Body(text: body, firstLine: closing + 2)))
    }
}
