import Foundation
import Testing
@testable import DossierCore

/// The cache's upkeep after a build (`BuildCache.keepOnlyUsed`) skips the shard
/// folders of `linked/` that are as the last upkeep left them (`LinkedShardStamps`),
/// and still removes every entry the build did not use from any other.
@Suite struct CacheUpkeepTests {
    static func linkedFolder(_ project: TestProject) -> URL {
        project.root.appendingPathComponent(".dossier/cache/v\(BuildCache.formatVersion)/linked")
    }

    static func stampsFile(_ project: TestProject) -> URL {
        project.root.appendingPathComponent(".dossier/cache/v\(BuildCache.formatVersion)/\(LinkedShardStamps.fileName)")
    }

    static func entryNames(_ project: TestProject) -> Set<String> {
        Set(BuildCacheTests.entries(project).keys)
    }

    static func modified(_ url: URL) -> timespec {
        var status = stat()
        _ = lstat(url.path, &status)
        return status.st_mtim
    }

    /// Puts a file that no build uses into an existing shard folder, then sets the
    /// folder's modification time back, as a tool restoring timestamps would: only
    /// the change time tells.
    static func plantUnusedEntry(_ project: TestProject) throws -> URL {
        let linked = linkedFolder(project)
        let shard = try #require(try FileManager.default.contentsOfDirectory(atPath: linked.path).sorted().first)
        let folder = linked.appendingPathComponent(shard)
        let before = modified(folder)
        let planted = folder.appendingPathComponent(shard + String(repeating: "0", count: 62))
        try Data("not used by any build".utf8).write(to: planted)
        var times = [before, before]
        #expect(utimensat(AT_FDCWD, folder.path, &times, AT_SYMLINK_NOFOLLOW) == 0)
        return planted
    }

    @Test func aCachedBuildWithNothingChangedRemovesNothingAndKeepsTheStampsFileAsItWas() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        #expect(BuildCacheTests.build(project).succeeded)
        let entries = BuildCacheTests.entries(project)
        #expect(entries.count == 5)
        let stamps = try Data(contentsOf: Self.stampsFile(project))
        let stampsInode = try FileManager.default.attributesOfItem(atPath: Self.stampsFile(project).path)[.systemFileNumber] as? Int
        #expect(BuildCacheTests.build(project).succeeded)
        #expect(BuildCacheTests.entries(project) == entries)
        #expect(try Data(contentsOf: Self.stampsFile(project)) == stamps)
        #expect(try FileManager.default.attributesOfItem(atPath: Self.stampsFile(project).path)[.systemFileNumber] as? Int == stampsInode)
    }

    @Test func anEntryPutIntoAShardByHandIsRemovedEvenWithTheFoldersModificationTimeRestored() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        #expect(BuildCacheTests.build(project).succeeded)
        let used = Self.entryNames(project)
        let planted = try Self.plantUnusedEntry(project)
        #expect(BuildCacheTests.build(project).succeeded)
        #expect(!FileManager.default.fileExists(atPath: planted.path))
        #expect(Self.entryNames(project) == used)
    }

    @Test func anEditReplacesItsEntryAndTheOldOneIsRemoved() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        #expect(BuildCacheTests.build(project).succeeded)
        let before = Self.entryNames(project)
        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had fog.\n")
        #expect(BuildCacheTests.build(project).succeeded)
        let after = Self.entryNames(project)
        #expect(after.count == 5)
        #expect(before.subtracting(after).count == 1)
        #expect(after.subtracting(before).count == 1)
        // A build after it, with nothing changed, skips every shard and removes nothing.
        #expect(BuildCacheTests.build(project).succeeded)
        #expect(Self.entryNames(project) == after)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aDamagedOrTruncatedStampsFileListsEveryShardAgain() throws {
        for damage in ["truncated", "flipped", "foreign"] {
            let project = try TestProject(BuildCacheTests.projectText)
            defer { project.remove() }
            #expect(BuildCacheTests.build(project).succeeded)
            let used = Self.entryNames(project)
            let planted = try Self.plantUnusedEntry(project)
            let file = Self.stampsFile(project)
            var bytes = [UInt8](try Data(contentsOf: file))
            switch damage {
            case "truncated": bytes = Array(bytes.prefix(bytes.count / 2))
            case "flipped": bytes[bytes.count / 2] ^= 0x5A
            default: bytes = Array("not a stamps file".utf8)
            }
            try Data(bytes).write(to: file)
            #expect(BuildCacheTests.build(project).succeeded, "\(damage)")
            #expect(!FileManager.default.fileExists(atPath: planted.path), "\(damage)")
            #expect(Self.entryNames(project) == used, "\(damage)")
            // Rewritten whole: the next build reads it again.
            let stamps = try Data(contentsOf: file)
            #expect(BuildCache.open([UInt8](stamps), kind: LinkedShardStamps.fileName, key: "") != nil, "\(damage)")
        }
    }

    @Test func stampsOfAFolderFollowItsEntriesAndTheNamesHashIgnoresOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shard-stamps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try #require(LinkedShardStamps.FolderIdentity(path: folder.path))
        #expect(LinkedShardStamps.FolderIdentity(path: folder.path) == first)
        try Data("x".utf8).write(to: folder.appendingPathComponent("ab12"))
        #expect(LinkedShardStamps.FolderIdentity(path: folder.path) != first)
        #expect(LinkedShardStamps.names(inFolder: folder.path) == ["ab12"])
        #expect(LinkedShardStamps.namesHash(["b", "a"]) == LinkedShardStamps.namesHash(["a", "b"]))
        #expect(LinkedShardStamps.namesHash(["a"]) != LinkedShardStamps.namesHash(["a", "b"]))
        #expect(LinkedShardStamps.FolderIdentity(path: folder.appendingPathComponent("ab12").path) == nil)
    }
}
