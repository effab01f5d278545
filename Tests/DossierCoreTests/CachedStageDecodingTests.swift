import Foundation
import Synchronization
import Testing
@testable import DossierCore

/// What a cached build's load and link stages read back, and how: a linked document's
/// table of contents, mentions, search passages and their strings stay in its entry's
/// bytes until read (`EncodedLinkEntry`) and then equal what linking made; the load
/// memo's records are shared objects (`LoadMemo.Record`); a damaged or truncated
/// record file or pack is recomputed and the site equals a clean build.
@Suite struct CachedStageDecodingTests {
    /// A generated project after a few random edits, loaded, indexed and linked afresh.
    static func linkedGeneratedProject(seed: UInt64) throws -> (project: EditableProject, documents: [DocumentID: LinkedDocument]) {
        let project = try EditableProject(seed: seed)
        for _ in 0..<6 { _ = try project.applyRandomEdit() }
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let settings = LinkSettings(mode: loaded.config.linking.mode, urlStyle: loaded.config.urlStyle)
        let (documents, _) = ProjectLinker.linkAll(loaded, index: index, settings: settings)
        return (project, documents)
    }

    /// Each document stored as a link memo entry file in `folder` and read back, its
    /// text and HTML left in the file (`relink` given) or read now.
    static func readBack(_ documents: [DocumentID: LinkedDocument], in folder: URL, leavingTextInFile: Bool) throws -> [DocumentID: LinkedDocument] {
        var read: [DocumentID: LinkedDocument] = [:]
        for (id, document) in documents {
            let key = "key-\(id.kind.rawValue)-\(id.slug)"
            let path = folder.appendingPathComponent(key).path
            let file = LinkedEntryFile(key: key, namesKey: "names", result: LinkResult(document: document, diagnostics: []))
            try Data(file.bytes).write(to: URL(fileURLWithPath: path))
            var relink: (@Sendable () -> LinkedEntryFile.Relinked?)?
            if leavingTextInFile { relink = { nil } }
            let entry = try #require(LinkedEntryFile.read(path: path, key: key, namesKey: "names", relink: relink))
            #expect(entry.namesKey == "names" && entry.linkedForm == file.linkedForm)
            read[id] = entry.result.document
        }
        return read
    }

    @Test func everyPartDecodedWhenFirstReadEqualsWhatLinkingMadeOverAGeneratedProject() throws {
        for seed: UInt64 in [3, 11] {
            let (project, fresh) = try Self.linkedGeneratedProject(seed: seed)
            defer { project.remove() }
            let folder = try makeTemporaryFolder("dossier-cached-decoding")
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(fresh.count > 10)
            #expect(fresh.values.contains { !$0.tableOfContents.isEmpty || !$0.mentions.isEmpty })
            for leavingTextInFile in [true, false] {
                let read = try Self.readBack(fresh, in: folder, leavingTextInFile: leavingTextInFile)
                #expect(read.keys.sorted() == fresh.keys.sorted())
                for (id, cached) in read {
                    let linked = fresh[id]!
                    // Known without decoding anything.
                    #expect(cached.mentionedActors == linked.mentionedActors, "\(id)")
                    #expect(cached.mentionCount == linked.mentionCount && cached.wordCount == linked.wordCount && cached.images == linked.images)
                    #expect(!cached.mentionList.isDecoded || linked.mentions.isEmpty, "\(id)")
                    #expect(!cached.arePassagesDecoded, "\(id)")
                    // Each part on its own, then the whole document.
                    #expect(cached.tableOfContents == linked.tableOfContents, "\(id)")
                    #expect(cached.mentions == linked.mentions, "\(id)")
                    #expect(cached.mentions.map(\.snippet) == linked.mentions.map(\.snippet), "\(id)")
                    #expect(cached.mentions.map(\.section) == linked.mentions.map(\.section), "\(id)")
                    #expect(cached.searchPassages.map(\.text) == linked.searchPassages.map(\.text), "\(id)")
                    #expect(cached.searchPassages.map(\.anchor) == linked.searchPassages.map(\.anchor), "\(id)")
                    #expect(cached.mentionList.isDecoded && cached.arePassagesDecoded)
                    #expect(cached == linked, "\(id)")
                }
            }
        }
    }

    @Test func threadsReadingOneEntryAtOnceAllGetTheSameDecodedParts() throws {
        let (project, fresh) = try Self.linkedGeneratedProject(seed: 5)
        defer { project.remove() }
        let folder = try makeTemporaryFolder("dossier-cached-decoding-threads")
        defer { try? FileManager.default.removeItem(at: folder) }
        let read = try Self.readBack(fresh, in: folder, leavingTextInFile: false)
        let (id, cached) = try #require(read.max { $0.value.mentionCount < $1.value.mentionCount })
        let linked = fresh[id]!
        let mismatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { turn in
            let same = switch turn % 3 {
            case 0: cached.mentions == linked.mentions
            case 1: cached.searchPassages == linked.searchPassages
            default: cached.tableOfContents == linked.tableOfContents
            }
            if !same { mismatches.withLock { $0 += 1 } }
        }
        #expect(mismatches.withLock { $0 } == 0)
        // Decoded once and kept: every reader shares the same mention objects.
        #expect(zip(cached.mentions, cached.mentions).allSatisfy { $0.storage.isSameBox(as: $1.storage) })
    }

