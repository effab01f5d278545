import Foundation
import Testing
@testable import DossierCore

@Suite struct PagerTests {
    @Test func splitsItemsIntoPagesOfTheGivenSize() {
        let pager = Pager(count: 7, size: 3)
        #expect(pager.pageCount == 3)
        #expect(pager.range(ofPage: 1) == 0..<3)
        #expect(pager.range(ofPage: 3) == 6..<7)
    }

    @Test func anEmptyListStillHasOnePage() {
        #expect(Pager(count: 0, size: 50).pageCount == 1)
        #expect(Pager(count: 0, size: 50).range(ofPage: 1).isEmpty)
    }

    @Test func navigationShowsFirstLastAndNeighboursWithGaps() {
        let pager = Pager(count: 100, size: 5)
        #expect(pager.shownNumbers(around: 10) == [1, nil, 8, 9, 10, 11, 12, nil, 20])
        #expect(pager.shownNumbers(around: 1) == [1, 2, 3, nil, 20])
        #expect(Pager(count: 10, size: 5).shownNumbers(around: 2) == [1, 2])
    }

    @Test func weightedPagesCloseWhenTheBudgetWouldBeExceeded() {
        let pager = Pager(weights: [1, 25, 1, 1, 9, 2], size: 3, budget: 10)
        #expect((1...pager.pageCount).map { pager.range(ofPage: $0) } == [0..<1, 1..<2, 2..<4, 4..<5, 5..<6])
        #expect(Pager(weights: [], size: 3, budget: 10).pageCount == 1)
    }

    @Test func laterPagesSitBelowTheirList() {
        let urls = SiteURLs(style: .disk)
        #expect(urls.file(PagedList.briefings.page(2)) == "briefings/page/2/index.html")
        #expect(urls.file(PagedList.tag("nuclear").page(3)) == "tags/nuclear/page/3/index.html")
        #expect(urls.file(PagedList.actorMentions("iran").page(2)) == "actors/iran/mentions/2/index.html")
        #expect(PagedList.actorMentions("iran").page(1) == .actor("iran"))
        #expect(SiteURLs(style: .pretty).link(from: PagedList.sources.page(2), to: .sources) == "../../../sources/")
    }
}

@Suite struct PaginateByConfigTests {
    @Test func paginateByDefaultsToFifty() {
        let (config, diagnostics) = SiteConfig.decode("title: T\n")
        #expect(config.paginateBy == 50)
        #expect(diagnostics.isEmpty)
    }

    @Test func paginateByIsRead() {
        #expect(SiteConfig.decode("paginate_by: 20\n").0.paginateBy == 20)
    }

    @Test(arguments: [
        ("paginate_by: 0\n", "dossier.yml:1:14: error: 'paginate_by' must be between 1 and 100000, found 0"),
        ("paginate_by: -5\n", "dossier.yml:1:14: error: 'paginate_by' must be between 1 and 100000, found -5"),
        ("title: T\npaginate_by: many\n", "dossier.yml:2:14: error: expected a whole number for 'paginate_by', found 'many'"),
        ("paginate_by: 2.5\n", "dossier.yml:1:14: error: expected a whole number for 'paginate_by', found '2.5'"),
        ("paginate_by: [10]\n", "dossier.yml:1:14: error: expected a whole number for 'paginate_by', found a list"),
    ])
    func anInvalidPageSizeIsAnErrorAtTheValue(yaml: String, expected: String) {
        let (config, diagnostics) = SiteConfig.decode(yaml)
        #expect(diagnostics.lines == [expected])
        #expect(config.paginateBy == 50)
    }
}

/// A project of seven briefings, all tagged, citing a source each and mentioning
/// Iran, built with three items per page.
@Suite struct PaginatedSiteTests {
    static func files(style: URLStyle) -> String {
        var text = """
        -- dossier.yml --
        title: Desk
        base_url: https://example.org/desk/
        url_style: \(style.rawValue)
        paginate_by: 3
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        ---

        """
        for day in 1...7 {
            text += """
            -- content/briefings/b\(day).md --
            ---
            title: Briefing number \(day)
            date: 2025-01-0\(day)
            tags: [energy]
            sources:
              - title: Report \(day)
                url: https://example.org/report-\(day)
            ---
            Iran acted on day \(day).

            """
        }
        return text
    }

    static let disk = BuiltSite(files(style: .disk))

