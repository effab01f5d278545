import Foundation
import Testing
@testable import DossierCore

@Suite struct ScaffoldTests {
    @Test(arguments: [("Côte d’Ivoire", "cote-divoire"), ("Iran–Russia Treaty (2025)", "iran-russia-treaty-2025"), ("  E3 ", "e3"), ("Ōsaka", "osaka")])
    func slugsFromTitles(title: String, slug: String) {
        #expect(Scaffold.slug(for: title) == slug)
    }

    @Test func newFilesDecodeCleanlyAndAreNeverOverwritten() throws {
        let project = try TestProject("-- dossier.yml --\ntitle: T")
        defer { project.remove() }
        let actor = try Scaffold.create(.actor, title: "Qatar", root: project.root, date: "2025-01-01", actorKind: .state)
        let briefing = try Scaffold.create(.briefing, title: "A \"quoted\" title", root: project.root, date: "2025-03-04")
        #expect(actor == "content/actors/qatar.md")
        #expect(briefing == "content/briefings/a-quoted-title.md")
        let loaded = ProjectLoader.load(root: project.root, drafts: true)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.briefings.first?.title == "A \"quoted\" title")
        #expect(loaded.briefings.first?.draft == true)
        #expect(throws: Scaffold.Failure.self) { try Scaffold.create(.actor, title: "Qatar", root: project.root, date: "2025-01-01", actorKind: .state) }
    }

    @Test func initWritesAProjectThatChecksCleanAndRefusesToOverwrite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Scaffold.initialize(folder, title: "Desk")
        let report = SiteBuilder.build(BuildOptions(root: folder, strict: true))
        #expect(report.diagnostics.isEmpty)
        let page = try String(contentsOf: folder.appendingPathComponent("site/briefings/welcome/index.html"), encoding: .utf8)
        #expect(page.contains("<a href=\"../../actors/atlantis/index.html\" data-card=\"state alias\">Atlantean Republic</a>"))
        #expect(throws: Scaffold.Failure.self) { try Scaffold.initialize(folder, title: "Again") }
    }
}
