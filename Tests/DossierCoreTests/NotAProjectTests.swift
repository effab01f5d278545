import Foundation
import Testing
@testable import DossierCore

/// Every command that works on a project refuses a folder that is not one, and
/// leaves it exactly as it was.
@Suite struct NotAProjectTests {
    func dossier() throws -> URL {
        try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
    }

    static let commands: [[String]] = [[], ["build"], ["check"], ["serve", "--port", "0"], ["new", "briefing", "Fresh"]]

    @Test(arguments: commands)
    func everyCommandRefusesAFolderWithoutDossierYml(command: [String]) throws {
        let folder = try makeTemporaryFolder("dossier-not-a-project")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("site"), withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: folder.appendingPathComponent("site/notes.txt"))
        let before = entries(under: folder)

        let result = try run(dossier(), command, in: folder, killingAfter: 10)

        #expect(result.status == 1)
        #expect(result.standardError.contains("error: no dossier.yml in \(folder.path); run 'dossier init DIR' or pass --root"),
                "\(result.standardError)")
        #expect(!result.standardOutput.contains("No problems found"))
        #expect(entries(under: folder) == before)
    }

    @Test(arguments: commands)
    func everyCommandRefusesARootThatDoesNotExist(command: [String]) throws {
        let parent = try makeTemporaryFolder("dossier-missing-root")
        defer { try? FileManager.default.removeItem(at: parent) }
        let missing = parent.appendingPathComponent("nowhere")

        let result = try run(dossier(), command + ["--root", missing.path], in: parent, killingAfter: 10)

        #expect(result.status == 1)
        #expect(result.standardError.contains("error: no dossier.yml in \(missing.path); run 'dossier init DIR' or pass --root"),
                "\(result.standardError)")
        #expect(entries(under: parent) == [])
    }

    @Test func aFolderNamedDossierYmlDoesNotMakeAProject() throws {
        let project = try TestProject("-- dossier.yml --\ntitle: T")
        defer { project.remove() }
        #expect(ProjectRoot.problem(at: project.root) == nil)
        let config = project.root.appendingPathComponent(SiteConfig.fileName)
        try FileManager.default.removeItem(at: config)
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        #expect(ProjectRoot.problem(at: project.root)?.message == "no dossier.yml in \(project.root.path); run 'dossier init DIR' or pass --root")
    }
}
