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

/// Works on the file's UTF-8 bytes: line ends and fences are ASCII, so no Character
/// (grapheme) splitting of the whole file is needed.
public enum FrontMatterSplitter {
    public enum Failure: Error, Equatable {
        /// The opening `---` has no closing fence; `line` is the opening fence's line.
        case unterminated(line: Int)
    }

    public static func split(_ text: String) -> Result<FrontMatter, Failure> {
        var text = text
        return text.withUTF8 { split(bytes: $0) }
    }

    private static let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    private static func split(bytes: UnsafeBufferPointer<UInt8>) -> Result<FrontMatter, Failure> {
        let count = bytes.count
        let start = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        /// The end of the line starting at `position` and where the next line starts;
        /// "\r\n", "\r" and "\n" each end a line, as in cmark.
        func line(at position: Int) -> (end: Int, next: Int) {
            var end = position
            while end < count, bytes[end] != lf, bytes[end] != cr { end += 1 }
            if end == count { return (end, count) }
            return (end, bytes[end] == cr && end + 1 < count && bytes[end + 1] == lf ? end + 2 : end + 1)
        }
        func isFence(_ lower: Int, _ upper: Int) -> Bool {
            var upper = upper
            while upper > lower, bytes[upper - 1] == UInt8(ascii: " ") || bytes[upper - 1] == UInt8(ascii: "\t") { upper -= 1 }
            return upper - lower == 3 && bytes[lower] == UInt8(ascii: "-") && bytes[lower + 1] == UInt8(ascii: "-")
                && bytes[lower + 2] == UInt8(ascii: "-")
        }
        /// Where the line end before the line starting at `position` begins.
        func lineEndBefore(_ position: Int) -> Int {
            if position >= 2, bytes[position - 2] == cr, bytes[position - 1] == lf { return position - 2 }
            return position - 1
        }
        let first = line(at: start)
        guard isFence(start, first.end) else {
            let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<count]), as: UTF8.self)
            return .success(FrontMatter(yaml: nil, yamlFirstLine: 1, body: Body(text: body, firstLine: 1)))
        }
        // A file ending right after a line end has one more, empty, line.
        guard first.next < count || first.end < count else { return .failure(.unterminated(line: 1)) }
        let yamlStart = first.next
        var position = yamlStart, lineIndex = 1
        while true {
            let current = line(at: position)
            if isFence(position, current.end) {
                let yamlEnd = max(yamlStart, lineEndBefore(position))
                let yaml = normalizedLines(bytes, yamlStart..<yamlEnd)
                let body = normalizedLines(bytes, current.next..<count)
                return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: Body(text: body, firstLine: lineIndex + 2)))
            }
            // The last line: no line end after it.
            if current.end == count { return .failure(.unterminated(line: 1)) }
            position = current.next
            lineIndex += 1
        }
    }

    /// The bytes as a string with every "\r\n" and lone "\r" turned into "\n".
    private static func normalizedLines(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard slice.contains(cr) else { return String(decoding: slice, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: slice.count) { buffer in
            var written = 0, index = 0
            while index < slice.count {
                let byte = slice[index]
                index += 1
                if byte == cr {
                    if index < slice.count, slice[index] == lf { index += 1 }
                    buffer[written] = lf
                } else {
                    buffer[written] = byte
                }
                written += 1
            }
            return written
        }
    }
}
