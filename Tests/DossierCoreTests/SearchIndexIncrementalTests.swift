import Foundation
import Testing
@testable import DossierCore

/// The search index of a cached build costs what the edit changed: with nothing
/// changed every part is taken as it is, and after a body edit only the shards of the
/// terms the document gained, lost or holds in another field are read and written
/// (`SearchIndexEdit`, `SearchIndexShardPatch`). Every build ends in a byte comparison
/// with a clean build.
@Suite struct SearchIndexIncrementalTests {
    /// A made-up word for each number, spread over the alphabet (its letters are the
    /// number's base-26 digits, lowest first), so one briefing's words fall in every shard.
    static func word(_ number: Int) -> String {
        var value = number, letters = ""
        for _ in 0..<5 {
            letters.append(Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(value % 26))))
            value /= 26
        }
        return letters
    }

    static let wordsPerBriefing = 500
    static let briefings = 16

    static func body(_ briefing: Int, extra: String = "", leaving left: Set<String> = []) -> String {
        let words = (0..<wordsPerBriefing).map { word(briefing * wordsPerBriefing + $0) }.filter { !left.contains($0) }
        return stride(from: 0, to: words.count, by: 25).map { words[$0..<min($0 + 25, words.count)].joined(separator: " ") + "." }
            .joined(separator: "\n\n") + (extra.isEmpty ? "" : "\n\n" + extra) + "\n"
    }

    static func briefing(_ number: Int, title: String? = nil, language: String? = nil, body: String? = nil) -> String {
        "---\ntitle: \(title ?? "Briefing \(number)")\ndate: 2025-01-\(String(format: "%02d", number + 1))\n"
            + (language.map { "language: \($0)\n" } ?? "") + "---\n" + (body ?? Self.body(number))
    }

    /// Several term shards: 8,000 words of about 17 bytes an entry.
    /// `passages`: `search.passages`, each edit checked in both modes.
    static func project(passages: Bool) throws -> TestProject {
        var text = """
        -- dossier.yml --
        title: Search shards
        base_url: https://dossier.test/
        search: {passages: \(passages)}
        -- content/actors/aldoria.md --
        ---
        title: Aldoria
        kind: state
        ---
        A state.

        """
        for number in 0..<briefings {
            text += "-- content/briefings/b\(number).md --\n" + briefing(number)
        }
        return try TestProject(text)
    }

    static func firstTerms(_ project: TestProject) throws -> [String] {
        let bytes = try Data(contentsOf: project.output.appendingPathComponent(SearchIndexWriter.manifestPath))
        return try #require(SearchIndexPartReader.shardFirstTerms(manifest: [UInt8](bytes)))
    }

    static func shardEntries(_ project: TestProject, _ number: Int) throws -> [SearchIndex.Postings] {
        let bytes = try Data(contentsOf: project.output.appendingPathComponent(SearchIndexWriter.termsPath(number)))
        return try #require(SearchIndexPartReader.shard([UInt8](bytes), name: "terms/\(number)"))
    }

    static func changedShards(_ report: BuildReport) -> [String] {
        report.changedPaths.filter { $0.hasPrefix("assets/search/terms/") }
    }

    /// The shards taken from the previous output without being made: all but those written.
    static func takenShards(_ report: BuildReport) -> Set<String> {
        Set(report.reusedDataFiles.filter { $0.hasPrefix("assets/search/terms/") })
    }

    static func shardPaths(_ report: BuildReport) -> Set<String> {
        Set(report.paths.filter { $0.hasPrefix("assets/search/terms/") })
    }

    static func changedParts(_ report: BuildReport) -> [String] {
        report.changedPaths.filter { $0.hasPrefix("assets/search/documents/") }
    }

    /// Builds once through the cache, applies `edit`, builds again, and compares.
    static func afterEdit(passages: Bool, _ edit: (TestProject) throws -> Void) throws -> (project: TestProject, report: BuildReport) {
        let project = try project(passages: passages)
        #expect(project.cachedBuild().succeeded)
        #expect(try firstTerms(project).count >= 3)
        try edit(project)
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        return (project, report)
    }

    /// `SearchIndexEdit.numbers` counts instead of sorting: the same numbers as
    /// `SearchIndex.numbering`, with titles that differ only in case, non-ASCII titles
    /// and titles that tie (then the URL decides).
    @Test func theNumbersOfChangedDocumentsAreTheNumberingsWithoutSortingIt() throws {
        let titles = ["alpha", "Alpha", "Émile", "zeta", "Ünter", "beta", "Beta", "eclair", "Zeta", "a", "ALPHA"]
        var text = "-- dossier.yml --\ntitle: Numbers\nbase_url: https://dossier.test/\n"
        for (number, title) in titles.enumerated() {
            text += "-- content/briefings/n\(number).md --\n---\ntitle: \(title)\ndate: 2025-02-01\n---\nText.\n"
        }
        text += "-- content/actors/alpha.md --\n---\ntitle: alpha\nkind: state\n---\nA state.\n"
        let project = try TestProject(text)
        defer { project.remove() }
        let model = try #require(project.build().model)
        let urls = SiteURLs(style: model.config.urlStyle)
        let numbering = SearchIndex.numbering(model, urls: urls)
        for (number, item) in numbering.enumerated() {
            #expect(SearchIndexEdit.numbers(of: [item.id], model: model, urls: urls).map(\.number) == [number])
        }
        let all = SearchIndexEdit.numbers(of: Set(numbering.map(\.id)), model: model, urls: urls)
        #expect(all.map(\.number) == Array(numbering.indices))
        #expect(all.map(\.item.id) == numbering.map(\.id))
    }

    @Test(arguments: [false, true]) func nothingChangedTakesEveryPartAndShardWithoutWritingAny(passages: Bool) throws {
        let (project, report) = try Self.afterEdit(passages: passages) { _ in }
        defer { project.remove() }
        let index = report.paths.filter(SearchIndex.isOutput)
        #expect(Set(report.reusedDataFiles).isSuperset(of: index))
        #expect(report.changedPaths.filter(SearchIndex.isOutput).isEmpty)
    }

    @Test(arguments: [false, true]) func aBodyEditAddingANewTermRewritesOnlyItsShardAndPart(passages: Bool) throws {
        let (project, report) = try Self.afterEdit(passages: passages) { project in
            try project.write("content/briefings/b3.md", Self.briefing(3, body: Self.body(3, extra: "Zyzzogeton.")))
        }
        defer { project.remove() }
        let shard = SearchIndexWriter.termsPath(SearchIndexShardPatch.shard(of: "zyzzogeton", firstTerms: try Self.firstTerms(project)))
        #expect(Self.changedShards(report) == [shard])
        #expect(Self.takenShards(report) == Self.shardPaths(report).subtracting([shard]))
        // Off, the part shows no text: the same bytes.
        #expect(Self.changedParts(report).count == (passages ? 1 : 0))
        #expect(try project.read(shard).contains("\"zyzzogeton\""))
    }

    @Test(arguments: [false, true]) func removingTheLastOccurrenceOfATermTakesItOutOfItsShard(passages: Bool) throws {
        let gone = Self.word(5 * Self.wordsPerBriefing + 7)
        let (project, report) = try Self.afterEdit(passages: passages) { project in
            try project.write("content/briefings/b5.md", Self.briefing(5, body: Self.body(5, leaving: [gone])))
        }
        defer { project.remove() }
        #expect(Self.changedShards(report).count == 1)
        #expect(Self.takenShards(report) == Self.shardPaths(report).subtracting(Self.changedShards(report)))
        let all = try Self.firstTerms(project).indices.flatMap { try Self.shardEntries(project, $0) }
        #expect(!all.contains { $0.term == gone })
    }

    /// The first term of shard 1 goes, so the manifest names another; a new term just
    /// after shard 0's last term goes at the end of shard 0.
    @Test(arguments: [false, true]) func termsAtTheEdgesOfShardsMoveWhereACleanBuildPutsThem(passages: Bool) throws {
        let project = try Self.project(passages: passages)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let firstTerms = try Self.firstTerms(project)
        let first = firstTerms[1], last = try #require(try Self.shardEntries(project, 0).last?.term)
        let after = last + "a"
        #expect(after.utf16.lexicographicallyPrecedes(first.utf16))
        let owner = try #require((0..<Self.briefings).first { Self.body($0).contains(first) })
        try project.write("content/briefings/b\(owner).md", Self.briefing(owner, body: Self.body(owner, extra: after + ".", leaving: [first])))
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        #expect(try Self.firstTerms(project)[1] != first)
        #expect(try (0...1).contains { try Self.shardEntries(project, $0).contains { $0.term == after } })
        #expect(!Self.changedShards(report).isEmpty)
    }

    /// Enough new terms that a shard passes its bound and splits: every shard after it
    /// is renumbered, as a clean build numbers them.
    @Test(arguments: [false, true]) func aShardGrowingPastItsBoundSplitsAsInACleanBuild(passages: Bool) throws {
        let (project, _) = try Self.afterEdit(passages: passages) { project in
            let many = (0..<3_000).map { "aa" + Self.word(100_000 + $0) }.joined(separator: " ")
            try project.write("content/briefings/b2.md", Self.briefing(2, body: Self.body(2, extra: many + ".")))
        }
        project.remove()
    }

    @Test(arguments: [false, true]) func aBriefingAddedIsNumberedAsInACleanBuild(passages: Bool) throws {
        let (project, _) = try Self.afterEdit(passages: passages) { project in
            try project.write("content/briefings/b20.md", Self.briefing(20))
        }
        project.remove()
    }

    @Test(arguments: [false, true]) func aBriefingRemovedLeavesTheIndexOfACleanBuild(passages: Bool) throws {
        let (project, _) = try Self.afterEdit(passages: passages) { project in
            try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/briefings/b4.md"))
        }
        project.remove()
    }

    @Test(arguments: [false, true]) func aBriefingRenamedLeavesTheIndexOfACleanBuild(passages: Bool) throws {
        let (project, _) = try Self.afterEdit(passages: passages) { project in
            try FileManager.default.moveItem(at: project.root.appendingPathComponent("content/briefings/b4.md"),
                                             to: project.root.appendingPathComponent("content/briefings/renamed.md"))
        }
        project.remove()
    }

    @Test(arguments: [false, true]) func aTitleChangeThatMovesTheDocumentRenumbersAsACleanBuild(passages: Bool) throws {
        let (project, report) = try Self.afterEdit(passages: passages) { project in
            try project.write("content/briefings/b1.md", Self.briefing(1, title: "Zulu"))
        }
        defer { project.remove() }
        #expect(Self.changedParts(report).count > 1)
    }

    @Test(arguments: [false, true]) func aTitleChangeThatKeepsTheNumberChangesTheTitleTerms(passages: Bool) throws {
        let (project, _) = try Self.afterEdit(passages: passages) { project in
            try project.write("content/briefings/b1.md", Self.briefing(1, title: "briefing 1"))
        }
        project.remove()
    }

    /// The tokenizer does not depend on the language; the part shows it.
    @Test(arguments: [false, true]) func aLanguageChangeRewritesThePartAndLeavesTheShards(passages: Bool) throws {
        let (project, report) = try Self.afterEdit(passages: passages) { project in
            try project.write("content/briefings/b6.md", Self.briefing(6, language: "fr"))
        }
        defer { project.remove() }
        #expect(Self.changedParts(report).count == 1)
        #expect(Self.changedShards(report).isEmpty)
        #expect(Self.takenShards(report) == Self.shardPaths(report))
    }

    @Test(arguments: [false, true]) func aDamagedShardIsMadeAgain(passages: Bool) throws {
        let (project, _) = try Self.afterEdit(passages: passages) { project in
            try project.write("site/" + SearchIndexWriter.termsPath(1), "DossierSearch.receive(\"terms/1\", [[\"zz\",\"0\"]]);\n")
            try project.write("content/briefings/b3.md", Self.briefing(3, body: Self.body(3, extra: "Zyzzogeton.")))
        }
        project.remove()
    }

    @Test(arguments: [false, true]) func aTruncatedShardIsMadeAgainWithNothingChanged(passages: Bool) throws {
        let (project, _) = try Self.afterEdit(passages: passages) { project in
            let path = project.output.appendingPathComponent(SearchIndexWriter.termsPath(0))
            let bytes = try Data(contentsOf: path)
            try bytes.prefix(bytes.count / 2).write(to: path)
        }
        project.remove()
    }

    @Test(arguments: [false, true]) func aShardDeletedFromTheOutputIsMadeAgain(passages: Bool) throws {
        let (project, _) = try Self.afterEdit(passages: passages) { project in
            try FileManager.default.removeItem(at: project.output.appendingPathComponent(SearchIndexWriter.termsPath(2)))
            try project.write("content/briefings/b3.md", Self.briefing(3, body: Self.body(3, extra: "Zyzzogeton.")))
        }
        project.remove()
    }

    @Test(arguments: [false, true]) func aDocumentPartDeletedFromTheOutputIsMadeAgain(passages: Bool) throws {
        let (project, _) = try Self.afterEdit(passages: passages) { project in
            try FileManager.default.removeItem(at: project.output.appendingPathComponent(SearchIndexWriter.documentPath(3)))
            try project.write("content/briefings/b3.md", Self.briefing(3, body: Self.body(3, extra: "Zyzzogeton.")))
        }
        project.remove()
    }

    /// An output without its marker is staged in a new folder and swapped in
    /// (`StagingFolder`), not updated in place: the taken parts and shards are links.
    @Test(arguments: [false, true]) func aStagedOutputTakesTheUnchangedShardsAsWell(passages: Bool) throws {
        let (project, _) = try Self.afterEdit(passages: passages) { _ in }
        defer { project.remove() }
        for edit in ["Zyzzogeton.", ""] {
            try FileManager.default.removeItem(at: project.output.appendingPathComponent(OutputGuard.markerName))
            if !edit.isEmpty { try project.write("content/briefings/b3.md", Self.briefing(3, body: Self.body(3, extra: edit))) }
            var options = BuildOptions(root: project.root)
            options.cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
            options.replaceForeignOutput = true
            let report = SiteBuilder.build(options)
            RetiredOutputs.waitUntilRemoved()
            #expect(report.succeeded)
            #expect(Self.takenShards(report).count >= Self.shardPaths(report).count - 1)
            #expect(try project.differenceFromCleanBuild() == nil)
        }
    }

    /// The edited document's previous part is where its previous terms are read from:
    /// truncated by hand, it cannot give them, and the shards are made from the postings.
    @Test(arguments: [false, true]) func theEditedDocumentsTruncatedPartIsNotReadForItsPreviousTerms(passages: Bool) throws {
        let (project, _) = try Self.afterEdit(passages: passages) { project in
            let parts = project.output.appendingPathComponent("assets/search/documents")
            let path = try #require(try FileManager.default.contentsOfDirectory(at: parts, includingPropertiesForKeys: nil).first {
                try String(contentsOf: $0, encoding: .utf8).contains("\"t\":\"Briefing 3\"")
            })
            let bytes = try Data(contentsOf: path)
            try bytes.prefix(bytes.count / 2).write(to: path)
            try project.write("content/briefings/b3.md", Self.briefing(3, body: Self.body(3, extra: "Zyzzogeton.")))
        }
        project.remove()
    }

    /// Two edits in a row: the second starts from shards the first patched.
    @Test(arguments: [false, true]) func twoBodyEditsInARowEqualACleanBuild(passages: Bool) throws {
        let (project, _) = try Self.afterEdit(passages: passages) { project in
            try project.write("content/briefings/b3.md", Self.briefing(3, body: Self.body(3, extra: "Zyzzogeton.")))
        }
        defer { project.remove() }
        try project.write("content/briefings/b3.md", Self.briefing(3, body: Self.body(3, extra: "Aardvark aardvark aardvark.")))
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}

