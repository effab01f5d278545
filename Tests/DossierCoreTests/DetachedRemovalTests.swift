import Foundation
import Testing
@testable import DossierCore

/// `dossier build` does not wait for the previous output's removal: the folder goes
/// to the cache's trash and a detached process removes it there.
@Suite struct DetachedRemovalTests {
    static let projectText = """
    -- dossier.yml --
    title: Removal test
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
    """

    /// Waits up to 20 s for `condition`, as the removal runs in another process.
    static func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    static func leftovers(beside output: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? []
        return names.filter { BuildFolderName($0, beside: output) != nil }
    }

    @Test func aSecondBuildLeavesNothingBesideTheOutputAndEmptiesTheTrash() throws {
        let dossier = try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        for _ in 0..<2 {
            #expect(try run(dossier, ["build", "--root", project.root.path]).status == 0)
            #expect(Self.leftovers(beside: project.output).isEmpty)
        }
        #expect(try project.read("briefings/first/index.html").contains("Aldoria"))
        let trash = try #require(BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root)).trashFolder)
        #expect(Self.eventually { ((try? FileManager.default.contentsOfDirectory(atPath: trash.path)) ?? []).isEmpty })
    }

    @Test func withoutACacheFolderTheBuildRemovesThePreviousOutputItself() throws {
        let dossier = try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        for _ in 0..<2 {
            #expect(try run(dossier, ["build", "--root", project.root.path, "--no-cache"]).status == 0)
            #expect(Self.leftovers(beside: project.output).isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent(".dossier").path))
    }

    /// A trash entry whose owner died with its removal unfinished is removed by a
    /// later build; one still owned by a live process, or renamed there moments ago, is not.
    @Test func anAbandonedTrashEntryIsSweptAway() throws {
        let trash = try makeTemporaryFolder("dossier-trash")
        defer { try? FileManager.default.removeItem(at: trash) }
        let dead = Int32(2_000_000_000)
        #expect(!ProcessLiveness.isRunning(dead))
        let abandoned = trash.appendingPathComponent("\(dead)-1")
        try FileManager.default.createDirectory(at: abandoned.appendingPathComponent("briefings/a"), withIntermediateDirectories: true)
        let live = trash.appendingPathComponent("\(getpid())-2")
        try FileManager.default.createDirectory(at: live, withIntermediateDirectories: true)
        RetiredOutputs.sweep(trash)
        #expect(FileManager.default.fileExists(atPath: abandoned.path), "renamed there moments ago: its removal may still run")
        RetiredOutputs.sweep(trash, olderThan: -1)
        #expect(Self.eventually { !FileManager.default.fileExists(atPath: abandoned.path) })
        #expect(FileManager.default.fileExists(atPath: live.path))
    }
}
