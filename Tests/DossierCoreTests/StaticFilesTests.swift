import Foundation
import Testing
@testable import DossierCore

/// Files under static/ reach the site's root as they are, and never replace a
/// generated file without an error at the static file.
@Suite struct StaticFilesTests {
    static let project = """
    -- dossier.yml --
    title: Static
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

    /// Every byte value, so a copy that decodes or re-encodes text cannot pass.
    static let binary = Data((0...255).map { UInt8($0) } + [0xFF, 0xFE, 0x00, 0x0D, 0x0A])

    @Test func staticFilesAreCopiedToTheSiteRootByteForByte() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        let files: [String: Data] = [
            "static/CNAME": Data("briefings.example.net\n".utf8),
            "static/robots.txt": Data("User-agent: *\r\nDisallow:\r\n".utf8),
            "static/favicon.ico": Self.binary,
            "static/.nojekyll": Data(),
            "static/.well-known/security.txt": Data("Contact: mailto:desk@example.net\n".utf8),
            "static/downloads/Annual report 2024 – été.pdf": Self.binary,
            "static/actors/iran/portrait.jpg": Self.binary,
        ]
        for (path, data) in files { try project.write(path, data) }
        let report = project.build()
        #expect(report.diagnostics.lines == [])
        for (path, data) in files {
            let published = String(path.dropFirst("static/".count))
            #expect(FileManager.default.contents(atPath: project.output.appendingPathComponent(published).path) == data, "\(published)")
            #expect(report.paths.contains(published))
        }
        // Beside the generated page of the same folder, not instead of it.
        #expect(try project.read("actors/iran/index.html").contains("<h1"))
    }

    @Test func twoBuildsWithStaticFilesAreByteIdentical() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        try project.write("static/robots.txt", "User-agent: *\n")
        try project.write("static/downloads/b.bin", Self.binary)
        #expect(project.build().succeeded)
        let first = try snapshot(project.output)
        #expect(project.build().succeeded)
        #expect(try snapshot(project.output) == first)
    }

    @Test func aStaticFileThatWouldReplaceAGeneratedFileIsAnErrorAtTheStaticFile() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let before = try snapshot(project.output)
        for path in ["static/sitemap.xml", "static/index.html", "static/assets/dossier.css", "static/actors", "static/feed.xml/x.txt", "static/.dossier-site"] {
            try project.write(path, "mine\n")
        }
        let report = project.build()
        #expect(report.diagnostics.lines == [
            "static/.dossier-site:1:1: error: static file '.dossier-site' has the name of the file Dossier leaves in every site it builds, to recognise the folder as its own; rename it",
            "static/actors:1:1: error: static file 'actors' has the name of a folder the site needs for generated files (actors/index.html); rename it",
            "static/assets/dossier.css:1:1: error: static file would overwrite the theme asset 'assets/dossier.css'; rename or remove it (to replace a theme asset, put your version in templates/assets/)",
            "static/feed.xml/x.txt:1:1: error: static file needs a folder named 'feed.xml', but that is the generated file 'feed.xml'; rename static/feed.xml/",
            "static/index.html:1:1: error: static file would overwrite the generated page 'index.html'; rename or remove it (to change a page, override its template in templates/)",
            "static/sitemap.xml:1:1: error: static file would overwrite the generated file 'sitemap.xml'; rename or remove it",
        ])
        #expect(try snapshot(project.output) == before)
    }

    @Test func checkReportsCollisionsAsBuildDoes() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        try project.write("static/404.html", "<p>Mine</p>\n")
        let report = SiteBuilder.check(BuildOptions(root: project.root))
        #expect(report.diagnostics.lines == [
            "static/404.html:1:1: error: static file would overwrite the generated page '404.html'; rename or remove it (to change a page, override its template in templates/)",
        ])
        #expect(!FileManager.default.fileExists(atPath: project.output.path))
    }

    @Test func aNameWithAControlCharacterIsRefusedAtTheFile() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        try project.write("static/bad\nname.txt", "x")
        try project.write("static/\u{202E}fdp.exe", "x")
        let report = project.build()
        #expect(report.diagnostics.lines == [
            #"static/bad\nname.txt:1:1: error: file name 'bad\nname.txt' has a control or invisible formatting character; rename the file"#,
            #"static/\u{202E}fdp.exe:1:1: error: file name '\u{202E}fdp.exe' has a control or invisible formatting character; rename the file"#,
        ])
        #expect(!FileManager.default.fileExists(atPath: project.output.path))
    }

    @Test(arguments: [
        ("robots.txt", true), ("downloads/Annual report 2024.pdf", true), (".well-known/security.txt", true), ("rapport-été.pdf", true),
        ("a/../b", false), ("./a", false), ("/etc/passwd", false), ("a//b", false), ("", false), ("tab\there", false), ("\u{2028}", false),
    ])
    func staticNamesThatAreSafeToWrite(path: String, safe: Bool) {
        #expect(OutputFile.isSafeCopy(path) == safe)
    }

    @Test func aLinkLeavingTheProjectIsRefusedAndItsTargetNeverPublished() throws {
        let project = try TestProject(Self.project)
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-static-outside-\(UUID().uuidString)")
        defer {
            project.remove()
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("SECRET-static".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try project.write("static/ok.txt", "ok")
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("static/leak.txt").path,
                                                   withDestinationPath: outside.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("static/tree").path, withDestinationPath: outside.path)
        let report = project.build()
        #expect(!report.succeeded)
        let refused = report.diagnostics.filter { $0.message.contains("symbolic link leads outside the project") }.map(\.location.path)
        #expect(refused == ["static/leak.txt", "static/tree"])
        let check = SiteBuilder.check(BuildOptions(root: project.root))
        #expect(check.diagnostics == report.diagnostics)
    }

    @Test func aLinkInsideTheProjectIsFollowedToItsFileButNotIntoAFolder() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        try project.write("shared/logo.svg", "<svg/>")
        try project.write("shared/docs/a.txt", "a")
        try FileManager.default.createDirectory(at: project.root.appendingPathComponent("static"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("static/logo.svg").path, withDestinationPath: "../shared/logo.svg")
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("static/docs").path, withDestinationPath: "../shared/docs")
        let report = project.build()
        #expect(report.diagnostics.lines == [
            "static/docs:1:1: warning: symbolic link to a folder: not followed, so nothing under it is published; copy the folder here, or link its files one by one",
        ])
        #expect(try project.read("logo.svg") == "<svg/>")
        // A real file, not a link: the published site must not depend on the project.
        let attributes = try FileManager.default.attributesOfItem(atPath: project.output.appendingPathComponent("logo.svg").path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(!FileManager.default.fileExists(atPath: project.output.appendingPathComponent("docs").path))
    }

    @Test func aPipeIsLeftOutWithAWarningInsteadOfBlockingTheBuild() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        try project.write("static/robots.txt", "User-agent: *\n")
        #expect(mkfifo(project.root.appendingPathComponent("static/pipe").path, 0o644) == 0)
        let report = project.build()
        #expect(report.diagnostics.lines == ["static/pipe:1:1: warning: not a regular file (a pipe, socket or device): left out"])
        #expect(try project.read("robots.txt") == "User-agent: *\n")
    }

    @Test func staticThatIsAFileIsAnError() throws {
        let project = try TestProject(Self.project + "\n-- static --\nnot a folder")
        defer { project.remove() }
        #expect(project.build().diagnostics.lines == ["static:1:1: error: 'static' must be a folder: its files are copied to the site's root"])
    }

    @Test func collisionsAreFoundFromThePathsAlone() {
        let files = ["a.txt", "docs/index.html", "docs", "x/y/z.txt"].map { StaticFile(path: $0, source: URL(fileURLWithPath: "/unused/" + $0)) }
        let (accepted, diagnostics) = StaticFileCopier.check(files, generated: ["docs/index.html", "x/y", "b.txt"])
        #expect(accepted.map(\.path) == ["a.txt"])
        #expect(diagnostics.map(\.location.path) == ["static/docs/index.html", "static/docs", "static/x/y/z.txt"])
    }
}
