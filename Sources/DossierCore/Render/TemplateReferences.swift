/// Finds `{{> name}}` and `{{< name}}` in a template, which swift-mustache would
/// otherwise render as empty when the partial does not exist, and would follow
/// forever when partials include each other.
///
/// Tags are read one after the other as Mustache does, so a partial named inside a
/// comment is not a reference, and one written after a set-delimiter tag
/// (`{{=<% %>=}}` then `<%> name %>`) still is. Each tag is read once: the scan is
/// linear in the template's length whatever it contains.
enum TemplateReferences {
    struct Reference: Equatable { var name: String; var line: Int; var column: Int }

    static func partials(in text: String) -> [Reference] {
        let scalars = Array(text.unicodeScalars)
        var open = Array("{{".unicodeScalars), close = Array("}}".unicodeScalars)
        var result: [Reference] = []
        var position = Position()
        var index = 0
        while let start = find(open, in: scalars, from: index) {
            position.advance(to: start, in: scalars)
            let contentStart = start + open.count
            // A triple mustache ends with one more brace than the closing delimiter.
            let isTriple = open == Array("{{".unicodeScalars) && contentStart < scalars.count && scalars[contentStart] == "{"
            let closing = isTriple ? close + ["}"] : close
            guard let end = find(closing, in: scalars, from: contentStart) else { break }
            index = end + closing.count
            guard !isTriple, let sigil = scalars[contentStart..<end].first else { continue }
            let content = String(String.UnicodeScalarView(scalars[(contentStart + 1)..<end]))
            switch sigil {
            case ">", "<":
                let name = content.trimmingCharacters(in: .whitespaces)
                if !name.isEmpty { result.append(Reference(name: name, line: position.line, column: position.column)) }
            case "=":
                // `{{=<% %>=}}`: the new opening and closing delimiters, between two '='.
                guard content.hasSuffix("=") else { continue }
                let delimiters = content.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard delimiters.count == 2 else { continue }
                open = Array(delimiters[0].unicodeScalars)
                close = Array(delimiters[1].unicodeScalars)
            default:
                continue
            }
        }
        return result
    }

    /// Line and column of a scalar offset, moved forward only.
    private struct Position {
        var line = 1, column = 1
        private var offset = 0

        mutating func advance(to target: Int, in scalars: [Unicode.Scalar]) {
            while offset < target {
                if scalars[offset] == "\n" { line += 1; column = 1 } else { column += 1 }
                offset += 1
            }
        }
    }

    private static func find(_ needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard let first = needle.first, start < scalars.count else { return nil }
        var index = start
        while index + needle.count <= scalars.count {
            if scalars[index] == first, scalars[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
