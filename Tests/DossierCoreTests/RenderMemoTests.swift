import Foundation
import Testing
@testable import DossierCore

/// The render memo: a page whose `RenderKey` matches the previous build's manifest,
/// and whose file in the previous output is untouched, is linked from there without
/// rendering; anything else is rendered again.
@Suite struct RenderMemoTests {
    static let projectText = """
    -- dossier.yml --
    title: Memo test
    base_url: https://dossier.test/
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
    summary: A northern state.
    ---
    A state.
    -- content/actors/brevia.md --
    ---
    title: Brevia
    kind: state
    ---
    Another state.
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
    """

    static func cachedBuild(_ project: TestProject, cache: BuildCache? = nil) -> BuildReport {
        var options = BuildOptions(root: project.root)
        options.cache = cache ?? BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        return SiteBuilder.build(options)
    }

    static func cleanBuild(_ project: TestProject) throws -> (BuildReport, URL) {
        let output = try makeTemporaryFolder("dossier-memo-clean")
        return (SiteBuilder.build(BuildOptions(root: project.root, output: output)), output)
    }

    // MARK: Keys

    @Test func theKeyDoesNotDependOnTheOrderKeysWereInserted() {
        var first: [String: Any] = [:]
        first["title"] = "A"
        first["items"] = [["name": "x", "count": 2] as [String: Any]]
        var second: [String: Any] = [:]
        second["items"] = [["count": 2, "name": "x"] as [String: Any]]
        second["title"] = "A"
        let a = RenderKey.key(template: "page", context: first, templatesFingerprint: "t")
        #expect(a != nil)
        #expect(a == RenderKey.key(template: "page", context: second, templatesFingerprint: "t"))
    }

    @Test func valuesThatPrintAlikeButRenderDifferentlyGetDifferentKeys() {
        let contexts: [[String: Any]] = [["v": "1"], ["v": 1], ["v": true], ["v": 1.0], ["v": ["1"]], ["v": ["x": "1"]], ["v": false], [:]]
        let keys = contexts.compactMap { RenderKey.key(template: "page", context: $0, templatesFingerprint: "t") }
        #expect(keys.count == contexts.count)
        #expect(Set(keys).count == contexts.count)
    }

    @Test func theTemplateNameAndEveryTemplatesTextArePartOfTheKey() {
        let context: [String: Any] = ["title": "A"]
        let base = RenderKey.key(template: "page", context: context, templatesFingerprint: RenderKey.templatesFingerprint(["page": "x", "partials/a": "y"]))
        let otherTemplate = RenderKey.key(template: "home", context: context, templatesFingerprint: RenderKey.templatesFingerprint(["page": "x", "partials/a": "y"]))
        let otherPartial = RenderKey.key(template: "page", context: context, templatesFingerprint: RenderKey.templatesFingerprint(["page": "x", "partials/a": "z"]))
        let renamedPartial = RenderKey.key(template: "page", context: context, templatesFingerprint: RenderKey.templatesFingerprint(["page": "x", "partials/b": "y"]))
        #expect(Set([base, otherTemplate, otherPartial, renamedPartial].compactMap { $0 }).count == 4)
    }

    @Test func aNestedChangeChangesTheKey() {
        let before: [String: Any] = ["actors": [["title": "Aldoria", "summary": "North"] as [String: Any]]]
        let after: [String: Any] = ["actors": [["title": "Aldoria", "summary": "South"] as [String: Any]]]
        #expect(RenderKey.key(template: "t", context: before, templatesFingerprint: "") != RenderKey.key(template: "t", context: after, templatesFingerprint: ""))
    }

    @Test func aValueTheWalkDoesNotKnowGivesNoKeySoThePageIsAlwaysRendered() {
        struct Unknown {}
        #expect(RenderKey.key(template: "t", context: ["v": Unknown()], templatesFingerprint: "") == nil)
        #expect(RenderKey.key(template: "t", context: ["v": [Unknown()]], templatesFingerprint: "") == nil)
    }

    // MARK: Builds

