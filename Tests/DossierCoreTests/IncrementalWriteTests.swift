import Foundation
import Testing
@testable import DossierCore

/// The writer of an incremental build: a file whose bytes did not change is the
/// previous output's file, linked (same inode, same modification time); only what
/// changed is written, and the guarantees of the staged swap still hold.
@Suite struct IncrementalWriteTests {
    static let projectText = """
    -- dossier.yml --
    title: Writer test
    base_url: https://dossier.test/
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
    ---
    A state.
    -- content/briefings/first.md --
    ---
    title: First
    date: 2025-01-02
    ---
    Aldoria voted.
    -- content/briefings/second.md --
    ---
    title: Second
    date: 2025-01-03
    ---
    Nothing happened.
    """

    static func inode(_ url: URL) -> UInt64? {
        var status = stat()
        return lstat(url.path, &status) == 0 ? UInt64(status.st_ino) : nil
    }

    @Test func unchangedFilesKeepTheirInodeAndOnlyChangedOnesAreWritten() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let untouched = project.output.appendingPathComponent("briefings/second/index.html")
        let edited = project.output.appendingPathComponent("briefings/first/index.html")
        let untouchedInode = Self.inode(untouched), editedInode = Self.inode(edited)

        try project.write("content/briefings/first.md", """
        ---
        title: First
        date: 2025-01-02
        ---
        Aldoria voted again.

        """)
        let report = project.build()
        RetiredOutputs.waitUntilRemoved()

        #expect(report.succeeded)
        #expect(Self.inode(untouched) == untouchedInode)
        #expect(Self.inode(edited) != editedInode)
        #expect(try project.read("briefings/first/index.html").contains("voted again"))
        #expect(report.changedPaths.contains("briefings/first/index.html"))
        #expect(!report.changedPaths.contains("briefings/second/index.html"))
        #expect(report.changedPaths.count < report.paths.count / 2, "changed: \(report.changedPaths)")
    }

    @Test func anUnchangedRebuildWritesNothing() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let report = project.build()
        #expect(report.succeeded)
        #expect(report.changedPaths.isEmpty, "rewritten: \(report.changedPaths)")
    }

    @Test func aFailingBuildLeavesTheLinkedPreviousOutputExactlyAsItWas() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let page = project.output.appendingPathComponent("briefings/second/index.html")
        let before = try Data(contentsOf: page), inodeBefore = Self.inode(page)

        try project.write("content/briefings/second.md", "---\ntitle: Second\ndate: not a date\n---\nBroken.\n")
        #expect(!project.build().succeeded)

        #expect(try Data(contentsOf: page) == before)
        #expect(Self.inode(page) == inodeBefore)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".site.") }
        #expect(leftovers.isEmpty, "left beside the output: \(leftovers)")
    }

    @Test func thePreviousOutputIsRemovedOnceTheNewSiteIsInPlace() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.build().succeeded)
        try project.write("content/briefings/second.md", "---\ntitle: Second\ndate: 2025-01-03\n---\nSomething happened.\n")
        #expect(project.build().succeeded)
        RetiredOutputs.waitUntilRemoved()
        let beside = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".site.") }
        #expect(beside.isEmpty, "left beside the output: \(beside)")
        #expect(try project.read("briefings/second/index.html").contains("Something happened"))
    }

    @Test func placingIdenticalBytesLinksAndDifferentBytesWrite() throws {
        let folder = try makeTemporaryFolder("dossier-file-reuse")
        defer { try? FileManager.default.removeItem(at: folder) }
        let previous = folder.appendingPathComponent("previous.txt").path
        try FileReuse.write(Data("same".utf8), to: previous)

        #expect(try FileReuse.place(Data("same".utf8), at: folder.appendingPathComponent("a").path, previous: previous) == .reused)
        #expect(try FileReuse.place(Data("other".utf8), at: folder.appendingPathComponent("b").path, previous: previous) == .written)
        #expect(try FileReuse.place(Data("same".utf8), at: folder.appendingPathComponent("c").path, previous: folder.appendingPathComponent("missing").path) == .written)
        #expect(try Data(contentsOf: folder.appendingPathComponent("b")) == Data("other".utf8))
        #expect(try Data(contentsOf: URL(fileURLWithPath: previous)) == Data("same".utf8))
    }
}
