import Foundation
import Testing
@testable import DossierCore

/// An image beside a document, or in the folder named after it, is published in the
/// page's folder and the link rewritten; a missing image is an error at its position;
/// symbolic links leaving the project are refused.
@Suite struct ImageTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])

    func project(_ body: String, extraFiles: String = "") throws -> TestProject {
        let project = try TestProject("""
        -- dossier.yml --
        title: Images
        base_url: https://example.org/desk/
        -- content/briefings/doha-strike.md --
        ---
        title: Doha strike
        date: 2025-09-10
        ---
        \(body)
        \(extraFiles)
        """)
        return project
    }

    @Test(arguments: [URLStyle.disk, .pretty])
    func imagesBesideAndInTheDocumentsFolderArePublishedBesideItsPage(style: URLStyle) throws {
        let project = try project("""
        ![Map](map.png) ![Also the map](doha-strike/map.png) ![Beside](beside.jpg)
        ![Nested](doha-strike/photos/one.webp) ![In a folder beside](img/chart.svg) ![Spaced](Doha%20map.png)
        """)
        defer { project.remove() }
        for path in ["content/briefings/doha-strike/map.png", "content/briefings/beside.jpg", "content/briefings/doha-strike/photos/one.webp",
                     "content/briefings/img/chart.svg", "content/briefings/Doha map.png"] {
            try project.write(path, Self.png)
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-images-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = SiteBuilder.build(BuildOptions(root: project.root, output: output, urlStyle: style))
        #expect(report.diagnostics.lines == [])
        let page = try String(contentsOf: output.appendingPathComponent("briefings/doha-strike/index.html"), encoding: .utf8)
        #expect(page.contains(#"<img src="../../briefings/doha-strike/map.png" alt="Map" />"#))
        #expect(page.contains(#"<img src="../../briefings/doha-strike/map.png" alt="Also the map" />"#))
        #expect(page.contains(#"<img src="../../briefings/doha-strike/beside.jpg" alt="Beside" />"#))
        #expect(page.contains(#"<img src="../../briefings/doha-strike/photos/one.webp" alt="Nested" />"#))
        #expect(page.contains(#"<img src="../../briefings/doha-strike/img/chart.svg" alt="In a folder beside" />"#))
        #expect(page.contains(#"<img src="../../briefings/doha-strike/Doha%20map.png" alt="Spaced" />"#))
        for path in ["map.png", "beside.jpg", "photos/one.webp", "img/chart.svg", "Doha map.png"] {
            #expect(try Data(contentsOf: output.appendingPathComponent("briefings/doha-strike/" + path)) == Self.png, "\(path)")
        }
        #expect(report.paths.contains("briefings/doha-strike/map.png"))
        let feed = try String(contentsOf: output.appendingPathComponent("feed.xml"), encoding: .utf8)
        #expect(feed.contains("src=&quot;https://example.org/desk/briefings/doha-strike/map.png&quot;"))
        let broken = try LinkChecker.brokenLinks(in: output).filter { !$0.contains("%20") }
        #expect(broken == [])
    }

    @Test func aMissingOrForbiddenImageIsAnErrorAtItsPosition() throws {
        let project = try project("""
        Text ![Gone](gone.png) and
        ![Notes](notes.txt) ![Out](../../../up.png) ![Far](https://example.org/remote.png) ![Static](../../static/logo.png)
        """)
        defer { project.remove() }
        try project.write("content/briefings/notes.txt", "not an image")
        try project.write("static/logo.png", Self.png)
        let report = project.build()
        #expect(report.diagnostics.lines == [
            "content/briefings/doha-strike.md:5:6: error: image 'gone.png' not found: no content/briefings/gone.png or content/briefings/doha-strike/gone.png",
            "content/briefings/doha-strike.md:6:1: error: 'notes.txt' is not an image the site publishes: use one of apng, avif, bmp, gif, ico, jpeg, jpg, png, svg, webp",
            "content/briefings/doha-strike.md:6:21: error: image '../../../up.png' is outside the project",
            "content/briefings/doha-strike.md:6:84: error: image '../../static/logo.png' is static/logo.png, outside content/: images are published from content/ only; put it beside the document or in content/briefings/doha-strike/",
        ])
        #expect(!FileManager.default.fileExists(atPath: project.output.path))
    }

    @Test func anImageBehindALinkLeavingTheProjectIsRefusedOnceAtTheLink() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-outside-\(UUID().uuidString).png")
        try Self.png.write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        let project = try project("![Secret](secret.png) ![Inside](inside.png)")
        defer { project.remove() }
        try project.write("content/real.png", Self.png)
        try FileManager.default.createDirectory(at: project.root.appendingPathComponent("content/briefings/doha-strike"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("content/briefings/secret.png").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("content/briefings/doha-strike/inside.png").path,
                                                   withDestinationPath: "../../real.png")
        let report = project.build()
        #expect(report.diagnostics.count == 1)
        #expect(report.diagnostics.first?.location.path == "content/briefings/secret.png")
        #expect(report.diagnostics.first?.message.hasPrefix("symbolic link leads outside the project") == true)
    }

    @Test func aLinkInsideTheProjectIsFollowed() throws {
        let project = try project("![Inside](inside.png)")
        defer { project.remove() }
        try project.write("content/shared/real.png", Self.png)
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("content/briefings/inside.png").path,
                                                   withDestinationPath: "../shared/real.png")
        let report = project.build()
        #expect(report.diagnostics.lines == [])
        #expect(try Data(contentsOf: project.output.appendingPathComponent("briefings/doha-strike/inside.png")) == Self.png)
    }

    @Test func twoImagesThatWouldShareANameAreAnError() throws {
        let project = try project("![A](map.png) ![B](../shared/map.png)")
        defer { project.remove() }
        try project.write("content/briefings/doha-strike/map.png", Self.png)
        try project.write("content/shared/map.png", Data([1]))
        let report = project.build()
        #expect(report.diagnostics.lines == [
            "content/briefings/doha-strike.md:5:15: error: images content/briefings/doha-strike/map.png and content/shared/map.png would both be published as briefings/doha-strike/map.png; rename one of them",
        ])
    }

    @Test func actorProfilesAndPagesShowImagesToo() throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: Images
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        ---
        ![Flag](iran/flag.svg)
        -- content/pages/about.md --
        ---
        title: About
        ---
        ![Team](team.jpg)
        """)
        defer { project.remove() }
        try project.write("content/actors/iran/flag.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try project.write("content/pages/about/team.jpg", Self.png)
        let report = project.build()
        #expect(report.diagnostics.lines == [])
        #expect(try project.read("actors/iran/index.html").contains(#"<img src="../../actors/iran/flag.svg" alt="Flag" />"#))
        #expect(try project.read("about/index.html").contains(#"<img src="../about/team.jpg" alt="Team" />"#))
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("about/team.jpg").path))
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("actors/iran/flag.svg").path))
    }

    @Test func publishedNamesKeepThePathBelowTheDocumentsFolder() {
        let folder = "content/briefings", bundle = "content/briefings/doha-strike"
        #expect(RelativePath.publishedName(of: "content/briefings/doha-strike/a/b.png", folder: folder, bundle: bundle) == "a/b.png")
        #expect(RelativePath.publishedName(of: "content/briefings/img/b.png", folder: folder, bundle: bundle) == "img/b.png")
        #expect(RelativePath.publishedName(of: "content/shared/b.png", folder: folder, bundle: bundle) == "b.png")
    }

    @Test func imageNamesMayBeAnyTextButCannotLeaveTheOutput() {
        #expect(MediaOutputPath.isPublishable("briefings/x/Doha map (1).png"))
        #expect(MediaOutputPath.isPublishable("briefings/x/карта.png"))
        #expect(!MediaOutputPath.isPublishable("briefings/../x.png"))
        #expect(!MediaOutputPath.isPublishable("/etc/x.png"))
        #expect(!MediaOutputPath.isPublishable("briefings/x/a\u{1B}b.png"))
        #expect(!MediaOutputPath.isPublishable("briefings//x.png"))
        #expect(MediaOutputPath.percentEncoded("b/Doha map #1 100%.png") == "b/Doha%20map%20%231%20100%25.png")
        #expect(MediaOutputPath.percentEncoded("b/карта.png") == "b/%D0%BA%D0%B0%D1%80%D1%82%D0%B0.png")
    }
}
