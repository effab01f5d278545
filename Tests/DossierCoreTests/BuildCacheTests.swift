import Foundation
import Testing
@testable import DossierCore

/// The persistent build cache: what it reuses, what it re-links, and that a bad,
/// foreign or shared cache never changes a page.
@Suite struct BuildCacheTests {
    static let projectText = """
    -- dossier.yml --
    title: Cache test
    base_url: https://dossier.test/
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
    aliases: []
    ---
    Another state.
    -- content/briefings/harbour.md --
    ---
    title: Harbour
    date: 2025-01-02
    ---
    Aldoria opened the Northern Harbour.
    -- content/briefings/talks.md --
    ---
    title: Talks
    date: 2025-01-03
    ---
    Brevia and [the old kingdom](@aldoria) talked.
    -- content/briefings/weather.md --
    ---
    title: Weather
    date: 2025-01-04
    ---
    Brevia had rain.
    """

    struct Built {
        var report: BuildReport
        var cacheFolder: URL
    }

    static func build(_ project: TestProject, output: URL? = nil, cache: URL? = nil) -> BuildReport {
        var options = BuildOptions(root: project.root, output: output)
        options.cache = BuildCache(folder: cache ?? project.root.appendingPathComponent(".dossier/cache"))
        let report = SiteBuilder.build(options)
        RetiredOutputs.waitUntilRemoved()
        return report
    }

