import Foundation
import Testing
@testable import DossierCore

/// What `dossier init` and `dossier new` write must pass `check --strict --drafts`
/// as it is, and `new` refuses inputs that would give a broken file.
@Suite struct ScaffoldValidationTests {
    func dossier() throws -> URL {
        try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
    }

    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dossier-scaffold-\(UUID().uuidString)")
    }

    @Test func initNewBriefingAndNewActorCheckCleanWithStrictAndDrafts() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("p").path
        #expect(try run(dossier(), ["init", project]).status == 0)
        #expect(try run(dossier(), ["new", "briefing", "Fresh", "--root", project]).status == 0)
        #expect(try run(dossier(), ["new", "actor", "Qatar", "--kind", "state", "--root", project]).status == 0)
        let check = try run(dossier(), ["check", "--root", project, "--strict", "--drafts"])
        #expect(check.standardError == "")
        #expect(check.status == 0)
        #expect(check.standardOutput == "No problems found.\n")
    }

    @Test(arguments: ["Fresh", "Iran: a \"quoted\" view, #2", "C:\\path\\ & 100% ---", "null", "2025", "@here *now*", "Côte d’Ivoire 🇨🇮", "- [x] not a list",
                      "Line\u{2028}separator"])
    func scaffoldedFilesKeepTheirTitleAndCheckClean(title: String) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Scaffold.initialize(folder, title: title)
        try Scaffold.create(.briefing, title: title, root: folder, date: "2024-02-29")
        try Scaffold.create(.actor, title: title + " Actor", root: folder, date: "2024-02-29", actorKind: .organization)
        let report = SiteBuilder.check(BuildOptions(root: folder, drafts: true, strict: true))
        #expect(report.diagnostics.lines == [])
        let loaded = ProjectLoader.load(root: folder, drafts: true)
        #expect(loaded.config.title == title)
        #expect(loaded.briefings.contains { $0.title == title })
        #expect(loaded.actors.contains { $0.title == title + " Actor" })
    }

    @Test(arguments: ["2025-02-30", "2023-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-1-5", "nonsense", "2025", "2025-02",
                      "2025-02-03T10:00:00Z", "", " 2025-02-03", "２０２５-01-01"])
    func invalidDatesAreRefusedAndWriteNothing(date: String) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Scaffold.initialize(folder, title: "Dates")
        let result = try run(dossier(), ["new", "briefing", "Dated", "--root", folder.path, "--date", date])
        #expect(result.status == 1)
        #expect(result.standardError.contains("invalid date"))
        #expect(result.standardError.contains("YYYY-MM-DD"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("content/briefings/dated.md").path))
    }

    @Test func aLeapDayIsAValidDate() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Scaffold.initialize(folder, title: "Dates")
        let result = try run(dossier(), ["new", "briefing", "Leap", "--root", folder.path, "--date", "2024-02-29"])
        #expect(result.status == 0)
        let text = try String(contentsOf: folder.appendingPathComponent("content/briefings/leap.md"), encoding: .utf8)
        #expect(text.contains("\ndate: 2024-02-29\n"))
    }

    @Test(arguments: ["!!!", "   ", "—", "“”"])
    func aTitleWithoutLettersOrDigitsIsRefusedWithAHint(title: String) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Scaffold.initialize(folder, title: "Titles")
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("content/briefings").path)
        let result = try run(dossier(), ["new", "briefing", title, "--root", folder.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("gives an empty slug"))
        #expect(result.standardError.contains("letters or digits"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("content/briefings").path) == before)
    }

    @Test(arguments: ["Tab\there", "Line\nbreak", "Bell\u{7}", "Delete\u{7F}", "\u{1B}[2JCleared"])
    func titlesWithControlCharactersAreRefused(title: String) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Scaffold.initialize(folder, title: "Titles")
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("content/actors").path)
        let result = try run(dossier(), ["new", "actor", title, "--root", folder.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("contains a control character"))
        #expect(!result.standardError.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("content/actors").path) == before)
        #expect(throws: Scaffold.Failure.self) { try Scaffold.initialize(folder.appendingPathComponent("other"), title: title) }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("other").path))
    }
}
