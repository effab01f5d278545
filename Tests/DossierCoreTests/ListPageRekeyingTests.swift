import Foundation
import Testing
@testable import DossierCore

/// A cached build keys again only the pages of the briefings index, the tags' lists and
/// the timeline that a change can reach (`ListPageRekeying`): one of their briefings or
/// events changed or names a changed actor, or their shape (length, which items, in
/// order) differs. One test per dependency, each ending in a byte comparison with a
/// clean build.
@Suite struct ListPageRekeyingTests {
    /// Two briefings a page, newest first: index page 1 holds b5 and b4, page 2 b3 and
    /// b2, page 3 b1; "trade" lists b3, b2 (page 1) and b1 (page 2). Eight events a
    /// timeline page: b5's eight fill the first, b4's (Brevia's) is on the second.
    static let projectText = """
    -- dossier.yml --
    title: List rekeying test
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
    Another state.
    -- content/briefings/b1.md --
    ---
    title: One
    date: 2025-01-01
    tags: [trade]
    actors: [aldoria]
    ---
    Aldoria traded.
    -- content/briefings/b2.md --
    ---
    title: Two
    date: 2025-01-02
    tags: [trade]
    ---
    A quiet day.
    -- content/briefings/b3.md --
    ---
    title: Three
    date: 2025-01-03
    tags: [trade, war]
    ---
    Another quiet day.
    -- content/briefings/b4.md --
    ---
    title: Four
    date: 2025-01-04
    events:
      - date: 2024-06-01
        title: Late event
        actors: [brevia]
    ---
    Brevia spoke.
    -- content/briefings/b5.md --
    ---
    title: Five
    date: 2025-01-05
    events:
    \((1...8).map { "  - date: 2024-01-0\($0)\n    title: Event \($0)" }.joined(separator: "\n"))
    ---
    Nothing happened.
    """

    static let listPages = [
        "briefings/index.html", "briefings/page/2/index.html", "briefings/page/3/index.html", "tags/trade/index.html",
        "tags/trade/page/2/index.html", "tags/war/index.html", "timeline/index.html", "timeline/page/2/index.html",
    ]

    /// Builds, edits, builds through the cache; the list pages whose bytes changed, and
    /// which pages `ListPageRekeying` left unreached in the second build.
    static func rebuild(_ edit: (TestProject) throws -> Void) throws -> (changed: Set<String>, unreached: Set<String>) {
        let project = try TestProject(projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let before = try #require(BriefingPageRekeyingTests.keying(project))
        try edit(project)
        let report = project.cachedBuild()
        #expect(report.succeeded)
        let after = try #require(BriefingPageRekeyingTests.keying(project))
        let model = try #require(report.model)
        let contexts = PageContexts(model: model, urls: SiteURLs(style: model.config.urlStyle))
        let rekeying = ListPageRekeying(contexts: contexts, changed: after.changedDocuments(since: before))
        var unreached: Set<String> = []
        let lists: [(PagedList, Int)] = [(.briefings, 3), (.tag("trade"), 2), (.tag("war"), 1), (.timeline, 2)]
        for (list, pages) in lists {
            for number in 1...pages where rekeying.shape(list, number, contexts: contexts)?.unreached == true {
                unreached.insert(contexts.urls.file(list.page(number)))
            }
        }
        #expect(try project.differenceFromCleanBuild() == nil)
        return (Set(report.changedPaths).intersection(listPages), unreached)
    }

    @Test func theProjectIsPagedAsTheTestsAssume() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let report = project.build()
        #expect(Set(report.paths).isSuperset(of: Self.listPages))
        #expect(try project.read("briefings/page/2/index.html").contains("Three"))
        #expect(try project.read("tags/trade/page/2/index.html").contains("One"))
        #expect(try project.read("timeline/page/2/index.html").contains("Late event"))
    }

    @Test func nothingChangedReachesNoListPage() throws {
        let rebuild = try Self.rebuild { _ in }
        #expect(rebuild.unreached == Set(Self.listPages))
        #expect(rebuild.changed.isEmpty)
    }

