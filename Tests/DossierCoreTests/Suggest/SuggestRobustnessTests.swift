import DossierMarkdown
import Testing
@testable import DossierCore

/// Bad input never crashes or hangs `suggest`: odd text through the scanner, the
/// ranker and the locator, with owned names that overlap everything they can.
@Suite struct SuggestRobustnessTests {
    /// Pieces that exercise every branch: apostrophes, hyphens, full stops, connectors,
    /// titles, numbers, combining marks, right-to-left text, Markdown markup, entities.
    static let pieces = [
        "Iran", "Iran's", "s", "'s", "’", "'", "-", "–", ".", ". ", "U.S.", "U.", "St.", "Mr.", "F.", "of", "the", "and", "&",
        "al-", "d'", "Ivoire", "President", "June", "2025", "II", "A", "I", " ", "  ", "\n", "\n\n", "> ", "- ", "*", "_",
        "`code`", "[link](@iran)", "&amp;", "&nbsp;", "\\*", "é", "e\u{301}", "طهران", "🇨🇮", "Ω", "ǅ", "\t", "(", ")", "\"", ":",
        "Gulf", "Cooperation", "Council", "Niger River", "Trinidad", "Tobago", "Oman", "IAEA", "S-400", "| a | b |\n|---|---|\n| c | d |\n",
    ]

    /// A deterministic generator, so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func oddTextNeverCrashesAndEveryExampleIsInsideItsLine() throws {
        var generator = Generator(state: 14)
        let matcher = MentionMatcher(
            names: [("Iran", 0), ("s", 1), ("Iran's", 2), ("U.S.", 3), ("Gulf Cooperation Council", 4), ("Council", 5),
                    ("Niger River", EntityIndex.ignoredOwner), ("e\u{301}", 6)],
            caseSensitive: true)
        var documents: [ScannedDocument] = []
        for index in 0..<300 {
            var text = ""
            for _ in 0..<(5 + generator.next(60)) { text += Self.pieces[generator.next(Self.pieces.count)] }
            let body = Body(text: text, firstLine: 1)
            let document = ProseReader.read(id: DocumentID(.briefing, "b\(index)"), path: "b\(index).md", body: body, matcher: matcher, options: .init())
            let locator = ProseLocator(source: text)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for phrase in document.phrases {
                for element in phrase.elements {
                    let position = locator.locate(document.runs[phrase.run], offset: element.start)
                    #expect(position.line >= 1 && position.line <= lines.count)
                    #expect(position.column >= 1 && position.column <= lines[position.line - 1].unicodeScalars.count + 1)
                }
            }
            documents.append(document)
        }
        let known = KnownNames(actors: [], ignored: ["Niger River"])
        let ranked = NameRanker.rank(documents, known: known, minimumOccurrences: 1)
        #expect(!ranked.isEmpty)
        #expect(ranked.allSatisfy { !$0.occurrences.isEmpty && $0.documents >= 1 })
    }
}
