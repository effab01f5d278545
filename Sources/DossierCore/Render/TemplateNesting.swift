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
            let transforms = tag.sigil == "!" ? 0 : tag.content.unicodeScalars.count { $0 == "(" }
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
    /// first crossed. A partial already being measured (a cycle, reported on its
    /// own) counts as flat. The walk keeps its own stack, however long the chain.
    static func checkThroughPartials(_ templates: [String: (path: String, tags: [TemplateTag])]) -> [Diagnostic] {
        struct Frame { var name: String; var nextTag = 0; var level = 0; var deepest = 0 }
        var deepest: [String: Int] = [:]
        var onPath: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for root in templates.keys.sorted() where deepest[root] == nil {
            var stack = [Frame(name: root)]
            onPath.insert(root)
            while var frame = stack.popLast() {
                let template = templates[frame.name]!
                guard frame.nextTag < template.tags.count else {
                    deepest[frame.name] = frame.deepest
                    onPath.remove(frame.name)
                    continue
                }
                let tag = template.tags[frame.nextTag]
                let partial = tag.sigil == ">" || tag.sigil == "<" ? tag.content.trimmingCharacters(in: .whitespaces) : nil
                if let partial, templates[partial] != nil, deepest[partial] == nil, !onPath.contains(partial) {
                    // Measure the partial first, then come back to this tag.
                    stack.append(frame)
                    stack.append(Frame(name: partial))
                    onPath.insert(partial)
                    continue
                }
                frame.level += change(tag)
                frame.deepest = max(frame.deepest, frame.level)
                if let partial, let inner = deepest[partial] {
                    if frame.level + inner > limit, frame.level <= limit, inner <= limit {
                        diagnostics.append(.error(
                            "sections nest more than \(limit) deep here once '\(partial)' is included; deeper templates are refused, "
                                + "since rendering them would crash",
                            at: SourceLocation(path: template.path, line: tag.line, column: tag.column)))
                    }
                    frame.deepest = max(frame.deepest, frame.level + inner)
                }
                frame.nextTag += 1
                stack.append(frame)
            }
        }
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
