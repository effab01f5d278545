import Foundation
import Testing
@testable import DossierCore

/// The search index and mentions.csv made in parts (`SearchIndexWriter`,
/// `CSVExportWriter`): a cached build remakes only the parts an edit changed, reads
/// the rest back from the previous output, and always equals a clean build.
@Suite struct AggregatePartsTests {
    /// Briefings of many words no other briefing uses, so the index has several term
    /// shards; every third paragraph names an actor, so mentions.csv has rows from
    /// every briefing.
    static func project(briefings: Int = 36, paragraphs: Int = 10, wordsEach: Int = 30) -> String {
        var text = """
        -- dossier.yml --
        title: Parts test
        exports: all
        base_url: https://dossier.test/
        -- content/actors/aldoria.md --
        ---
        title: Aldoria
        kind: state
        ---
        A state.
        -- content/actors/brevia.md --
        ---
        title: Brevia
        kind: state
        ---
        Another state.

        """
        for number in 0..<briefings {
            text += "-- content/briefings/b\(number).md --\n---\ntitle: Briefing \(number)\ndate: 2025-01-\(String(format: "%02d", number % 28 + 1))\n---\n"
            for paragraph in 0..<paragraphs {
                let words = (0..<wordsEach).map { "q\(number)p\(paragraph)w\($0)" }.joined(separator: " ")
                text += (paragraph % 3 == 0 ? "Aldoria and Brevia: " : "") + words + ".\n\n"
            }
        }
        return text
    }

    static func searchParts(_ report: BuildReport, _ prefix: String) -> [String] {
        report.changedPaths.filter { $0.hasPrefix(prefix) }
    }

    static func briefingPath(_ number: Int) -> String { "content/briefings/b\(number).md" }

    static func briefing(_ number: Int, paragraphs: [String]) -> String {
        "---\ntitle: Briefing \(number)\ndate: 2025-01-\(String(format: "%02d", number % 28 + 1))\n---\n" + paragraphs.joined(separator: "\n\n") + "\n"
    }

    // MARK: One edit

