import Foundation
import Testing
@testable import DossierCore

@Suite struct TitleOrderTests {
    @Test func foldsCaseAndAccentsAndComparesNumbersAsNumbers() {
        let titles = ["zulu", "Resolution 2231", "Élan", "Alpha", "Resolution 598", "elan"]
        let sorted = TitleOrder.sorted(titles, title: { $0 }, tie: { $0 })
        #expect(sorted == ["Alpha", "elan", "Élan", "Resolution 598", "Resolution 2231", "zulu"])
    }

    @Test func equalTitlesAreOrderedByTheirTieBreaker() {
        let items = [("Report", "b"), ("Report", "a")]
        #expect(TitleOrder.sorted(items, title: \.0, tie: \.1).map(\.1) == ["a", "b"])
    }
}

/// Builds a small project and reads its index pages.
@Suite struct IndexPageTests {
    static let site = BuiltSite("""
    -- dossier.yml --
    title: Desk
    base_url: https://example.org/
    -- content/actors/a-zulu.md --
    ---
    title: Zulu Republic
    kind: state
    ---
    -- content/actors/z-alpha.md --
    ---
    title: Alpha Land
    kind: state
    aliases: [Alphastan]
    ---
    -- content/actors/elan.md --
    ---
    title: Élan Union
    kind: state
    ---
    -- content/actors/un.md --
    ---
    title: United Nations
    kind: organisation
    sources:
      - title: Charter of the United Nations
        url: https://example.org/charter
    ---
    -- content/briefings/one.md --
    ---
    title: One
    date: 2025-01-01
    tags: [energy, trade]
    sources:
      - title: charter of the United Nations
        url: https://example.org/charter
      - title: Annual report
    ---
    Zulu Republic and Zulu Republic again, and Alpha Land.
    -- content/briefings/two.md --
    ---
    title: Two
    date: 2025-01-02
    tags: [energy]
    ---
    Zulu Republic.
    """)

    @Test func theBuildIsClean() {
        #expect(Self.site.diagnostics == [])
    }

    @Test func actorsAreListedByTitleNotSlug() throws {
        let html = try Self.site.read("actors/index.html")
        let alpha = try #require(html.range(of: ">Alpha Land<")), elan = try #require(html.range(of: ">Élan Union<"))
        let zulu = try #require(html.range(of: ">Zulu Republic<"))
        #expect(alpha.lowerBound < elan.lowerBound && elan.lowerBound < zulu.lowerBound)
    }

    @Test func theFilterAndSortAreHiddenUntilTheScriptRunsAndEveryActorIsListed() throws {
        let html = try Self.site.read("actors/index.html")
        #expect(html.contains("<form class=\"actor-tools\" data-actor-tools hidden>"))
        #expect(html.contains("<input type=\"radio\" name=\"actor-sort\" value=\"mentions\">"))
        #expect(html.contains("<script src=\"../assets/actors.js\" defer></script>"))
        #expect(html.contains("<li data-names=\"Alpha Land\nAlphastan\" data-mentions=\"1\">"))
        #expect(html.contains("<li data-names=\"Zulu Republic\" data-mentions=\"3\">"))
        #expect(html.components(separatedBy: "<li data-names=").count - 1 == 4)
        #expect(try Self.site.read("assets/actors.js").contains("form.hidden = false"))
    }

    @Test func sourcesAreListedByFoldedTitleAndCitedBySaysBriefingsFromActors() throws {
        let html = try Self.site.read("sources/index.html")
        let annual = try #require(html.range(of: ">Annual report<")), charter = try #require(html.range(of: ">charter of the United Nations<"))
        #expect(annual.lowerBound < charter.lowerBound)
        #expect(html.contains("Cited by briefings: <a href=\"../briefings/one/index.html\" dir=\"auto\">One</a></p>"))
        #expect(html.contains("Cited by actor profiles: <a class=\"chip chip--organization chip--tiny\" href=\"../actors/un/index.html\" dir=\"auto\">United Nations</a></p>"))
    }

    @Test func aTagsCountSitsInsideItsPill() throws {
        let html = try Self.site.read("tags/index.html")
        #expect(html.contains("<a class=\"tag tag--counted\" href=\"../tags/energy/index.html\">energy <span class=\"tag__count\">2<span class=\"visually-hidden\"> briefings</span></span></a>"))
        #expect(html.contains(">trade <span class=\"tag__count\">1<span class=\"visually-hidden\"> briefing</span></span></a>"))
    }

    @Test func kindNamesAgreeBetweenTheIndexAndTheActorPage() throws {
        #expect(try Self.site.read("actors/index.html").contains("<h2 id=\"kind-organization\">Organisations</h2>"))
        let actor = try Self.site.read("actors/un/index.html")
        #expect(actor.contains("<span class=\"kind-badge kind-badge--organization\">Organisation</span>"))
        #expect(!actor.contains(">organization<"))
    }
}