    @Test func theBriefingsIndexShowsOnePageOfBriefingsNewestFirst() throws {
        let first = try Self.disk.read("briefings/index.html")
        #expect(first.contains("Briefing number 7") && first.contains("Briefing number 5"))
        #expect(!first.contains("Briefing number 4"))
        let second = try Self.disk.read("briefings/page/2/index.html")
        #expect(second.contains("Briefing number 4") && second.contains("Briefing number 2"))
        #expect(!second.contains("Briefing number 5") && !second.contains("Briefing number 1"))
        #expect(try Self.disk.read("briefings/page/3/index.html").contains("Briefing number 1"))
        #expect((try? Self.disk.read("briefings/page/4/index.html")) == nil)
        #expect((try? Self.disk.read("briefings/page/1/index.html")) == nil)
    }

    @Test func theNavigationSaysWhichPageAndLinksPreviousAndNext() throws {
        let second = try Self.disk.read("briefings/page/2/index.html")
        #expect(second.contains("<p class=\"pagination__status\">Page 2 of 3</p>"))
        #expect(second.contains("rel=\"prev\" href=\"../../../briefings/index.html\""))
        #expect(second.contains("rel=\"next\" href=\"../../../briefings/page/3/index.html\""))
        #expect(second.contains("<a aria-current=\"page\" href=\"../../../briefings/page/2/index.html\">2</a>"))
        #expect(second.contains("<title>Briefings, page 2 of 3 · Desk</title>"))
        #expect(second.contains("favicon.svg\">\n<link rel=\"prev\" href=\"../../../briefings/index.html\">\n<link rel=\"next\" href=\"../../../briefings/page/3/index.html\">\n<link rel=\"alternate\""))
        let first = try Self.disk.read("briefings/index.html")
        #expect(!first.contains("rel=\"prev\""))
        #expect(first.contains("rel=\"next\" href=\"../briefings/page/2/index.html\""))
        #expect(!(try Self.disk.read("briefings/page/3/index.html")).contains("rel=\"next\""))
    }

    @Test func aTagsBriefingsAndTheSourcesArePaginated() throws {
        #expect(try Self.disk.read("tags/energy/index.html").contains("Page 1 of 3"))
        #expect(try Self.disk.read("tags/energy/page/3/index.html").contains("Briefing number 1"))
        let sources = try Self.disk.read("sources/page/2/index.html")
        #expect(sources.contains("Report 4") && sources.contains("Page 2 of 3"))
        #expect(!sources.contains("Report 1<"))
    }

    @Test func theActorPageShowsTheNewestDocumentsAndLinksToTheRest() throws {
        let actor = try Self.disk.read("actors/iran/index.html")
        #expect(actor.contains("Briefing number 7") && !actor.contains("Briefing number 4"))
        #expect(actor.contains("rel=\"next\" href=\"../../actors/iran/mentions/2/index.html\""))
        let second = try Self.disk.read("actors/iran/mentions/2/index.html")
        #expect(second.contains("Briefing number 4") && !second.contains("Briefing number 7"))
        #expect(second.contains("<mark>Iran</mark> acted on day 4."))
        #expect(second.contains("rel=\"prev\" href=\"../../../../actors/iran/index.html\""))
        #expect(second.contains("<h2 id=\"mentions-heading\">Mentioned in</h2>"))
        #expect(second.contains("7 mentions elsewhere on the site: page 2 of 3 of the documents that mention it. <a href=\"../../../../actors/iran/index.html\">"))
    }

    @Test func aListThatFitsHasNoNavigation() throws {
        #expect(!(try Self.disk.read("tags/index.html")).contains("class=\"pagination\""))
        #expect((try? Self.disk.read("tags/page/2/index.html")) == nil)
    }

    @Test func everyPageIsInTheSitemap() throws {
        let sitemap = try Self.disk.read("sitemap.xml")
        for path in ["briefings/page/2/index.html", "briefings/page/3/index.html", "sources/page/3/index.html",
                     "tags/energy/page/2/index.html", "actors/iran/mentions/3/index.html"] {
            #expect(sitemap.contains("<loc>https://example.org/desk/\(path)</loc>"), "\(path)")
        }
    }

