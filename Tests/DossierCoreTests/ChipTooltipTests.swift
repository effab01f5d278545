import Testing
@testable import DossierCore

/// A chip's tooltip is the actor's summary; an actor without one gets no `title`
/// attribute at all (the partials printed the missing value as `title="false"`).
@Suite struct ChipTooltipTests {
    @Test func aChipOfAnActorWithoutASummaryHasNoTooltip() throws {
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
            "<a class=\"chip chip--state\" href=\"../../actors/russia/index.html\"><span class=\"chip__kind\">state</span> <bdi dir=\"auto\">Russia</bdi></a>"))
        #expect(briefing.contains(
            "<a class=\"chip chip--state\" href=\"../../actors/iran/index.html\" title=\"A West Asian state.\" dir=\"auto\">Iran</a>"))
    }
}
