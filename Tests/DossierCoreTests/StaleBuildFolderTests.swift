import Foundation
import Testing
@testable import DossierCore

/// A build stages the site in `.site.building-<pid>` beside the output and swaps it
/// in; a build that was killed leaves that folder (and, between the two renames of
/// the old swap, `.site.previous-<pid>` with no `site/`). The next build cleans up
/// after dead builds, restores the last good output, and leaves live builds alone.
@Suite struct StaleBuildFolderTests {
    static let files = """
    -- dossier.yml --
    title: Stale
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    ---
    -- content/briefings/a.md --
    ---
    title: A
    date: 2025-01-01
    ---
    Iran.
    """

    func folder(_ project: TestProject, _ name: String) -> URL {
        project.root.appendingPathComponent(name)
    }

    func exists(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0
    }

    func breakTheProject(_ project: TestProject) throws {
        try project.write("content/briefings/b.md", "---\ntitle: B\ndate: never\n---\n")
    }

    @Test func foldersLeftByADeadBuildAreRemoved() throws {
        let project = try TestProject(Self.files)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let dead = try pidOfAFinishedProcess()
        let building = folder(project, ".site.building-\(dead)")
        let previous = folder(project, ".site.previous-\(dead)")
        try FileManager.default.createDirectory(at: building.appendingPathComponent("actors"), withIntermediateDirectories: true)
        try Data("half".utf8).write(to: building.appendingPathComponent("actors/index.html"))
        try FileManager.default.copyItem(at: project.output, to: previous)

        #expect(project.build().succeeded)
        // The swapped-out output is removed in the background once the new site is in place.
        RetiredOutputs.waitUntilRemoved()

        #expect(!exists(building))
        #expect(!exists(previous))
        #expect(entries(under: project.root).filter { $0.hasPrefix(".site.") } == [])
    }

    @Test func theStagingFolderOfALiveBuildIsKept() throws {
        let project = try TestProject(Self.files)
        defer { project.remove() }
        let child = try SleepingChild()
        defer { child.stop() }
        let building = folder(project, ".site.building-\(child.pid)")
        try FileManager.default.createDirectory(at: building, withIntermediateDirectories: true)
        try Data("being written".utf8).write(to: building.appendingPathComponent("index.html"))

        #expect(project.build().succeeded)

        #expect(try String(contentsOf: building.appendingPathComponent("index.html"), encoding: .utf8) == "being written")
    }

    @Test func aBuildKilledBetweenTheTwoRenamesLeavesThePreviousOutputToBeRestored() throws {
        let project = try TestProject(Self.files)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let good = try snapshot(project.output)
        let dead = try pidOfAFinishedProcess()
        // The old swap renamed site/ away, then died before renaming the staging folder in.
        let building = folder(project, ".site.building-\(dead)")
        try FileManager.default.createDirectory(at: building, withIntermediateDirectories: true)
        try Data("unfinished".utf8).write(to: building.appendingPathComponent("index.html"))
        try FileManager.default.moveItem(at: project.output, to: folder(project, ".site.previous-\(dead)"))
        try breakTheProject(project)

        let report = project.build()

        #expect(!report.succeeded)
        #expect(try snapshot(project.output) == good)
        #expect(entries(under: project.root).filter { $0.hasPrefix(".site.") } == [])
    }

    @Test func aFinishedStagingFolderIsTheLastGoodOutputWhenTheOutputIsMissing() throws {
        let project = try TestProject(Self.files)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let older = try snapshot(project.output)
        try project.write("content/briefings/c.md", "---\ntitle: C\ndate: 2025-02-01\n---\nIran again.\n")
        let dead = try pidOfAFinishedProcess()
        // A build that finished rendering, renamed site/ away, and died before renaming its own folder in.
        let building = folder(project, ".site.building-\(dead)")
        #expect(SiteBuilder.build(BuildOptions(root: project.root, output: building)).succeeded)
        let newest = try snapshot(building)
        #expect(newest != older)
        try FileManager.default.moveItem(at: project.output, to: folder(project, ".site.previous-\(dead)"))
        try breakTheProject(project)

        #expect(!project.build().succeeded)

        #expect(try snapshot(project.output) == newest)
        #expect(entries(under: project.root).filter { $0.hasPrefix(".site.") } == [])
    }

    @Test func aGitStrandedInADeadBuildsFolderIsPutBackIntoTheOutput() throws {
        let project = try TestProject(Self.files)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let dead = try pidOfAFinishedProcess()
        let building = folder(project, ".site.building-\(dead)")
        try FileManager.default.createDirectory(at: building.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("ref: refs/heads/gh-pages\n".utf8).write(to: building.appendingPathComponent(".git/HEAD"))

        #expect(project.build().succeeded)

        #expect(try String(contentsOf: project.output.appendingPathComponent(".git/HEAD"), encoding: .utf8) == "ref: refs/heads/gh-pages\n")
        #expect(!exists(building))
    }

    @Test func aStrandedGitIsKeptWhenTheOutputAlreadyHasOne() throws {
        let project = try TestProject(Self.files)
        defer { project.remove() }
        #expect(project.build().succeeded)
        try FileManager.default.createDirectory(at: project.output.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let dead = try pidOfAFinishedProcess()
        let building = folder(project, ".site.building-\(dead)")
        try FileManager.default.createDirectory(at: building.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("ref: refs/heads/gh-pages\n".utf8).write(to: building.appendingPathComponent(".git/HEAD"))

        let report = project.build()

        #expect(report.succeeded)
        #expect(report.diagnostics.lines.contains { $0.contains("warning: left \(building.path) in place") })
        #expect(try String(contentsOf: building.appendingPathComponent(".git/HEAD"), encoding: .utf8) == "ref: refs/heads/gh-pages\n")
    }

    /// Another process watches the output while builds replace it: with one atomic
    /// exchange there is no moment without an output folder.
    @Test func theOutputNeverDisappearsDuringTheSwap() throws {
        let project = try TestProject(Self.files)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let watcher = OutputWatcher(path: project.output.path)
        watcher.start()
        for _ in 0..<40 { #expect(project.build().succeeded) }
        #expect(watcher.stop() == 0)
    }
}

/// Looks at a path as often as it can on a thread of its own (not the test pool's,
/// which builds may be holding) and counts the times it was missing.
final class OutputWatcher: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var stopped = false
    private var missing = 0
    private let finished = DispatchSemaphore(value: 0)

    init(path: String) { self.path = path }

    func start() {
        Thread.detachNewThread { [self] in
            var status = stat()
            var count = 0
            while !isStopped {
                for _ in 0..<1000 where lstat(path, &status) != 0 { count += 1 }
            }
            lock.lock()
            missing = count
            lock.unlock()
            finished.signal()
        }
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Stops watching and returns how many looks found nothing.
    func stop() -> Int {
        lock.lock()
        stopped = true
        lock.unlock()
        finished.wait()
        lock.lock()
        defer { lock.unlock() }
        return missing
    }
}
