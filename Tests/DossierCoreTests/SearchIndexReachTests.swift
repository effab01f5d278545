import Foundation
import Testing
@testable import DossierCore

/// A cached build makes (and keys) only the search index's documents a change can
/// reach (`SearchIndexWriter.documentsReached`); every other document's part is taken
/// from the previous output at its number, when that part was the same document's.
/// Each test ends in a byte comparison with a clean build.
@Suite struct SearchIndexReachTests {
    static var project: TestProject {
        get throws { try TestProject(BriefingPageRekeyingTests.projectText) }
    }

    /// The part at each number, by the document's id, as the build numbered them.
    static func parts(_ report: BuildReport) throws -> [DocumentID: String] {
        let model = try #require(report.model)
        let numbering = SearchIndex.numbering(model, urls: SiteURLs(style: model.config.urlStyle))
        return Dictionary(uniqueKeysWithValues: numbering.enumerated().map { ($1.id, SearchIndexWriter.documentPath($0)) })
    }

    static func madeParts(_ report: BuildReport) -> Set<String> {
        Set(report.changedPaths.filter { $0.hasPrefix("assets/search/documents/") })
    }

    @Test func numberingIsTheOrderOfTheDocumentsMade() throws {
        let project = try Self.project
        defer { project.remove() }
        let report = project.build()
        let model = try #require(report.model)
        let urls = SiteURLs(style: model.config.urlStyle)
        #expect(SearchIndex.numbering(model, urls: urls).map { Optional($0.id) } == SearchIndex.documents(model, urls: urls).map(\.id))
    }

    @Test func nothingChangedTakesEveryPart() throws {
        let project = try Self.project
        defer { project.remove() }
        let first = project.cachedBuild()
        let report = project.cachedBuild()
        let parts = try Self.parts(report)
        #expect(Set(report.reusedDataFiles).isSuperset(of: Set(parts.values)))
        #expect(Self.madeParts(report).isEmpty)
        #expect(first.paths == report.paths)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// With `search.passages` on, the part shows the new text; off, the part is the same
    /// bytes (it shows no text) and no part changes.
    @Test(arguments: [false, true]) func aBodyEditMakesOnlyItsOwnPart(passages: Bool) throws {
        let text = BriefingPageRekeyingTests.projectText.replacingOccurrences(of: "paginate_by: 1\n", with: "paginate_by: 1\nsearch: {passages: \(passages)}\n")
        let project = try TestProject(text)
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("content/briefings/b3.md", BriefingPageRekeyingTests.b3(body: "A stormy day, zephyrquartz."))
        let report = project.cachedBuild()
        let parts = try Self.parts(report)
        #expect(Self.madeParts(report) == (passages ? [parts[DocumentID(.briefing, "b3")]!] : []))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// b2 names Corvo in front matter: Corvo's title is one of b2's keywords.
    @Test func anActorsTitleReachesTheBriefingsNamingItInFrontMatter() throws {
        let project = try Self.project
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("content/actors/corvo.md", "---\ntitle: Corvo Pact\nkind: state\n---\nA third state.\n")
        let report = project.cachedBuild()
        // Keywords are searched, not shown: b2's postings must be made again, not kept.
        let model = try #require(report.model)
        #expect(SearchIndexWriter.documentsReached(by: [DocumentID(.actor, "corvo")], model: model) == [DocumentID(.actor, "corvo"), DocumentID(.briefing, "b2")])
        let shards = report.paths.filter { $0.hasPrefix("assets/search/terms/") }
        #expect(try shards.contains { try project.read($0).contains("\"pact\"") })
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// "One" becomes "Zulu": b1 moves to the last number and every document after it
    /// moves up one, so their previous parts hold other documents and are not taken.
    @Test func aTitleThatMovesItsDocumentRenumbersTheOthers() throws {
        let project = try Self.project
        defer { project.remove() }
        _ = project.cachedBuild()
        let text = try String(contentsOf: project.root.appendingPathComponent("content/briefings/b1.md"), encoding: .utf8)
        try project.write("content/briefings/b1.md", text.replacingOccurrences(of: "title: One", with: "title: Zulu"))
        let report = project.cachedBuild()
        #expect(Self.madeParts(report).count > 1)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// Term shards edited in the output cannot give the taken documents' postings: every
    /// document is tokenized again.
    @Test func previousShardsEditedInTheOutputAreNotReadBack() throws {
        let project = try Self.project
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("site/assets/search/terms/0.js", "tampered")
        try project.write("content/briefings/b3.md", BriefingPageRekeyingTests.b3(body: "A stormy day."))
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}
