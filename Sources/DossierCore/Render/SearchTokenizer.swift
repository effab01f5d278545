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
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let (value, length) = scalar(in: bytes, at: index)
            if !proseSeparatorBlocks.contains(where: { $0.contains(value) }) || isTermCharacter(Unicode.Scalar(value)!) { return true }
            index += length
        }
        return false
    }

    /// The terms of `text` in reading order, repeats included.
    static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { terms.append(String(decoding: $0, as: UTF8.self)) }
        return terms
    }

    /// Calls `body` with each term of `text` as UTF-8, in reading order, repeats
    /// included, without making a `String` of it: the index interns terms by their bytes
    /// (`SearchTermTable`). The buffer is valid only during the call.
    static func forEachTerm(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let original = text
        var text = text
        let folded: String? = text.withUTF8 { bytes in
            if needsFolding(bytes) { return fold(original) }
            asciiTerms(bytes, body)
            return nil
        }
        guard var folded else { return }
        folded.withUTF8 { scalarTerms($0, body) }
    }

    /// The terms of text whose non-ASCII characters are all separators: runs of ASCII
    /// letters and digits, lowercased.
    private static func asciiTerms(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { lowered in
            var length = 0
            func endWord() {
                guard length > 0 else { return }
                body(UnsafeBufferPointer(rebasing: lowered[0..<length]))
                length = 0
            }
            for byte in bytes {
                if byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39 {
                    lowered[length] = byte
                    length += 1
                } else if byte >= 0x41 && byte <= 0x5A {
                    lowered[length] = byte + 0x20
                    length += 1
                } else {
                    endWord()
                }
            }
            endWord()
        }
    }

    /// The terms of folded text: runs of letters, marks and digits, those of unspaced
    /// scripts cut into overlapping pairs of code points.
    private static func scalarTerms(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var wordStart: Int?
        // The byte offsets of the current unspaced run's code points.
        var run: [Int] = []
        func endWord(at end: Int) {
            guard let start = wordStart else { return }
            body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            wordStart = nil
        }
        func endRun(at end: Int) {
            guard !run.isEmpty else { return }
            run.append(end)
            if run.count == 2 { body(UnsafeBufferPointer(rebasing: bytes[run[0]..<run[1]])) }
            for index in run.indices.dropLast(2) { body(UnsafeBufferPointer(rebasing: bytes[run[index]..<run[index + 2]])) }
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
