import Foundation
import Testing
@testable import DossierCore

/// A build into an output that holds a Dossier build updates it in place
/// (`OutputUpdate`): only changed files are written, through a journal that a later
/// build completes if the commit was interrupted; the result always equals a clean
/// build, files, bytes and folders.
@Suite struct InPlaceUpdateTests {
    static let projectText = """
    -- dossier.yml --
    title: In-place test
    base_url: https://dossier.test/
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
    ---
    A state.
    -- content/actors/borvia.md --
    ---
    title: Borvia
    kind: state
    ---
    Another state.
    -- content/briefings/first.md --
    ---
    title: First
    date: 2025-01-02
    tags: [trade]
    ---
    Aldoria voted.
    -- content/briefings/second.md --
    ---
    title: Second
    date: 2025-01-03
    tags: [ports]
    ---
    Borvia and Aldoria met.
    -- content/briefings/third.md --
    ---
    title: Third
    date: 2025-01-04
    ---
    Nothing happened.
    """

    /// Edits that give a commit every kind of step: a changed page, a new briefing, a
    /// deleted briefing with a tag of its own (its page's folder and its tag's folder
    /// must go) and a deleted actor.
    static func editEverything(_ project: TestProject) throws {
        try project.write("content/briefings/first.md", "---\ntitle: First\ndate: 2025-01-02\ntags: [trade]\n---\nAldoria voted again.\n")
        try project.write("content/briefings/fourth.md", "---\ntitle: Fourth\ndate: 2025-01-05\n---\nAldoria left.\n")
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/briefings/second.md"))
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/actors/borvia.md"))
    }

    static func breakTheProject(_ project: TestProject) throws {
        try project.write("content/briefings/broken.md", "---\ntitle: Broken\ndate: not a date\n---\nBroken.\n")
    }

    static func inode(_ url: URL) -> UInt64? {
        var status = stat()
        return lstat(url.path, &status) == 0 ? UInt64(status.st_ino) : nil
    }

