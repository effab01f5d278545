import Foundation
import Testing
@testable import DossierCore

/// After an alias change, the entries found unaffected are recorded on disk
/// (`RevalidatedEntries`), so the builds after it reuse them as they are, without
/// the old names table and without scanning their text again.
@Suite struct RevalidatedEntriesTests {
    static func cacheFolder(_ project: TestProject) -> URL {
        project.root.appendingPathComponent(".dossier/cache/v\(BuildCache.formatVersion)")
    }

    static func files(_ kind: String, _ project: TestProject) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cacheFolder(project).appendingPathComponent(kind).path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func entriesFoundUnaffectedByAnAliasStayReusedWithoutTheOldNames() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let oldNames = try #require(Self.files("names", project).first)

        try project.write("content/actors/aldoria.md", "---\ntitle: Aldoria\nkind: state\naliases: [Zorblax]\n---\nA state.\n")
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        let tables = Self.files("revalidated", project)
        try #require(tables.count == 1)
        let cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        let revalidated = cache.revalidatedEntries(namesKey: tables[0])
        // Weather and Brevia's profile name neither Aldoria nor Zorblax; Talks links to Aldoria explicitly.
        #expect(revalidated.count >= 2)
        #expect(Set(revalidated.values) == [oldNames])
        let entriesBefore = BuildCacheTests.entries(project)

        // Without the side table, losing the old names would re-link every entry.
        try FileManager.default.removeItem(at: Self.cacheFolder(project).appendingPathComponent("names").appendingPathComponent(oldNames))
        try project.write("content/briefings/harbour.md", "---\ntitle: Harbour\ndate: 2025-01-02\n---\nAldoria closed the Northern Harbour.\n")
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        let entriesAfter = BuildCacheTests.entries(project)
        // Harbour's entry is new; the others were neither written again nor removed.
        #expect(revalidated.keys.filter { entriesAfter[$0] != nil && entriesAfter[$0] == entriesBefore[$0] }.count == revalidated.count - 1)
        #expect(Self.files("revalidated", project) == tables)
    }

    @Test func aSecondAliasChangeReLinksWhatTheNewNameFindsAndKeepsTheRest() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try project.write("content/actors/aldoria.md", "---\ntitle: Aldoria\nkind: state\naliases: [Zorblax]\n---\nA state.\n")
        #expect(project.cachedBuild().succeeded)
        let firstTable = try #require(Self.files("revalidated", project).first)

        // "rain" occurs in Weather, which the first change left alone.
        try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\naliases: [rain]\n---\nAnother state.\n")
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        #expect(try project.read("briefings/weather/index.html").contains("actors/brevia/"))
        let tables = Self.files("revalidated", project)
        #expect(tables.count == 1 && tables != [firstTable], "\(tables) \(firstTable)")

        // And once more with nothing changed, then with the alias taken back.
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\naliases: []\n---\nAnother state.\n")
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}
