import Foundation
import Testing
@testable import DossierCore

/// A cached build takes the pages made from the whole site (home, the actors, tags
/// and sources indexes, graph, search, 404, free pages) from the previous output when
/// no changed document reaches them and their shape is the same (`SitePageRekeying`),
/// and with nothing changed every page and data file. One test per dependency edge:
/// the page that depends on the edit changes, the pages that do not keep their file,
/// and the site equals a clean build byte for byte.
@Suite struct SitePageRekeyingTests {
    /// Twelve actors (two pages of the actors index at `paginate_by: 1`), Aldoria a
    /// member of Corvo; twelve briefings, so b01 and b02 are not among home's newest
    /// ten; b01's eight events (2030) are the latest, all on home; b12 is the newest.
    static var projectText: String {
        var text = """
        -- dossier.yml --
        title: Site page rekeying test
        exports: all
        base_url: https://dossier.test/
        paginate_by: 1
        -- content/pages/about.md --
        ---
        title: About
        ---
        About Aldoria.
        -- content/actors/aldoria.md --
        ---
        title: Aldoria
        kind: state
        relations:
          - type: member-of
            target: corvo
        ---
        A state.
        -- content/actors/corvo.md --
        ---
        title: Corvo
        kind: organization
        ---
        An alliance.

        """
        for name in ["Brevia", "Dunmark", "Estoria", "Farland", "Gondal", "Hestia", "Ilvar", "Jorvik", "Kestrel", "Lumen"] {
            text += "-- content/actors/\(name.lowercased()).md --\n---\ntitle: \(name)\nkind: state\n---\nA state.\n"
        }
        text += briefing(1, body: "Aldoria met Brevia.", extra: b01Events("Far future"))
        for number in 2...12 {
            text += briefing(number, body: number == 11 ? "Corvo convened." : "Brevia spoke.", extra: number == 3 ? "tags: [trade]\n" : "")
        }
        return text
    }

    static func b01Events(_ title: String) -> String {
        "events:\n" + (1...8).map { "  - date: 2030-01-0\($0)\n    title: \(title) \($0)\n" }.joined()
    }

    static func briefing(_ number: Int, title: String? = nil, body: String, extra: String = "") -> String {
        let name = String(format: "b%02d", number)
        return "-- content/briefings/\(name).md --\n" + briefingFile(number, title: title, body: body, extra: extra)
    }

    static func briefingFile(_ number: Int, title: String? = nil, body: String, extra: String = "") -> String {
        "---\ntitle: \(title ?? "Briefing \(number)")\ndate: 2025-01-\(String(format: "%02d", number))\n\(extra)---\n\(body)\n"
    }

    static let sitePages = ["index.html", "actors/index.html", "actors/page/2/index.html", "tags/index.html", "graph/index.html",
                            "search/index.html", "404.html", "sources/index.html", "about/index.html"]