    @Test func anUnchangedProjectIsRebuiltWithoutRenderingAnyPage() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let first = Self.cachedBuild(project)
        #expect(first.succeeded)
        #expect(first.reusedRenders.isEmpty)
        let second = Self.cachedBuild(project)
        #expect(second.succeeded)
        let pages = second.paths.filter { $0.hasSuffix(".html") }
        #expect(pages.contains("briefings/first/index.html"))
        #expect(Set(second.reusedRenders) == Set(pages))
        #expect(second.changedPaths.isEmpty)
        RetiredOutputs.waitUntilRemoved()
    }

    @Test func anEditedBriefingIsRenderedAgainAndItsUnrelatedNeighbourIsNot() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = Self.cachedBuild(project)
        try project.write("content/briefings/second.md", "---\ntitle: Second\ndate: 2025-01-03\n---\nBrevia abstained twice.\n")
        let report = Self.cachedBuild(project)
        #expect(report.succeeded)
        #expect(!report.reusedRenders.contains("briefings/second/index.html"))
        #expect(report.reusedRenders.contains("briefings/first/index.html"))
        #expect(try project.read("briefings/second/index.html").contains("abstained twice"))
        RetiredOutputs.waitUntilRemoved()
    }

    /// An actor's summary shows on the pages that mention it (chips, previews): those
    /// pages must be rendered again although their own source did not change.
    @Test func anActorsSummaryEditReachesEveryPageThatShowsIt() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = Self.cachedBuild(project)
        try project.write("content/actors/aldoria.md", "---\ntitle: Aldoria\nkind: state\nsummary: A southern state.\n---\nA state.\n")
        let report = Self.cachedBuild(project)
        #expect(report.succeeded)
        #expect(!report.reusedRenders.contains("actors/aldoria/index.html"))
        let (clean, cleanOutput) = try Self.cleanBuild(project)
        defer { try? FileManager.default.removeItem(at: cleanOutput) }
        #expect(clean.succeeded)
        #expect(try SiteComparison.firstDifference(project.output, cleanOutput) == nil)
        RetiredOutputs.waitUntilRemoved()
    }

    /// A file changed in the output by hand (same size, so only the stamp can tell)
    /// is not the file the manifest describes: the page is rendered again.
    @Test func aPageEditedInTheOutputByHandIsRenderedAgain() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = Self.cachedBuild(project)
        let page = project.output.appendingPathComponent("briefings/first/index.html")
        let original = try Data(contentsOf: page)
        var tampered = original
        tampered[tampered.startIndex] = UInt8(ascii: "X")
        // Replaced, as an editor saves: a new inode.
        try FileManager.default.removeItem(at: page)
        try tampered.write(to: page)
        let report = Self.cachedBuild(project)
        #expect(report.succeeded)
        #expect(!report.reusedRenders.contains("briefings/first/index.html"))
        #expect(try Data(contentsOf: page) == original)
        RetiredOutputs.waitUntilRemoved()
    }

    @Test func aTemplateEditRendersEveryPageAgain() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = Self.cachedBuild(project)
        let footer = TestPaths.packageRoot.appendingPathComponent("Sources/DossierCore/Resources/theme/templates/partials/footer.mustache")
        try project.write("templates/partials/footer.mustache", try String(contentsOf: footer, encoding: .utf8) + "<!-- memo footer -->\n")
        let report = Self.cachedBuild(project)
        #expect(report.succeeded)
        #expect(report.reusedRenders.isEmpty)
        #expect(try project.read("briefings/first/index.html").contains("<!-- memo footer -->"))
        RetiredOutputs.waitUntilRemoved()
    }

    /// The manifest is checksummed: a damaged one is a miss, and the build is the clean one.
    @Test func aDamagedManifestIsAMissAndTheBuildStillEqualsACleanOne() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = Self.cachedBuild(project)
        let folder = BuildCache.defaultFolder(projectRoot: project.root).appendingPathComponent("v\(BuildCache.formatVersion)/rendered")
        let manifests = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(manifests.count == 1)
        for name in manifests {
            let url = folder.appendingPathComponent(name)
            var bytes = try Data(contentsOf: url)
            bytes[bytes.count / 2] ^= 0x55
            try bytes.write(to: url)
        }
        let report = Self.cachedBuild(project)
        #expect(report.succeeded)
        #expect(report.reusedRenders.isEmpty)
        let (_, cleanOutput) = try Self.cleanBuild(project)
        defer { try? FileManager.default.removeItem(at: cleanOutput) }
        #expect(try SiteComparison.firstDifference(project.output, cleanOutput) == nil)
        RetiredOutputs.waitUntilRemoved()
    }

    /// A build without a cache (`--no-cache`) reuses nothing, whatever an earlier one left.
    @Test func aBuildWithoutTheCacheRendersEveryPage() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = Self.cachedBuild(project)
        let report = project.build()
        #expect(report.succeeded)
        #expect(report.reusedRenders.isEmpty)
        RetiredOutputs.waitUntilRemoved()
    }

    /// A failed build leaves the previous output and must leave its manifest too:
    /// the next good build still reuses what the last good one rendered.
    @Test func aFailedBuildKeepsTheManifestOfTheOutputOnDisk() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        _ = Self.cachedBuild(project, cache: cache)
        try project.write("content/briefings/broken.md", "---\ntitle: [unclosed\n---\nText.\n")
        #expect(!Self.cachedBuild(project, cache: cache).succeeded)
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/briefings/broken.md"))
        let report = Self.cachedBuild(project, cache: cache)
        #expect(report.succeeded)
        #expect(report.reusedRenders.contains("briefings/first/index.html"))
        RetiredOutputs.waitUntilRemoved()
    }
}

