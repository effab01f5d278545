import Foundation
import Testing
@testable import DossierCore

/// `dossier build --output X` replaces X: it must never be the user's work.
/// Every project here sits in a folder of its own (the "workspace"), so even a
/// build that wrongly replaced the project's parent would stay inside the test's folder.
@Suite struct OutputSafetyTests {
    func dossier() throws -> URL {
        try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
    }

    /// A workspace holding `proj/`, a small valid project with every input folder.
    struct Workspace {
        let folder: URL
        var project: URL { folder.appendingPathComponent("proj") }

        init() throws {
            folder = try makeTemporaryFolder("dossier-output-safety")
            for (path, text) in TestProject.parse(Self.files) {
                let url = folder.appendingPathComponent("proj/" + path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }

        static let files = """
        -- dossier.yml --
        title: Safe
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
        -- templates/assets/logo.svg --
        <svg xmlns="http://www.w3.org/2000/svg"/>
        -- static/robots.txt --
        User-agent: *
        """

        /// Every entry and every file's bytes, to show that nothing changed.
        func state() throws -> ([String], [String: Data]) { (entries(under: folder), try snapshot(folder)) }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test(arguments: [".", "content", "templates", "static", "dossier.yml", "content/site", "templates/assets/site", "static/site", "..", "../proj", "./content/../."])
    func outputThatIsOrHoldsTheProjectOrItsInputsIsRefused(output: String) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let before = try workspace.state()

        let result = try run(dossier(), ["build", "--output", output], in: workspace.project)

        #expect(result.status == 1)
        #expect(result.standardError.contains("error: refusing to build into"), "\(result.standardError)")
        #expect(try workspace.state() == before)
    }

    @Test func outputThatIsTheProjectRootIsRefusedWithTheReason() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try run(dossier(), ["build", "--root", workspace.project.path, "--output", workspace.project.path])
        #expect(result.standardError.contains(
            "error: refusing to build into \(workspace.project.path): it is the project folder, and a build replaces its output folder"))
    }

    @Test func outputReachedThroughASymbolicLinkToTheProjectIsRefused() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try FileManager.default.createSymbolicLink(at: workspace.folder.appendingPathComponent("link"), withDestinationURL: workspace.project)
        let before = try workspace.state()

        let result = try run(dossier(), ["build", "--output", "../link"], in: workspace.project)

        #expect(result.status == 1)
        #expect(result.standardError.contains("it is the project folder"), "\(result.standardError)")
        #expect(try workspace.state() == before)
    }

    @Test func outputThatIsAnExistingFileIsRefused() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try Data("keep me\n".utf8).write(to: workspace.folder.appendingPathComponent("notes.txt"))
        let before = try workspace.state()

        let result = try run(dossier(), ["build", "--output", "../notes.txt"], in: workspace.project)

        #expect(result.status == 1)
        #expect(result.standardError.contains("it is a file, not a folder"), "\(result.standardError)")
        #expect(try workspace.state() == before)
    }

    @Test func aForeignFolderIsReplacedOnlyWithTheFlagThatAllowsIt() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let foreign = workspace.folder.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: foreign.appendingPathComponent("keep.txt"))
        let before = try workspace.state()

        let refused = try run(dossier(), ["build", "--output", "../public"], in: workspace.project)

        #expect(refused.status == 1)
        #expect(refused.standardError.contains("was not written by Dossier"), "\(refused.standardError)")
        #expect(refused.standardError.contains("--replace-foreign-output"))
        #expect(try workspace.state() == before)

        let replaced = try run(dossier(), ["build", "--output", "../public", "--replace-foreign-output"], in: workspace.project)

        #expect(replaced.status == 0, "\(replaced.standardError)")
        #expect(!FileManager.default.fileExists(atPath: foreign.appendingPathComponent("keep.txt").path))
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("index.html").path))
    }

    @Test func everyBuildLeavesAMarkerSoTheNextBuildMayReplaceItsOutput() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let output = workspace.folder.appendingPathComponent("public")

        let first = try run(dossier(), ["build", "--output", "../public"], in: workspace.project)
        #expect(first.status == 0, "\(first.standardError)")
        let marker = try String(contentsOf: output.appendingPathComponent(".dossier-site"), encoding: .utf8)
        #expect(marker == "written by dossier; this folder is replaced on every build\n")
        let built = try snapshot(output)

        let second = try run(dossier(), ["build", "--output", "../public"], in: workspace.project)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(try snapshot(output) == built)
    }

    @Test func anEmptyFolderIsReplaced() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let output = workspace.folder.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)

        let result = try run(dossier(), ["build", "--output", output.path], in: workspace.project)

        #expect(result.status == 0, "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    /// A gh-pages worktree has a `.git` file; a clone has a `.git` folder.
    @Test(arguments: [true, false])
    func aGitInsideTheOutputSurvivesEveryBuild(gitIsAFile: Bool) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let output = workspace.folder.appendingPathComponent("gh-pages")
        let git = output.appendingPathComponent(".git")
        if gitIsAFile {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try Data("gitdir: /elsewhere/.git/worktrees/gh-pages\n".utf8).write(to: git)
        } else {
            try FileManager.default.createDirectory(at: git.appendingPathComponent("refs"), withIntermediateDirectories: true)
            try Data("ref: refs/heads/gh-pages\n".utf8).write(to: git.appendingPathComponent("HEAD"))
        }
        let gitBefore = try snapshot(git.deletingLastPathComponent()).filter { $0.key.hasPrefix(".git") }

        for _ in 0..<2 {
            let result = try run(dossier(), ["build", "--output", output.path], in: workspace.project)
            #expect(result.status == 0, "\(result.standardError)")
            #expect(try snapshot(output).filter { $0.key.hasPrefix(".git") } == gitBefore)
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        }
        try Data("left by hand\n".utf8).write(to: output.appendingPathComponent("stray.txt"))
        try FileManager.default.removeItem(at: output.appendingPathComponent(".dossier-site"))
        let forced = try run(dossier(), ["build", "--output", output.path, "--replace-foreign-output"], in: workspace.project)
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(try snapshot(output).filter { $0.key.hasPrefix(".git") } == gitBefore)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("stray.txt").path))
    }
}
