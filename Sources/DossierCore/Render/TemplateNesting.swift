/// swift-mustache parses and renders nested sections and nested transforms
/// (`{{f(g(x))}}`) by recursion: about 700 nested sections in one template, or
/// 2,000 through a chain of partials, or a few thousand nested transforms,
/// overflow the stack and crash the tool, and parsing time grows with the square
/// of the depth. No real template comes near the limit; a deeper one is refused
/// before it is parsed or rendered.
enum TemplateNesting {
    static let limit = 100

    /// An error at the first tag of one template that goes deeper than `limit`.
    static func check(_ tags: [TemplateTag], path: String) -> Diagnostic? {
        var depth = 0
        for tag in tags {
            depth += change(tag)
            let transforms = tag.content.unicodeScalars.count { $0 == "(" }
            guard depth > limit || transforms > limit else { continue }
            let what = depth > limit ? "sections" : "transforms"
            return .error(
                "\(what) nest more than \(limit) deep here; deeper templates are refused, since they would crash the template parser",
                at: SourceLocation(path: path, line: tag.line, column: tag.column))
        }
        return nil
    }

    /// Errors where including a partial takes the nesting deeper than `limit`
    /// (rendering recurses through partials too), once per place where the limit is
    /// first crossed. Templates in a cycle count the cycle once; cycles are
    /// reported on their own.
    static func checkThroughPartials(_ templates: [String: (path: String, tags: [TemplateTag])]) -> [Diagnostic] {
        var deepest: [String: Int] = [:]
        var inProgress: Set<String> = []
        var diagnostics: [Diagnostic] = []
        // Recursion depth is at most the number of templates.
        func depth(of name: String) -> Int {
            if let known = deepest[name] { return known }
            guard let template = templates[name], inProgress.insert(name).inserted else { return 0 }
            var current = 0, result = 0
            for tag in template.tags {
                current += change(tag)
                result = max(result, current)
                guard tag.sigil == ">" || tag.sigil == "<" else { continue }
                let partial = tag.content.trimmingCharacters(in: .whitespaces)
                guard templates[partial] != nil else { continue }
                let inner = depth(of: partial)
                if current + inner > limit, current <= limit, inner <= limit {
                    diagnostics.append(.error(
                        "sections nest more than \(limit) deep here once '\(partial)' is included; deeper templates are refused, "
                            + "since rendering them would crash",
                        at: SourceLocation(path: template.path, line: tag.line, column: tag.column)))
                }
                result = max(result, current + inner)
            }
            inProgress.remove(name)
            deepest[name] = result
            return result
        }
        for name in templates.keys.sorted() { _ = depth(of: name) }
        return diagnostics
    }

    /// How a tag changes the nesting: sections, inverted sections, blocks and
    /// parents open one level; an end tag closes one.
    private static func change(_ tag: TemplateTag) -> Int {
        switch tag.sigil {
        case "#", "^", "$", "<": 1
        case "/": -1
        default: 0
        }
    }
}
