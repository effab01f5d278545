import Foundation
import Testing
@testable import DossierCore

/// Pages 2 and later of an actor's "Mentioned in" list are reused by their inputs
/// key (`PageContexts.actorMentionsInputs`) before their context is built, and are
/// rendered again when a document they list, or the actor, changes.
@Suite struct ActorMentionsPageInputsTests {
    /// Aldoria is mentioned in five briefings, one a page: four later pages.
    static var projectText: String {
        var text = """
        -- dossier.yml --
        title: Mention pages test
        base_url: https://dossier.test/
        paginate_by: 1
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
        for day in 1...5 {
            text += "-- content/briefings/b\(day).md --\n---\ntitle: Briefing \(day)\ndate: 2025-01-0\(day)\n---\nAldoria acted on day \(day).\n"
        }
        return text
    }

    static func laterPages(_ report: BuildReport) -> [String] {
        report.paths.filter { $0.hasPrefix("actors/aldoria/mentions/") }
    }

    @Test func unchangedLaterPagesAreReused() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let first = project.cachedBuild()
        #expect(Self.laterPages(first).count == 4)
        let second = project.cachedBuild()
        #expect(Set(Self.laterPages(first)).isSubset(of: Set(second.reusedRenders)))
    }

    /// A listed briefing's title shows in its link on the page that lists it.
    @Test func aListedDocumentsTitleReachesItsPage() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("content/briefings/b1.md", "---\ntitle: Briefing one, retitled\ndate: 2025-01-01\n---\nAldoria acted on day 1.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        let pages = try Self.laterPages(report).map { try project.read($0) }
        #expect(pages.contains { $0.contains("Briefing one, retitled") })
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// A new mention moves every document one page on: every later page changes.
    @Test func aNewMentionMovesTheLaterPages() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("content/briefings/b6.md", "---\ntitle: Briefing 6\ndate: 2025-01-06\n---\nAldoria acted on day 6.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(Self.laterPages(report).count == 5)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// The actor's summary is the pages' description.
    @Test func theActorsSummaryReachesItsLaterPages() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("content/actors/aldoria.md", "---\ntitle: Aldoria\nkind: state\nsummary: A lowland state.\n---\nA state.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(try project.read("actors/aldoria/mentions/2/index.html").contains("A lowland state."))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// An edit elsewhere keeps the key, so the page is reused without its context.
    @Test func anUnrelatedEditKeepsTheKey() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let cache = BuildCache(folder: nil)
        func keys() throws -> [String] {
            let loaded = ProjectLoader.load(root: project.root)
            let (index, _) = EntityIndexer.build(loaded)
            let settings = LinkSettings(mode: loaded.config.linking.mode, urlStyle: loaded.config.urlStyle)
            let (documents, _, linked) = LinkMemo.linkAll(loaded, index: index, settings: settings, cache: cache, root: project.root)
            let model = SiteModelBuilder.build(project: loaded, index: index, linked: documents).model
            let fingerprints = DocumentFingerprints(project: loaded, index: index, linked: linked, drafts: false, root: project.root)
            let contexts = PageContexts(model: model, urls: SiteURLs(style: loaded.config.urlStyle))
            let aldoria = try #require(contexts.actorsBySlug["aldoria"])
            return try (2...5).map { try #require(contexts.actorMentionsInputs(aldoria, pageNumber: $0, fingerprints: fingerprints, templates: "t")) }
        }
        let before = try keys()
        #expect(Set(before).count == 4)
        try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\n---\nAnother state, edited.\n")
        #expect(try keys() == before)
        try project.write("content/briefings/b3.md", "---\ntitle: Briefing 3\ndate: 2025-01-03\n---\nAldoria acted on day 3, again.\n")
        #expect(try keys() != before)
    }
}
