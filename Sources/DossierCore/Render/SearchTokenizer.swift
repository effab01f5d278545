import Foundation

/// Splits text into the terms of the search index. The theme's `search.js` splits
/// a query the same way, from the rules this type writes beside the index
/// (`rulesJSON`), so a term typed in the browser is a term of the index.
///
/// ```swift
/// SearchTokenizer.terms("Iran’s treaty: 伊朗和俄罗斯")
/// // ["iran", "s", "treaty", "伊朗", "朗和", "和俄", "俄罗", "罗斯"]
/// SearchTokenizer.terms("ايران")  // ["ایران"]: typed with the Arabic yeh, indexed with the Persian one
/// ```
///
/// Folding, in this order: lowercase; decompose (NFD) and drop the Latin combining
/// diacritics U+0300–U+036F, so "Cote" finds "Côte" (search forgives what linking
/// does not); recompose (NFC); then fold the Arabic-script letters as the mention
/// matcher does (ي ى → ی, ك → ک), drop ZWNJ and tatweel, and fold the final sigma
/// ς to σ (JavaScript lowercases Σ by its place in the word, Swift does not).
///
/// Splitting: a term is a run of letters, marks and digits (general categories L, M
/// and N); anything else separates terms. In the scripts written without spaces
/// (`UnspacedScripts`: Han, kana, Thai, Lao, Khmer, Myanmar) a run is cut into
/// overlapping pairs of code points, since no dictionary says where words end: a
/// query's pairs are all found in a text that holds the query. A run of one letter
/// is a term of one letter. Pairs are of code points, not of user-perceived
/// characters, because JavaScript without `Intl.Segmenter` has only code points.
enum SearchTokenizer {
    static let letterFolds: [(variant: UInt32, folded: UInt32)] = NameFolding.arabicLetterVariants + [(0x03C2, 0x03C3)]
    static let strippedMarks: ClosedRange<UInt32> = 0x0300...0x036F

