extension PictureSVG {
    /// `text` broken into lines of at most `maxCharacters`, at spaces where possible; a word
    /// longer than a line is split inside it. Nothing is dropped: the lines joined with spaces
    /// give back the text with its runs of white space collapsed.
    static func wrapLines(_ text: String, maxCharacters: Int) -> [String] {
        let limit = max(1, maxCharacters)
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            var word = String(word)
            if !current.isEmpty, current.count + 1 + word.count <= limit {
                current += " " + word
                continue
            }
            if !current.isEmpty { lines.append(current) }
            while word.count > limit {
                lines.append(String(word.prefix(limit)))
                word = String(word.dropFirst(limit))
            }
            current = word
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [text] : lines
    }
}
