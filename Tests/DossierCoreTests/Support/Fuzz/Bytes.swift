/// Byte-level helpers for the mutator: files are fuzzed as bytes, not strings, so
/// invalid UTF-8 survives every step.
enum Bytes {
    static let newline = UInt8(ascii: "\n")

    /// Where the YAML between the opening and closing `---` lines is, and where the
    /// body after them is; nil when the file does not start with a `---` line
    /// followed later by another.
    static func frontMatterRanges(in bytes: [UInt8]) -> (frontMatter: Range<Int>, body: Range<Int>)? {
        let lines = lineRanges(in: bytes, 0..<bytes.count)
        guard let first = lines.first, isFence(bytes[first]) else { return nil }
        guard let closing = lines.dropFirst().first(where: { isFence(bytes[$0]) }) else { return nil }
        return (first.upperBound..<closing.lowerBound, closing.upperBound..<bytes.count)
    }

    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        var text = line
        while let last = text.last, last == newline || last == UInt8(ascii: "\r") { text = text.dropLast() }
        return text.elementsEqual("---".utf8)
    }

    /// Each line that starts in `range`, its newline included.
    static func lineRanges(in bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = range.lowerBound
        while start < range.upperBound {
            let end = bytes[start..<bytes.count].firstIndex(of: newline).map { $0 + 1 } ?? bytes.count
            lines.append(start..<end)
            start = end
        }
        return lines
    }

    /// The start of a random line in `range` (or its end), so a block lands on a line of its own.
    static func randomLineStart(in bytes: [UInt8], _ range: Range<Int>, _ random: inout SplitMix64) -> Int {
        let starts = lineRanges(in: bytes, range).map(\.lowerBound) + [range.upperBound]
        return random.pick(starts)
    }

    /// `text` preceded by a newline when `offset` is not at the start of a line.
    static func onItsOwnLine(_ text: String, at offset: Int, in bytes: [UInt8]) -> [UInt8] {
        offset == 0 || bytes[offset - 1] == newline ? Array(text.utf8) : [newline] + Array(text.utf8)
    }

    /// `unit` repeated until `length` bytes (cut mid-unit if need be).
    static func repeated(_ unit: String, toLength length: Int) -> [UInt8] {
        let bytes = Array(unit.utf8)
        var result = [UInt8]()
        result.reserveCapacity(length + bytes.count)
        while result.count < length { result += bytes }
        return Array(result.prefix(length))
    }

    /// `key: value` in the YAML of `range`: replaces the key's line and the indented or
    /// `- ` lines under it (its old block value), or adds the line at the end.
    static func settingTopLevelKey(_ key: String, to value: [UInt8], in bytes: [UInt8], _ range: Range<Int>) -> [UInt8] {
        let lines = lineRanges(in: bytes, range)
        let line = Array((key + ": ").utf8) + value + [newline]
        guard let index = lines.firstIndex(where: { bytes[$0].starts(with: Array((key + ":").utf8)) }) else {
            var result = bytes
            result.insert(contentsOf: onItsOwnLine(String(decoding: line, as: UTF8.self), at: range.upperBound, in: bytes),
                          at: range.upperBound)
            return result
        }
        var end = index + 1
        while end < lines.count, let first = bytes[lines[end]].first, first == UInt8(ascii: " ") || first == UInt8(ascii: "-") {
            end += 1
        }
        var result = bytes
        result.replaceSubrange(lines[index].lowerBound..<lines[end - 1].upperBound, with: line)
        return result
    }

    /// At most 60 characters of `text`, for a step's description.
    static func abbreviated(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: "\\n")
        return "'" + (flat.count > 60 ? flat.prefix(57) + "..." : flat) + "'"
    }
}
