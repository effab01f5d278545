import Foundation
import Testing
@testable import DossierCore

/// One `BuildCache` kept across builds, as `dossier serve` keeps it, and a cache that
/// outlives a changed alias: what the next build still finds.
@Suite struct BuildCacheLongLivedTests {
    static func build(_ project: TestProject, cache: BuildCache) -> BuildReport {
        var options = BuildOptions(root: project.root)
        options.cache = cache
        let report = SiteBuilder.build(options)
        RetiredOutputs.waitUntilRemoved()
        return report
    }

    static func cacheFolder(_ project: TestProject) -> URL { project.root.appendingPathComponent(".dossier/cache") }

    @Test func entriesReadFromMemoryInAnEarlierBuildAreKeptOnDiskAndInMemory() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        let cache = BuildCache(folder: Self.cacheFolder(project))
        #expect(Self.build(project, cache: cache).succeeded)
        #expect(BuildCacheTests.entries(project).count == 5)

        // Four documents come from memory; only the edited one is linked again.
        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had snow.\n")
        #expect(Self.build(project, cache: cache).succeeded)
        let afterBodyEdit = BuildCacheTests.entries(project)
        #expect(afterBodyEdit.count == 5)

        // Had the memory hits been forgotten, every document would be linked again here.
        try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\naliases: [Northern Harbour]\n---\nAnother state.\n")
        #expect(Self.build(project, cache: cache).succeeded)
        let afterAliasEdit = BuildCacheTests.entries(project)
        #expect(Set(afterAliasEdit.keys) == Set(afterBodyEdit.keys))
        #expect(afterAliasEdit.filter { afterBodyEdit[$0.key] != $0.value }.count == 2)
        #expect(try project.read("briefings/harbour/index.html").contains("Northern Harbour</a>"))
    }

    @Test func aProcessThatChangedNamesTwiceLeavesTheNextProcessEveryEntryItCanReuse() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        let serving = BuildCache(folder: Self.cacheFolder(project))
        #expect(Self.build(project, cache: serving).succeeded)
        try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\naliases: [Northern Harbour]\n---\nAnother state.\n")
        #expect(Self.build(project, cache: serving).succeeded)
        try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\naliases: [Northern Harbour, Rainland]\n---\nAnother state.\n")
        #expect(Self.build(project, cache: serving).succeeded)
        let before = BuildCacheTests.entries(project)

        // Talks and weather were linked under the first names and reused unchanged since:
        // their files on disk name that table, which a new process needs to reuse them.
        try project.write("content/briefings/harbour.md", "---\ntitle: Harbour\ndate: 2025-01-02\n---\nAldoria closed the Northern Harbour.\n")
        #expect(Self.build(project, cache: BuildCache(folder: Self.cacheFolder(project))).succeeded)
        let after = BuildCacheTests.entries(project)
        #expect(Set(before.keys).subtracting(after.keys).count == 1)
        #expect(after.filter { before[$0.key] != $0.value }.count == 1)
    }
}
