/// Finds `{{> name}}` and `{{< name}}` in a template, which swift-mustache would
/// otherwise render as empty when the partial does not exist, and would follow
/// forever when partials include each other. A partial named inside a comment is
/// not a reference; one written after a set-delimiter tag still is.
enum TemplateReferences {
    struct Reference: Equatable {
        var name: String
        var line: Int
        var column: Int
        /// Where the reference is written, when not in the template it belongs to (see `blockInclusions`).
        var writtenIn: String? = nil
    }

    static func partials(in tags: [TemplateTag]) -> [Reference] {
        tags.compactMap { tag in
            guard tag.sigil == ">" || tag.sigil == "<" else { return nil }
            let name = tag.content.trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? nil : Reference(name: name, line: tag.line, column: tag.column)
        }
    }

    /// References that a parent template renders on another's behalf. In
    /// `{{<layout}}{{$content}}{{>layout}}{{/content}}{{/layout}}` the block is
    /// rendered by the layout, so the layout includes itself through it, without
    /// either template naming itself. Each partial or parent named inside a
    /// `{{<parent}}…{{/parent}}` is returned as a reference of that parent, written in
    /// `path`.
    static func blockInclusions(in tags: [TemplateTag], path: String) -> [(parent: String, reference: Reference)] {
        var open: [(sigil: Unicode.Scalar, name: String)] = []
        var result: [(String, Reference)] = []
        for tag in tags {
            let name = tag.content.trimmingCharacters(in: .whitespaces)
            if tag.sigil == ">" || tag.sigil == "<", !name.isEmpty {
                for parent in open where parent.sigil == "<" {
                    result.append((parent.name, Reference(name: name, line: tag.line, column: tag.column, writtenIn: path)))
                }
            }
            switch tag.sigil {
            case "#", "^", "$", "<": open.append((tag.sigil, name))
            case "/": _ = open.popLast()
            default: break
            }
        }
        return result
    }
}