    /// `letterFolds` and `NameFolding.transparentScalars` as one switch, which the
    /// tokenizer's per-letter loop can afford; `SearchTokenizerTests` checks that they agree.
    @inline(__always)
    static func foldLetter(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x064A, 0x0649: 0x06CC
        case 0x0643: 0x06A9
        case 0x03C2: 0x03C3
        case 0x200C, 0x0640: NameFolding.transparent
        default: value
        }
    }

    static func fold(_ text: String) -> String {
        var stripped: [UInt8] = []
        stripped.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        where !strippedMarks.contains(scalar.value) {
            stripped.append(contentsOf: scalar.utf8)
        }
        var folded: [UInt8] = []
        folded.reserveCapacity(stripped.count)
        for scalar in String(decoding: stripped, as: UTF8.self).precomposedStringWithCanonicalMapping.unicodeScalars {
            let value = foldLetter(scalar.value)
            if value == NameFolding.transparent { continue }
            folded.append(contentsOf: value == scalar.value ? scalar.utf8 : Unicode.Scalar(value)!.utf8)
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// Non-ASCII characters that English prose is full of: Latin-1's punctuation and
    /// spaces, and General Punctuation (curly quotes, dashes, thin and non-breaking spaces).
    static let proseSeparatorBlocks: [ClosedRange<UInt32>] = [0x00A0...0x00BF, 0x2000...0x206F]

    /// Whether `fold` could give `text` other terms than ASCII lowercasing does: true
    /// unless every non-ASCII character is a separator from `proseSeparatorBlocks`,
    /// which folding never turns into a letter, mark or digit (`SearchTokenizerTests`
    /// checks each). Lowercasing and normalising go through Foundation and are most of
    /// the cost of making the index; English prose rarely needs them.
    static func needsFolding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while they are all ASCII: most prose is.
            if index + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let (value, length) = scalar(in: bytes, at: index)
            if !isInProseSeparatorBlock(value) || isTermCharacter(Unicode.Scalar(value)!) { return true }
            index += length
        }
        return false
    }

    /// `proseSeparatorBlocks.contains { $0.contains(value) }`, without the array.
    @inline(__always)
    static func isInProseSeparatorBlock(_ value: UInt32) -> Bool {
        (value >= 0x00A0 && value <= 0x00BF) || (value >= 0x2000 && value <= 0x206F)
    }

    /// The terms of `text` in reading order, repeats included.
    static func terms(_ text: String) -> [String] {
        var terms = StringTerms()
        forEachTerm(in: text, into: &terms)
        return terms.strings
    }

    /// Hands `sink` each term of `text` as UTF-8, with its hash, in reading order,
    /// repeats included, without making a `String` of it: the index interns terms by
    /// their bytes (`SearchTermTable`). The buffer is valid only during the call.
    static func forEachTerm<Sink: SearchTermSink>(in text: String, into sink: inout Sink) {
        var text = text
        let mustFold = text.withUTF8 { bytes in
            if needsFolding(bytes) { return true }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { buffer in
                var words = ASCIIWords(buffer: buffer.baseAddress!)
                words.scan(bytes, into: &sink)
                words.end(into: &sink)
            }
            return false
        }
        guard mustFold else { return }
        var folded = fold(text)
        folded.withUTF8 { scalarTerms($0, into: &sink) }
    }

    /// `forEachTerm(in:into:)` of the text that `pieces` make read one after another,
    /// if none of them needs folding (`needsFolding`); otherwise false, and nothing is
    /// handed to `sink`. A search passage is pieces of its document's text, read in
    /// place: spaces separate terms whether or not their runs are collapsed, so the
    /// terms are those of the passage's collapsed text.
    static func forEachTerm<Sink: SearchTermSink>(inPieces pieces: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, into sink: inout Sink) -> Bool {
        var total = 0
        for piece in pieces {
            if !startsAndEndsScalars(piece) || needsFolding(piece) { return false }
            total += piece.count
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(total, 1)) { buffer in
            var words = ASCIIWords(buffer: buffer.baseAddress!)
            for piece in pieces { words.scan(piece, into: &sink) }
            words.end(into: &sink)
        }
        return true
    }

    /// Whether `bytes`, a slice of valid UTF-8, neither starts nor ends inside a code
    /// point: a piece cut elsewhere is read as its `String` reads it, repaired.
    private static func startsAndEndsScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        if first & 0xC0 == 0x80 { return false }
        if last < 0x80 { return true }
        // Back to the last lead byte: its sequence must end with the piece.
        var lead = bytes.count - 1
        while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        let byte = bytes[lead]
        let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
        return bytes.count - lead == length
    }

    /// The terms of text whose non-ASCII characters are all separators: runs of ASCII
    /// letters and digits, lowercased into `buffer` and hashed as they are read. A word
    /// may go on from one `scan` to the next.
    private struct ASCIIWords {
        /// Room for the longest word.
        let buffer: UnsafeMutablePointer<UInt8>
        private var length = 0
        private var hash = SearchTermTable.Hash()

        init(buffer: UnsafeMutablePointer<UInt8>) {
            self.buffer = buffer
        }

        @inline(__always)
        mutating func scan<Sink: SearchTermSink>(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
            guard let base = bytes.baseAddress else { return }
            for index in 0..<bytes.count {
                let byte = base[index]
                // Setting bit 5 lowercases A–Z and leaves a–z; it makes no other byte a letter.
                let lowered = byte | 0x20
                let kept: UInt8
                if lowered &- 0x61 < 26 {
                    kept = lowered
                } else if byte &- 0x30 < 10 {
                    kept = byte
                } else {
                    if length > 0 { end(into: &sink) }
                    continue
                }
                buffer[length] = kept
                length += 1
                hash.add(kept)
            }
        }

        @inline(__always)
        mutating func end<Sink: SearchTermSink>(into sink: inout Sink) {
            guard length > 0 else { return }
            sink.take(UnsafeBufferPointer(start: buffer, count: length), hash: hash.value)
            length = 0
            hash = SearchTermTable.Hash()
        }
    }

    /// The terms of folded text: runs of letters, marks and digits, those of unspaced
    /// scripts cut into overlapping pairs of code points.
    private static func scalarTerms<Sink: SearchTermSink>(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        func take(_ range: Range<Int>) {
            let term = UnsafeBufferPointer(rebasing: bytes[range])
            sink.take(term, hash: SearchTermTable.hash(term))
        }
        var wordStart: Int?
        // The byte offsets of the current unspaced run's code points.
        var run: [Int] = []
        func endWord(at end: Int) {
            guard let start = wordStart else { return }
            take(start..<end)
            wordStart = nil
        }
        func endRun(at end: Int) {
            guard !run.isEmpty else { return }
            run.append(end)
            if run.count == 2 { take(run[0]..<run[1]) }
            for index in run.indices.dropLast(2) { take(run[index]..<run[index + 2]) }
            run.removeAll(keepingCapacity: true)
        }
        var index = 0
        while index < bytes.count {
            let (value, length) = scalar(in: bytes, at: index)
            if !isTermCharacter(Unicode.Scalar(value)!) {
                endWord(at: index)
                endRun(at: index)
            } else if UnspacedScripts.contains(value) {
                endWord(at: index)
                run.append(index)
            } else {
                endRun(at: index)
                if wordStart == nil { wordStart = index }
            }
            index += length
        }
        endWord(at: index)
        endRun(at: index)
    }

    /// The code point that starts at `index` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        func continuation(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | continuation(1), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3) }
        return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
    }

    /// Letters, marks and digits: what JavaScript's `/[\p{L}\p{M}\p{N}]/u` matches.
    static func isTermCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// The rules `search.js` applies to a query, as a JSON object: code point ranges
    /// of the unspaced scripts, letter folds, transparent scalars and stripped marks.
    static var rulesJSON: String {
        let rules: [String: Any] = [
            "unspaced": UnspacedScripts.ranges.map { [Int($0.lowerBound), Int($0.upperBound)] },
            "letters": letterFolds.map { [Int($0.variant), Int($0.folded)] },
            "transparent": NameFolding.transparentScalars.map { Int($0) },
            "stripped": [[Int(strippedMarks.lowerBound), Int(strippedMarks.upperBound)]],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: rules, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Takes the terms of a text from `SearchTokenizer`, each with its hash
/// (`SearchTermTable.Hash`), computed as the term was read.
protocol SearchTermSink {
    mutating func take(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64)
}

/// The terms as strings, in order, repeats included.
private struct StringTerms: SearchTermSink {
    var strings: [String] = []

    mutating func take(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        strings.append(String(decoding: term, as: UTF8.self))
    }
}
