import Foundation
import Testing
@testable import DossierCore

/// The link memo's light parts packed per shard (`LinkedEntryPack`): a cached build
/// reads them from the pack, and a pack that is damaged, truncated or stale (its
/// shard's entry files changed by hand) gives the same site as a clean build.
@Suite struct LinkMemoPackTests {
    static func cacheFolder(_ project: TestProject) -> URL {
        project.root.appendingPathComponent(".dossier/cache/v\(BuildCache.formatVersion)")
    }

    static func packFolder(_ project: TestProject) -> URL {
        cacheFolder(project).appendingPathComponent(LinkedEntryPack.folderName)
    }

    static func packFiles(_ project: TestProject) throws -> [URL] {
        let folder = packFolder(project)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// The pack of the shard holding the entry of the document whose text holds `phrase`.
    static func packFile(holding phrase: String, in project: TestProject) throws -> (pack: URL, entry: URL) {
        let entry = try CachedTextOnDemandTests.entryFile(textHolding: phrase, in: project)
        let shard = entry.deletingLastPathComponent().lastPathComponent
        return (packFolder(project).appendingPathComponent(shard), entry)
    }

    /// Every page rendered again: each reads its document's text and HTML.
    static func renderEverythingAgain(_ project: TestProject, revision: Int) throws {
        try LazyLinkMemoTests.changeFooter(project, revision: revision)
    }

    @Test func aCachedBuildWritesOnePackPerShardThatReadsBackAsTheEntryFilesDo() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let entries = try LazyLinkMemoTests.entryFiles(project)
        let shards = Set(entries.map { $0.deletingLastPathComponent().lastPathComponent })
        let packs = try Self.packFiles(project)
        #expect(Set(packs.map(\.lastPathComponent)) == shards)

        var packed = 0
        for pack in packs {
            let bytes = [UInt8](try Data(contentsOf: pack))
            let parsed = try #require(LinkedEntryPack(bytes, shard: pack.lastPathComponent))
            for (key, range) in parsed.entries {
                let path = Self.cacheFolder(project).appendingPathComponent("linked/\(pack.lastPathComponent)/\(key)").path
                let fromPack = try #require(LinkedEntryFile.decode(light: parsed.bytes, in: range, key: key, path: path, fileSize: nil, relink: nil))
                let fromFile = try #require(LinkedEntryFile.read(path: path, key: key, relink: nil))
                #expect(fromPack.result.document == fromFile.result.document)
                #expect(fromPack.namesKey == fromFile.namesKey && fromPack.linkedForm == fromFile.linkedForm)
                packed += 1
            }
        }
        #expect(packed == entries.count)
    }

