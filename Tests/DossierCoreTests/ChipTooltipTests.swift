import Testing
@testable import DossierCore

/// A chip that opens the actor's preview card (`data-card`) does not repeat the
/// summary in a `title` tooltip: the card shows it, fetched from the actor's card file.
/// No chip prints a missing summary as `title="false"` (an old bug).
@Suite struct ChipTooltipTests {
    @Test func aChipOpensTheActorsCardInsteadOfRepeatingItsSummary() throws {
        let site = BuiltSite("""
        -- dossier.yml --
        title: Desk
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        summary: A West Asian state.
        ---
        -- content/actors/russia.md --
        ---
        title: Russia
        kind: state
        ---
        -- content/briefings/talks.md --
        ---
        title: Talks
        date: 2025-01-10
        actors: [russia]
        ---
        Iran and Russia met.
        """)
        #expect(site.diagnostics == [])
        let briefing = try site.read("briefings/talks/index.html")
        #expect(!briefing.contains("title=\"false\""))
        #expect(briefing.contains(
            "<a class=\"chip chip--state\" href=\"../../actors/russia/index.html\" data-card><span class=\"chip__kind\">state</span> <bdi>Russia</bdi></a>"))
        #expect(briefing.contains(
            "<a href=\"../../actors/iran/index.html\" data-card=\"state\" dir=\"auto\">Iran</a>"))
        #expect(!briefing.contains("A West Asian state."))
        #expect(try site.read("actors/iran/card.html").contains("<span class=\"mention-preview__summary\">A West Asian state.</span>"))
    }
}
