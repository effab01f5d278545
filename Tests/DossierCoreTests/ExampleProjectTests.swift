import Foundation
import Testing
@testable import DossierCore

/// The repository's own example project (content/, dossier.yml): what every new
/// user sees first.
@Suite struct ExampleProjectTests {
    static let report = SiteBuilder.run(BuildOptions(root: TestPaths.packageRoot), into: CountingSink())

    @Test func checksCleanEvenWhenStrict() {
        #expect(Self.report.diagnostics.lines == [])
    }

    @Test func hasTheBriefingsAndActorsTheIssueAsksFor() throws {
        let model = try #require(Self.report.model)
        #expect(model.briefings.count >= 5)
        #expect(model.actors.count >= 35)
        for briefing in model.briefings {
            let value = briefing.briefing
            #expect((400...900).contains(briefing.linked.wordCount), "\(value.slug): \(briefing.linked.wordCount) words")
            #expect(value.summary != nil && !value.authors.isEmpty && !value.actors.isEmpty && !value.tags.isEmpty
                    && !value.sources.isEmpty && !value.events.isEmpty, "\(value.slug) lacks front matter")
        }
        let kinds = Set(model.actors.map(\.actor.kind))
        #expect(kinds.isSuperset(of: [.state, .organization, .person, .place, .agreement]))
    }

    @Test func everyActorIsLinkedFromSomeBriefing() throws {
        let model = try #require(Self.report.model)
        let linked = Set(model.mentions.filter { $0.document.kind == .briefing && $0.linked }.map(\.actor))
        let unlinked = model.actors.map(\.actor.slug).filter { !linked.contains($0) }
        #expect(unlinked == [])
    }

    @Test func everyActorPageHasARelationOrAMention() throws {
        let model = try #require(Self.report.model)
        let bare = model.actors.filter { $0.relations.isEmpty && $0.mentionCount == 0 }.map(\.actor.slug)
        #expect(bare == [])
    }

    @Test func theTimelineTellsTheStoryInOrder() throws {
        let model = try #require(Self.report.model)
        let dates = model.timeline.map(\.event.date.text)
        for required in ["2021-03", "2023", "2025-01-17", "2025-06", "2025-09-09", "2025-09-10"] {
            #expect(dates.contains { $0.hasPrefix(required) }, "no event dated \(required)")
        }
        #expect(model.timeline.map(\.event.date) == model.timeline.map(\.event.date).sorted())
    }

    static let seed = TestPaths.shared.appendingPathComponent("seed")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seed.path), "../shared/seed is not present"))
    func noSentenceOfTheSeedArticleIsReused() throws {
        var seedText = ""
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.seed.path).sorted() {
            seedText += try String(contentsOf: Self.seed.appendingPathComponent(file), encoding: .utf8) + "\n"
        }
        let seedShingles = Set(SeedOverlap.shingles(SeedOverlap.words(seedText)))
        var overlaps: [String] = []
        let content = TestPaths.packageRoot.appendingPathComponent("content")
        let enumerator = FileManager.default.enumerator(atPath: content.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".md") else { continue }
            let text = try String(contentsOf: content.appendingPathComponent(relative), encoding: .utf8)
            for run in SeedOverlap.sharedRuns(SeedOverlap.words(text), with: seedShingles) {
                overlaps.append("content/\(relative): \(run)")
            }
        }
        #expect(overlaps == [])
    }
}

/// Runs of 8 or more words shared between two texts, ignoring quotations and
/// runs made mostly of proper names (a treaty's title may be quoted in full).
enum SeedOverlap {
    static let length = 8

    struct Word: Hashable { var folded: String; var capitalised: Bool }

    /// Words per segment; quotations end a segment, so no run crosses one.
    static func words(_ text: String) -> [[Word]] {
        var segments: [[Word]] = [[]]
        var current = ""
        var inQuote = false
        func flush() {
            guard !current.isEmpty else { return }
            let first = current.unicodeScalars.first!
            segments[segments.count - 1].append(Word(folded: current.lowercased(), capitalised: CharacterSet.uppercaseLetters.contains(first)))
            current = ""
        }
        for character in text.replacingOccurrences(of: "’", with: "'") {
            if character == "“" || character == "”" || character == "\"" {
                flush()
                inQuote = character == "“" ? true : character == "”" ? false : !inQuote
                segments.append([])
                continue
            }
            if inQuote { continue }
            if character.isLetter || character.isNumber || character == "'" {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return segments
    }

    static func shingles(_ segments: [[Word]]) -> [[String]] {
        segments.flatMap { segment in
            segment.count < length ? [] : (0...(segment.count - length)).map { segment[$0..<($0 + length)].map(\.folded) }
        }
    }

    /// Maximal runs: overlapping matched windows merge into one.
    static func sharedRuns(_ segments: [[Word]], with seed: Set<[String]>) -> [String] {
        var runs: [String] = []
        for segment in segments where segment.count >= length {
            var runEnd = -1
            var runStart = 0
            func close() {
                if runEnd >= 0 { runs.append(segment[runStart..<runEnd].map(\.folded).joined(separator: " ")) }
                runEnd = -1
            }
            for start in 0...(segment.count - length) {
                let window = Array(segment[start..<(start + length)])
                let shared = seed.contains(window.map(\.folded)) && window.filter(\.capitalised).count * 2 <= length
                if shared {
                    if runEnd < start { close(); runStart = start }
                    runEnd = start + length
                }
            }
            close()
        }
        return runs
    }
}

@Suite struct SeedOverlapTests {
    @Test func findsSharedRunsButNotQuotationsOrNames() {
        let seed = Set(SeedOverlap.shingles(SeedOverlap.words("the quick brown fox jumps over the lazy dog today. Treaty on Comprehensive Strategic Partnership Between Iran And Russia Federation")))
        #expect(SeedOverlap.sharedRuns(SeedOverlap.words("Then the quick brown fox jumps over the lazy dog."), with: seed).count == 1)
        #expect(SeedOverlap.sharedRuns(SeedOverlap.words("He said “the quick brown fox jumps over the lazy dog”."), with: seed).isEmpty)
        #expect(SeedOverlap.sharedRuns(SeedOverlap.words("the Treaty on Comprehensive Strategic Partnership Between Iran And Russia"), with: seed).isEmpty)
        #expect(SeedOverlap.sharedRuns(SeedOverlap.words("the quick brown fox jumps over a lazy cat"), with: seed).isEmpty)
    }
}
