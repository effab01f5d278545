import Foundation
import Testing
@testable import DossierCore

/// Twelve states and nine organisations with `paginate_by: 1`: ten actors a page, so
/// the states fill page 1 and go on onto page 2, where the organisations start and
/// go on onto page 3. One state is slugged `page`, the folder the later pages sit in.
@Suite struct ActorsIndexPaginationTests {
    static func files(style: URLStyle) -> String {
        var text = """
        -- dossier.yml --
        title: Desk
        base_url: https://example.org/desk/
        url_style: \(style.rawValue)
        paginate_by: 1
        -- content/briefings/one.md --
        ---
        title: One
        date: 2025-01-01
        ---
        State 3 and State 3 met Group 9.

        """
        for number in 1...12 {
            let slug = number == 12 ? "page" : "state-\(number)"
            text += "-- content/actors/\(slug).md --\n---\ntitle: State \(number)\nkind: state\nsummary: Summary of state \(number).\n---\n"
        }
        for number in 1...9 {
            text += "-- content/actors/group-\(number).md --\n---\ntitle: Group \(number)\nkind: organization\n---\n"
        }
        return text
    }

    static let disk = BuiltSite(files(style: .disk))
    static let pretty = BuiltSite(files(style: .pretty))

    /// The titles of the actors a page lists, in order.
    static func listed(_ html: String) -> [String] {
        html.components(separatedBy: "<li data-names=\"").dropFirst().map { String($0.prefix { $0 != "\n" && $0 != "\"" }) }
    }

    @Test func eachPageListsTenActorsInKindThenTitleOrder() throws {
        #expect(Self.disk.diagnostics.isEmpty)
        let pages = try (1...3).map { try Self.disk.read($0 == 1 ? "actors/index.html" : "actors/page/\($0)/index.html") }
        #expect(Self.listed(pages[0]) == (1...10).map { "State \($0)" })
        #expect(Self.listed(pages[1]) == ["State 11", "State 12"] + (1...8).map { "Group \($0)" })
        #expect(Self.listed(pages[2]) == ["Group 9"])
        #expect((try? Self.disk.read("actors/page/4/index.html")) == nil)
        #expect((try? Self.disk.read("actors/page/1/index.html")) == nil)
    }

    @Test func aKindGoingOnFromThePageBeforeIsHeadedAgainAsContinued() throws {
        let second = try Self.disk.read("actors/page/2/index.html")
        #expect(second.contains("<h2 id=\"kind-state\">States <span class=\"kind-group__continued\">(continued)</span></h2>"))
        #expect(second.contains("<h2 id=\"kind-organization\">Organisations</h2>"))
        let third = try Self.disk.read("actors/page/3/index.html")
        #expect(third.contains("<h2 id=\"kind-organization\">Organisations <span class=\"kind-group__continued\">(continued)</span></h2>"))
        #expect(!third.contains("id=\"kind-state\""))
        #expect(!(try Self.disk.read("actors/index.html")).contains("(continued)"))
    }

    @Test func theKindNavigationCountsWholeKindsAndLinksToThePageWhereEachStarts() throws {
        let first = try Self.disk.read("actors/index.html")
        #expect(first.contains("href=\"#kind-state\">States <span class=\"count\">12</span>"))
        #expect(first.contains("href=\"../actors/page/2/index.html#kind-organization\">Organisations <span class=\"count\">9</span>"))
        let third = try Self.disk.read("actors/page/3/index.html")
        #expect(third.contains("href=\"../../../actors/index.html#kind-state\">States"))
        #expect(third.contains("href=\"../../../actors/page/2/index.html#kind-organization\">Organisations"))
        #expect(third.contains("<p class=\"lead\">21 states, organisations"))
    }

    @Test func thePagesHaveTheListsNavigationAndTitles() throws {
        let second = try Self.disk.read("actors/page/2/index.html")
        #expect(second.contains("<p class=\"pagination__status\">Page 2 of 3</p>"))
        #expect(second.contains("<link rel=\"prev\" href=\"../../../actors/index.html\">"))
        #expect(second.contains("rel=\"next\" href=\"../../../actors/page/3/index.html\""))
        #expect(second.contains("<title>Actors, page 2 of 3 · Desk</title>"))
        #expect(second.contains("<a aria-current=\"page\" href=\"../../../actors/page/2/index.html\">2</a>"))
        let first = try Self.disk.read("actors/index.html")
        #expect(first.contains("<title>Actors · Desk</title>"))
        #expect(first.contains("rel=\"next\" href=\"../actors/page/2/index.html\""))
        #expect(!first.contains("rel=\"prev\""))
    }

    @Test func linksFromALaterPageLeadBackToTheSiteFromItsDepth() throws {
        let second = try Self.disk.read("actors/page/2/index.html")
        #expect(second.contains("href=\"../../../actors/state-11/index.html\""))
        #expect(second.contains("src=\"../../../assets/actors.js\""))
        let pretty = try Self.pretty.read("actors/page/2/index.html")
        #expect(pretty.contains("rel=\"prev\" href=\"../../../actors/\""))
        #expect(pretty.contains("href=\"../../../actors/page/\" dir=\"auto\">State 12</a>"))
    }

    @Test func anActorSluggedPageKeepsItsPageBesideTheIndexPages() throws {
        #expect(try Self.disk.read("actors/page/index.html").contains("<h1"))
        #expect(try Self.disk.read("actors/page/index.html").contains("Summary of state 12."))
        #expect(try Self.disk.read("actors/page/2/index.html").contains("Page 2 of 3"))
    }

    @Test func theFilterSaysItLooksOnlyAtThePageAndPointsToSearch() throws {
        let second = try Self.disk.read("actors/page/2/index.html")
        #expect(second.contains("<p class=\"actor-tools__scope\">These look through this page’s actors; <a href=\"../../../search/index.html\">Search</a> finds any actor.</p>"))
    }

    @Test func everyPageIsInTheSitemap() throws {
        let sitemap = try Self.disk.read("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/desk/actors/page/2/index.html</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/desk/actors/page/3/index.html</loc>"))
    }
}

/// A site whose actors fit on one page gets the index it always had: no navigation,
/// no note on the filter, bare anchors to each kind.
@Suite struct ActorsIndexOnOnePageTests {
    static let site = BuiltSite("""
    -- dossier.yml --
    title: Desk
    base_url: https://example.org/
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    ---
    -- content/actors/sco.md --
    ---
    title: Shanghai Cooperation Organisation
    kind: organization
    ---
    """)

    @Test func theIndexHasNoPaginationAndLinksKindsOnTheSamePage() throws {
        let index = try Self.site.read("actors/index.html")
        #expect(index.contains("href=\"#kind-state\">States <span class=\"count\">1</span>"))
        #expect(index.contains("href=\"#kind-organization\">Organisations <span class=\"count\">1</span>"))
        #expect(!index.contains("class=\"pagination\""))
        #expect(!index.contains("actor-tools__scope"))
        #expect(!index.contains("rel=\"next\""))
        #expect(ActorsIndexPaginationTests.listed(index) == ["Iran", "Shanghai Cooperation Organisation"])
        #expect((try? Self.site.read("actors/page/2/index.html")) == nil)
    }
}
