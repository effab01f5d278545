import Foundation
import Testing
@testable import DossierCore

/// The cached build's render and write stages: the feeds, the sitemap and
/// `entities.json` are keyed on what they show and kept unmade when that did not
/// change; list pages (briefings, tags, timeline) are keyed before their context; the
/// render manifest is written only when it changed and, damaged, costs a full render,
/// never a stale page. Every test ends with the site equal to a clean build's.
@Suite struct CachedRenderAndWriteTests {
    static let feed = "feed.xml", jsonFeed = "feed.json", sitemap = "sitemap.xml", entities = "data/entities.json"

    /// 21 briefings dated 1 to 21 January: the newest first, so `b02` is the 20th and
    /// last entry of the feeds and `b01` the first left out. Five to a list page.
    static func projectText() -> String {
        var text = """
        -- dossier.yml --
        title: Cached render test
        exports: all
        base_url: https://dossier.test/
        paginate_by: 5
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
        for day in 1...21 {
            text += briefing(day, title: "Briefing \(day)", body: day % 2 == 0 ? "Aldoria voted." : "Brevia abstained.")
        }
        return text
    }

    static func slug(_ day: Int) -> String { String(format: "b%02d", day) }

    static func briefing(_ day: Int, title: String, body: String) -> String {
        """
        -- content/briefings/\(slug(day)).md --
        ---
        title: \(title)
        date: 2025-01-\(String(format: "%02d", day))
        tags: [votes]
        events:
          - date: 2025-01-\(String(format: "%02d", day))
            title: Vote \(day)
            actors: [aldoria]
        ---
        \(body)

        """
    }

    /// Rewrites briefing `day` with a new title or body.
    static func edit(_ project: TestProject, day: Int, title: String? = nil, body: String) throws {
        let text = briefing(day, title: title ?? "Briefing \(day)", body: body)
        let (path, contents) = try #require(TestProject.parse(text).first)
        try project.write(path, contents)
    }

    // MARK: Feeds

    @Test func bothFeedsAreMadeAgainWhenTheTwentiethNewestBriefingsTitleChanges() throws {
        let project = try TestProject(Self.projectText())
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let unchanged = project.cachedBuild()
        #expect(unchanged.reusedDataFiles.contains(Self.feed))
        #expect(unchanged.reusedDataFiles.contains(Self.jsonFeed))

        try Self.edit(project, day: 2, title: "Briefing two, retitled", body: "Aldoria voted.")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(!report.reusedDataFiles.contains(Self.feed))
        #expect(!report.reusedDataFiles.contains(Self.jsonFeed))
        #expect(try project.read(Self.feed).contains("Briefing two, retitled"))
        #expect(try project.read(Self.jsonFeed).contains("Briefing two, retitled"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func theFeedsAreKeptWhenOnlyABriefingTheyLeaveOutChanges() throws {
        let project = try TestProject(Self.projectText())
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try Self.edit(project, day: 1, title: "Briefing one, retitled", body: "Brevia abstained twice.")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(report.reusedDataFiles.contains(Self.feed))
        #expect(report.reusedDataFiles.contains(Self.jsonFeed))
        #expect(try !project.read(Self.feed).contains("Briefing one, retitled"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aFeedEntrysBodyEditRemakesTheFeeds() throws {
        let project = try TestProject(Self.projectText())
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try Self.edit(project, day: 21, body: "Aldoria voted for the zeppelin treaty.")
        let report = project.cachedBuild()
        #expect(!report.reusedDataFiles.contains(Self.feed))
        #expect(try project.read(Self.feed).contains("zeppelin"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    // MARK: Sitemap

    @Test func theSitemapIsMadeAgainWhenAPageIsAddedAndKeptAfterABodyEdit() throws {
        let project = try TestProject(Self.projectText())
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)

        try Self.edit(project, day: 5, body: "Brevia abstained again.")
        let bodyEdit = project.cachedBuild()
        #expect(bodyEdit.reusedDataFiles.contains(Self.sitemap))
        #expect(try project.differenceFromCleanBuild() == nil)

        let (path, contents) = try #require(TestProject.parse(Self.briefing(22, title: "Briefing 22", body: "Aldoria spoke.")).first)
        try project.write(path, contents)
        let added = project.cachedBuild()
        #expect(added.succeeded)
        #expect(!added.reusedDataFiles.contains(Self.sitemap))
        #expect(try project.read(Self.sitemap).contains("https://dossier.test/briefings/b22/"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func theSitemapIsMadeAgainWhenABriefingsDateChanges() throws {
        let project = try TestProject(Self.projectText())
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let text = try String(contentsOf: project.root.appendingPathComponent("content/briefings/b03.md"), encoding: .utf8)
        try project.write("content/briefings/b03.md", text.replacingOccurrences(of: "title: Briefing 3\n", with: "title: Briefing 3\nupdated: 2025-02-01\n"))
        let report = project.cachedBuild()
        #expect(!report.reusedDataFiles.contains(Self.sitemap))
        #expect(try project.read(Self.sitemap).contains("2025-02-01"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    // MARK: entities.json

    @Test func entitiesJSONIsMadeAgainWhenAnActorsMentionCountChanges() throws {
        let project = try TestProject(Self.projectText())
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let before = try project.read(Self.entities)
        try Self.edit(project, day: 3, body: "Brevia abstained. Aldoria objected.")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(!report.reusedDataFiles.contains(Self.entities))
        #expect(try project.read(Self.entities) != before)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func entitiesJSONIsKeptAfterABodyEditThatChangesNoMention() throws {
        let project = try TestProject(Self.projectText())
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try Self.edit(project, day: 3, body: "Brevia abstained, after a long debate.")
        let report = project.cachedBuild()
        #expect(report.reusedDataFiles.contains(Self.entities))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func entitiesJSONIsMadeAgainWhenAnAliasIsAdded() throws {
        let project = try TestProject(Self.projectText())
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\naliases: [Old Kingdom]\n---\nAnother state.\n")
        let report = project.cachedBuild()
        #expect(!report.reusedDataFiles.contains(Self.entities))
        #expect(try project.read(Self.entities).contains("Old Kingdom"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    // MARK: Graph exports

    static let graphFiles = ["data/graph.graphml", "data/graph.gexf"]

    @Test func aNewRelationRemakesTheGraphFilesWithoutWhichTheyAreKept() throws {
        let project = try TestProject(Self.projectText())
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let unchanged = project.cachedBuild()
        #expect(Set(Self.graphFiles).isSubset(of: unchanged.reusedDataFiles))

        try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\nrelations:\n  - type: borders\n    target: aldoria\n---\nAnother state.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(Set(Self.graphFiles).isDisjoint(with: report.reusedDataFiles))
        #expect(try project.read("data/graph.graphml").contains("borders"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func anActorsSummaryRemakesTheGraphFiles() throws {
        let project = try TestProject(Self.projectText())
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try project.write("content/actors/aldoria.md", "---\ntitle: Aldoria\nkind: state\nsummary: A northern state.\n---\nA state.\n")
        let report = project.cachedBuild()
        #expect(Set(Self.graphFiles).isDisjoint(with: report.reusedDataFiles))
        #expect(try project.read("data/graph.gexf").contains("A northern state."))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    // MARK: List pages

    /// `b03` is on the briefings index's page 4 (newest first, five a page) and on the
    /// tag's page 4; its event on the timeline's page 1 (oldest first).
    @Test func aBodyEditKeepsTheListPagesThatShowTheBriefing() throws {
        let project = try TestProject(Self.projectText())
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try Self.edit(project, day: 3, body: "Brevia abstained, after a long debate.")
        let report = project.cachedBuild()
        for page in ["briefings/page/4/index.html", "tags/votes/page/4/index.html", "briefings/index.html", "timeline/index.html"] {
            #expect(report.reusedRenders.contains(page), "\(page)")
        }
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aTitleEditRendersTheListPagesThatShowTheBriefingAgain() throws {
        let project = try TestProject(Self.projectText())
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try Self.edit(project, day: 3, title: "Briefing three, retitled", body: "Brevia abstained.")
        let report = project.cachedBuild()
        #expect(!report.reusedRenders.contains("briefings/page/4/index.html"))
        #expect(!report.reusedRenders.contains("tags/votes/page/4/index.html"))
        #expect(report.reusedRenders.contains("briefings/page/2/index.html"))
        #expect(try project.read("briefings/page/4/index.html").contains("Briefing three, retitled"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func anEventsTitleEditRendersItsTimelinePageAgain() throws {
        let project = try TestProject(Self.projectText())
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let text = try String(contentsOf: project.root.appendingPathComponent("content/briefings/b03.md"), encoding: .utf8)
        try project.write("content/briefings/b03.md", text.replacingOccurrences(of: "title: Vote 3", with: "title: The third vote"))
        let report = project.cachedBuild()
        #expect(!report.reusedRenders.contains("timeline/index.html"))
        #expect(try project.read("timeline/index.html").contains("The third vote"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    // MARK: The render manifest

    static func manifestFiles(_ project: TestProject) throws -> [URL] {
        let folder = BuildCache.defaultFolder(projectRoot: project.root).appendingPathComponent("v\(BuildCache.formatVersion)/rendered")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { !$0.lastPathComponent.hasPrefix(".") }
    }

    static func inode(_ url: URL) -> Int {
        var status = stat()
        return stat(url.path, &status) == 0 ? Int(status.st_ino) : -1
    }

    @Test func aBuildThatChangesNothingDoesNotRewriteTheManifest() throws {
        let project = try TestProject(Self.projectText())
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let manifest = try #require(try Self.manifestFiles(project).first)
        let (inode, bytes) = (Self.inode(manifest), try Data(contentsOf: manifest))
        let unchanged = project.cachedBuild()
        #expect(unchanged.succeeded)
        #expect(unchanged.changedPaths.isEmpty)
        #expect(Self.inode(manifest) == inode)
        #expect(try Data(contentsOf: manifest) == bytes)

        try Self.edit(project, day: 4, body: "Aldoria voted twice.")
        #expect(project.cachedBuild().succeeded)
        #expect(Self.inode(manifest) != inode)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// A damaged manifest is a miss: every page is rendered again, the edited one
    /// included, and nothing stale is kept.
    @Test func aCorruptedManifestRendersEveryPageAndLeavesNoStalePage() throws {
        let project = try TestProject(Self.projectText())
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let manifest = try #require(try Self.manifestFiles(project).first)
        var bytes = try Data(contentsOf: manifest)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: manifest)
        try Self.edit(project, day: 21, title: "Briefing 21, retitled", body: "Aldoria voted late.")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(report.reusedRenders.isEmpty)
        #expect(report.reusedDataFiles.isEmpty)
        #expect(try project.read("briefings/b21/index.html").contains("Briefing 21, retitled"))
        #expect(try project.read("briefings/index.html").contains("Briefing 21, retitled"))
        #expect(try project.read(Self.feed).contains("Briefing 21, retitled"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}