/// `SearchIndexShardPatch` against `SearchIndex.shards` of the changed postings: the
/// same shards, and only the shards that hold a changed term (and those a moved cut
/// runs into) are read.
@Suite struct SearchIndexShardPatchTests {
    static let documents = 40

    /// Postings of `terms` made-up words, each held by a few documents.
    static func postings(terms: Int) -> [SearchIndex.Postings] {
        (0..<terms).map { number in
            let holders = Set((0..<3).map { (number * 7 + $0 * 13) % documents }).sorted()
            return SearchIndex.Postings(term: SearchIndexIncrementalTests.word(number), packed: holders.map { SearchIndex.pack($0, .body) })
        }.sorted { $0.term.utf16.lexicographicallyPrecedes($1.term.utf16) }
    }

    /// `postings` with `changes` made, as a clean build would collect them.
    static func changed(_ postings: [SearchIndex.Postings], _ changes: [(term: String, number: Int, after: SearchIndex.Field?)]) -> [SearchIndex.Postings] {
        var byTerm = Dictionary(uniqueKeysWithValues: postings.map { ($0.term, $0.packed) })
        for change in changes {
            var packed = (byTerm[change.term] ?? []).filter { Int($0 >> 2) != change.number }
            if let after = change.after { packed.append(SearchIndex.pack(change.number, after)) }
            byTerm[change.term] = packed.sorted()
        }
        return byTerm.filter { !$0.value.isEmpty }.map { SearchIndex.Postings(term: $0.key, packed: $0.value) }
            .sorted { $0.term.utf16.lexicographicallyPrecedes($1.term.utf16) }
    }