    @Test func aBodyEditRewritesItsDocumentPartAndTheShardOfItsNewTermOnly() throws {
        let project = try TestProject(Self.project())
        defer { project.remove() }
        let first = project.cachedBuild()
        #expect(first.succeeded)
        let shards = first.paths.filter { $0.hasPrefix("assets/search/terms/") }
        #expect(shards.count >= 4, "the project must span several shards: \(shards.count)")

        let body = try String(contentsOf: project.root.appendingPathComponent(Self.briefingPath(7)), encoding: .utf8)
        try project.write(Self.briefingPath(7), body + "\nZephyrquartz.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)

        // Numbered by title: "Briefing 7" is the 29th of "Briefing 0", "Briefing 1", "Briefing 10"…
        let documents = try SearchIndex.documents(#require(report.model), urls: SiteURLs(style: .disk))
        let number = try #require(documents.firstIndex { $0.title == "Briefing 7" })
        // Made again, not taken; it shows no text (`search.passages` is off), so its bytes are the same.
        #expect(!report.reusedDataFiles.contains("assets/search/documents/\(number).js"))
        #expect(Self.searchParts(report, "assets/search/documents/").isEmpty)
        let changedShards = Self.searchParts(report, "assets/search/terms/")
        #expect(changedShards.count == 1)
        let changedShard = try #require(changedShards.first)
        #expect(try project.read(changedShard).contains("\"zephyrquartz\""))
        #expect(report.reusedDataFiles.filter { $0.hasPrefix("assets/search/documents/") }.count == documents.count - 1)
        // The new word names no actor: every row of mentions.csv is as it was, and the
        // file is taken from the previous output whole.
        #expect(report.reusedDataFiles.contains("data/mentions.csv"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aNewMentionRewritesMentionsCSVWithTheOtherDocumentsRowsCopied() throws {
        let project = try TestProject(Self.project(briefings: 12))
        defer { project.remove() }
        _ = project.cachedBuild()
        let before = try project.read("data/mentions.csv")
        try project.write(Self.briefingPath(3), Self.briefing(3, paragraphs: ["Brevia, alone, objected.", "q3p0w0 again."]))
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(report.changedPaths.contains("data/mentions.csv"))
        let after = try project.read("data/mentions.csv")
        #expect(after != before)
        #expect(after.contains("brevia,b3,briefing,Briefing 3"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// A file in the output changed by hand is never copied from: the table the
    /// manifest keeps describes the file as it was written.
    @Test func aMentionsTableEditedInTheOutputIsMadeWholeAgain() throws {
        let project = try TestProject(Self.project(briefings: 6))
        defer { project.remove() }
        _ = project.cachedBuild()
        let path = project.output.appendingPathComponent("data/mentions.csv")
        let original = try Data(contentsOf: path)
        try FileManager.default.removeItem(at: path)
        try Data(original.reversed()).write(to: path)
        try project.write(Self.briefingPath(2), Self.briefing(2, paragraphs: ["Aldoria, again."]))
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    // MARK: Random edits

    /// Fixed-seed edits that keep or change the documents' numbers (titles), their
    /// terms, their mentions, and the documents there are; after each, the cached
    /// build equals a clean one byte for byte.
    @Test func afterRandomEditsTheIndexAndTheTableEqualACleanBuilds() throws {
        let briefings = 14
        let project = try TestProject(Self.project(briefings: briefings, paragraphs: 12))
        defer { project.remove() }
        let first = project.cachedBuild()
        #expect(first.succeeded)
        #expect(first.paths.filter { $0.hasPrefix("assets/search/terms/") }.count >= 2, "the edits must reach more than one shard")
        var random = SplitMix64(seed: 0xA66_2E6A7E)
        var alive = Set(0..<briefings)
        var history: [String] = []
        for step in 0..<10 {
            let number = Array(alive).sorted()[random.below(alive.count)]
            let paragraphs = (0..<random.inRange(1...4)).map { paragraph in
                (random.chance(50) ? "Brevia met Aldoria. " : "") + "q\(number)p\(paragraph)w\(random.below(40)) step\(step) words"
            }
            switch random.below(5) {
            case 0:
                history.append("retitle b\(number)")
                try project.write(Self.briefingPath(number), Self.briefing(number, paragraphs: paragraphs).replacingOccurrences(
                    of: "title: Briefing \(number)", with: "title: Another \(step)"))
            case 1 where alive.count > 3:
                history.append("delete b\(number)")
                try FileManager.default.removeItem(at: project.root.appendingPathComponent(Self.briefingPath(number)))
                alive.remove(number)
            case 2:
                let added = briefings + step
                history.append("add b\(added)")
                try project.write(Self.briefingPath(added), Self.briefing(added, paragraphs: paragraphs))
                alive.insert(added)
            case 3:
                history.append("alias for Aldoria")
                try project.write("content/actors/aldoria.md", "---\ntitle: Aldoria\nkind: state\naliases: [Step\(step) Land]\n---\nA state.\n")
            default:
                history.append("body of b\(number)")
                try project.write(Self.briefingPath(number), Self.briefing(number, paragraphs: paragraphs))
            }
            let report = project.cachedBuild()
            #expect(report.succeeded)
            #expect(try project.differenceFromCleanBuild() == nil, "after \(history.joined(separator: " → "))")
        }
    }

    // MARK: The parts

    @Test func termShardsReadBackAsTheyWereWritten() throws {
        let documents = (0..<40).map { number in
            SearchIndex.Document(title: "Doc \(number)", url: "u\(number)", kind: "briefing", date: "", summary: "tab\there \"quoted\" \\",
                                 language: nil, keywords: [], passages: [SearchPassage(anchor: "p", text: "w\(number) shared ünïcode 伊朗 \(number % 3)")])
        }
        let postings = SearchIndex.postings(of: documents)
        let shards = SearchIndex.shards(postings)
        var readBack: [SearchIndex.Postings] = []
        for (number, shard) in shards.enumerated() {
            let entries = try #require(SearchIndexPartReader.shard(SearchIndex.part("terms/\(number)", SearchIndex.shardJSON(shard)), name: "terms/\(number)"))
            readBack += entries
        }
        #expect(readBack.map(\.term) == postings.map(\.term))
        #expect(readBack.map(\.packed) == postings.map(\.packed))
        let manifest = Array(SearchIndex.manifest(documentCount: documents.count, shards: shards).utf8)
        #expect(SearchIndexPartReader.shardFirstTerms(manifest: manifest) == shards.map { $0.first?.term ?? "" })
        #expect(SearchIndexPartReader.shard(Array("DossierSearch.receive(\"terms/0\", [[\"a\",\"0,\"]]);\n".utf8), name: "terms/0") == nil)
        #expect(SearchIndexPartReader.shard(Array("DossierSearch.receive(\"terms/1\", []);\n".utf8), name: "terms/0") == nil)
    }

    /// The cut after a shard depends on the terms, not on a running total from the
    /// start: one term gaining a document changes its own shard and no other.
    @Test func oneTermGainingADocumentMovesNoCutButItsShards() {
        let words = (0..<12_000).map { "w\(String($0, radix: 36))x" }
        let postings = words.enumerated().map { SearchIndex.Postings(term: $0.element, packed: [SearchIndex.pack($0.offset % 50, .body)]) }
            .sorted { $0.term.utf16.lexicographicallyPrecedes($1.term.utf16) }
        let before = SearchIndex.shards(postings)
        #expect(before.count >= 5)
        for changed in [postings.count / 5, postings.count / 2, postings.count - 3] {
            var edited = postings
            edited[changed].packed.append(SearchIndex.pack(60, .title))
            let after = SearchIndex.shards(edited)
            let differing = zip(before, after).filter { $0.map(\.term) != $1.map(\.term) || $0.map(\.packed) != $1.map(\.packed) }
            #expect(after.count == before.count && differing.count == 1, "term \(changed)")
        }
    }

    @Test func theRowTableReadsBackAsWritten() {
        let table = CSVExportWriter.RowTable(headerLength: 72, rows: [
            .init(key: "k1", hash: "h1", length: 10), .init(key: "k2", hash: "h2", length: 0),
        ])
        let readBack = CSVExportWriter.RowTable(table.text)
        #expect(readBack?.headerLength == 72)
        #expect(readBack?.rows == table.rows)
        #expect(CSVExportWriter.RowTable("mentions.csv rows 0\n72") == nil)
        #expect(CSVExportWriter.RowTable(CSVExportWriter.RowTable(headerLength: 5, rows: []).text)?.rows == [])
    }

    /// The passages files are listed and keyed through each document's stretch of the
    /// model's mentions, which must be the export's documents in the same order.
    @Test func theMentionDocumentsAreTheExportsDocumentsInOrder() throws {
        let project = try TestProject(Self.project(briefings: 5, paragraphs: 4))
        defer { project.remove() }
        let model = try #require(project.build().model)
        let documents = AggregateKeys.MentionDocuments(model, fingerprints: .none)
        #expect(documents.starts.count == 5)
        #expect(documents.ids == ExportPassages(model.mentions).documents.map(\.id))
        for (stretch, start) in documents.starts.enumerated() {
            #expect(model.mentions[start].document == documents.ids[stretch])
            #expect(start == 0 || model.mentions[start - 1].document != documents.ids[stretch])
        }
    }

    // MARK: Streamed writes

    @Test func aStreamedWriteThatFailsLeavesNoFileBehind() throws {
        let folder = try makeTemporaryFolder("dossier-streamed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let staging = try StagingFolder(replacing: folder.appendingPathComponent("site"))
        defer { staging.discard() }
        struct Interrupted: Error {}
        #expect(throws: StagingFolder.Failure.self) {
            try staging.writeStreamed("data/mentions.csv") { stream in
                try stream.append([UInt8](repeating: 0x41, count: 3 * StreamedFile.bufferSize))
                throw Interrupted()
            }
        }
        let data = staging.url.appendingPathComponent("data")
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).isEmpty)
        #expect(!staging.writtenPaths.contains("data/mentions.csv"))
        #expect(staging.changedPaths.isEmpty)
    }

    @Test func aStreamedWriteHoldsEveryPieceInOrder() throws {
        let folder = try makeTemporaryFolder("dossier-streamed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("source")
        try Data("0123456789".utf8).write(to: source)
        let staging = try StagingFolder(replacing: folder.appendingPathComponent("site"))
        defer { staging.discard() }
        let large = [UInt8](repeating: 0x42, count: StreamedFile.bufferSize + 17)
        try staging.writeStreamed("data/out.csv") { stream in
            try stream.append(Data("head,".utf8))
            try stream.append(contentsOf: source.path, offset: 3, count: 4)
            try stream.append(large)
            try stream.append([0x2E])
            return StreamedFile.Memo(key: "key", inputs: "inputs")
        }
        let written = try Data(contentsOf: staging.url.appendingPathComponent("data/out.csv"))
        #expect(written == Data("head,3456".utf8) + Data(large) + Data([0x2E]))
        #expect(staging.writtenPaths == ["data/out.csv"])
        #expect(staging.renderManifest.recorded["data/out.csv"]?.inputs == "inputs")
    }
}

/// The graph exports are keyed on the graph they write (`AggregateKeys.graphExports`).
@Suite struct GraphExportMemoTests {
    static let graphFiles = ["data/graph.gexf", "data/graph.graphml"]

    @Test func aBodyEditThatChangesNoMentionKeepsTheGraphFiles() throws {
        let project = try TestProject(AggregatePartsTests.project(briefings: 4))
        defer { project.remove() }
        _ = project.cachedBuild()
        let path = project.root.appendingPathComponent(AggregatePartsTests.briefingPath(1))
        try project.write(AggregatePartsTests.briefingPath(1), try String(contentsOf: path, encoding: .utf8) + "\nA paragraph naming nobody.\n")
        let report = project.cachedBuild()
        #expect(Set(report.reusedDataFiles).isSuperset(of: Self.graphFiles))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aNewCoMentionRemakesTheGraphFiles() throws {
        let project = try TestProject(AggregatePartsTests.project(briefings: 4))
        defer { project.remove() }
        _ = project.cachedBuild()
        let before = try project.read("data/graph.graphml")
        try project.write(AggregatePartsTests.briefingPath(1), AggregatePartsTests.briefing(1, paragraphs: ["Aldoria.", "Brevia.", "Aldoria and Brevia."]))
        let report = project.cachedBuild()
        #expect(report.reusedDataFiles.filter(Self.graphFiles.contains).isEmpty)
        #expect(try project.read("data/graph.graphml") != before)
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}
