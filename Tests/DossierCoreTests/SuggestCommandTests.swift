import Foundation
import Testing
@testable import DossierCore

/// `dossier suggest` and the note at the end of `dossier check`, run as a user would.
@Suite struct SuggestCommandTests {
    func dossier() throws -> URL {
        try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
    }

    static let project = """
    -- dossier.yml --
    title: Suggest
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    ---
    -- content/briefings/a.md --
    ---
    title: A
    date: 2025-01-02
    ---
    Iran talked to Oman in Vienna.
    Later Oman and Iran met in Vienna.
    -- content/briefings/b.md --
    ---
    title: B
    date: 2025-01-01
    ---
    Iran and Oman again.
    """

    struct Output: Decodable {
        struct Suggestion: Decodable {
            struct Example: Decodable { var path: String; var line: Int; var column: Int; var context: String }
            var name: String
            var occurrences: Int
            var documents: Int
            var example: Example
            var alias_of: String?
        }
        var version: Int
        var total: Int
        var suggestions: [Suggestion]
    }

    @Test func listsNamesWithTheirFirstOccurrenceAsText() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        let result = try run(dossier(), ["suggest", "--root", project.root.path])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.standardOutput == """
        Oman  (3 mentions in 2 documents)
            content/briefings/a.md:5:16: Iran talked to Oman in Vienna. Later Oman and Iran met in Vienna.
        Vienna  (2 mentions in 1 document)
            content/briefings/a.md:5:24: Iran talked to Oman in Vienna. Later Oman and Iran met in Vienna.

        2 names.
        Give one a page with: dossier new actor "NAME" (or add it to an actor's aliases).

        """)
    }

    @Test func jsonCarriesTheSameAndLimitCutsTheList() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        let result = try run(dossier(), ["suggest", "--root", project.root.path, "--format", "json", "--limit", "1"])
        #expect(result.status == 0)
        let output = try JSONDecoder().decode(Output.self, from: Data(result.standardOutput.utf8))
        #expect(output.version == 1)
        #expect(output.total == 2)
        #expect(output.suggestions.map(\.name) == ["Oman"])
        let oman = try #require(output.suggestions.first)
        #expect((oman.occurrences, oman.documents) == (3, 2))
        #expect((oman.example.path, oman.example.line, oman.example.column) == ("content/briefings/a.md", 5, 16))
        #expect(oman.alias_of == nil)

        let text = try run(dossier(), ["suggest", "--root", project.root.path, "--limit", "1"])
        #expect(text.standardOutput.contains("1 of 2 names shown; --limit 0 shows all.\n"))
        let rare = try run(dossier(), ["suggest", "--root", project.root.path, "--min-count", "3", "--format", "json"])
        #expect(try JSONDecoder().decode(Output.self, from: Data(rare.standardOutput.utf8)).suggestions.map(\.name) == ["Oman"])
    }

    @Test func refusesBadOptionsAndFoldersThatAreNoProject() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        let negative = try run(dossier(), ["suggest", "--root", project.root.path, "--limit=-1"])
        #expect(negative.status == 64)
        #expect(negative.standardError.contains("--limit must be 0 (all) or more"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-suggest-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(dossier(), ["suggest", "--root", folder.path]).status == 1)
    }

    @Test func aProjectWithErrorsStillListsButExitsOne() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        try project.write("content/briefings/c.md", "---\ntitle: C\ndate: never\n---\nText.\n")
        let result = try run(dossier(), ["suggest", "--root", project.root.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("content/briefings/c.md:3:7: error: invalid date 'never'"))
        #expect(result.standardOutput.hasPrefix("Oman  (3 mentions in 2 documents)\n"))
    }

    /// Issue 14: suggestions on the example project in this repository. Its content
    /// changes with the project, so the test checks what must hold for any content.
    @Test func suggestionsOnTheExampleProjectPointAtTheirNames() throws {
        let result = try run(dossier(), ["suggest", "--root", TestPaths.packageRoot.path, "--format", "json", "--limit", "0"])
        #expect(result.status == 0)
        let output = try JSONDecoder().decode(Output.self, from: Data(result.standardOutput.utf8))
        #expect(!output.suggestions.isEmpty)
        #expect(output.total == output.suggestions.count)
        let loaded = ProjectLoader.load(root: TestPaths.packageRoot)
        let owned = Set(loaded.actors.flatMap { [$0.title] + $0.aliases.map(\.value) }.map { $0.lowercased() })
        for suggestion in output.suggestions {
            #expect(!owned.contains(suggestion.name.lowercased()), "\(suggestion.name) is an actor's name")
            #expect(suggestion.occurrences >= 2 && suggestion.documents >= 1)
            let file = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(suggestion.example.path), encoding: .utf8)
            let line = file.split(separator: "\n", omittingEmptySubsequences: false)[suggestion.example.line - 1]
            let atColumn = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(suggestion.example.column - 1)))
            #expect(atColumn.hasPrefix(suggestion.name.split(separator: " ").first ?? ""), "\(suggestion.example.path):\(suggestion.example.line)")
            #expect(suggestion.example.context.contains(suggestion.name.split(separator: " ").first ?? ""))
        }
        let scores = output.suggestions.map { $0.occurrences + $0.documents }
        #expect(scores == scores.sorted(by: >))
    }

    @Test func checkEndsWithANoteThatNeverFailsTheRun() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        let text = try run(dossier(), ["check", "--root", project.root.path, "--strict"])
        #expect(text.status == 0)
        #expect(text.standardOutput == "No problems found.\n")
        #expect(text.standardError == "note: 2 recurring names have no actor; run `dossier suggest` to list them\n")

        let github = try run(dossier(), ["check", "--root", project.root.path, "--strict", "--format", "github"])
        #expect(github.status == 0)
        #expect(github.standardError == "::notice title=dossier suggest::2 recurring names have no actor; run `dossier suggest` to list them\n")

        // After warnings the note follows the summary; --strict fails for the warning, not for the note.
        try project.write("content/pages/untitled.md", "Text.\n")
        let warned = try run(dossier(), ["check", "--root", project.root.path, "--strict"])
        #expect(warned.status == 1)
        #expect(warned.standardError.hasSuffix("0 errors, 1 warning\nnote: 2 recurring names have no actor; run `dossier suggest` to list them\n"))
    }

    @Test func checkSaysNothingMoreWhenThereAreErrorsOrNoRecurringNames() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        try project.write("content/briefings/c.md", "---\ntitle: C\ndate: never\n---\nText.\n")
        let broken = try run(dossier(), ["check", "--root", project.root.path])
        #expect(broken.status == 1)
        #expect(!broken.standardError.contains("note:"))

        let clean = try TestProject("""
        -- dossier.yml --
        title: Clean
        -- content/actors/oman.md --
        ---
        title: Oman
        kind: state
        ---
        -- content/briefings/a.md --
        ---
        title: A
        date: 2025-01-01
        ---
        Oman and Oman.
        """)
        defer { clean.remove() }
        let quiet = try run(dossier(), ["check", "--root", clean.root.path, "--strict"])
        #expect(quiet.status == 0)
        #expect(quiet.standardError == "")
    }
}