    /// Applies `changes` to the shards of `postings`; the shards read, and whether the
    /// result is the clean build's.
    static func check(_ postings: [SearchIndex.Postings], _ changes: [(term: String, number: Int, after: SearchIndex.Field?)]) -> (reads: [Int], matches: Bool, applied: Bool) {
        let before = SearchIndex.shards(postings)
        let firstTerms = before.map { $0.first?.term ?? "" }
        let fields = Dictionary(uniqueKeysWithValues: postings.map { ($0.term, $0.documents) })
        var patch = SearchIndexShardPatch()
        for change in changes {
            let old = fields[change.term]?.first { $0.number == change.number }?.field
            patch.add(number: change.number, before: old.map { [(change.term, $0)] } ?? [], after: change.after.map { [(change.term, $0)] } ?? [])
        }
        var reads: [Int] = []
        guard let made = patch.apply(firstTerms: firstTerms, readShard: { reads.append($0); return before[$0] }) else {
            return (reads, true, false)
        }
        var after = before
        for (number, shard) in made { after[number] = shard }
        let clean = SearchIndex.shards(changed(postings, changes))
        return (reads, after.map { $0.map(\.term) } == clean.map { $0.map(\.term) } && after.map { $0.map(\.packed) } == clean.map { $0.map(\.packed) }, true)
    }

