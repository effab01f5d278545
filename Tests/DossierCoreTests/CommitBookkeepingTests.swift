import Foundation
import Testing
@testable import DossierCore

/// What a cached build does after rendering: which output folders the commit
/// removes, and whether the render manifest must be written again.
@Suite struct CommitBookkeepingTests {
    // MARK: Folders left empty

    @Test func aFolderIsKeptWhileAnyProducedFileLiesBeneathIt() {
        let folders = ["actors", "actors/iran", "actors/iran/mentions", "actors/iran/mentions/2", "tags", "tags/ports", "empty"]
        let produced: Set<String> = ["actors/iran/mentions/2/index.html", "tags/index.html", "index.html"]
        #expect(OutputUpdate.foldersLeftEmpty(folders, produced: produced).sorted() == ["empty", "tags/ports"])
    }

    @Test func foldersNamedInAnyScriptAreWalkedByTheirBytes() {
        let folders = ["actors", "actors/ایران", "actors/ایران/نقشه", "tags", "tags/été", "tags/港口", "tags/港口/旧"]
        let produced: Set<String> = ["actors/ایران/نقشه/index.html", "tags/港口/index.html"]
        #expect(OutputUpdate.foldersLeftEmpty(folders, produced: produced).sorted() == ["tags/été", "tags/港口/旧"])
    }

    @Test func aFolderWhoseNameOnlyBeginsLikeANeededOneIsRemoved() {
        let folders = ["briefings", "briefings/b1", "briefings/b10", "briefings/b1x"]
        let produced: Set<String> = ["briefings/b1/index.html", "briefings/b10/index.html"]
        #expect(OutputUpdate.foldersLeftEmpty(folders, produced: produced) == ["briefings/b1x"])
    }

    // MARK: The render manifest

    static let stamp = RenderManifest.FileStamp(device: 1, inode: 2, size: 3, seconds: 4, nanoseconds: 5)
    static let previous: [String: RenderManifest.Entry] = [
        "index.html": .init(key: "k1", inputs: "i1", file: stamp),
        "data/entities.json": .init(key: "k2", inputs: nil, file: stamp),
    ]

    @Test func recordingEveryPreviousEntryAsItWasLeavesTheManifestUnchanged() {
        let manifest = RenderManifest(previous: Self.previous)
        manifest.record("index.html", renderedFrom: "k1", inputs: "i1", stamp: Self.stamp)
        manifest.record("data/entities.json", renderedFrom: "k2", inputs: nil, stamp: Self.stamp)
        #expect(manifest.isUnchanged)
        #expect(manifest.recorded == Self.previous)
    }

    @Test func anEntryWithAnotherKeyInputsOrStampChangesTheManifest() {
        var moved = Self.stamp
        moved.nanoseconds += 1
        let changes: [(key: String, inputs: String?, stamp: RenderManifest.FileStamp)] = [
            ("k1 again", "i1", Self.stamp), ("k1", "i1 again", Self.stamp), ("k1", nil, Self.stamp), ("k1", "i1", moved),
        ]
        for change in changes {
            let manifest = RenderManifest(previous: Self.previous)
            manifest.record("index.html", renderedFrom: change.key, inputs: change.inputs, stamp: change.stamp)
            manifest.record("data/entities.json", renderedFrom: "k2", inputs: nil, stamp: Self.stamp)
            #expect(!manifest.isUnchanged, "\(change)")
        }
    }

    @Test func anEntryLeftOutAddedOrTakenBackChangesTheManifest() {
        let fewer = RenderManifest(previous: Self.previous)
        fewer.record("index.html", renderedFrom: "k1", inputs: "i1", stamp: Self.stamp)
        #expect(!fewer.isUnchanged)

        let more = RenderManifest(previous: Self.previous)
        more.record("index.html", renderedFrom: "k1", inputs: "i1", stamp: Self.stamp)
        more.record("data/entities.json", renderedFrom: "k2", inputs: nil, stamp: Self.stamp)
        more.record("new.html", renderedFrom: "k3", inputs: nil, stamp: Self.stamp)
        #expect(!more.isUnchanged)

        // Same size as the previous table, but one entry swapped for another path.
        let swapped = RenderManifest(previous: Self.previous)
        swapped.record("index.html", renderedFrom: "k1", inputs: "i1", stamp: Self.stamp)
        swapped.record("other.json", renderedFrom: "k2", inputs: nil, stamp: Self.stamp)
        #expect(!swapped.isUnchanged)

        let takenBack = RenderManifest(previous: Self.previous)
        takenBack.record("index.html", renderedFrom: "k1", inputs: "i1", stamp: Self.stamp)
        takenBack.record("data/entities.json", renderedFrom: "k2", inputs: nil, stamp: Self.stamp)
        takenBack.forget("data/entities.json")
        takenBack.record("data/entities.json", renderedFrom: "k2", inputs: nil, stamp: Self.stamp)
        #expect(!takenBack.isUnchanged, "a forgotten entry may have been removed from the output in between")
    }

