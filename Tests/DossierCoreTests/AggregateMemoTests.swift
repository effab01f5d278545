import Foundation
import Testing
@testable import DossierCore

/// Data files keyed on their inputs (`AggregateKeys`): an actor's mentions file and
/// mentions.csv are taken from the previous output when nothing they read changed,
/// made again when something did, and the site always equals a clean build's.
@Suite struct AggregateMemoTests {
    static let projectText = """
    -- dossier.yml --
    title: Aggregate test
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
    aliases: []
    ---
    Another state.
    -- content/briefings/first.md --
    ---
    title: First
    date: 2025-01-02
    ---
    Aldoria voted.
    -- content/briefings/second.md --
    ---
    title: Second
    date: 2025-01-03
    ---
    Brevia abstained. The Old Kingdom watched.
    """

    static let aldoria = "data/mentions/aldoria.json", brevia = "data/mentions/brevia.json", csv = "data/mentions.csv"
    static let firstPassages = "data/passages/briefing/first.json", secondPassages = "data/passages/briefing/second.json"

    @Test func anUnchangedProjectReusesEveryMemoisedDataFile() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let first = project.cachedBuild()
        #expect(first.succeeded)
        #expect(first.reusedDataFiles.isEmpty)
        let second = project.cachedBuild()
        #expect(second.succeeded)
        let searchFiles = second.paths.filter(SearchIndex.isOutput)
        #expect(searchFiles.contains("assets/search-index.js"))
        #expect(Set(second.reusedDataFiles) == Set([Self.aldoria, Self.brevia, Self.csv, "data/graph.graphml", "data/graph.gexf", Self.firstPassages, Self.secondPassages,
                                                    "data/entities.json", "feed.xml", "feed.json", "sitemap.xml"] + searchFiles))
        #expect(second.changedPaths.isEmpty)
    }

    /// Documents are numbered by title (Aldoria, Brevia, First, Second): the edited
    /// briefing's part is made again, the other documents' parts are reused, and the
    /// term shards are made from the previous shards and the edited document's terms.
    @Test func aBodyEditRemakesOnlyItsDocumentsPartOfTheSearchIndex() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("content/briefings/first.md", "---\ntitle: First\ndate: 2025-01-02\n---\nAldoria voted for the zeppelin treaty.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        let reusedParts = report.reusedDataFiles.filter(SearchIndex.isOutput)
        #expect(reusedParts == ["assets/search/documents/0.js", "assets/search/documents/1.js", "assets/search/documents/3.js"])
        // Made again; it shows no text (`search.passages` is off), so its bytes are the same.
        #expect(!report.changedPaths.contains("assets/search/documents/2.js"))
        #expect(try project.read("assets/search/terms/0.js").contains("zeppelin"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// A part of the search index removed from the output by hand is made again; the
    /// others are reused.
    @Test func aSearchFileMissingFromTheOutputIsMadeAgain() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let first = project.cachedBuild()
        let documentFile = try #require(first.paths.first { $0.hasPrefix("assets/search/documents/") })
        try FileManager.default.removeItem(at: project.output.appendingPathComponent(documentFile))
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(!report.reusedDataFiles.contains(documentFile))
        #expect(report.reusedDataFiles.contains("assets/search/terms/0.js"))
        #expect(report.paths.contains(documentFile))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aBodyEditRemakesOnlyTheMentionsFilesOfActorsItMentions() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("content/briefings/second.md", "---\ntitle: Second\ndate: 2025-01-03\n---\nBrevia abstained twice.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(report.reusedDataFiles.contains(Self.aldoria))
        #expect(!report.reusedDataFiles.contains(Self.brevia))
        #expect(!report.reusedDataFiles.contains(Self.csv))
        // The passage's text is in its document's file, which only the edited document remakes.
        #expect(report.reusedDataFiles.contains(Self.firstPassages))
        #expect(!report.reusedDataFiles.contains(Self.secondPassages))
        #expect(try project.read(Self.secondPassages).contains("abstained twice"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// An alias re-links the documents holding the name: the actor's file gains the
    /// mention although no document's text changed.
    @Test func anAliasEditRemakesTheFilesOfTheMentionsItAdds() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        #expect(try !project.read(Self.aldoria).contains("Old Kingdom"))
        try project.write("content/actors/aldoria.md", "---\ntitle: Aldoria\nkind: state\naliases: [Old Kingdom]\n---\nA state.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(!report.reusedDataFiles.contains(Self.aldoria))
        #expect(try project.read(Self.aldoria).contains("Old Kingdom"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// mentions.csv prints each mention's document title: a title edit alone remakes it.
    @Test func aTitleEditRemakesTheMentionsTable() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("content/briefings/first.md", "---\ntitle: First, retitled\ndate: 2025-01-02\n---\nAldoria voted.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(!report.reusedDataFiles.contains(Self.csv))
        #expect(try project.read(Self.csv).contains("\"First, retitled\""))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// The co-mention pairs come from other documents' passages: a briefing that
    /// starts naming both actors changes both files' pairs.
    @Test func aNewCoMentionRemakesTheFileOfThePairsFirstActor() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("content/briefings/third.md", "---\ntitle: Third\ndate: 2025-01-04\n---\nAldoria and Brevia met.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(!report.reusedDataFiles.contains(Self.aldoria))
        #expect(try project.read(Self.aldoria).contains("\"other\":\"brevia\""))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// A file changed by hand in the output is made again, as a page would be rendered again.
    @Test func aDataFileEditedInTheOutputIsMadeAgain() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        let original = try project.read(Self.aldoria)
        try FileManager.default.removeItem(at: project.output.appendingPathComponent(Self.aldoria))
        try project.write("site/" + Self.aldoria, "{}")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(!report.reusedDataFiles.contains(Self.aldoria))
        #expect(try project.read(Self.aldoria) == original)
    }

    @Test func aBuildWithoutTheCacheMakesEveryDataFile() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        let report = project.build()
        RetiredOutputs.waitUntilRemoved()
        #expect(report.succeeded)
        #expect(report.reusedDataFiles.isEmpty)
    }

    @Test func documentsWithoutAFingerprintGiveNoKey() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let model = try #require(project.build().model)
        #expect(AggregateKeys.actorMentions("aldoria", mentionList: "a digest", profileNamesActor: true, coMentions: 0..<0, in: model, fingerprints: .none) == nil)
        #expect(AggregateKeys.mentionRows(DocumentID(.briefing, "first"), fingerprints: .none) == nil)
        #expect(AggregateKeys.searchIndex(model, fingerprints: .none) == nil)
    }
}
