import Foundation
import Testing
@testable import DossierCore

/// CI builds pull requests: a symbolic link committed into content/ or templates/
/// must not be able to publish a file from elsewhere on the machine.
@Suite struct SymlinkContainmentTests {
    static let files = """
    -- dossier.yml --
    title: Links
    -- content/briefings/ok.md --
    ---
    title: Ok
    date: 2025-01-01
    ---
    Fine.
    """

    /// Outside the project: one file and one folder of valid-looking inputs, each
    /// containing a secret that must never reach the site.
    struct Outside {
        static let secret = "SECRET-4f1c"
        let folder: URL

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-outside-\(UUID().uuidString)")
            let briefing = "---\ntitle: \(Self.secret)\ndate: 2025-01-01\n---\n\(Self.secret)\n"
            let files = [
                "secret": briefing,
                "tree/secret.md": briefing,
                "tree/briefings/secret.md": briefing,
                "tree/secret.mustache": Self.secret,
                "tree/partials/footer.mustache": Self.secret,
                "tree/assets/secret.txt": Self.secret,
            ]
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }

        var file: URL { folder.appendingPathComponent("secret") }
        var tree: URL { folder.appendingPathComponent("tree") }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// Replaces whatever is at `path` in the project with a symbolic link to `destination`.
    func link(_ path: String, in project: TestProject, to destination: String) throws {
        let url = project.root.appendingPathComponent(path)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    func expectRefused(_ link: String, _ report: BuildReport, project: TestProject, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(!report.succeeded, sourceLocation: sourceLocation)
        let refusals = report.diagnostics.filter { $0.location.path == link && $0.message.contains("outside the project") }
        #expect(refusals.count == 1, "\(report.diagnostics.lines)", sourceLocation: sourceLocation)
        #expect(refusals.first?.severity == .error, sourceLocation: sourceLocation)
        #expect(refusals.first?.message.contains(Outside.secret) == false, sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: project.output.path), sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        "templates/assets/x",
        "templates/partials/footer.mustache",
        "content/briefings/leak.md",
        "content/actors/leak.md",
        "content/pages/leak.md",
        "dossier.yml",
    ])
    func aFileLinkedOutsideTheProjectIsRefused(_ path: String) throws {
        let project = try TestProject(Self.files)
        let outside = try Outside()
        defer { project.remove(); outside.remove() }
        try link(path, in: project, to: outside.file.path)
        let report = project.build()
        try expectRefused(path, report, project: project)
        let message = try #require(report.diagnostics.first { $0.location.path == path }?.message)
        #expect(message.contains("/" + outside.folder.lastPathComponent + "/secret"), "says where the link points: \(message)")
    }

    @Test(arguments: ["content", "content/briefings", "templates", "templates/assets", "templates/partials"])
    func aFolderLinkedOutsideTheProjectIsRefused(_ path: String) throws {
        let project = try TestProject(Self.files)
        let outside = try Outside()
        defer { project.remove(); outside.remove() }
        try link(path, in: project, to: outside.tree.path)
        try expectRefused(path, project.build(), project: project)
    }

    @Test func aRelativeLinkClimbingOutOfTheProjectIsRefused() throws {
        let project = try TestProject(Self.files)
        let outside = try Outside()
        defer { project.remove(); outside.remove() }
        let climb = String(repeating: "../", count: 3) + outside.folder.lastPathComponent + "/secret"
        try link("content/briefings/climb.md", in: project, to: climb)
        try expectRefused("content/briefings/climb.md", project.build(), project: project)
    }

    @Test func linksThatStayInsideTheProjectAreFollowed() throws {
        let project = try TestProject(Self.files + """

        -- shared/alias.md --
        ---
        title: Shared
        date: 2025-01-02
        ---
        Shared text.
        -- shared/logo.txt --
        logo
        -- shared/footer.mustache --
        <footer>shared footer</footer>
        """)
        defer { project.remove() }
        try link("content/briefings/alias.md", in: project, to: "../../shared/alias.md")
        try link("templates/assets/logo.txt", in: project, to: project.root.appendingPathComponent("shared/logo.txt").path)
        try link("templates/partials/footer.mustache", in: project, to: "../../shared/footer.mustache")
        let report = project.build()
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        #expect(try project.read("briefings/alias/index.html").contains("Shared text."))
        #expect(try project.read("assets/logo.txt") == "logo\n")
        #expect(try project.read("index.html").contains("<footer>shared footer</footer>"))
    }

    @Test func aProjectReachedThroughALinkBuildsNormally() throws {
        let project = try TestProject(Self.files)
        let outside = try Outside()
        defer { project.remove(); outside.remove() }
        let linkedRoot = outside.folder.appendingPathComponent("project")
        try FileManager.default.createSymbolicLink(atPath: linkedRoot.path, withDestinationPath: project.root.path)
        try link("content/briefings/alias.md", in: project, to: "ok.md")
        let report = SiteBuilder.build(BuildOptions(root: linkedRoot))
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        #expect(try project.read("briefings/ok/index.html").contains("Fine."))
    }
}
