import Foundation
import Testing
@testable import DossierCore

/// What a cached build's render stage leaves out because it cannot have changed
/// (issue 11, seventh round): the mentions files keyed from each actor's mention list
/// instead of the site's mentions, the actors whose "Mentioned in" needs no pager, and
/// the pages and data files that take their previous key. Each dependency a skip
/// relies on is edited here and the site compared with a clean build.
@Suite struct CachedRenderKeyingTests {
    static let projectText = """
    -- dossier.yml --
    title: Keying test
    exports: all
    base_url: https://dossier.test/
    paginate_by: 2
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
    Another state, older than Aldoria.
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
    Brevia abstained.

    Aldoria and Brevia met. Aldoria spoke, then Aldoria left.

    Aldoria again.
    -- content/briefings/third.md --
    ---
    title: Third
    date: 2025-01-04
    ---
    Aldoria and Brevia signed.
    """

    static let aldoria = "data/mentions/aldoria.json", brevia = "data/mentions/brevia.json"

    /// An actor's mention list leaves out its own profile: the profile's mentions of the
    /// actor reach its mentions file through the actor's own fingerprint.
    @Test func anActorsProfileNamingItselfRemakesItsMentionsFile() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("content/actors/aldoria.md", "---\ntitle: Aldoria\nkind: state\n---\nA state. Aldoria is old.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(!report.reusedDataFiles.contains(Self.aldoria))
        #expect(report.reusedDataFiles.contains(Self.brevia))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// Brevia's profile names Aldoria: an edit there is a document of Aldoria's list.
    @Test func anotherActorsProfileNamingTheActorRemakesItsMentionsFile() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\n---\nAnother state, much older than Aldoria.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(!report.reusedDataFiles.contains(Self.aldoria))
        #expect(try project.read("data/passages/actor/brevia.json").contains("much older"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// Removing the only mention of an actor from a document drops that document from
    /// its list and its file, though the document is still in the site.
    @Test func aDocumentThatStopsNamingTheActorRemakesItsMentionsFile() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("content/briefings/first.md", "---\ntitle: First\ndate: 2025-01-02\n---\nNobody voted.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(!report.reusedDataFiles.contains(Self.aldoria))
        #expect(report.reusedDataFiles.contains(Self.brevia))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// An actor is put on one page without its pager only where the pager agrees; the
    /// shortcut may miss an actor that still fits (Cardia: one document over the
    /// passage budget), never the other way round.
    @Test func anActorSkipsItsPagerOnlyWhenItsPagerMakesOnePage() throws {
        var text = Self.projectText
        text += "\n-- content/actors/cardia.md --\n---\ntitle: Cardia\nkind: state\n---\nA third state.\n"
        for day in 5...9 {
            text += "-- content/briefings/b\(day).md --\n---\ntitle: B\(day)\ndate: 2025-01-0\(day)\n---\nAldoria acted on day \(day).\n"
        }
        text += "-- content/briefings/long.md --\n---\ntitle: Long\ndate: 2025-02-01\n---\n"
        text += (1...25).map { "Cardia, paragraph \($0)." }.joined(separator: "\n\n") + "\n"
        let project = try TestProject(text)
        defer { project.remove() }
        let report = project.build()
        let model = try #require(report.model)
        let contexts = PageContexts(model: model, urls: SiteURLs(style: model.config.urlStyle))
        var pageCounts: [String: Int] = [:], skipped: Set<String> = []
        for actor in model.actors {
            pageCounts[actor.actor.slug] = contexts.mentionPager(actor).pageCount
            if SiteRenderer.fitsOnePage(actor, contexts: contexts) { skipped.insert(actor.actor.slug) }
        }
        // Aldoria: eight briefings and Brevia's profile, two a page.
        #expect(pageCounts == ["aldoria": 5, "brevia": 1, "cardia": 1])
        #expect(skipped == ["brevia"])
        #expect(report.paths.contains("actors/aldoria/mentions/5/index.html"))
        #expect(!report.paths.contains(where: { $0.hasPrefix("actors/brevia/mentions/") || $0.hasPrefix("actors/cardia/mentions/") }))
    }

    /// A cached build after a small edit makes each mentions and passages file from the
    /// passages of the documents it reads alone: byte for byte what the whole site's
    /// tables make, for every actor and every document.
    @Test func exportFilesMadeFromTheirOwnDocumentsEqualThoseMadeFromTheWholeSite() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let model = try #require(project.build().model)
        let documents = AggregateKeys.MentionDocuments(model, fingerprints: .none)
        let whole = ExportTables(model, documents: documents, perDocument: false)
        let perDocument = ExportTables(model, documents: documents, perDocument: true)
        let coMentions = EntitiesExport.coMentionRanges(model)
        for index in model.actors.indices {
            let file = whole.mentionsFile(actor: index, coMentions: coMentions[index])
            #expect(perDocument.mentionsFile(actor: index, coMentions: coMentions[index]) == file, "\(model.actors[index].actor.slug)")
            #expect(file.count > 100)
        }
        #expect(documents.ids.count == 4)
        for stretch in documents.ids.indices {
            #expect(perDocument.passagesFile(stretch) == whole.passagesFile(stretch), "\(documents.ids[stretch])")
        }
    }
}