    @Test func aNewTermReadsOnlyTheShardItFallsIn() {
        let postings = Self.postings(terms: 12_000)
        let shards = SearchIndex.shards(postings)
        #expect(shards.count > 5)
        let term = shards[3][10].term + "q"
        let result = Self.check(postings, [(term, 5, .body)])
        #expect(result.applied && result.matches)
        #expect(result.reads.first == 3)
        #expect(result.reads.count < shards.count / 2)
    }

    @Test func aFieldChangeAndARemovalInTwoShardsReadOnlyThoseShards() {
        let postings = Self.postings(terms: 12_000)
        let shards = SearchIndex.shards(postings)
        let first = shards[1][20], second = shards[4][5]
        let result = Self.check(postings, [
            (first.term, first.documents[0].number, .title),
            (second.term, second.documents[0].number, nil),
        ])
        #expect(result.applied && result.matches)
        #expect(result.reads.first == 1)
        #expect(result.reads.contains(4))
        #expect(!result.reads.contains(0))
        #expect(result.reads.count < shards.count / 2)
    }

    @Test func removingAShardsFirstTermGivesTheCleanBuildsShards() {
        let postings = Self.postings(terms: 12_000)
        let shards = SearchIndex.shards(postings)
        let first = shards[2][0]
        let changes = first.documents.map { (term: first.term, number: $0.number, after: SearchIndex.Field?.none) }
        let result = Self.check(postings, changes)
        #expect(result.matches)
        #expect(result.applied)
    }

    @Test func manyNewTermsInOneShardChangeTheCountAndAreNotApplied() {
        let postings = Self.postings(terms: 12_000)
        let shards = SearchIndex.shards(postings)
        let base = shards[2][3].term
        let changes = (0..<3_000).map { (term: base + SearchIndexIncrementalTests.word($0), number: 1, after: SearchIndex.Field?.some(.body)) }
        let result = Self.check(postings, changes)
        #expect(!result.applied)
    }

    @Test func aPostingThatIsNotWhereThePatchSaysIsNotApplied() {
        let postings = Self.postings(terms: 2_000)
        let shards = SearchIndex.shards(postings)
        var patch = SearchIndexShardPatch()
        patch.add(number: 39, before: [(shards[0][0].term, .title)], after: [])
        #expect(patch.apply(firstTerms: shards.map { $0.first?.term ?? "" }, readShard: { shards[$0] }) == nil)
    }
}