    @Test func aBodyEditReachesOnlyThePagesListingItsBriefing() throws {
        let rebuild = try Self.rebuild { try $0.write("content/briefings/b2.md", "---\ntitle: Two\ndate: 2025-01-02\ntags: [trade]\n---\nA stormy day.\n") }
        #expect(Set(Self.listPages).subtracting(rebuild.unreached) == ["briefings/page/2/index.html", "tags/trade/index.html"])
        #expect(rebuild.changed.isEmpty)
    }

    @Test func aRetitledBriefingChangesThePagesListingIt() throws {
        let rebuild = try Self.rebuild { try $0.write("content/briefings/b2.md", "---\ntitle: Two, retitled\ndate: 2025-01-02\ntags: [trade]\n---\nA quiet day.\n") }
        #expect(rebuild.changed == ["briefings/page/2/index.html", "tags/trade/index.html"])
    }

    /// b1 moves to the top of the index: every index page's items shift.
    @Test func aBriefingThatMovesReachesThePagesItLeftThroughTheirShape() throws {
        let rebuild = try Self.rebuild {
            try $0.write("content/briefings/b1.md", "---\ntitle: One\ndate: 2025-02-01\ntags: [trade]\nactors: [aldoria]\n---\nAldoria traded.\n")
        }
        #expect(rebuild.changed.isSuperset(of: ["briefings/index.html", "briefings/page/2/index.html", "briefings/page/3/index.html"]))
        // Page 2 lists no changed briefing; only its shape says it must be keyed.
        #expect(rebuild.unreached.contains("briefings/page/2/index.html"))
    }

    /// b3 leaves "trade": the tag's list is shorter, on every page.
    @Test func aBriefingThatLeavesATagReachesTheTagsPagesThroughTheirShape() throws {
        let rebuild = try Self.rebuild { try $0.write("content/briefings/b3.md", "---\ntitle: Three\ndate: 2025-01-03\ntags: [war]\n---\nAnother quiet day.\n") }
        #expect(rebuild.changed.isSuperset(of: ["tags/trade/index.html"]))
        #expect(!Set(rebuild.changed).contains("tags/war/index.html"))
    }

    /// b1's card shows Aldoria's chip.
    @Test func aFrontMatterActorReachesThePagesListingTheBriefingsNamingIt() throws {
        let rebuild = try Self.rebuild { try $0.write("content/actors/aldoria.md", "---\ntitle: Aldoria Republic\nkind: state\n---\nA state.\n") }
        #expect(rebuild.changed == ["briefings/page/3/index.html", "tags/trade/page/2/index.html"])
    }

    /// b4's event names Brevia.
    @Test func anEventsActorReachesTheTimelinePageShowingTheEvent() throws {
        let rebuild = try Self.rebuild { try $0.write("content/actors/brevia.md", "---\ntitle: Brevia Union\nkind: state\n---\nAnother state.\n") }
        #expect(!rebuild.unreached.contains("timeline/page/2/index.html"))
        #expect(rebuild.changed.contains("timeline/page/2/index.html"))
        #expect(rebuild.unreached.contains("timeline/index.html"))
    }

    /// b5's first event moves to the end of the year, past b4's: the second page now
    /// shows another event, though neither page's events changed but that one.
    @Test func anEventMovingAcrossTimelinePagesReachesBothPages() throws {
        let rebuild = try Self.rebuild {
            let text = try String(contentsOf: $0.root.appendingPathComponent("content/briefings/b5.md"), encoding: .utf8)
            try $0.write("content/briefings/b5.md", text.replacingOccurrences(of: "2024-01-01", with: "2024-12-01"))
        }
        #expect(rebuild.changed.isSuperset(of: ["timeline/index.html", "timeline/page/2/index.html"]))
    }

    @Test func aTemplateEditReachesEveryListPage() throws {
        let rebuild = try Self.rebuild {
            let footer = TestPaths.packageRoot.appendingPathComponent("Sources/DossierCore/Resources/theme/templates/partials/footer.mustache")
            try $0.write("templates/partials/footer.mustache", try String(contentsOf: footer, encoding: .utf8) + "<!-- rekeyed -->\n")
        }
        #expect(rebuild.unreached.isEmpty)
        #expect(rebuild.changed == Set(Self.listPages))
    }
}