    /// Builds the project, applies `edit`, builds again through the cache; checks the
    /// result against a clean build, and that the site pages `unreached` were taken
    /// unrendered; returns the site pages whose bytes changed and the report.
    static func rebuild(
        unreached: [String] = ["search/index.html", "404.html"], _ edit: (TestProject) throws -> Void
    ) throws -> (changed: Set<String>, report: BuildReport) {
        let project = try TestProject(projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try edit(project)
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        let changed = Set(report.changedPaths).intersection(sitePages)
        let reused = Set(report.reusedRenders)
        for page in unreached { #expect(reused.contains(page), "\(page) was rendered again") }
        return (changed, report)
    }

    @Test func theProjectHasTheSitePagesTheTestsAssume() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(Set(report.paths).isSuperset(of: Self.sitePages))
        // Each whole-site page's inputs key is its shape.
        let manifest = BriefingPageRekeyingTests.manifest(project)
        for page in Self.sitePages { #expect(manifest.previousInputs(of: page)?.hasPrefix(".") == true, "\(page)") }
    }

    @Test func nothingChangedTakesEveryFileUnmade() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let first = project.cachedBuild()
        let report = project.cachedBuild()
        #expect(report.changedPaths.isEmpty)
        let taken = Set(report.reusedRenders + report.reusedDataFiles)
        for path in ["feed.xml", "feed.json", "sitemap.xml", "data/entities.json", "data/passages/briefing/b01.json"] + Self.sitePages {
            #expect(taken.contains(path), "\(path)")
        }
        #expect(first.paths.filter { $0.hasSuffix(".html") && !$0.hasSuffix("card.html") }.allSatisfy(taken.contains))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// A body edit that changes no count: b01 is not among home's newest briefings and
    /// names the same actors, so no whole-site page but the sources index and the
    /// free page (keyed by any change) is keyed, and none changes.
    @Test func aBodyEditThatChangesNoCountReachesNoSitePage() throws {
        let result = try Self.rebuild(unreached: Self.sitePages) { project in
            try project.write("content/briefings/b01.md", Self.briefingFile(1, body: "Aldoria met Brevia again.",
                                                                             extra: Self.b01Events("Far future")))
        }
        #expect(result.changed.isEmpty)
        #expect(result.report.changedPaths.contains("data/passages/briefing/b01.json"))
        #expect(!result.report.changedPaths.contains("data/passages/briefing/b02.json"))
    }

    /// Mention counts are in the shape of the actors index, the graph and home.
    @Test func aNewMentionChangesTheCountsTheIndexGraphAndHomeShow() throws {
        let result = try Self.rebuild(unreached: ["tags/index.html", "search/index.html", "404.html"]) { project in
            try project.write("content/briefings/b02.md", Self.briefingFile(2, body: "Brevia spoke. Aldoria answered. Corvo noted it."))
        }
        #expect(result.changed.isSuperset(of: ["actors/index.html", "graph/index.html", "index.html"]))
        #expect(!result.changed.contains("tags/index.html"))
    }

    /// An actor's file is read by the graph and the actors index (its title): Corvo, the
    /// one organisation, is on the index's second page, after the eleven states.
    @Test func anActorRetitledReachesTheGraphAndTheActorsIndex() throws {
        let result = try Self.rebuild(unreached: ["tags/index.html", "search/index.html", "404.html"]) { project in
            try project.write("content/actors/corvo.md", "---\ntitle: Corvo Pact\nkind: organization\n---\nAn alliance.\n")
        }
        #expect(result.changed.isSuperset(of: ["actors/page/2/index.html", "graph/index.html", "index.html"]))
    }

    /// Lumen is on the actors index's second page.
    @Test func anActorRetitledReachesTheActorsIndexPageThatListsIt() throws {
        let result = try Self.rebuild { project in
            try project.write("content/actors/lumen.md", "---\ntitle: Lumenia\nkind: state\n---\nA state.\n")
        }
        #expect(result.changed.contains("actors/page/2/index.html"))
    }

    /// A relation added: the graph reads every actor's relations.
    @Test func aRelationAddedReachesTheGraph() throws {
        let result = try Self.rebuild { project in
            try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\nrelations:\n  - type: member-of\n    target: corvo\n---\nA state.\n")
        }
        #expect(result.changed.contains("graph/index.html"))
    }

    /// Tags and their counts are the tags index's shape.
    @Test func aTagAddedReachesTheTagsIndex() throws {
        let result = try Self.rebuild(unreached: ["graph/index.html", "actors/index.html", "actors/page/2/index.html", "search/index.html", "404.html"]) { project in
            try project.write("content/briefings/b04.md", Self.briefingFile(4, body: "Brevia spoke.", extra: "tags: [trade, energy]\n"))
        }
        #expect(result.changed.contains("tags/index.html"))
    }

    /// b11 is the newest briefing: its card is on home.
    @Test func aNewestBriefingRetitledReachesHome() throws {
        let result = try Self.rebuild { project in
            try project.write("content/briefings/b11.md", Self.briefingFile(11, title: "Eleventh hour", body: "Corvo convened."))
        }
        #expect(result.changed.contains("index.html"))
    }

    /// b01's event is the latest of home's events, though b01 is not among its briefings.
    @Test func anEventOnHomeRetitledReachesHome() throws {
        let result = try Self.rebuild { project in
            try project.write("content/briefings/b01.md", Self.briefingFile(1, body: "Aldoria met Brevia.",
                                                                             extra: Self.b01Events("Farther future")))
        }
        #expect(result.changed.contains("index.html"))
    }

    /// b02 is on no part of home, but its new event, earlier than all others, moves home's
    /// events to later timeline pages, which their links name.
    @Test func anEarlierEventElsewhereMovesHomesEventsTimelineLinks() throws {
        let result = try Self.rebuild { project in
            try project.write("content/briefings/b02.md", Self.briefingFile(2, body: "Brevia spoke.",
                                                                             extra: "events:\n  - date: 2020-01-01\n    title: Long ago\n"))
        }
        #expect(result.changed.contains("index.html"))
    }

    /// The sources index reads every document's sources: any change keys it.
    @Test func aSourceAddedReachesTheSourcesIndex() throws {
        let result = try Self.rebuild { project in
            try project.write("content/briefings/b05.md", Self.briefingFile(5, body: "Brevia spoke.",
                                                                             extra: "sources:\n  - id: wire\n    title: The wire\n"))
        }
        #expect(result.changed.contains("sources/index.html"))
    }

    @Test func aFreePageEditedIsRenderedAgain() throws {
        let result = try Self.rebuild { project in
            try project.write("content/pages/about.md", "---\ntitle: About\n---\nAbout Aldoria and Corvo.\n")
        }
        #expect(result.changed.contains("about/index.html"))
    }

    /// `dossier.yml` is read by every page: all are keyed, and the title shows on each.
    @Test func theSiteTitleChangedReachesEverySitePage() throws {
        let result = try Self.rebuild(unreached: []) { project in
            try project.write("dossier.yml", "title: Renamed site\nbase_url: https://dossier.test/\npaginate_by: 1\nexports: all\n")
        }
        #expect(result.changed.isSuperset(of: ["index.html", "search/index.html", "404.html", "graph/index.html", "tags/index.html"]))
    }

    /// With nothing changed every file is taken from the previous output only if it is
    /// still the file that build wrote: one edited, deleted or added by hand since is made
    /// again (or removed).
    @Test(arguments: ["edited", "deleted", "added"])
    func aSiteFileTouchedByHandIsMadeRightAgainWhenNothingElseChanged(_ touch: String) throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        for path in ["site/graph/index.html", "site/data/entities.json", "site/sitemap.xml"] {
            let url = project.root.appendingPathComponent(path)
            switch touch {
            case "edited": try project.write(path, "tampered\n")
            case "deleted": try FileManager.default.removeItem(at: url)
            default: try project.write((path as NSString).deletingLastPathComponent + "/extra.html", "added by hand\n")
            }
        }
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// A manifest cut short or overwritten is read as none: every page is made again,
    /// none taken on a shape that was not stored whole.
    @Test(arguments: ["truncated", "overwritten"])
    func aDamagedManifestRemakesEveryPage(_ damage: String) throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let folder = try #require(BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root)).folder).appendingPathComponent("rendered")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(name)
            var bytes = try Data(contentsOf: url)
            if damage == "truncated" {
                bytes = bytes.prefix(bytes.count / 2)
            } else {
                for offset in stride(from: bytes.count / 3, to: bytes.count, by: 5) { bytes[offset] ^= 0x5A }
            }
            try bytes.write(to: url)
        }
        #expect(BriefingPageRekeyingTests.keying(project) == nil)
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(report.reusedRenders.isEmpty)
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}