    @Test func previousEntriesTakenAsTheyWereLeaveTheManifestUnchangedUnlessTheirInputsAreDropped() {
        let kept = RenderManifest(previous: Self.previous)
        kept.recordPrevious("index.html", Self.previous["index.html"]!, keepingInputs: true)
        kept.recordPrevious("data/entities.json", Self.previous["data/entities.json"]!, keepingInputs: false)
        #expect(kept.isUnchanged)
        #expect(kept.recorded == Self.previous)

        let dropped = RenderManifest(previous: Self.previous)
        dropped.recordPrevious("index.html", Self.previous["index.html"]!, keepingInputs: false)
        dropped.recordPrevious("data/entities.json", Self.previous["data/entities.json"]!, keepingInputs: false)
        #expect(!dropped.isUnchanged)
        #expect(dropped.recorded["index.html"]?.inputs == nil)
    }

    @Test func aGroupTakenWithAnotherKeyChangesTheManifestAndOneTakenAsItWasDoesNot() {
        let entries = Self.previous.map { (path: $0.key, entry: $0.value) }
        let same = RenderManifest(previous: Self.previous)
        same.record(entries, departing: false)
        #expect(same.isUnchanged)
        let rekeyed = RenderManifest(previous: Self.previous)
        rekeyed.record(entries.map { ($0.path, RenderManifest.Entry(key: $0.entry.key + " again", inputs: $0.entry.inputs, file: $0.entry.file)) },
                       departing: true)
        #expect(!rekeyed.isUnchanged)
    }

    @Test func anotherKeyingChangesTheManifest() {
        let manifest = RenderManifest(previous: Self.previous, keying: nil)
        manifest.record("index.html", renderedFrom: "k1", inputs: "i1", stamp: Self.stamp)
        manifest.record("data/entities.json", renderedFrom: "k2", inputs: nil, stamp: Self.stamp)
        manifest.keep(PageKeying(common: "c", documents: [:]))
        #expect(!manifest.isUnchanged)
    }

    @Test func aManifestReadsBackAsWritten() throws {
        var moved = Self.stamp
        moved.inode = 99
        var entries = Self.previous
        entries["actors/ایران/index.html"] = .init(key: "k3", inputs: "i3", file: moved)
        var encoder = CacheEncoder()
        encoder.renderEntries(entries)
        var decoder = CacheDecoder(encoder.bytes, from: 0, to: encoder.bytes.count)
        #expect(try decoder.renderEntries() == entries)
        #expect(decoder.isAtEnd)
    }

    @Test func aManifestNamingAPathTwiceIsMalformed() throws {
        var encoder = CacheEncoder()
        encoder.int(2)
        for _ in 0..<2 {
            encoder.string("index.html")
            encoder.string("k")
            encoder.optional(nil)
            for value in [1, 2, 3, 4, 5] { encoder.int(value) }
        }
        var decoder = CacheDecoder(encoder.bytes, from: 0, to: encoder.bytes.count)
        #expect(throws: CacheDecoder.Malformed.self) { try decoder.renderEntries() }
    }

    // MARK: End to end

    /// A cached build whose pages are all taken keeps the stored manifest as it is
    /// (only its time is renewed); one that rendered a page writes it again.
    @Test func theStoredManifestIsRewrittenOnlyWhenAnEntryChanged() throws {
        let project = try TestProject(RenderMemoTests.projectText)
        defer { project.remove() }
        let cacheFolder = BuildCache.defaultFolder(projectRoot: project.root)
        let output = try makeTemporaryFolder("dossier-commit-output")
        defer { try? FileManager.default.removeItem(at: output) }
        // The manifest is written to a new file renamed into place: its inode says whether it was written again.
        func build() throws -> (bytes: Data, inode: UInt64) {
            var options = BuildOptions(root: project.root, output: output)
            options.cache = BuildCache(folder: cacheFolder)
            #expect(SiteBuilder.build(options).succeeded)
            let rendered = cacheFolder.appendingPathComponent("v\(BuildCache.formatVersion)/rendered")
            let names = try FileManager.default.contentsOfDirectory(atPath: rendered.path).filter { !$0.hasPrefix(".") }
            #expect(names.count == 1)
            let file = rendered.appendingPathComponent(names[0])
            var status = stat()
            #expect(lstat(file.path, &status) == 0)
            return (try Data(contentsOf: file), UInt64(status.st_ino))
        }
        let first = try build()
        let unchanged = try build()
        #expect(unchanged.bytes == first.bytes)
        #expect(unchanged.inode == first.inode, "a build that changed no entry wrote the manifest again")
        let briefing = project.root.appendingPathComponent("content/briefings/first.md")
        try (String(contentsOf: briefing, encoding: .utf8) + "\nOne more sentence.\n").write(to: briefing, atomically: true, encoding: .utf8)
        let edited = try build()
        #expect(edited.bytes != first.bytes)
        #expect(edited.inode != first.inode)
        RetiredOutputs.waitUntilRemoved()
    }
}