    /// Entry file name → inode: an entry written again gets a new inode (it is renamed into place).
    static func entries(_ project: TestProject) -> [String: UInt64] {
        let linked = project.root.appendingPathComponent(".dossier/cache/v\(BuildCache.formatVersion)/linked")
        var result: [String: UInt64] = [:]
        for shard in (try? FileManager.default.contentsOfDirectory(atPath: linked.path)) ?? [] {
            let folder = linked.appendingPathComponent(shard)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                var status = stat()
                if lstat(folder.appendingPathComponent(name).path, &status) == 0 { result[name] = UInt64(status.st_ino) }
            }
        }
        return result
    }

    @Test func aBodyEditReplacesOnlyThatDocumentsEntry() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(Self.build(project).succeeded)
        let before = Self.entries(project)
        #expect(before.count == 5)

        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had snow.\n")
        #expect(Self.build(project).succeeded)
        let after = Self.entries(project)

        #expect(after.count == 5)
        #expect(Set(before.keys).subtracting(after.keys).count == 1)
        #expect(Set(after.keys).subtracting(before.keys).count == 1)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aChangedAliasRelinksOnlyTheDocumentsWithTheNameAndTheActorsProfile() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(Self.build(project).succeeded)
        let before = Self.entries(project)

        try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\naliases: [Northern Harbour]\n---\nAnother state.\n")
        #expect(Self.build(project).succeeded)
        let after = Self.entries(project)

        // Same keys (no document's text changed); rewritten: harbour (it has the new
        // name) and brevia's own profile. Talks and weather mention Brevia, not the alias.
        #expect(Set(after.keys) == Set(before.keys))
        let rewritten = after.filter { before[$0.key] != $0.value }.count
        #expect(rewritten == 2)
        #expect(try project.read("briefings/harbour/index.html").contains("Northern Harbour</a>"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aChangedTitleRelinksDocumentsThatMentionTheActorByAnotherName() throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: Title test
        base_url: https://dossier.test/
        -- content/actors/aldoria.md --
        ---
        title: Aldoria
        kind: state
        aliases: [Old Kingdom]
        ---
        A state.
        -- content/briefings/crown.md --
        ---
        title: Crown
        date: 2025-01-02
        ---
        The Old Kingdom held talks.
        -- content/briefings/rain.md --
        ---
        title: Rain
        date: 2025-01-03
        ---
        Rain fell.
        """)
        defer { project.remove() }
        #expect(Self.build(project).succeeded)
        let before = Self.entries(project)

        try project.write("content/actors/aldoria.md", "---\ntitle: Aldor\nkind: state\naliases: [Old Kingdom]\n---\nA state.\n")
        #expect(Self.build(project).succeeded)
        let after = Self.entries(project)

        // Crown names neither the old title nor the new one, but its link is marked an
        // alias against the title; the actor's preview card shows the new title.
        #expect(after.filter { before[$0.key] != $0.value }.count == 2)
        #expect(try project.read("actors/aldoria/card.html").contains("<span class=\"mention-preview__name\">Aldor</span>"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func corruptEntriesAreMissesNotCrashesOrWrongPages() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(Self.build(project).succeeded)
        let linked = project.root.appendingPathComponent(".dossier/cache/v\(BuildCache.formatVersion)/linked")
        var damaged = 0
        for (index, name) in Self.entries(project).keys.sorted().enumerated() {
            let url = linked.appendingPathComponent(String(name.prefix(2))).appendingPathComponent(name)
            var bytes = [UInt8](try Data(contentsOf: url))
            switch index % 3 {
            case 0: bytes = Array(bytes.prefix(bytes.count / 2))  // truncated
            case 1: bytes[bytes.count / 2] ^= 0x5A  // one byte flipped
            default: bytes = Array("not a cache entry".utf8)
            }
            try Data(bytes).write(to: url)
            damaged += 1
        }
        #expect(damaged == 5)
        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had fog.\n")
        #expect(Self.build(project).succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aCacheFromAnotherFormatOrBuildIsNeverRead() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        // An older format's folder beside this one is ignored, and entries under the
        // right names but written for another key do not pass the header check.
        let cache = project.root.appendingPathComponent(".dossier/cache")
        try FileManager.default.createDirectory(at: cache.appendingPathComponent("v0/linked/ab"), withIntermediateDirectories: true)
        try Data("old format".utf8).write(to: cache.appendingPathComponent("v0/linked/ab/abcdef"))
        let store = BuildCache(folder: cache)
        let result = LinkResult(document: LinkedDocument(id: DocumentID(.briefing, "x"), html: "<p>stale</p>", tableOfContents: [], mentions: [], plainText: "stale", wordCount: 1), diagnostics: [])
        store.store("key-one", namesKey: "n", result: result)
        let folder = cache.appendingPathComponent("v\(BuildCache.formatVersion)/linked/ke")
        try FileManager.default.copyItem(at: folder.appendingPathComponent("key-one"), to: folder.appendingPathComponent("key-two"))

        #expect(BuildCache(folder: cache).link("key-one")?.result.document.html == "<p>stale</p>")
        #expect(BuildCache(folder: cache).link("key-two") == nil)
        #expect(Self.build(project).succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func concurrentBuildsSharingOneCacheBothEqualACleanBuild() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let outputs = try (0..<3).map { try makeTemporaryFolder("dossier-cache-concurrent-\($0)").appendingPathComponent("site") }
        defer { for output in outputs { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) } }
        let cache = project.root.appendingPathComponent(".dossier/cache")
        let results = outputs.parallelMap { output in
            var options = BuildOptions(root: project.root, output: output)
            options.cache = BuildCache(folder: cache)
            return SiteBuilder.build(options).succeeded
        }
        RetiredOutputs.waitUntilRemoved()
        #expect(results == [true, true, true])
        #expect(Self.build(project).succeeded)
        for output in outputs {
            #expect(try SiteComparison.firstDifference(output, project.output) == nil)
        }
    }

    @Test func buildWithNoCacheWritesNoCacheAndCacheDirChoosesTheFolder() throws {
        let dossier = try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let noCache = try run(dossier, ["build", "--root", project.root.path, "--no-cache"])
        #expect(noCache.status == 0, "\(noCache.standardError)")
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent(".dossier").path))

        let elsewhere = try makeTemporaryFolder("dossier-cache-dir")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let chosen = try run(dossier, ["build", "--root", project.root.path, "--cache-dir", elsewhere.path])
        #expect(chosen.status == 0, "\(chosen.standardError)")
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("v\(BuildCache.formatVersion)/linked").path))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent(".dossier").path))

        let cached = try run(dossier, ["build", "--root", project.root.path])
        #expect(cached.status == 0)
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent(".dossier/cache").path))
    }
}
