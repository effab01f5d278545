import Foundation
import Testing

/// Runs the real `dossier` executable, as a user would.
@Suite struct CommandLineTests {
    func dossier() throws -> URL {
        try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
    }

    @Test func checkReportsEveryProblemOfABrokenProjectInOrder() throws {
        let project = TestPaths.fixtures.appendingPathComponent("broken-project")
        // Run from the project, as the expected output names files from there.
        let result = try run(dossier(), ["check", "--root", project.path], in: project)
        let expected = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("broken-project.expected"), encoding: .utf8)
        #expect(result.status == 1)
        #expect(result.standardError == expected)
    }

    @Test func githubFormatAnnotatesFiles() throws {
        let project = TestPaths.fixtures.appendingPathComponent("broken-project")
        let result = try run(dossier(), ["check", "--root", project.path, "--format", "github"], in: project)
        #expect(result.standardError.contains("::error file=content/briefings/empty.md,line=1,col=1::file is empty\n"))
    }

    @Test func aCleanProjectChecksClean() throws {
        let project = TestPaths.fixtures.appendingPathComponent("small-project")
        let result = try run(dossier(), ["check", "--root", project.path, "--strict"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "No problems found.\n")
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: Strict
        -- content/pages/untitled.md --
        Text.
        """)
        defer { project.remove() }
        #expect(try run(dossier(), ["check", "--root", project.root.path]).status == 0)
        #expect(try run(dossier(), ["check", "--root", project.root.path, "--strict"]).status == 1)
        #expect(try run(dossier(), ["build", "--root", project.root.path, "--strict"]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: project.output.path))
    }

    @Test func helpAndVersion() throws {
        let help = try run(dossier(), ["--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("SUBCOMMANDS:"))
        #expect(help.standardOutput.contains("build (default)"))
        let version = try run(dossier(), ["--version"])
        #expect(version.standardOutput.hasPrefix("0."))
    }

    @Test func aFailingBuildLeavesThePreviousOutputUntouched() throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: Atomic
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
        """)
        defer { project.remove() }
        #expect(try run(dossier(), ["build", "--root", project.root.path]).status == 0)
        let before = try snapshot(project.output)
        try project.write("content/briefings/b.md", "---\ntitle: B\ndate: never\n---\n")
        let failed = try run(dossier(), ["build", "--root", project.root.path])
        #expect(failed.status == 1)
        #expect(failed.standardError.contains("content/briefings/b.md:3:7: error: invalid date 'never'"))
        #expect(try snapshot(project.output) == before)
    }
}

/// Every file of a folder and its contents.
func snapshot(_ folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let relative = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let url = folder.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[relative] = try Data(contentsOf: url)
        }
    }
    return result
}