    static func besideOutput(_ project: TestProject) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: project.root.path)) ?? []).filter { $0.hasPrefix(".site.") }.sorted()
    }

    /// A clean build (no cache) of the project as it is now, into a folder of its own.
    static func cleanBuild(_ project: TestProject) throws -> URL {
        let clean = try makeTemporaryFolder("dossier-in-place-clean").appendingPathComponent("site")
        #expect(SiteBuilder.build(BuildOptions(root: project.root, output: clean)).succeeded)
        return clean
    }

    /// Same files and folders, every file with the same bytes.
    static func expectSameSite(_ output: URL, _ clean: URL, _ comment: Comment? = nil) throws {
        #expect(entries(under: output) == entries(under: clean), comment)
        #expect(try snapshot(output) == snapshot(clean), comment)
    }

    @Test func aRebuildUpdatesTheOutputFolderInPlaceAndLeavesNothingBesideIt() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let folderInode = Self.inode(project.output)
        let untouched = project.output.appendingPathComponent("briefings/third/index.html")
        let untouchedInode = Self.inode(untouched)

        try Self.editEverything(project)
        let report = project.cachedBuild()

        #expect(report.succeeded)
        #expect(Self.inode(project.output) == folderInode, "the output folder was replaced, not updated")
        #expect(Self.inode(untouched) == untouchedInode)
        #expect(report.changedPaths.contains("briefings/first/index.html"))
        #expect(report.changedPaths.contains("briefings/fourth/index.html"))
        #expect(!report.changedPaths.contains("briefings/third/index.html"))
        #expect(Self.besideOutput(project) == [])
        let clean = try Self.cleanBuild(project)
        defer { try? FileManager.default.removeItem(at: clean.deletingLastPathComponent()) }
        try Self.expectSameSite(project.output, clean)
    }

    @Test func deletedBriefingsPagesAndTheFoldersTheyLeaveEmptyDisappear() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("briefings/second/index.html").path))
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("tags/ports/index.html").path))

        try Self.editEverything(project)
        #expect(project.cachedBuild().succeeded)

        for gone in ["briefings/second", "tags/ports", "actors/borvia", "data/mentions/borvia.json"] {
            #expect(!FileManager.default.fileExists(atPath: project.output.appendingPathComponent(gone).path), "\(gone) is still there")
        }
        let clean = try Self.cleanBuild(project)
        defer { try? FileManager.default.removeItem(at: clean.deletingLastPathComponent()) }
        try Self.expectSameSite(project.output, clean)
    }

    @Test func filesChangedDeletedOrAddedByHandInTheOutputAreMadeRightAgain() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let edited = project.output.appendingPathComponent("briefings/first/index.html")
        let handle = try FileHandle(forWritingTo: edited)
        try handle.write(contentsOf: Data("<!-- edited by hand -->".utf8))
        try handle.close()
        try FileManager.default.removeItem(at: project.output.appendingPathComponent("actors/aldoria/index.html"))
        try FileManager.default.removeItem(at: project.output.appendingPathComponent("feed.xml"))
        try Data("stray".utf8).write(to: project.output.appendingPathComponent("briefings/stray.txt"))
        try FileManager.default.createDirectory(at: project.output.appendingPathComponent("leftover/empty"), withIntermediateDirectories: true)
        // A link where a page was: replaced by the page, never followed.
        let third = project.output.appendingPathComponent("briefings/third/index.html")
        try FileManager.default.removeItem(at: third)
        try FileManager.default.createSymbolicLink(atPath: third.path, withDestinationPath: "/etc/hostname")

        #expect(project.cachedBuild().succeeded)

        let clean = try Self.cleanBuild(project)
        defer { try? FileManager.default.removeItem(at: clean.deletingLastPathComponent()) }
        try Self.expectSameSite(project.output, clean)
        var status = stat()
        #expect(lstat(third.path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG)
    }

    @Test func aFailedBuildAfterASuccessfulOneLeavesEveryFileAndFolderAsItWas() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try Self.editEverything(project)
        #expect(project.cachedBuild().succeeded)
        let files = try snapshot(project.output), listing = entries(under: project.output)
        let inodes = listing.map { Self.inode(project.output.appendingPathComponent($0)) }

        try project.write("content/briefings/third.md", "---\ntitle: Third\ndate: 2025-01-04\n---\nSomething happened.\n")
        try Self.breakTheProject(project)
        #expect(!project.cachedBuild().succeeded)

        #expect(try snapshot(project.output) == files)
        #expect(entries(under: project.output) == listing)
        #expect(listing.map { Self.inode(project.output.appendingPathComponent($0)) } == inodes)
        #expect(Self.besideOutput(project) == [])
    }

    @Test func theOutputsGitIsLeftAloneByAnUpdate() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let git = project.output.appendingPathComponent(".git")
        try FileManager.default.createDirectory(at: git.appendingPathComponent("refs"), withIntermediateDirectories: true)
        try Data("ref: refs/heads/gh-pages\n".utf8).write(to: git.appendingPathComponent("HEAD"))

        try Self.editEverything(project)
        #expect(project.cachedBuild().succeeded)

        #expect(try String(contentsOf: git.appendingPathComponent("HEAD"), encoding: .utf8) == "ref: refs/heads/gh-pages\n")
        #expect(FileManager.default.fileExists(atPath: git.appendingPathComponent("refs").path))
    }

    /// The commit stops after `steps` journal steps, as if the process died there; the
    /// update folder is handed to a pid that is no longer running. The next build fails
    /// (the project is broken meanwhile), yet first completes the commit: the output is
    /// the interrupted build's site, byte for byte.
    @Test(arguments: [0, 1, 3, 6, 1000])
    func aCommitInterruptedByACrashIsCompletedByTheNextBuild(steps: Int) throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try Self.editEverything(project)
        let expected = try Self.cleanBuild(project)
        defer { try? FileManager.default.removeItem(at: expected.deletingLastPathComponent()) }

        var options = BuildOptions(root: project.root)
        options.cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        options.interruptsCommitAfter = steps
        #expect(SiteBuilder.build(options).succeeded)
        let update = project.root.appendingPathComponent(".site.update-\(getpid())")
        let journal = try #require(OutputJournal.read(from: update), "the interrupted commit left no journal")
        #expect(journal.steps.count > 6, "the edits should need several steps: \(journal.steps)")
        let dead = try pidOfAFinishedProcess()
        try FileManager.default.moveItem(at: update, to: project.root.appendingPathComponent(".site.update-\(dead)"))

        try Self.breakTheProject(project)
        let failed = project.cachedBuild()

        #expect(!failed.succeeded)
        try Self.expectSameSite(project.output, expected, "after \(steps) of \(journal.steps.count) steps")
        #expect(Self.besideOutput(project) == [])
    }

    /// And the build after a completed commit is incremental as usual: its manifest
    /// (kept by the cache before the crash, or not at all) never keeps a stale page.
    @Test func theBuildAfterACompletedCommitEqualsACleanBuild() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try Self.editEverything(project)
        var options = BuildOptions(root: project.root)
        options.cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        options.interruptsCommitAfter = 2
        #expect(SiteBuilder.build(options).succeeded)

        try project.write("content/briefings/third.md", "---\ntitle: Third\ndate: 2025-01-04\n---\nBorvia is gone.\n")
        let report = project.cachedBuild()

        #expect(report.succeeded)
        #expect(report.reusedRenders.count > 0, "nothing was reused: the test no longer exercises the manifest")
        let clean = try Self.cleanBuild(project)
        defer { try? FileManager.default.removeItem(at: clean.deletingLastPathComponent()) }
        try Self.expectSameSite(project.output, clean)
        #expect(Self.besideOutput(project) == [])
    }

    /// With the output gone, a journal has nothing to complete: applying it would make
    /// a site of the changed files alone. It is dropped, and the build starts afresh.
    @Test func aJournalWhoseOutputIsGoneIsDropped() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try Self.editEverything(project)
        var options = BuildOptions(root: project.root)
        options.cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        options.interruptsCommitAfter = 0
        #expect(SiteBuilder.build(options).succeeded)
        try FileManager.default.removeItem(at: project.output)
        try Self.breakTheProject(project)

        #expect(!project.cachedBuild().succeeded)

        #expect(!FileManager.default.fileExists(atPath: project.output.path))
        #expect(Self.besideOutput(project) == [])
    }

    /// A journal is for the folder it was made in: once the output has been replaced
    /// (here by a copy, as a build that knew no journals would swap in a new folder),
    /// applying it would put stale files into another site. It is dropped.
    @Test func aJournalForAnOutputFolderReplacedSinceIsDropped() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let previous = try snapshot(project.output)
        try Self.editEverything(project)
        var options = BuildOptions(root: project.root)
        options.cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        options.interruptsCommitAfter = 0
        #expect(SiteBuilder.build(options).succeeded)
        let dead = try pidOfAFinishedProcess()
        try FileManager.default.moveItem(at: project.root.appendingPathComponent(".site.update-\(getpid())"),
                                         to: project.root.appendingPathComponent(".site.update-\(dead)"))
        let copy = project.root.appendingPathComponent("site-copy")
        try FileManager.default.copyItem(at: project.output, to: copy)
        try FileManager.default.removeItem(at: project.output)
        try FileManager.default.moveItem(at: copy, to: project.output)
        try Self.breakTheProject(project)

        #expect(!project.cachedBuild().succeeded)

        #expect(try snapshot(project.output) == previous)
        #expect(Self.besideOutput(project) == [])
    }

    /// A build without the cache (`--no-cache`) updates in place too, comparing bytes.
    @Test func aBuildWithoutTheCacheAlsoUpdatesInPlace() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let folderInode = Self.inode(project.output)
        try project.write("content/briefings/third.md", "---\ntitle: Third\ndate: 2025-01-04\n---\nSomething happened.\n")

        let report = project.build()

        #expect(report.succeeded)
        #expect(Self.inode(project.output) == folderInode)
        #expect(report.changedPaths.count < report.paths.count / 2, "changed: \(report.changedPaths)")
        let clean = try Self.cleanBuild(project)
        defer { try? FileManager.default.removeItem(at: clean.deletingLastPathComponent()) }
        try Self.expectSameSite(project.output, clean)
    }
}
