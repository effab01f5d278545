import DossierCore
import Foundation
import Testing
@testable import DossierServe

/// The watchers name the files that changed, so that serve's fast path knows which
/// pages to write first; what they cannot name is "something changed".
@Suite struct ChangeSetTests {
    @Test func pollingNamesTheFilesAddedRemovedAndChanged() {
        let old = ["content/briefings/a.md": "10 1.0", "content/briefings/b.md": "20 1.0", "dossier.yml": "5 1.0"]
        let new = ["content/briefings/a.md": "11 2.0", "content/briefings/c.md": "30 2.0", "dossier.yml": "5 1.0"]
        #expect(SourceWatcher.changedPaths(from: old, to: new) == ["content/briefings/a.md", "content/briefings/b.md", "content/briefings/c.md"])
        #expect(SourceWatcher.changedPaths(from: old, to: old).isEmpty)
    }

    @Test func pollingFingerprintsEveryInputByPath() throws {
        let root = try makeTemporaryFolder("dossier-fingerprints")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/briefings"), withIntermediateDirectories: true)
        try Data("---\ntitle: A\n---\n".utf8).write(to: root.appendingPathComponent("content/briefings/a.md"))
        let watcher = SourceWatcher(root: root)
        let before = watcher.fingerprints()
        #expect(before["content/briefings/a.md"] != nil)
        try Data("---\ntitle: A longer title\n---\n".utf8).write(to: root.appendingPathComponent("content/briefings/a.md"))
        #expect(SourceWatcher.changedPaths(from: before, to: watcher.fingerprints()) == ["content/briefings/a.md"])
    }

    @Test func changesMergeAndStayUnattributedOnceAnyPartIs() {
        var changes = ChangeSet(paths: ["content/briefings/a.md"])
        #expect(!changes.isEmpty)
        changes.formUnion(ChangeSet(paths: ["content/actors/b.md"]))
        #expect(changes.paths == ["content/briefings/a.md", "content/actors/b.md"])
        #expect(!changes.unattributed)
        changes.formUnion(ChangeSet(unattributed: true))
        #expect(changes.unattributed)
        #expect(ChangeSet().isEmpty)
    }

    #if os(Linux)
    @Test func inotifyNamesAnEditedFileAndCallsAFolderUnattributed() throws {
        let root = try makeTemporaryFolder("dossier-inotify-names")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/briefings"), withIntermediateDirectories: true)
        try Data("one".utf8).write(to: root.appendingPathComponent("content/briefings/a.md"))
        let watcher = try #require(InotifyWatcher(root: root))

        try Data("two".utf8).write(to: root.appendingPathComponent("content/briefings/a.md"))
        let edit = try #require(watcher.waitForChanges(milliseconds: 1000))
        #expect(edit.paths == ["content/briefings/a.md"])
        #expect(!edit.unattributed)

        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/briefings/2025"), withIntermediateDirectories: true)
        let folder = try #require(watcher.waitForChanges(milliseconds: 1000))
        #expect(folder.unattributed, "files moved in with a folder have no events of their own")
    }
    #endif
}
