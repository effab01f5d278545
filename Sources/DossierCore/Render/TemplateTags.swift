/// The tags of a Mustache template, read one after the other as Mustache reads
/// them: a comment's text is not a tag, a set-delimiter tag (`{{=<% %>=}}`) changes
/// what the following tags look like, and a triple mustache (`{{{name}}}`) ends with
/// one more brace. Each character is read once, whatever the template contains.
struct TemplateTag {
    /// The character after the opening delimiter: `>` partial, `<` parent, `#`
    /// section, `/` end of section, `!` comment…
    var sigil: Unicode.Scalar
    /// What follows the sigil, up to the closing delimiter.
    var content: String
    var line: Int
    var column: Int

    static func all(in text: String) -> [TemplateTag] {
        let scalars = Array(text.unicodeScalars)
        let defaultOpen = Array("{{".unicodeScalars)
        var open = defaultOpen, close = Array("}}".unicodeScalars)
        var tags: [TemplateTag] = []
        var position = Position()
        var index = 0
        while let start = find(open, in: scalars, from: index) {
            position.advance(to: start, in: scalars)
            let contentStart = start + open.count
            let isTriple = open == defaultOpen && contentStart < scalars.count && scalars[contentStart] == "{"
            let closing = isTriple ? close + ["}"] : close
            guard let end = find(closing, in: scalars, from: contentStart) else { break }
            index = end + closing.count
            guard contentStart < end else { continue }
            let tag = TemplateTag(
                sigil: scalars[contentStart], content: String(String.UnicodeScalarView(scalars[(contentStart + 1)..<end])),
                line: position.line, column: position.column)
            tags.append(tag)
            // `{{=<% %>=}}`: the new opening and closing delimiters, between two '='.
            if tag.sigil == "=", !isTriple, tag.content.hasSuffix("=") {
                let delimiters = tag.content.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
                if delimiters.count == 2 {
                    open = Array(delimiters[0].unicodeScalars)
                    close = Array(delimiters[1].unicodeScalars)
                }
            }
        }
        return tags
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
