import Foundation
import Testing
@testable import DossierCore

/// `SiteMentions`: an actor's mention groups cut from its positions in the site's
/// mentions are the groups `ActorMentions` makes from its mention values.
@Suite struct SiteMentionsTests {
    static let projectText = """
    -- dossier.yml --
    title: Site mentions test
    base_url: https://dossier.test/
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
    ---
    Aldoria lies near Brevia. Aldoria is old.
    -- content/actors/brevia.md --
    ---
    title: Brevia
    kind: state
    ---
    Brevia borders Aldoria.
    -- content/briefings/harbour.md --
    ---
    title: Harbour
    date: 2025-01-02
    ---
    Aldoria and Brevia opened the harbour.

    Aldoria paid.
    -- content/briefings/talks.md --
    ---
    title: Talks
    date: 2025-01-03
    ---
    Brevia talked. Aldoria listened.
    -- content/pages/about.md --
    ---
    title: About
    ---
    About Aldoria.
    """

    @Test func groupsCutFromPositionsEqualGroupsOfTheMentionsLeavingOutTheActorsOwnProfile() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let (linked, _) = ProjectLinker.linkAll(loaded, index: index, settings: LinkSettings(mode: .all, urlStyle: .disk))
        let briefings = loaded.briefings.sorted { $0.date != $1.date ? $0.date > $1.date : $0.slug < $1.slug }
        let order = briefings.map { DocumentID(.briefing, $0.slug) } + index.actors.map { DocumentID(.actor, $0.slug) }
            + loaded.pages.map { DocumentID(.page, $0.slug) }
        let site = SiteMentions(documentOrder: order, linked: linked)
        #expect(site.all == order.flatMap { linked[$0]?.mentions ?? [] })
        let table = ActorPassageTable(site.all)
        var checked = 0
        for (id, slug) in table.slugs.enumerated() {
            let own = DocumentID(.actor, slug)
            let (groups, count) = site.groups(at: table.actorMentions[id], excludingDocumentAt: order.firstIndex(of: own))
            let others = site.all.filter { $0.actor == slug && $0.document != own }
            let expected = ActorMentions.siteOrderGroups(others)
            #expect(count == others.count)
            #expect(groups.map(\.document) == expected.map(\.document))
            #expect(groups.map(\.mentions) == expected.map(\.mentions))
            checked += 1
        }
        #expect(checked == 2)
        // Aldoria's own profile mentions it twice; its list holds both briefings, Brevia's profile and the page.
        let aldoria = try #require(table.slugs.firstIndex(of: "aldoria"))
        let (groups, count) = site.groups(at: table.actorMentions[aldoria], excludingDocumentAt: order.firstIndex(of: DocumentID(.actor, "aldoria")))
        #expect(groups.map(\.document) == [DocumentID(.briefing, "talks"), DocumentID(.briefing, "harbour"), DocumentID(.actor, "brevia"),
                                           DocumentID(.page, "about")])
        #expect(count == 5)
    }
}