    @Test func aCachedBuildTakesTheLightPartsFromThePackNotFromTheEntryFiles() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        // Each entry file's light part zeroed in place (the folders unchanged): only the
        // pack can still give them, and their text and HTML stay where the pack says.
        for entry in try LazyLinkMemoTests.entryFiles(project) {
            var bytes = [UInt8](try Data(contentsOf: entry))
            let textStart = try CachedTextOnDemandTests.textStart(entry)
            for index in 8..<textStart { bytes[index] = 0 }
            let handle = try FileHandle(forWritingTo: entry)
            try handle.write(contentsOf: bytes)
            try handle.close()
        }
        try Self.renderEverythingAgain(project, revision: 1)
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(report.loadCounts.parsed == 0)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test(arguments: ["flipped", "truncated", "emptied", "another shard's"])
    func aDamagedPackGivesTheSiteOfACleanBuild(damage: String) throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let packs = try Self.packFiles(project)
        for pack in packs {
            var bytes = [UInt8](try Data(contentsOf: pack))
            switch damage {
            case "flipped": bytes[bytes.count - 20] ^= 0x40
            case "truncated": bytes.removeLast(bytes.count / 3)
            case "emptied": bytes = []
            default:
                let other = packs.first { $0 != pack } ?? pack
                bytes = [UInt8](try Data(contentsOf: other))
            }
            let handle = try FileHandle(forWritingTo: pack)
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: bytes)
            try handle.close()
        }
        try Self.renderEverythingAgain(project, revision: 1)
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        // Written again whole by the build that found them damaged.
        try Self.renderEverythingAgain(project, revision: 2)
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        for pack in try Self.packFiles(project) {
            let parsed = try #require(LinkedEntryPack([UInt8](try Data(contentsOf: pack)), shard: pack.lastPathComponent))
            for (key, range) in parsed.entries {
                #expect(BuildCache.open(parsed.bytes, in: range, kind: "linked", key: key) != nil)
            }
        }
    }

    @Test func anEntryFileRemovedByHandIsLinkedAgainThoughItsPackStillHoldsIt() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let (pack, entry) = try Self.packFile(holding: "Northern Harbour", in: project)
        let packBefore = try Data(contentsOf: pack)
        let whole = try Data(contentsOf: entry)
        try FileManager.default.removeItem(at: entry)

        try Self.renderEverythingAgain(project, revision: 1)
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(try project.read("briefings/harbour/index.html").contains("Northern Harbour"))
        #expect(try project.differenceFromCleanBuild() == nil)
        // The shard's folder changed: its pack was not read, the document was linked
        // again and stored whole, and the pack written again.
        #expect(try Data(contentsOf: entry) == whole)
        #expect(try Data(contentsOf: pack) != packBefore)
    }

    @Test func anEntryFileReplacedByHandWithAnotherEntrysBytesGivesTheSiteOfACleanBuild() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let entry = try CachedTextOnDemandTests.entryFile(textHolding: "Northern Harbour", in: project)
        let other = try #require(try LazyLinkMemoTests.entryFiles(project).first { $0 != entry })
        // Through a new file renamed into place, as a copying tool would.
        let temporary = entry.deletingLastPathComponent().appendingPathComponent(".replacement")
        try Data(contentsOf: other).write(to: temporary)
        #expect(rename(temporary.path, entry.path) == 0)

        try Self.renderEverythingAgain(project, revision: 1)
        #expect(project.cachedBuild().succeeded)
        #expect(try project.read("briefings/harbour/index.html").contains("Northern Harbour"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func anEntryFileOverwrittenInPlaceWithAnotherEntrysBytesGivesTheSiteOfACleanBuild() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let entry = try CachedTextOnDemandTests.entryFile(textHolding: "Northern Harbour", in: project)
        let other = try #require(try LazyLinkMemoTests.entryFiles(project).first { $0 != entry })
        // In place: the shard folder keeps its identity, so the pack is read, and the
        // text and HTML it points to fail their checksums when read.
        let handle = try FileHandle(forWritingTo: entry)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: try Data(contentsOf: other))
        try handle.close()

        try Self.renderEverythingAgain(project, revision: 1)
        #expect(project.cachedBuild().succeeded)
        #expect(try project.read("briefings/harbour/index.html").contains("Northern Harbour"))
        #expect(try project.differenceFromCleanBuild() == nil)
        try Self.renderEverythingAgain(project, revision: 2)
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func anEntryFileAddedByHandLeavesEveryPageAsACleanBuildMakesIt() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let entry = try CachedTextOnDemandTests.entryFile(textHolding: "Northern Harbour", in: project)
        let planted = entry.deletingLastPathComponent().appendingPathComponent(String(entry.lastPathComponent.prefix(2)) + String(repeating: "f", count: 30))
        try Data(contentsOf: entry).write(to: planted)

        try Self.renderEverythingAgain(project, revision: 1)
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        // Not used, so removed by the upkeep, and the shard's pack written again without it.
        #expect(!FileManager.default.fileExists(atPath: planted.path))
        let (pack, _) = try Self.packFile(holding: "Northern Harbour", in: project)
        let parsed = try #require(LinkedEntryPack([UInt8](try Data(contentsOf: pack)), shard: pack.lastPathComponent))
        #expect(parsed.entries[planted.lastPathComponent] == nil)
    }

    @Test func aBodyEditRewritesOnlyThePacksOfTheShardsItsEntriesLeaveAndJoin() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        func inodes() throws -> [String: Int] {
            var result: [String: Int] = [:]
            for pack in try Self.packFiles(project) {
                result[pack.lastPathComponent] = try FileManager.default.attributesOfItem(atPath: pack.path)[.systemFileNumber] as? Int
            }
            return result
        }
        let before = try inodes()
        #expect(project.cachedBuild().succeeded)
        #expect(try inodes() == before)

        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nRain all week.\n")
        #expect(project.cachedBuild().succeeded)
        let after = try inodes()
        let changed = Set(after.keys).union(before.keys).filter { after[$0] != before[$0] }
        #expect(!changed.isEmpty && changed.count <= 2)
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}
