/// A Markdown text's lines as cmark-gfm numbers them: a line ends at "\n", "\r\n"
/// or a lone "\r", so positions cmark reports find the right line in files saved
/// with any convention.
enum MarkdownLines {
    static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.utf8.startIndex
        var index = start
        while index < text.utf8.endIndex {
            let byte = text.utf8[index]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                index = text.utf8.index(after: index)
                continue
            }
            lines.append(text[start..<index])
            var next = text.utf8.index(after: index)
            if byte == UInt8(ascii: "\r"), next < text.utf8.endIndex, text.utf8[next] == UInt8(ascii: "\n") {
                next = text.utf8.index(after: next)
            }
            start = next
            index = next
        }
        lines.append(text[start...])
        return lines
    }

    /// How many lines `split` gives, without making them.
    static func count(_ text: String) -> Int {
        var text = text
        // Over the contiguous bytes, a plain scan: it runs over every body before linking.
        return text.withUTF8 { bytes in
            var count = 1
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == UInt8(ascii: "\r") || (byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r")) { count += 1 }
                previous = byte
            }
            return count
        }
    }
}

/// cmark-gfm counts the columns of inline nodes on a paragraph's continuation lines
/// as if the line's own indentation were not there (`  [two](b.md)` is at column 1).
enum SourceColumn {
    /// `column`, or the first place at or after it where the line has `prefix`, if
    /// `column` does not.
    static func corrected(_ column: Int, startingWith prefix: String, line: Int, in lines: [Substring]) -> Int {
        guard lines.indices.contains(line - 1), column >= 1 else { return column }
        let bytes = Array(lines[line - 1].utf8), target = Array(prefix.utf8)
        var start = column - 1
        while start + target.count <= bytes.count {
            if Array(bytes[start..<(start + target.count)]) == target { return start + 1 }
            start += 1
        }
        return column
    }
}
