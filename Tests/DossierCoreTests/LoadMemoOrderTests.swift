import Foundation
import Testing
@testable import DossierCore

/// The load memo finds each listed file's record at the file's own position while
/// the memo's paths are the listing's, and by path once a file is added, removed or
/// renamed (`LoadMemo.PreviousRecords`, `LoadMemoChanges.applying`). Either way the
/// project equals one loaded from the files.
@Suite struct LoadMemoOrderTests {
    static func load(_ project: TestProject) -> LoadedProject {
        LoadMemo.load(root: project.root, drafts: false, cache: LoadMemoTests.cache(project), readStart: LoadMemoChangesTests.later)
    }

    static func expectSameAsFromTheFiles(_ memoized: LoadedProject, _ project: TestProject) {
        let fresh = ProjectLoader.load(root: project.root)
        #expect(memoized.briefings == fresh.briefings)
        #expect(memoized.actors == fresh.actors)
        #expect(memoized.pages == fresh.pages)
        #expect(memoized.diagnostics == fresh.diagnostics)
        #expect(memoized.sourceFingerprints == fresh.sourceFingerprints)
        #expect(memoized.markdownPaths == fresh.markdownPaths)
    }

    static func record(_ path: String, fingerprint: String = "f") -> LoadMemo.Record {
        LoadMemo.Record(
            path: path, identity: FileIdentity(device: 1, inode: 2, size: 3, modified: 4, changed: 5), settled: true,
            sourceFingerprint: fingerprint, decoded: ProjectLoader.DecodedFile(value: .page(nil), diagnostics: []))
    }

    @Test func changesAreAppliedInPathOrderReplacedInPlaceAddedSortedAndRemovedLeftOut() {
        let base = ["content/a.md", "content/c.md", "content/e.md"].map { Self.record($0) }
        let changed = [Self.record("content/d.md", fingerprint: "new"), Self.record("content/c.md", fingerprint: "edited"), Self.record("content/0.md")]
        let result = LoadMemoChanges.applying(changed, removing: ["content/e.md"], to: base)
        #expect(result.map(\.path) == ["content/0.md", "content/a.md", "content/c.md", "content/d.md"])
        #expect(result.map(\.sourceFingerprint) == ["f", "f", "edited", "new"])
        #expect(LoadMemoChanges.applying([], removing: [], to: base).map(\.path) == base.map(\.path))
    }

    @Test func unchangedFilesComeFromTheMemoByPositionAndEqualTheFiles() throws {
        let project = try TestProject(LoadMemoTests.projectText)
        defer { project.remove() }
        _ = Self.load(project)
        let memoized = Self.load(project)
        #expect(memoized.loadCounts == LoadCounts(parsed: 0, readUnchanged: 0, unread: 5))
        Self.expectSameAsFromTheFiles(memoized, project)
    }

    @Test func aFileAddedBeforeTheOthersShiftsEveryPositionAndIsStillMatchedByPath() throws {
        let project = try TestProject(LoadMemoTests.projectText)
        defer { project.remove() }
        _ = Self.load(project)
        // Sorts first among the actors: every record after it moves by one.
        try project.write("content/actors/abaria.md", "---\ntitle: Abaria\nkind: state\n---\nA new state.\n")
        let added = Self.load(project)
        #expect(added.loadCounts == LoadCounts(parsed: 1, readUnchanged: 0, unread: 5))
        Self.expectSameAsFromTheFiles(added, project)
        // The memo now holds the new file, as a change beside the whole file: aligned again.
        let again = Self.load(project)
        #expect(again.loadCounts == LoadCounts(parsed: 0, readUnchanged: 0, unread: 6))
        Self.expectSameAsFromTheFiles(again, project)
    }

    @Test func aRenamedAndARemovedFileAreNeverTakenFromAnotherFilesRecord() throws {
        let project = try TestProject(LoadMemoTests.projectText)
        defer { project.remove() }
        _ = Self.load(project)
        let folder = project.root.appendingPathComponent("content/briefings")
        try FileManager.default.moveItem(at: folder.appendingPathComponent("weather.md"), to: folder.appendingPathComponent("a-weather.md"))
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/pages/about.md"))
        let loaded = Self.load(project)
        // The renamed file keeps its inode: only its path says it is not the record at its position.
        #expect(loaded.loadCounts.unread == 3)
        #expect(loaded.briefings.map(\.path).sorted() == ["content/briefings/a-weather.md", "content/briefings/harbour.md"])
        Self.expectSameAsFromTheFiles(loaded, project)
        let again = Self.load(project)
        #expect(again.loadCounts == LoadCounts(parsed: 0, readUnchanged: 0, unread: 4))
        Self.expectSameAsFromTheFiles(again, project)
    }

    @Test func aFileThatCannotBeReadLeavesAHoleAndTheOthersAreMatchedByPath() throws {
        let project = try TestProject(LoadMemoTests.projectText)
        defer { project.remove() }
        _ = Self.load(project)
        let harbour = project.root.appendingPathComponent("content/briefings/harbour.md")
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE]).write(to: harbour)
        let broken = Self.load(project)
        #expect(broken.diagnostics.contains { $0.location.path == "content/briefings/harbour.md" && $0.severity == .error })
        #expect(broken.loadCounts.unread == 4)
        // No record for the broken file: the memo's list is one short of the listing.
        let again = Self.load(project)
        #expect(again.loadCounts.unread == 4)
        #expect(again.diagnostics.contains { $0.location.path == "content/briefings/harbour.md" && $0.severity == .error })
        #expect(again.briefings.map(\.slug) == ["weather"])
    }

    @Test func aCorruptedRecordsFileIsNoMemoAndEveryFileIsParsedAgain() throws {
        let project = try TestProject(LoadMemoTests.projectText)
        defer { project.remove() }
        _ = Self.load(project)
        let (whole, _) = try LoadMemoChangesTests.files(project)
        var bytes = [UInt8](try Data(contentsOf: whole))
        bytes[bytes.count / 3] ^= 0x21
        try Data(bytes).write(to: whole)
        let loaded = Self.load(project)
        #expect(loaded.loadCounts == LoadCounts(parsed: 5, readUnchanged: 0, unread: 0))
        Self.expectSameAsFromTheFiles(loaded, project)
    }
}
