enum Snippet {
    /// About `width` characters of `text` around a range (`start` counted from the
    /// slice's beginning), cut at word boundaries, with "…" where text was cut. Works
    /// on the block's slice of the document's text and reads only the part around
    /// the range, however long the block.
    static func around(_ text: ArraySlice<Unicode.Scalar>, start: Int, length: Int, width: Int = 200) -> String {
        passage(text, start: start, length: length, width: width).text
    }

    /// The snippet and where the range lies in it, in Unicode scalars, so a page can
    /// mark the name it was found for.
    static func passage(_ text: ArraySlice<Unicode.Scalar>, start: Int, length: Int, width: Int = 200) -> SnippetPassage {
        let cut = cut(text, start: start, length: length, width: width)
        let quoted = text[(text.startIndex + cut.window.lowerBound)..<(text.startIndex + cut.window.upperBound)]
        return SnippetPassage(text: utf8String(cut.cutBefore ? ellipsis : "", quoted, cut.cutAfter ? ellipsis : ""),
                              match: cut.match, window: cut.window, shift: cut.shift)
    }

    static let ellipsis = "…"

    /// Where the snippet around a range begins and ends, without building its text:
    /// the linker keeps only the window, as a range of the document's text.
    static func cut(_ text: ArraySlice<Unicode.Scalar>, start rawStart: Int, length rawLength: Int, width: Int = 200) -> SnippetCut {
        let count = text.count
        func scalar(_ offset: Int) -> Unicode.Scalar { text[text.startIndex + offset] }
        func isSpace(_ offset: Int) -> Bool {
            let scalar = scalar(offset)
            return scalar == " " || scalar == "\n" || scalar == "\t"
        }
        let start = min(max(0, rawStart), count)
        let length = min(max(0, rawLength), count - start)
        func trimmed(_ range: Range<Int>, cutBefore: Bool = false, cutAfter: Bool = false) -> SnippetCut {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < min(upper, start), isSpace(lower) { lower += 1 }
            while upper > max(lower, start + length), isSpace(upper - 1) { upper -= 1 }
            let shift = (cutBefore ? 1 : 0) - lower
            return SnippetCut(window: lower..<upper, cutBefore: cutBefore, cutAfter: cutAfter,
                              match: (start + shift)..<(start + length + shift), shift: shift)
        }
        guard count > width else { return trimmed(0..<count) }
        let context = max(0, width - length)
        var lower = max(0, start - context * 2 / 5)
        var upper = min(count, start + length + (context - (start - lower)))
        if upper == count { lower = max(0, upper - width) }
        if lower > 0 {
            while lower < start, !isSpace(lower - 1) { lower += 1 }
        }
        if upper < count {
            while upper > start + length, !isSpace(upper) { upper -= 1 }
        }
        return trimmed(lower..<upper, cutBefore: lower > 0, cutAfter: upper < count)
    }

    /// `prefix + scalars + suffix` encoded straight into the new string's UTF-8
    /// storage: appending scalars to a `String.UnicodeScalarView` one by one made
    /// snippets 58 % of a large build's heap allocations.
    static func utf8String(_ prefix: String, _ scalars: ArraySlice<Unicode.Scalar>, _ suffix: String) -> String {
        var size = prefix.utf8.count + suffix.utf8.count
        for scalar in scalars { size += UTF8.width(scalar) }
        return String(unsafeUninitializedCapacity: size) { buffer in
            var written = 0
            for byte in prefix.utf8 { buffer[written] = byte; written += 1 }
            for scalar in scalars { UTF8.encode(scalar) { buffer[written] = $0; written += 1 } }
            for byte in suffix.utf8 { buffer[written] = byte; written += 1 }
            return written
        }
    }

    static func around(_ text: String, start: Int, length: Int, width: Int = 200) -> String {
        around(Array(text.unicodeScalars)[...], start: start, length: length, width: width)
    }

    static func passage(_ text: String, start: Int, length: Int, width: Int = 200) -> SnippetPassage {
        passage(Array(text.unicodeScalars)[...], start: start, length: length, width: width)
    }
}

/// Where a snippet lies in the text it quotes, and whether "…" stands before or
/// after it.
struct SnippetCut: Equatable {
    /// The quoted part of the source text, in Unicode scalars from its start.
    var window: Range<Int>
    var cutBefore: Bool
    var cutAfter: Bool
    /// Where the range asked for lies in the snippet, in Unicode scalars.
    var match: Range<Int>
    /// Added to an offset in the source text to find it in the snippet (after any "…").
    var shift: Int

    /// Where another range of the source text lies in the snippet, if it is wholly quoted.
    func place(_ range: Range<Int>) -> Range<Int>? {
        guard range.lowerBound >= window.lowerBound, range.upperBound <= window.upperBound else { return nil }
        return (range.lowerBound + shift)..<(range.upperBound + shift)
    }
}

/// A snippet and how the text it quotes maps into it.
struct SnippetPassage: Equatable {
    var text: String
    /// Where the range asked for lies in `text`, in Unicode scalars.
    var match: Range<Int>
    /// The part of the source text that `text` quotes.
    var window: Range<Int>
    /// Added to an offset in the source text to find it in `text` (after any "…").
    var shift: Int

    /// Where another range of the source text lies in `text`, if it is wholly quoted.
    func place(_ range: Range<Int>) -> Range<Int>? {
        guard range.lowerBound >= window.lowerBound, range.upperBound <= window.upperBound else { return nil }
        return (range.lowerBound + shift)..<(range.upperBound + shift)
    }
}
