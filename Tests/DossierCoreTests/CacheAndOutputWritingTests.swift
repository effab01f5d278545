import Foundation
import Testing
@testable import DossierCore

/// How the build cache and the staging folder write their files: cache files by path,
/// their folder made only when a write finds it missing; the upkeep's name filters read
/// from an entry's text alone; each page's stamp taken from the file as it was written
/// or linked, and no previous file looked for when there is no previous output.
@Suite struct CacheAndOutputWritingTests {
    @Test func aCacheFileIsWrittenWholeAndItsFolderMadeAgainWhenRemovedMeanwhile() throws {
        let folder = try makeTemporaryFolder("dossier-cache-writing")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(folder: folder)
        let shard = folder.appendingPathComponent("a/b")
        let path = shard.appendingPathComponent("entry").path

        cache.writeWhole([1, 2, 3], toPath: path)
        #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
        cache.writeWhole([4, 5], toPath: path)
        #expect(FileManager.default.contents(atPath: path) == Data([4, 5]))

        try FileManager.default.removeItem(at: folder.appendingPathComponent("a"))
        cache.writeWhole([6], toPath: path)
        #expect(FileManager.default.contents(atPath: path) == Data([6]))
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: shard.path) == ["entry"])
    }

    @Test func theNameFilterPackedForAnEntryIsItsTextsAndNeedsOnlyItsText() throws {
        let project = try TestProject(CachedTextOnDemandTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let entry = try #require(try LazyLinkMemoTests.entryFiles(project).first)
        let key = entry.lastPathComponent
        var bytes = [UInt8](try Data(contentsOf: entry))
        let textStart = try CachedTextOnDemandTests.textStart(entry)
        let wholeFile = try #require(WholeFile.bytes(atPath: entry.path))
        let light = Array(wholeFile[0..<textStart])
        var decoder = try #require(BuildCache.open(light, in: 8..<light.count, kind: "linked", key: key))
        _ = try decoder.string()
        _ = try decoder.string()
        let textLength = try decoder.int()
        let text = Array(bytes[textStart..<textStart + textLength])
        let expected = text.withUnsafeBufferPointer { NameSignature.of(text: $0) }

        let read = try #require(LinkedEntryFile.readForPack(path: entry.path, key: key))
        #expect(read.light == light)
        #expect(read.signature?.bits == expected)
        #expect(read.signature?.textChecksum == LinkedEntryFile.checksum(text))

        // A damaged HTML leaves the text's filter as it was; a damaged text has none.
        bytes[bytes.count - 1] ^= 0x01
        try Data(bytes).write(to: entry)
        #expect(LinkedEntryFile.readForPack(path: entry.path, key: key)?.signature?.bits == expected)
        bytes[textStart] ^= 0x01
        try Data(bytes).write(to: entry)
        let damaged = try #require(LinkedEntryFile.readForPack(path: entry.path, key: key))
        #expect(damaged.light == light && damaged.signature == nil)
        #expect(LinkedEntryFile.readForPack(path: entry.path, key: "another") == nil)
    }

    @Test func aPageWrittenOrLinkedIsRecordedWithTheStampItsFileHas() throws {
        let parent = try makeTemporaryFolder("dossier-stamped-writes")
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("site")

        // No previous output: every page is written.
        let first = try StagingFolder(replacing: output)
        try first.write(OutputFile(path: "a/index.html", text: "same"), renderedFrom: "key-a", inputs: nil)
        try first.write(OutputFile(path: "b/index.html", text: "before"), renderedFrom: "key-b", inputs: "in-b")
        #expect(first.changedPaths == ["a/index.html", "b/index.html"])
        for path in ["a/index.html", "b/index.html"] {
            let stamp = RenderManifest.FileStamp(path: first.url.appendingPathComponent(path).path)
            #expect(stamp != nil && first.renderManifest.recorded[path]?.file == stamp)
        }
        #expect(first.renderManifest.recorded["b/index.html"]?.inputs == "in-b")
        try first.commit()

        // The same bytes link the previous file in; others are written.
        let second = try StagingFolder(replacing: output)
        defer { second.discard() }
        try second.write(OutputFile(path: "a/index.html", text: "same"), renderedFrom: "key-a", inputs: nil)
        try second.write(OutputFile(path: "b/index.html", text: "after"), renderedFrom: "key-b2", inputs: nil)
        #expect(second.changedPaths == ["b/index.html"])
        let previousA = RenderManifest.FileStamp(path: output.appendingPathComponent("a/index.html").path)
        let stagedA = RenderManifest.FileStamp(path: second.url.appendingPathComponent("a/index.html").path)
        #expect(previousA != nil && stagedA == previousA && second.renderManifest.recorded["a/index.html"]?.file == stagedA)
        let stagedB = RenderManifest.FileStamp(path: second.url.appendingPathComponent("b/index.html").path)
        #expect(stagedB != nil && second.renderManifest.recorded["b/index.html"]?.file == stagedB)
        #expect(try String(contentsOf: second.url.appendingPathComponent("b/index.html"), encoding: .utf8) == "after")
    }
}