/// `serve` builds into a new temporary folder each time it starts: the cache keeps
/// the manifests of the few most recent output folders only.
@Suite struct RenderManifestBoundTests {
    @Test func theCacheKeepsTheManifestsOfTheLatestOutputFoldersOnly() throws {
        let project = try TestProject(RenderMemoTests.projectText)
        defer { project.remove() }
        let cacheFolder = BuildCache.defaultFolder(projectRoot: project.root)
        let outputs = try (0..<6).map { _ in try makeTemporaryFolder("dossier-memo-output") }
        defer { for output in outputs { try? FileManager.default.removeItem(at: output) } }
        for output in outputs {
            var options = BuildOptions(root: project.root, output: output)
            options.cache = BuildCache(folder: cacheFolder)
            #expect(SiteBuilder.build(options).succeeded)
        }
        let rendered = cacheFolder.appendingPathComponent("v\(BuildCache.formatVersion)/rendered")
        let manifests = try FileManager.default.contentsOfDirectory(atPath: rendered.path).filter { !$0.hasPrefix(".") }
        #expect(manifests.count == BuildCache.renderManifestsKept)
        var again = BuildOptions(root: project.root, output: outputs.last!)
        again.cache = BuildCache(folder: cacheFolder)
        let report = SiteBuilder.build(again)
        #expect(report.succeeded)
        #expect(report.reusedRenders.contains("briefings/first/index.html"))
        RetiredOutputs.waitUntilRemoved()
    }
}

/// The walk takes typed shortcuts for lists of maps and of strings; they must hash
/// exactly as the general list does, or one page could get two keys.
@Suite struct RenderKeyShortcutTests {
    @Test func typedAndUntypedListsOfTheSameValuesShareAKey() {
        let maps: [[String: Any]] = [["a": "x"], ["b": 2]]
        let mapsAsAny: [Any] = [["a": "x"] as [String: Any], ["b": 2] as [String: Any]]
        let texts: [String] = ["x", "y"]
        let textsAsAny: [Any] = ["x", "y"]
        #expect(RenderKey.key(template: "t", context: ["v": maps], templatesFingerprint: "")
            == RenderKey.key(template: "t", context: ["v": mapsAsAny], templatesFingerprint: ""))
        #expect(RenderKey.key(template: "t", context: ["v": texts], templatesFingerprint: "")
            == RenderKey.key(template: "t", context: ["v": textsAsAny], templatesFingerprint: ""))
        #expect(RenderKey.key(template: "t", context: ["v": texts], templatesFingerprint: "")
            != RenderKey.key(template: "t", context: ["v": ["x", "z"]], templatesFingerprint: ""))
    }
}
