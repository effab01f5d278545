import Foundation
import Testing
@testable import DossierCore

/// The load memo's changes file (`LoadMemoChanges`): after a few edits only what
/// changed is written, the next load sees it, and changes that do not belong to the
/// whole file beside them, or do not read back, are ignored — the files are then read
/// again, never taken on a stale record.
@Suite struct LoadMemoChangesTests {
    /// A clock far enough ahead that every file just written counts as settled, read at
    /// each load: a suite run in parallel may reach these tests minutes after it started.
    static var later: Int64 { FileIdentity.now() + 60_000_000_000 }
    static let weather = "content/briefings/weather.md"

    static func load(_ project: TestProject) -> LoadedProject {
        LoadMemo.load(root: project.root, drafts: false, cache: LoadMemoTests.cache(project), readStart: later)
    }

    static func loadedFolder(_ project: TestProject) -> URL {
        project.root.appendingPathComponent(".dossier/cache/v\(BuildCache.formatVersion)/loaded")
    }

    static func files(_ project: TestProject) throws -> (whole: URL, changes: URL) {
        let folder = loadedFolder(project)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        let whole = try #require(names.first { !$0.hasSuffix(".changes") })
        return (folder.appendingPathComponent(whole), folder.appendingPathComponent(whole + ".changes"))
    }

    static func weatherBody(_ loaded: LoadedProject) -> String? {
        loaded.briefings.first { $0.slug == "weather" }?.body.text
    }

    @Test func anEditIsWrittenAsAChangeBesideTheUntouchedWholeFileAndReadBackWithIt() throws {
        let project = try TestProject(LoadMemoTests.projectText)
        defer { project.remove() }
        _ = Self.load(project)
        let (whole, changes) = try Self.files(project)
        let wholeBytes = try Data(contentsOf: whole)
        #expect(!FileManager.default.fileExists(atPath: changes.path))

        try project.write(Self.weather, "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had hail.\n")
        #expect(Self.load(project).loadCounts == LoadCounts(parsed: 1, readUnchanged: 0, unread: 4))
        #expect(try Data(contentsOf: whole) == wholeBytes)
        #expect(FileManager.default.fileExists(atPath: changes.path))

        let again = Self.load(project)
        #expect(again.loadCounts == LoadCounts(parsed: 0, readUnchanged: 0, unread: 5))
        #expect(Self.weatherBody(again) == "Brevia had hail.\n")
        let fresh = ProjectLoader.load(root: project.root)
        #expect(again.briefings == fresh.briefings)
        #expect(again.actors == fresh.actors)
        #expect(again.sourceFingerprints == fresh.sourceFingerprints)
    }

    @Test func aRemovedFileIsRecordedAsRemoved() throws {
        let project = try TestProject(LoadMemoTests.projectText)
        defer { project.remove() }
        _ = Self.load(project)
        try FileManager.default.removeItem(at: project.root.appendingPathComponent(Self.weather))
        #expect(Self.load(project).loadCounts == LoadCounts(parsed: 0, readUnchanged: 0, unread: 4))
        #expect(LoadMemoTests.cache(project).loadMemo(root: project.root).records[Self.weather] == nil)
        #expect(FileManager.default.fileExists(atPath: try Self.files(project).changes.path))
        let again = Self.load(project)
        #expect(again.loadCounts == LoadCounts(parsed: 0, readUnchanged: 0, unread: 4))
        #expect(!again.markdownPaths.contains(Self.weather))
    }

    @Test func changesNamingAnotherWholeFileAreIgnored() throws {
        let project = try TestProject(LoadMemoTests.projectText)
        defer { project.remove() }
        let cache = LoadMemoTests.cache(project)
        _ = Self.load(project)
        let records = try #require(cache.loadRecordsFile(root: project.root)).records
        try project.write(Self.weather, "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had hail.\n")
        _ = Self.load(project)
        // Another build writes a whole file of its own (here: the records from before the edit, in another order).
        cache.storeLoadRecordsFile(records.reversed(), root: project.root)
        #expect(cache.loadMemo(root: project.root).changedPaths.isEmpty)
        let loaded = Self.load(project)
        #expect(loaded.loadCounts.unread == 4)
        #expect(Self.weatherBody(loaded) == "Brevia had hail.\n")
    }

    @Test func aDamagedOrTruncatedChangesFileIsIgnoredAndTheEditedFileReadAgain() throws {
        let project = try TestProject(LoadMemoTests.projectText)
        defer { project.remove() }
        _ = Self.load(project)
        try project.write(Self.weather, "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had hail.\n")
        _ = Self.load(project)
        let changes = try Self.files(project).changes
        let good = try Data(contentsOf: changes)
        var damaged = good
        damaged[damaged.count / 2] ^= 0x55
        for bytes in [damaged, good.prefix(good.count - 3), good.prefix(10), Data()] {
            try bytes.write(to: changes)
            #expect(LoadMemoTests.cache(project).loadMemo(root: project.root).changedPaths.isEmpty)
            let loaded = Self.load(project)
            // The whole file's record of the weather briefing is stale: the file is read and hashed again.
            #expect(loaded.loadCounts.unread == 4)
            #expect(Self.weatherBody(loaded) == "Brevia had hail.\n")
        }
    }

    @Test func changesBeyondTheLimitAreFoldedIntoANewWholeFile() throws {
        var text = "-- dossier.yml --\ntitle: Many\nbase_url: https://dossier.test/\n"
        let count = LoadMemoChanges.changesLimit(recordCount: 0) + 6
        for number in 0..<count { text += "-- content/briefings/b\(number).md --\n---\ntitle: B\(number)\ndate: 2025-01-01\n---\nText \(number).\n" }
        let project = try TestProject(text)
        defer { project.remove() }
        _ = Self.load(project)
        let whole = try Self.files(project).whole
        let before = try Data(contentsOf: whole)
        for number in 0..<count / 2 { try project.write("content/briefings/b\(number).md", "---\ntitle: B\(number)\ndate: 2025-01-01\n---\nEdited \(number).\n") }
        _ = Self.load(project)
        #expect(try Data(contentsOf: whole) == before)
        #expect(FileManager.default.fileExists(atPath: try Self.files(project).changes.path))

        for number in count / 2..<count { try project.write("content/briefings/b\(number).md", "---\ntitle: B\(number)\ndate: 2025-01-01\n---\nEdited \(number).\n") }
        let folded = Self.load(project)
        #expect(folded.loadCounts.parsed == count - count / 2)
        #expect(try Data(contentsOf: whole) != before)
        #expect(!FileManager.default.fileExists(atPath: try Self.files(project).changes.path))
        let again = Self.load(project)
        #expect(again.loadCounts == LoadCounts(parsed: 0, readUnchanged: 0, unread: count))
        #expect(again.briefings.allSatisfy { $0.body.text.hasPrefix("Edited") })
    }
}
