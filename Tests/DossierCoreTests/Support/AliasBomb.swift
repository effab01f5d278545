/// "Billion laughs" in YAML: the first line holds `width` strings under anchor `a`,
/// and every further line is a list of `width` aliases to the line before, so
/// `levels` short lines expand to width^levels values.
enum AliasBomb {
    static func lines(levels: Int, width: Int = 9, indent: String = "") -> [String] {
        let names = (0..<levels).map { String(UnicodeScalar(UInt8(ascii: "a") + UInt8($0))) }
        var lines = [indent + "a: &a [" + Array(repeating: "\"lol\"", count: width).joined(separator: ",") + "]"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append(indent + "\(name): &\(name) [" + Array(repeating: "*" + previous, count: width).joined(separator: ",") + "]")
        }
        return lines
    }

    /// The 1-based line and column of the first occurrence of `needle` in `text`.
    static func position(of needle: String, in text: String) -> (line: Int, column: Int)? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: needle) {
                return (index + 1, line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return nil
    }
}
