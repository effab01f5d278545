import Foundation
import Testing
@testable import DossierCore

/// A document's keywords (an actor's aliases, a briefing's actors' titles and tags) are
/// searched; its part shows them, and its inputs key records their digest, so that a
/// cached build reads a changed document's previous terms from its previous part even
/// when its keywords changed, and patches the shards instead of making the index again
/// (`SearchIndexEdit`). Briefings reached only through an actor they name are left as
/// they were when their keywords did not change, however many they are.
///
/// Every edit is made between two cached builds and ends in a byte comparison with a
/// clean build. The incremental path shows in the report: every shard but those written
/// is taken from the previous output; after the index is made whole, none is.
@Suite struct SearchIndexKeywordEditTests {
    typealias Shards = SearchIndexIncrementalTests

    /// More briefings naming Aldoria than `SearchIndexEdit.largestEdit`.
    static let notes = 70

    static func aldoria(aliases: [String]) -> String {
        "---\ntitle: Aldoria\nkind: state\naliases: [\(aliases.map { "\"\($0)\"" }.joined(separator: ", "))]\n---\nA state.\n"
    }

    static func brevia(aliases: [String]) -> String {
        "---\ntitle: Brevia\nkind: state\naliases: [\(aliases.map { "\"\($0)\"" }.joined(separator: ", "))]\n---\nAnother state.\n"
    }

    static let aldoriaAliases = ["Kingdom of Aldoria", "Northern Pact"]

    /// One of the large briefings whose words fill several shards, naming Aldoria (b0 Brevia too).
    static func briefing(_ number: Int, tags: [String] = ["trade"], extra: String = "") -> String {
        "---\ntitle: Briefing \(number)\ndate: 2025-01-\(String(format: "%02d", number + 1))\nactors: [aldoria\(number == 0 ? ", brevia" : "")]\n"
            + "tags: [\(tags.joined(separator: ", "))]\n---\n" + Shards.body(number, extra: extra)
    }

    /// `passages`: `search.passages`, each edit checked in both modes.
    static func project(passages: Bool) throws -> TestProject {
        var text = """
        -- dossier.yml --
        title: Search keywords
        base_url: https://dossier.test/
        search: {passages: \(passages)}

        """
        text += "-- content/actors/aldoria.md --\n" + aldoria(aliases: aldoriaAliases)
        text += "-- content/actors/brevia.md --\n" + brevia(aliases: ["Southern Pact"])
        text += "-- content/pages/about.md --\n---\ntitle: About\n---\nHow this site is made.\n"
        for number in 0..<Shards.briefings {
            text += "-- content/briefings/b\(number).md --\n" + briefing(number)
        }
        for number in 0..<notes {
            text += "-- content/briefings/note\(number).md --\n---\ntitle: Note \(number)\ndate: 2025-03-01\nactors: [aldoria]\n---\nA note.\n"
        }
        return try TestProject(text)
    }

    /// The part of each document, by its id, as the last build numbered them.
    static func parts(_ report: BuildReport) throws -> [DocumentID: String] {
        try SearchIndexReachTests.parts(report)
    }

    static func allEntries(_ project: TestProject) throws -> [SearchIndex.Postings] {
        try Shards.firstTerms(project).indices.flatMap { try Shards.shardEntries(project, $0) }
    }

    /// Whether the shards were patched: shards the patch did not reach were taken as they
    /// were (a shard it made again with the same bytes is neither taken nor changed).
    static func expectPatched(_ report: BuildReport, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let written = Set(Shards.changedShards(report)), taken = Shards.takenShards(report)
        #expect(!taken.isEmpty, sourceLocation: sourceLocation)
        #expect(taken.isDisjoint(with: written), sourceLocation: sourceLocation)
        #expect(taken.isSubset(of: Shards.shardPaths(report)), sourceLocation: sourceLocation)
    }

    /// Whether the index was made whole: no shard was taken as it was.
    static func expectMadeWhole(_ report: BuildReport, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(Shards.takenShards(report).isEmpty, sourceLocation: sourceLocation)
    }

    /// Builds once through the cache, applies `edit`, builds again, and compares.
    static func afterEdit(
        passages: Bool, _ edit: (TestProject, BuildReport) throws -> Void
    ) throws -> (project: TestProject, before: BuildReport, report: BuildReport) {
        let project = try project(passages: passages)
        let before = project.cachedBuild()
        #expect(before.succeeded)
        #expect(try Shards.firstTerms(project).count >= 3)
        try edit(project, before)
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        return (project, before, report)
    }

    @Test(arguments: [false, true]) func aPartShowsItsDocumentsKeywordsAndIsReadBackWithThem(passages: Bool) throws {
        let project = try Self.project(passages: passages)
        defer { project.remove() }
        let report = project.cachedBuild()
        let parts = try Self.parts(report)
        let actor = try #require(parts[DocumentID(.actor, "aldoria")]), briefing = try #require(parts[DocumentID(.briefing, "b3")])
        let actorText = try #require(SearchIndexPartReader.document(Array(try project.read(actor).utf8), name: String(actor.dropFirst("assets/search/".count).dropLast(3))))
        #expect(actorText.keywords == Self.aldoriaAliases)
        let briefingText = try #require(SearchIndexPartReader.document(Array(try project.read(briefing).utf8), name: String(briefing.dropFirst("assets/search/".count).dropLast(3))))
        #expect(briefingText.keywords == ["Aldoria", "trade"])
        // A page has no keywords, and its part no "w".
        let page = try project.read(try #require(parts[DocumentID(.page, "about")]))
        #expect(page.contains("\"t\":\"About\""))
        #expect(!page.contains("\"w\":"))
    }

    /// Aldoria is named by 86 briefings, whose keywords hold its title, not its aliases:
    /// they are reached, and left as they were.
    @Test(arguments: [false, true]) func anAliasAddedRewritesOnlyTheActorsPartAndTheShardsOfItsNewTerms(passages: Bool) throws {
        var expected: Set<String> = []
        let (project, _, report) = try Self.afterEdit(passages: passages) { project, before in
            let model = try #require(before.model)
            #expect(SearchIndexWriter.documentsReached(by: [DocumentID(.actor, "aldoria")], model: model).count > SearchIndexEdit.largestEdit)
            let firstTerms = try Shards.firstTerms(project)
            expected = Set(["zyzzogeton", "accord"].map { SearchIndexWriter.termsPath(SearchIndexShardPatch.shard(of: $0, firstTerms: firstTerms)) })
            try project.write("content/actors/aldoria.md", Self.aldoria(aliases: Self.aldoriaAliases + ["Zyzzogeton Accord"]))
        }
        defer { project.remove() }
        Self.expectPatched(report)
        #expect(Set(Shards.changedShards(report)) == expected)
        #expect(Shards.takenShards(report) == Shards.shardPaths(report).subtracting(expected))
        #expect(Shards.changedParts(report) == [try #require(try Self.parts(report)[DocumentID(.actor, "aldoria")])])
        let entries = try Self.allEntries(project)
        #expect(entries.first { $0.term == "zyzzogeton" }?.documents.map(\.field) == [.meta])
    }

    @Test(arguments: [false, true]) func anAliasRemovedTakesItsTermsOutOfTheIndex(passages: Bool) throws {
        let (project, _, report) = try Self.afterEdit(passages: passages) { project, _ in
            try project.write("content/actors/aldoria.md", Self.aldoria(aliases: ["Northern Pact"]))
        }
        defer { project.remove() }
        Self.expectPatched(report)
        #expect(Shards.changedParts(report).count == 1)
        let terms = Set(try Self.allEntries(project).map(\.term))
        #expect(!terms.contains("kingdom"))
        #expect(terms.contains("northern"))
    }

    @Test(arguments: [false, true]) func anAliasRenamedMovesItsTermsAsACleanBuild(passages: Bool) throws {
        let (project, _, report) = try Self.afterEdit(passages: passages) { project, _ in
            try project.write("content/actors/aldoria.md", Self.aldoria(aliases: ["Kingdom of Aldoria", "Eastern Pact"]))
        }
        defer { project.remove() }
        Self.expectPatched(report)
        #expect(Shards.changedParts(report).count == 1)
        let terms = Set(try Self.allEntries(project).map(\.term))
        #expect(!terms.contains("northern"))
        #expect(terms.contains("eastern"))
    }

    /// "Pact" is an alias term of both actors: Brevia's goes, Aldoria's stays.
    @Test(arguments: [false, true]) func aKeywordTermSharedWithAnotherDocumentKeepsTheOthersPosting(passages: Bool) throws {
        let (project, before, report) = try Self.afterEdit(passages: passages) { project, _ in
            try project.write("content/actors/brevia.md", Self.brevia(aliases: ["Southern Accord"]))
        }
        defer { project.remove() }
        Self.expectPatched(report)
        let parts = try Self.parts(before)
        let aldoria = try #require(parts[DocumentID(.actor, "aldoria")])
        let number = try #require(Int(aldoria.dropFirst("assets/search/documents/".count).dropLast(3)))
        let pact = try #require(try Self.allEntries(project).first { $0.term == "pact" })
        #expect(pact.documents.map(\.number) == [number])
    }

    /// An alias that is a word of a briefing's text: the briefing now mentions Brevia, so
    /// its keywords change too, and the word's term gains Brevia's posting.
    @Test(arguments: [false, true]) func anAliasThatIsAWordOfABriefingChangesBothDocumentsKeywords(passages: Bool) throws {
        let word = Shards.word(3 * Shards.wordsPerBriefing + 11)
        let (project, _, report) = try Self.afterEdit(passages: passages) { project, _ in
            try project.write("content/actors/brevia.md", Self.brevia(aliases: ["Southern Pact", word.capitalized]))
        }
        defer { project.remove() }
        Self.expectPatched(report)
        #expect((1...2).contains(Shards.changedParts(report).count))
        let entry = try #require(try Self.allEntries(project).first { $0.term == word })
        #expect(entry.documents.count == 2)
    }

    /// A new keyword just after shard 0's last term: shard 0 still ends where it ended,
    /// so the term begins shard 1 and the manifest names it; taken away again, the term
    /// is emptied and shard 1 begins where it did at first.
    @Test(arguments: [false, true]) func aKeywordThatBeginsAShardMovesTheEdgeAndRemovingItEmptiesTheTerm(passages: Bool) throws {
        let project = try Self.project(passages: passages)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let firstTerms = try Shards.firstTerms(project)
        let last = try #require(try Shards.shardEntries(project, 0).last?.term)
        let term = last + "a"
        #expect(term.utf16.lexicographicallyPrecedes(firstTerms[1].utf16))

        try project.write("content/actors/aldoria.md", Self.aldoria(aliases: Self.aldoriaAliases + [term.capitalized]))
        let added = project.cachedBuild()
        #expect(added.succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        Self.expectPatched(added)
        #expect(try Shards.firstTerms(project)[1] == term)

        try project.write("content/actors/aldoria.md", Self.aldoria(aliases: Self.aldoriaAliases))
        let removed = project.cachedBuild()
        #expect(removed.succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        Self.expectPatched(removed)
        #expect(try Shards.firstTerms(project) == firstTerms)
        #expect(try !Self.allEntries(project).contains { $0.term == term })
    }

    @Test(arguments: [false, true]) func aBriefingsTagsChangedArePatchedIn(passages: Bool) throws {
        let (project, _, report) = try Self.afterEdit(passages: passages) { project, _ in
            try project.write("content/briefings/b3.md", Self.briefing(3, tags: ["energy", "zyzzogeton"]))
        }
        defer { project.remove() }
        Self.expectPatched(report)
        #expect(Shards.changedParts(report).count == 1)
        #expect(try Self.allEntries(project).first { $0.term == "zyzzogeton" }?.documents.map(\.field) == [.meta])
    }

    /// A mention added to a body adds the actor's title to the briefing's keywords.
    @Test(arguments: [false, true]) func aMentionAddedToABodyChangesTheBriefingsKeywordsAndIsPatchedIn(passages: Bool) throws {
        let (project, _, report) = try Self.afterEdit(passages: passages) { project, _ in
            try project.write("content/briefings/b3.md", Self.briefing(3, extra: "Brevia signed."))
        }
        defer { project.remove() }
        Self.expectPatched(report)
        #expect((1...2).contains(Shards.changedParts(report).count))
    }

    /// Brevia's title is a keyword of b0, which names it: both parts change, and b0's
    /// postings are patched like Brevia's, not made with every document's.
    @Test(arguments: [false, true]) func anActorRenamedChangesTheKeywordsOfTheBriefingThatNamesIt(passages: Bool) throws {
        var parts: [DocumentID: String] = [:]
        let (project, _, report) = try Self.afterEdit(passages: passages) { project, before in
            parts = try Self.parts(before)
            try project.write("content/actors/brevia.md", Self.brevia(aliases: ["Southern Pact"]).replacingOccurrences(of: "title: Brevia", with: "title: Brevia Zyzzogeton"))
        }
        defer { project.remove() }
        Self.expectPatched(report)
        #expect(try Self.parts(report) == parts)
        #expect(Set(Shards.changedParts(report)) == [parts[DocumentID(.actor, "brevia")]!, parts[DocumentID(.briefing, "b0")]!])
        let entry = try #require(try Self.allEntries(project).first { $0.term == "zyzzogeton" })
        #expect(entry.documents.map(\.field).sorted() == [.meta, .title])
    }

    /// A retitled document that keeps its place among the titles keeps its number, and so
    /// does every other: its title terms are patched in.
    @Test(arguments: [false, true]) func aBriefingRetitledInItsPlaceIsPatchedIn(passages: Bool) throws {
        var parts: [DocumentID: String] = [:]
        let (project, _, report) = try Self.afterEdit(passages: passages) { project, before in
            parts = try Self.parts(before)
            try project.write("content/briefings/b3.md", Self.briefing(3).replacingOccurrences(of: "title: Briefing 3", with: "title: Briefing 3 Zyzzogeton"))
        }
        defer { project.remove() }
        Self.expectPatched(report)
        #expect(try Self.parts(report) == parts)
        #expect(Shards.changedParts(report) == [parts[DocumentID(.briefing, "b3")]!])
        #expect(try Self.allEntries(project).first { $0.term == "zyzzogeton" }?.documents.map(\.field) == [.title])
    }

    /// An actor renamed changes the keywords of every briefing that names it: more than
    /// an edit takes, so the index is made whole, as a clean build makes it.
    @Test(arguments: [false, true]) func anActorRenamedPastTheLargestEditMakesTheIndexWhole(passages: Bool) throws {
        let (project, _, report) = try Self.afterEdit(passages: passages) { project, _ in
            let text = Self.aldoria(aliases: Self.aldoriaAliases).replacingOccurrences(of: "title: Aldoria", with: "title: Aldoria Realm")
            try project.write("content/actors/aldoria.md", text)
        }
        defer { project.remove() }
        Self.expectMadeWhole(report)
    }

    // MARK: The previous part damaged, truncated, missing, or without its keywords

    static func aldoriaPart(_ report: BuildReport, in project: TestProject) throws -> URL {
        project.output.appendingPathComponent(try #require(try parts(report)[DocumentID(.actor, "aldoria")]))
    }

    static func aliasEdit(_ project: TestProject) throws {
        try project.write("content/actors/aldoria.md", aldoria(aliases: aldoriaAliases + ["Zyzzogeton Accord"]))
    }

    /// Writes `bytes` (as long as the file) over the file at `url` in place, and puts its
    /// times back: the stamp the render manifest recorded still matches, so only what the
    /// file says can tell the change.
    static func overwriteKeepingStamp(_ url: URL, _ bytes: [UInt8]) throws {
        var status = stat()
        #expect(lstat(url.path, &status) == 0)
        #expect(Int(status.st_size) == bytes.count)
        let handle = try FileHandle(forUpdating: url)
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
        let times = [status.st_atim, status.st_mtim]
        #expect(utimensat(AT_FDCWD, url.path, times, 0) == 0)
        var after = stat()
        #expect(lstat(url.path, &after) == 0)
        #expect(RenderManifest.FileStamp(after) == RenderManifest.FileStamp(status))
    }

    @Test(arguments: [false, true]) func theEditedActorsTruncatedPartIsNotReadAndTheIndexIsMadeWhole(passages: Bool) throws {
        let (project, _, report) = try Self.afterEdit(passages: passages) { project, before in
            let path = try Self.aldoriaPart(before, in: project)
            let bytes = try Data(contentsOf: path)
            try bytes.prefix(bytes.count / 2).write(to: path)
            try Self.aliasEdit(project)
        }
        defer { project.remove() }
        Self.expectMadeWhole(report)
    }

    @Test(arguments: [false, true]) func theEditedActorsMissingPartMakesTheIndexWhole(passages: Bool) throws {
        let (project, _, report) = try Self.afterEdit(passages: passages) { project, before in
            try FileManager.default.removeItem(at: try Self.aldoriaPart(before, in: project))
            try Self.aliasEdit(project)
        }
        defer { project.remove() }
        Self.expectMadeWhole(report)
    }

    /// The part still parses and its stamp is the recorded one, but its keywords are not
    /// those its inputs key was written with: they are not taken for the previous ones.
    @Test(arguments: [false, true]) func aPartWhoseKeywordsDisagreeWithItsInputsKeyIsNotReadForThem(passages: Bool) throws {
        let (project, _, report) = try Self.afterEdit(passages: passages) { project, before in
            let path = try Self.aldoriaPart(before, in: project)
            let text = try String(contentsOf: path, encoding: .utf8)
            #expect(text.contains("Kingdom of Aldoria"))
            try Self.overwriteKeepingStamp(path, Array(text.replacingOccurrences(of: "Kingdom of Aldoria", with: "Kingdom of Zldoria").utf8))
            try Self.aliasEdit(project)
        }
        defer { project.remove() }
        Self.expectMadeWhole(report)
    }

    /// A part of a format that did not show keywords (the same length, its summary
    /// padded where the keywords were): read as having none, which its inputs key
    /// contradicts.
    @Test(arguments: [false, true]) func aPartWithoutItsKeywordsIsNotReadForThem(passages: Bool) throws {
        let (project, _, report) = try Self.afterEdit(passages: passages) { project, before in
            let path = try Self.aldoriaPart(before, in: project)
            let text = try String(contentsOf: path, encoding: .utf8)
            let keywords = try #require(text.range(of: ",\"w\":["))
            let end = try #require(text[keywords.upperBound...].firstIndex(of: "]"))
            let removed = text.distance(from: keywords.lowerBound, to: text.index(after: end))
            var stripped = text
            stripped.removeSubrange(keywords.lowerBound...end)
            stripped = stripped.replacingOccurrences(of: "\"s\":\"\"", with: "\"s\":\"" + String(repeating: "x", count: removed) + "\"")
            let document = try #require(SearchIndexPartReader.document(Array(stripped.utf8), name: String(path.path.split(separator: "/").suffix(2).joined(separator: "/").dropLast(3))))
            #expect(document.keywords.isEmpty)
            try Self.overwriteKeepingStamp(path, Array(stripped.utf8))
            try Self.aliasEdit(project)
        }
        defer { project.remove() }
        Self.expectMadeWhole(report)
    }
}