    @Test func aStringIsComparedAndSharedAsBytesAndATruncatedOneIsMalformed() throws {
        var encoder = CacheEncoder()
        encoder.string("0123456789abcdef0123456789abcdef")
        encoder.string("another table of names")
        var decoder = CacheDecoder(encoder.bytes)
        let shared = "0123456789abcdef0123456789abcdef"
        let first = try decoder.string(sharing: shared)
        #expect(first == shared)
        // Not the expected string: decoded, not shared.
        #expect(try decoder.string(sharing: shared) == "another table of names")
        #expect(decoder.isAtEnd)

        var again = CacheDecoder(encoder.bytes)
        #expect(try again.string(equals: shared))
        #expect(try again.string(equals: "another table of name") == false)
        var truncated = CacheDecoder(Array(encoder.bytes.prefix(10)))
        #expect(throws: CacheDecoder.Malformed.self) { try truncated.string(equals: shared) }
    }

    @Test func aTruncatedOrDamagedLoadRecordsFileIsParsedAgainAndTheSiteEqualsACleanBuild() throws {
        for damage in ["truncate", "flip"] {
            let project = try TestProject(BuildCacheTests.projectText)
            defer { project.remove() }
            #expect(project.cachedBuild().succeeded)
            let loadedFolder = LinkMemoPackTests.cacheFolder(project).appendingPathComponent("loaded")
            let records = try #require(try FileManager.default.contentsOfDirectory(atPath: loadedFolder.path).first { !$0.hasPrefix(".") && !$0.hasSuffix(".changes") })
            let file = loadedFolder.appendingPathComponent(records)
            var bytes = [UInt8](try Data(contentsOf: file))
            if damage == "truncate" { bytes.removeLast(bytes.count / 3) } else { bytes[bytes.count / 2] ^= 0x20 }
            try Data(bytes).write(to: file)
            try project.write("content/briefings/talks.md", "---\ntitle: Talks\ndate: 2025-01-03\n---\nBrevia and Aldoria talked again.\n")

            let report = project.cachedBuild()
            #expect(report.succeeded)
            #expect(report.loadCounts.unread == 0 && report.loadCounts.parsed > 0, "\(damage)")
            #expect(try project.differenceFromCleanBuild() == nil, "\(damage)")
            // Written whole again: the next build reads nothing.
            #expect(project.cachedBuild().loadCounts.parsed == 0)
        }
    }

    @Test func aPackDamagedInsideAnEntrysMentionsIsAMissAndEveryPageEqualsACleanBuild() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        #expect(project.cachedBuild().succeeded)
        let packs = try LinkMemoPackTests.packFiles(project)
        for pack in packs {
            var bytes = [UInt8](try Data(contentsOf: pack))
            // Past the pack's header, inside some entry's light part.
            bytes[bytes.count * 3 / 4] ^= 0x01
            try Data(bytes).write(to: pack)
        }
        // Every page rendered again: each reads its document's mentions and passages.
        try LinkMemoPackTests.renderEverythingAgain(project, revision: 7)
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aFileThatStopsDecodingLeavesTheMemoAndIsParsedAgainOnceMended() throws {
        let project = try TestProject(LoadMemoTests.projectText)
        defer { project.remove() }
        _ = LoadMemo.load(root: project.root, drafts: false, cache: LoadMemoTests.cache(project), readStart: LoadMemoTests.later)
        let path = "content/briefings/harbour.md"
        let original = try String(contentsOf: project.root.appendingPathComponent(path), encoding: .utf8)
        // Same listing, one file fewer decoded: the memo must not keep its old record.
        try project.write(path, Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0x0A]))
        let broken = LoadMemo.load(root: project.root, drafts: false, cache: LoadMemoTests.cache(project), readStart: LoadMemoTests.later)
        #expect(broken.diagnostics.contains { $0.location.path == path && $0.message.contains("UTF-8") })
        try project.write(path, original)
        let mended = LoadMemo.load(root: project.root, drafts: false, cache: LoadMemoTests.cache(project), readStart: LoadMemoTests.later)
        #expect(mended.loadCounts.parsed == 1)
        LoadMemoOrderTests.expectSameAsFromTheFiles(mended, project)
    }

    @Test func statsTakenInParallelGiveEachListedFileItsOwnIdentity() throws {
        var text = "-- dossier.yml --\ntitle: Many\n"
        for number in 0..<600 { text += "-- content/briefings/b\(number).md --\n---\ntitle: B\(number)\ndate: 2025-01-01\n---\nText \(number).\n" }
        let project = try TestProject(text)
        defer { project.remove() }
        let listed = ProjectLoader.listFiles(root: project.root).files
        #expect(listed.count == 600)
        for file in listed {
            #expect(file.identity != nil && file.identity == FileIdentity.of(file.absolutePath), "\(file.path)")
            #expect(file.absolutePath == project.root.appendingPathComponent(file.path).path)
        }
    }

    @Test func aChunkedParallelMapKeepsTheOrder() {
        let values = Array(0..<1_000)
        #expect(values.chunkedParallelMap(run: 7) { $0 * 3 } == values.map { $0 * 3 })
        #expect([5].chunkedParallelMap { $0 + 1 } == [6])
        #expect([Int]().chunkedParallelMap { $0 } == [])
    }

    @Test func aValueReleasedAsideIsFreedOnAnotherThread() {
        final class Watched: @unchecked Sendable {
            let freed: DispatchSemaphore
            init(_ freed: DispatchSemaphore) { self.freed = freed }
            deinit { freed.signal() }
        }
        let freed = DispatchSemaphore(value: 0)
        var watched: Watched? = Watched(freed)
        ReleasedAside.release(watched.take())
        #expect(watched == nil)
        #expect(freed.wait(timeout: .now() + 10) == .success)
    }
}
