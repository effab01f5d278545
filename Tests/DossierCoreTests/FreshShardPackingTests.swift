import Foundation
import Testing
@testable import DossierCore

/// Beside the model stage of a clean build, the shard folders of `linked/` that hold
/// only entries the build used are packed and stamped (`packShardsWithNothingToRemove`),
/// exactly as the upkeep after rendering would do it, which then finds them done; a
/// folder holding anything else is left to the upkeep.
@Suite struct FreshShardPackingTests {
    /// The cache's packs, name filters and shard stamps: path under the cache folder → bytes.
    static func packsAndStamps(_ project: TestProject) throws -> [String: Data] {
        let cache = LinkMemoPackTests.cacheFolder(project)
        var files: [String: Data] = [:]
        for folder in [LinkedEntryPack.folderName, LinkedEntryPack.folderName + LinkedTextSignatures.folderSuffix] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent(folder).path)) ?? [] {
                files[folder + "/" + name] = try Data(contentsOf: cache.appendingPathComponent(folder + "/" + name))
            }
        }
        files[LinkedShardStamps.fileName] = try? Data(contentsOf: cache.appendingPathComponent(LinkedShardStamps.fileName))
        return files
    }

    static func inodes(_ project: TestProject, _ paths: some Sequence<String>) -> [String: Int] {
        let cache = LinkMemoPackTests.cacheFolder(project)
        var inodes: [String: Int] = [:]
        for path in paths {
            var status = stat()
            if lstat(cache.appendingPathComponent(path).path, &status) == 0 { inodes[path] = Int(status.st_ino) }
        }
        return inodes
    }

    static func removePacksAndStamps(_ project: TestProject) {
        let cache = LinkMemoPackTests.cacheFolder(project)
        for name in [LinkedEntryPack.folderName, LinkedEntryPack.folderName + LinkedTextSignatures.folderSuffix, LinkedShardStamps.fileName] {
            try? FileManager.default.removeItem(at: cache.appendingPathComponent(name))
        }
    }

    /// A link stage into the project's cache, as a build's.
    static func link(_ project: TestProject) -> BuildCache {
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        _ = LinkMemo.linkAll(loaded, index: index, settings: LinkSettings(), cache: cache, root: project.root)
        return cache
    }

    @Test func thePackingWritesWhatTheUpkeepWouldAndTheUpkeepLeavesItAlone() throws {
        let project = try TestProject(DocumentLifetimeTests.projectText)
        defer { project.remove() }
        let clean = Self.link(project)
        #expect(clean.storedMostEntriesAfresh)
        clean.keepOnlyUsed()
        let byUpkeep = try Self.packsAndStamps(project)
        #expect(byUpkeep.keys.filter { $0.hasPrefix(LinkedEntryPack.folderName + "/") }.count > 3)

        Self.removePacksAndStamps(project)
        // The same entries, found on disk this time.
        let cached = Self.link(project)
        #expect(!cached.storedMostEntriesAfresh)
        cached.packShardsWithNothingToRemove()
        #expect(try Self.packsAndStamps(project) == byUpkeep)
        let inodes = Self.inodes(project, byUpkeep.keys)
        #expect(inodes.count == byUpkeep.count)
        cached.keepOnlyUsed()
        #expect(try Self.packsAndStamps(project) == byUpkeep)
        #expect(Self.inodes(project, byUpkeep.keys) == inodes)
    }

    @Test func aShardHoldingAnEntryNoBuildUsesIsLeftToTheUpkeep() throws {
        let project = try TestProject(DocumentLifetimeTests.projectText)
        defer { project.remove() }
        let cache = Self.link(project)
        let planted = try CacheUpkeepTests.plantUnusedEntry(project)
        let shard = planted.deletingLastPathComponent().lastPathComponent
        cache.packShardsWithNothingToRemove()
        let packed = try Self.packsAndStamps(project)
        #expect(packed[LinkedEntryPack.folderName + "/" + shard] == nil)
        #expect(packed.keys.contains { $0.hasPrefix(LinkedEntryPack.folderName + "/") })
        let stamps = try #require(packed[LinkedShardStamps.fileName])
        var decoder = try #require(BuildCache.open([UInt8](stamps), kind: LinkedShardStamps.fileName, key: ""))
        let stamped = try decoder.linkedShardStamps()
        #expect(stamped.shards[shard] == nil && !stamped.shards.isEmpty)

        cache.keepOnlyUsed()
        #expect(!FileManager.default.fileExists(atPath: planted.path))
        #expect(try Self.packsAndStamps(project)[LinkedEntryPack.folderName + "/" + shard] != nil)
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aBuildThatFailsAfterThePackingLeavesACacheThatBuildsAsACleanBuild() throws {
        let project = try TestProject(DocumentLifetimeTests.projectText)
        defer { project.remove() }
        let cache = Self.link(project)
        cache.packShardsWithNothingToRemove()
        cache.forgetUse()
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        // A profile edited: its old entry is removed, and the cached build still equals a clean one.
        let entries = CacheUpkeepTests.entryNames(project)
        try project.write("content/actors/russia.md", "---\ntitle: Russia\nkind: state\n---\nRussia borders Iran's neighbours.\n")
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        #expect(CacheUpkeepTests.entryNames(project).count == entries.count)
        #expect(CacheUpkeepTests.entryNames(project) != entries)
    }
}
