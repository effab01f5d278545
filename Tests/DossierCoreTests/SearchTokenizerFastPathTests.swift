import Foundation
import Testing
@testable import DossierCore

/// The tokenizer's shortcuts against its general rule. ASCII prose is lowercased and
/// hashed in one pass, and a search passage is tokenized in place, piece by piece;
/// every other text is folded and cut by scalars. Each shortcut must give exactly the
/// terms the general rule gives: folding, then runs of letters, marks and digits, with
/// unspaced scripts cut into pairs of code points.
@Suite struct SearchTokenizerFastPathTests {
    /// The general rule, written out over scalars: what the tokenizer's every path must give.
    static func referenceTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var word = String.UnicodeScalarView(), run: [Unicode.Scalar] = []
        func endWord() {
            if !word.isEmpty { terms.append(String(word)) }
            word = String.UnicodeScalarView()
        }
        func endRun() {
            if run.count == 1 { terms.append(String(Character(run[0]))) }
            for index in run.indices.dropLast() {
                var pair = String.UnicodeScalarView()
                pair.append(run[index])
                pair.append(run[index + 1])
                terms.append(String(pair))
            }
            run = []
        }
        for scalar in SearchTokenizer.fold(text).unicodeScalars {
            if !SearchTokenizer.isTermCharacter(scalar) {
                endWord()
                endRun()
            } else if UnspacedScripts.contains(scalar.value) {
                endWord()
                run.append(scalar)
            } else {
                endRun()
                word.append(scalar)
            }
        }
        endWord()
        endRun()
        return terms
    }

    /// Terms with the hashes the tokenizer handed over.
    struct Recorder: SearchTermSink {
        var terms: [String] = []
        var hashes: [UInt64] = []

        mutating func take(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64) {
            terms.append(String(decoding: term, as: UTF8.self))
            hashes.append(hash)
        }
    }

    /// Scalars from every script the index serves and from the edges of the shortcut:
    /// ASCII, the prose separators, Latin with accents and combining marks, Greek
    /// sigmas, Cyrillic, Hebrew, Arabic and Persian letters with their folded variants,
    /// ZWNJ and tatweel, Devanagari, Thai, CJK, kana, Hangul, and the supplementary planes.
    static let pools: [[UInt32]] = [
        Array(0x20...0x7E), Array(0x20...0x7E), [0x20, 0x20, 0x0A, 0x09],
        Array(0xA0...0xBF), Array(0x2000...0x206F), Array(0xC0...0x17F), Array(0x300...0x36F),
        [0x3A3, 0x3C2, 0x3C3, 0x391, 0x3AC], Array(0x400...0x44F), Array(0x5D0...0x5EA) + [0x5B0, 0x5BC],
        Array(0x621...0x64A) + [0x6A9, 0x6CC, 0x649, 0x643, 0x200C, 0x640, 0x64B, 0x670], Array(0x905...0x939) + [0x93F, 0x94D, 0x966],
        Array(0xE01...0xE3A), Array(0x4E00...0x4E40) + [0x3002, 0xFF0C], Array(0x3041...0x3096) + [0x3099, 0x30A2],
        Array(0xAC00...0xAC20), [0x1F600, 0x10330, 0x1D400, 0x20000, 0xE000, 0xFF41, 0xFFFD, 0x2160, 0x00B2, 0x212A, 0x0130, 0x1E9E],
    ]

    static func randomText(_ generator: inout SplitMix64, asciiMostly: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        let length = Int.random(in: 0...40, using: &generator)
        for _ in 0..<length {
            let pool = asciiMostly && Int.random(in: 0..<10, using: &generator) < 8
                ? pools[Int.random(in: 0...4, using: &generator)]
                : pools.randomElement(using: &generator)!
            if let scalar = Unicode.Scalar(pool.randomElement(using: &generator)!) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// Lines of the shared corpus: Markdown prose, JSON, and the countries' names in
    /// their own scripts; empty when it is not present.
    static func corpusLines(limit: Int) -> [String] {
        let root = TestPaths.shared.appendingPathComponent("corpus-raw")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var lines: [String] = []
        var size = 0
        let files = walker.compactMap { $0 as? URL }.filter { ["md", "json"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
        // Every seventh file, and the countries' native names whole.
        for (position, file) in files.enumerated() where position % 7 == 0 || file.lastPathComponent == "countries.json" {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                lines.append(String(line))
                size += line.utf8.count
                if size > limit { return lines }
            }
        }
        return lines
    }

    static func check(_ text: String, _ comment: Comment? = nil) {
        var recorder = Recorder()
        SearchTokenizer.forEachTerm(in: text, into: &recorder)
        #expect(recorder.terms == referenceTerms(text), comment ?? Comment(rawValue: String(text.prefix(60))))
        var copy = recorder.terms
        let expected = copy.indices.map { index in copy[index].withUTF8 { SearchTermTable.hash($0) } }
        #expect(recorder.hashes == expected, "each term handed on with its own hash")
    }

    @Test func theShortcutsGiveTheGeneralRulesTermsOverTheCorpus() {
        let lines = Self.corpusLines(limit: 400_000)
        for line in lines { Self.check(line) }
        // The corpus is not in every checkout; when it is, it is mostly the shortcut's.
        if TestPaths.sharedIsPresent { #expect(lines.count > 1_000) }
    }

    @Test func theShortcutsGiveTheGeneralRulesTermsOverRandomUnicode() {
        var generator = SplitMix64(seed: 15)
        for round in 0..<4_000 {
            Self.check(Self.randomText(&generator, asciiMostly: round % 2 == 0))
        }
    }

    @Test func everyScriptIsTokenizedAsTheGeneralRuleDoes() {
        let samples = [
            "Iran’s “strategic” treaty — signed 17\u{00A0}January 2025", "ΟΔΟΣ οδος Σίσυφος", "Иран и Россия подписали договор",
            "伊朗和俄罗斯签署了条约", "イランはIAEAと協力", "ایران و روسيه همكاري", "بین‌المللی ایـــران", "ישראל ואיראן",
            "भारत और ईरान ने समझौता किया", "จีนและไทย", "ຈີນ", "ចិន។រុស្ស៊ី", "တရုတ်။", "Côte d’Ivoire ª² µ ¼",
            "ǅemal İstanbul ẞ KELVIN", "a\u{0301}b \u{0300}c", "𐌰𐌱 😀x", "",
        ]
        for sample in samples { Self.check(sample) }
    }

    @Test func theProseSeparatorTestAgreesWithItsBlocks() {
        for value in UInt32(0)...0x2100 {
            #expect(SearchTokenizer.isInProseSeparatorBlock(value) == SearchTokenizer.proseSeparatorBlocks.contains { $0.contains(value) })
        }
    }

    /// Pieces read one after another give the terms of their text joined, or are
    /// refused, with nothing handed on, when that text needs folding.
    @Test func piecesReadInPlaceGiveTheTermsOfTheirText() {
        var generator = SplitMix64(seed: 29)
        for round in 0..<3_000 {
            let parts = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                Self.randomText(&generator, asciiMostly: round % 3 != 0)
            }
            var recorder = Recorder()
            let arrays = parts.map { Array($0.utf8) }
            let taken = Self.withBuffers(arrays) { SearchTokenizer.forEachTerm(inPieces: $0, into: &recorder) }
            let joined = parts.joined()
            if taken {
                #expect(recorder.terms == Self.referenceTerms(joined), "\(joined.prefix(60))")
            } else {
                #expect(recorder.terms.isEmpty)
                #expect(arrays.contains { bytes in bytes.withUnsafeBufferPointer(SearchTokenizer.needsFolding) })
            }
        }
    }

    /// A piece that starts or ends inside a code point is not read in place.
    @Test func aPieceCutInsideACodePointIsRefused() {
        for cut in [Array("aé".utf8).dropLast(), Array("éa".utf8).dropFirst(), Array("a伊".utf8).dropLast(2), Array("😀".utf8).dropLast()] {
            var recorder = Recorder()
            #expect(!Self.withBuffers([Array(cut)]) { SearchTokenizer.forEachTerm(inPieces: $0, into: &recorder) })
        }
    }

    static func withBuffers<Result>(_ arrays: [[UInt8]], _ body: (UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>) -> Result) -> Result {
        let copies = arrays.map { bytes -> UnsafeMutableBufferPointer<UInt8> in
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
            _ = copy.initialize(from: bytes)
            return UnsafeMutableBufferPointer(rebasing: copy[0..<bytes.count])
        }
        defer { for copy in copies { copy.baseAddress?.deallocate() } }
        return copies.map { UnsafeBufferPointer($0) }.withUnsafeBufferPointer(body)
    }

    /// A document's passages, tokenized where they lie in its text, give the terms and
    /// fields their strings give, whatever their pieces and spaces.
    @Test func passagesReadInPlaceGiveTheTermsOfTheirStrings() {
        var generator = SplitMix64(seed: 10)
        for round in 0..<600 {
            let source = (0..<8).map { _ in Self.randomText(&generator, asciiMostly: round % 2 == 0) }.joined(separator: "  ")
            let scalars = Array(source.unicodeScalars)
            let text = DocumentText(topLevel: [scalars[...]])
            var passages: [SearchPassage] = []
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                var own: [ArraySlice<Unicode.Scalar>] = []
                var cursor = Int.random(in: 0...scalars.count, using: &generator)
                for _ in 0..<Int.random(in: 1...3, using: &generator) where cursor < scalars.count {
                    let end = Int.random(in: cursor...scalars.count, using: &generator)
                    own.append(scalars[cursor..<end])
                    cursor = min(scalars.count, end + Int.random(in: 0...5, using: &generator))
                }
                if let quoted = SearchPassages.quote(own, in: text) {
                    passages.append(SearchPassage(anchor: "p\(passages.count)", quoting: quoted, isHeading: false))
                }
            }
            passages.append(SearchPassage(anchor: "own", text: Self.randomText(&generator, asciiMostly: true)))
            // Quoting the document's shared text, read once for them all; one quotes another text.
            if round % 3 != 0 {
                let shared = SpillableText(text.string), other = SpillableText(text.string)
                passages = passages.enumerated().map { $0.element.quoting($0.offset == 1 ? other : shared, ifSameAs: text.string) }
            }
            let inPlace = SearchDocumentTerms(title: "T", meta: [], passages: passages)
            let fromStrings = SearchDocumentTerms(title: "T", meta: [], passages: passages.map(\.text))
            #expect(inPlace.strings.map { "\($0.term) \($0.field)" } == fromStrings.strings.map { "\($0.term) \($0.field)" })
        }
    }

    /// A passage whose pieces lie past the end of its text reads what its string reads.
    @Test func piecesPastTheTextAreClampedAsTheStringClampsThem() {
        let source = "Oil and gas"
        let shared = SpillableText(source)
        let passages = [
            SearchPassage(anchor: "a", quoting: SearchPassage.Quoted(quoting: .document(shared), pieces: [8..<30], collapses: true), isHeading: false),
            SearchPassage(anchor: "b", quoting: SearchPassage.Quoted(quoting: .document(shared), pieces: [0..<3, 40..<50], collapses: true), isHeading: false),
            SearchPassage(anchor: "c", quoting: SearchPassage.Quoted(quoting: .document(shared), pieces: [4..<99], collapses: false), isHeading: false),
        ]
        #expect(passages.map(\.text) == ["gas", "Oil", "and gas"])
        let inPlace = SearchDocumentTerms(title: "", meta: [], passages: passages)
        #expect(inPlace.strings.map(\.term) == ["gas", "oil", "and"])
        #expect(inPlace.strings.map { "\($0.term) \($0.field)" } == SearchDocumentTerms(title: "", meta: [], passages: passages.map(\.text)).strings.map { "\($0.term) \($0.field)" })
    }

    /// Pieces that meet inside a word make one word, as the passage's string does.
    @Test func piecesJoinAWordAcrossTheirBoundary() {
        let source = "Oil pri ces rose"
        let quoted = SearchPassage.Quoted(source: source, pieces: [0..<7, 8..<16], collapses: true)
        #expect(quoted.string == "Oil prices rose")
        let terms = SearchDocumentTerms(title: "", meta: [], passages: [SearchPassage(anchor: "a", quoting: quoted, isHeading: false)])
        #expect(terms.strings.map(\.term) == ["oil", "prices", "rose"])
    }
    /// How `SearchPassages.quote` decided before it read scalars through a pointer: no
    /// text (nil), spaces that join a mark (a string of its own), or pieces read in place.
    static func referenceQuoteKind(_ own: [ArraySlice<Unicode.Scalar>]) -> Bool? {
        var hasText = false
        var joinsSpace = false
        var previous: Unicode.Scalar?
        for piece in own {
            for scalar in piece {
                if scalar != " " { hasText = true }
                if let before = previous,
                   (before == " " && SearchPassages.extendsASpace(scalar)) || (scalar == " " && SearchPassages.prependsToASpace(before)) {
                    joinsSpace = true
                }
                previous = scalar
            }
        }
        guard hasText else { return nil }
        return !joinsSpace
    }

    @Test func aPassageIsQuotedAsBefore() {
        var generator = SplitMix64(seed: 7)
        // Spaces, marks that join a space before them, and scalars that prepend to one after them.
        let joining: [UInt32] = [0x20, 0x20, 0x20, 0x301, 0x200D, 0x93F, 0x600, 0x605, 0x110BD, 0x111C2, 0x11F02, 0x61, 0x5D0, 0x300]
        for round in 0..<3_000 {
            var scalars: [Unicode.Scalar] = []
            for _ in 0..<Int.random(in: 0...24, using: &generator) {
                let value = round % 2 == 0 ? joining.randomElement(using: &generator)! : Self.pools.randomElement(using: &generator)!.randomElement(using: &generator)!
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
            let text = DocumentText(topLevel: [scalars[...]])
            var own: [ArraySlice<Unicode.Scalar>] = []
            var cursor = 0
            while cursor < scalars.count {
                let end = Int.random(in: cursor...scalars.count, using: &generator)
                own.append(scalars[cursor..<end])
                cursor = end + Int.random(in: 0...2, using: &generator)
            }
            let quoted = SearchPassages.quote(own, in: text)
            #expect(quoted?.collapses == Self.referenceQuoteKind(own), "\(scalars.map { String($0.value, radix: 16) })")
        }
    }
}
