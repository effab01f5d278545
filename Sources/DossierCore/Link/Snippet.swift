enum Snippet {
    /// About `width` characters of `scalars` around a range, cut at word
    /// boundaries, with "…" where text was cut. Works on the block's scalars, which
    /// the caller converts once per block rather than once per mention.
    static func around(_ scalars: [Unicode.Scalar], start: Int, length: Int, width: Int = 200) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\n" || scalar == "\t" }
        func text(_ range: Range<Int>) -> String {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < upper, isSpace(scalars[lower]) { lower += 1 }
            while upper > lower, isSpace(scalars[upper - 1]) { upper -= 1 }
            var result = String.UnicodeScalarView()
            result.append(contentsOf: scalars[lower..<upper])
            return String(result)
        }
        guard scalars.count > width else { return text(0..<scalars.count) }
        let context = max(0, width - length)
        var lower = max(0, start - context * 2 / 5)
        var upper = min(scalars.count, start + length + (context - (start - lower)))
        if upper == scalars.count { lower = max(0, upper - width) }
        if lower > 0 {
            while lower < start, !isSpace(scalars[lower - 1]) { lower += 1 }
        }
        if upper < scalars.count {
            while upper > start + length, !isSpace(scalars[upper]) { upper -= 1 }
        }
        return (lower > 0 ? "…" : "") + text(lower..<upper) + (upper < scalars.count ? "…" : "")
    }

    static func around(_ text: String, start: Int, length: Int, width: Int = 200) -> String {
        around(Array(text.unicodeScalars), start: start, length: length, width: width)
    }
}
