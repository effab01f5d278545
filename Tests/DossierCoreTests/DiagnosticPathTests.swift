import Foundation
import Testing
@testable import DossierCore

/// Diagnostics name files from the current folder, so that `--format github`
/// annotations land on the right file when the project is a subfolder of the
/// repository.
@Suite struct DiagnosticPathTests {
    func dossier() throws -> URL {
        try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
    }

    @Test(arguments: [
        ("/repo", "/repo", ""), ("/repo/sub", "/repo", "sub/"), ("/repo/a/b", "/repo", "a/b/"), ("/repo/sub", "/", "repo/sub/"),
        ("/elsewhere/p", "/repo", "/elsewhere/p/"), ("/repository", "/repo", "/repository/"), ("/repo/sub/../x", "/repo", "x/"),
    ])
    func prefixes(root: String, current: String, prefix: String) {
        #expect(DiagnosticPaths.prefix(projectRoot: URL(fileURLWithPath: root), currentFolder: URL(fileURLWithPath: current)) == prefix)
    }

    @Test func onlyProjectPathsMove() {
        let diagnostics: [Diagnostic] = [
            .error("e", at: SourceLocation(path: "content/briefings/a.md", line: 3, column: 7)),
            .error("e", at: SourceLocation(path: "dossier.yml")),
            .error("e", at: SourceLocation(path: "--base-url")),
            .error("e", at: SourceLocation(path: "/tmp/out")),
            .error("e", at: SourceLocation(path: "(built-in theme)/templates/layout.mustache")),
        ]
        let moved = DiagnosticPaths.relativeToCurrentFolder(diagnostics, projectRoot: URL(fileURLWithPath: "/repo/desk"),
                                                            currentFolder: URL(fileURLWithPath: "/repo"))
        #expect(moved.map(\.location.path) == ["desk/content/briefings/a.md", "desk/dossier.yml", "--base-url", "/tmp/out",
                                                "(built-in theme)/templates/layout.mustache"])
        #expect(moved.map(\.location.line) == [3, 1, 1, 1, 1])
    }

    @Test func checkFromTheRepositoryNamesFilesInsideTheSubfolder() throws {
        let repository = try TestProject("""
        -- desk/dossier.yml --
        title: Desk
        -- desk/content/briefings/bad.md --
        ---
        title: Bad
        date: never
        ---
        Text.
        """)
        defer { repository.remove() }
        let text = try run(dossier(), ["check", "--root", "desk"], in: repository.root)
        #expect(text.standardError.hasPrefix("desk/content/briefings/bad.md:3:7: error: invalid date 'never'"))
        let github = try run(dossier(), ["check", "--root", "desk", "--format", "github"], in: repository.root)
        #expect(github.standardError.hasPrefix("::error file=desk/content/briefings/bad.md,line=3,col=7::invalid date 'never'"))
        let build = try run(dossier(), ["build", "--root", "./desk/"], in: repository.root)
        #expect(build.standardError.hasPrefix("desk/content/briefings/bad.md:3:7: error:"))
        let inside = try run(dossier(), ["check"], in: repository.root.appendingPathComponent("desk"))
        #expect(inside.standardError.hasPrefix("content/briefings/bad.md:3:7: error:"))
        let fromContent = try run(dossier(), ["check", "--root", ".."], in: repository.root.appendingPathComponent("desk/content"))
        #expect(fromContent.standardError.hasPrefix(repository.root.appendingPathComponent("desk").path + "/content/briefings/bad.md:3:7: error:"))
    }

    @Test func notAProjectIsReportedWhereTheUserLooks() throws {
        let folder = try TestProject("-- desk/content/x.md --\ntext")
        defer { folder.remove() }
        let result = try run(dossier(), ["check", "--root", "desk"], in: folder.root)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("desk/dossier.yml:1:1: error:"))
    }
}