    @Test(arguments: [URLStyle.disk, .pretty])
    func everyPaginationLinkResolvesInBothURLStyles(style: URLStyle) throws {
        let project = try TestProject(Self.files(style: style))
        defer { project.remove() }
        #expect(project.build().succeeded)
        #expect(try LinkChecker.brokenLinks(in: project.output) == [])
        let second = try project.read("briefings/page/2/index.html")
        let previous = style == .disk ? "../../../briefings/index.html" : "../../../briefings/"
        #expect(second.contains("rel=\"prev\" href=\"\(previous)\""))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let again = BuiltSite(Self.files(style: .disk))
        for path in ["briefings/page/2/index.html", "sources/page/3/index.html", "actors/iran/mentions/2/index.html", "sitemap.xml"] {
            #expect(try again.read(path) == Self.disk.read(path), "\(path)")
        }
    }
}

/// Lists of short items hold more per page: the tags index ten times `paginate_by`,
/// the timeline four times.
@Suite struct ShortItemPaginationTests {
    static let site = BuiltSite("""
    -- dossier.yml --
    title: Desk
    base_url: https://example.org/
    paginate_by: 1
    -- content/briefings/one.md --
    ---
    title: One
    date: 2025-01-01
    tags: [t01, t02, t03, t04, t05, t06, t07, t08, t09, t10, t11]
    events:
      - {date: 2020-01-01, title: First event}
      - {date: 2021-01-01, title: Second event}
      - {date: 2022-01-01, title: Third event}
      - {date: 2023-01-01, title: Fourth event}
      - {date: 2024-01-01, title: Fifth event}
    ---
    Text.
    """)

    @Test func theTagsIndexHoldsTenTimesAsManyPerPage() throws {
        let first = try Self.site.read("tags/index.html")
        #expect(first.contains(">t10 <") && !first.contains(">t11 <"))
        #expect(try Self.site.read("tags/page/2/index.html").contains(">t11 <"))
    }

    @Test func theTimelineHoldsFourTimesAsManyAndItsPictureDrawsThePagesEvents() throws {
        let first = try Self.site.read("timeline/index.html")
        #expect(first.contains("Fourth event") && !first.contains("Fifth event"))
        let second = try Self.site.read("timeline/page/2/index.html")
        #expect(second.contains("<h3 class=\"event__title\" dir=\"auto\">Fifth event</h3>"))
        #expect(!second.contains("First event"))
        #expect(second.contains("Page 2 of 2"))
    }

    @Test func aLinkToAnEventGoesToTheTimelinePageThatListsIt() throws {
        let home = try Self.site.read("index.html")
        let anchors = LinkChecker.attributes(["href"], in: home).filter { $0.hasPrefix("timeline/") && $0.contains("#") }
        #expect(anchors.count == 5)
        #expect(anchors.filter { $0.hasPrefix("timeline/page/2/index.html#") }.count == 1)
        for anchor in anchors {
            let parts = anchor.components(separatedBy: "#")
            #expect(try Self.site.read(parts[0]).contains("id=\"\(parts[1])\""), "\(anchor)")
        }
    }
}

/// A page of an actor's mentions holds `paginate_by` documents and at most ten times
/// as many passages, so documents that quote the actor in every paragraph spread out.
@Suite struct MentionPageBudgetTests {
    static let site: BuiltSite = {
        let paragraphs = (1...25).map { "Iran in paragraph \($0)." }.joined(separator: "\n\n")
        return BuiltSite("""
        -- dossier.yml --
        title: Desk
        base_url: https://example.org/
        paginate_by: 2
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        ---
        -- content/briefings/dense.md --
        ---
        title: The dense briefing
        date: 2025-03-01
        ---
        \(paragraphs)
        -- content/briefings/middle.md --
        ---
        title: The middle briefing
        date: 2025-02-01
        ---
        Iran once.
        -- content/briefings/old.md --
        ---
        title: The old briefing
        date: 2025-01-01
        ---
        Iran once more.
        """)
    }()

    @Test func aDocumentOverThePassageBudgetHasThePageToItself() throws {
        let first = try Self.site.read("actors/iran/index.html")
        #expect(first.contains("The dense briefing") && !first.contains("The middle briefing"))
        #expect(first.contains("<summary>22 more passages</summary>"))
        let second = try Self.site.read("actors/iran/mentions/2/index.html")
        #expect(second.contains("The middle briefing") && second.contains("The old briefing"))
        #expect((try? Self.site.read("actors/iran/mentions/3/index.html")) == nil)
    }
}
