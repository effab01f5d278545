import Foundation
import Testing
@testable import DossierCore

/// `dossier new`: actors get the kind they are given, pages can be created, and a
/// title that gives no file name takes one from `--slug`.
@Suite struct NewCommandTests {
    func dossier() throws -> URL {
        try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
    }

    func newProject() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-new-\(UUID().uuidString)")
        try Scaffold.initialize(folder, title: "New")
        return folder
    }

    func text(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func anActorGetsTheKindItIsGivenInEitherSpelling() throws {
        let folder = try newProject()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(dossier(), ["new", "actor", "European Union", "--kind", "organisation", "--root", folder.path])
        #expect(result.status == 0)
        #expect(result.standardOutput == "Created content/actors/european-union.md\n")
        #expect(try text(folder, "content/actors/european-union.md").contains("\nkind: organization # state | organization"))
        try Scaffold.create(.actor, title: "Abbas Araghchi", root: folder, date: "2025-01-01", actorKind: .person)
        let loaded = ProjectLoader.load(root: folder)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.actors.first { $0.slug == "european-union" }?.kind == .organization)
        #expect(loaded.actors.first { $0.slug == "abbas-araghchi" }?.kind == .person)
    }

    @Test func anActorWithoutAKindIsRefusedWithTheKindsToChooseFrom() throws {
        let folder = try newProject()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(dossier(), ["new", "actor", "European Union", "--root", folder.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("--kind"))
        #expect(result.standardError.contains("state, organization, person, place, agreement, group"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("content/actors/european-union.md").path))
        let briefing = try run(dossier(), ["new", "briefing", "Brief", "--kind", "state", "--root", folder.path])
        #expect(briefing.status == 1)
        #expect(briefing.standardError == "error: --kind is for actors; a briefing has no kind\n")
    }

    @Test func aTitleWithoutLatinLettersNeedsASlug() throws {
        let folder = try newProject()
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try run(dossier(), ["new", "actor", "中国", "--kind", "state", "--root", folder.path])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("gives an empty slug"))
        #expect(refused.standardError.contains("--slug"))
        let created = try run(dossier(), ["new", "actor", "中国", "--kind", "state", "--slug", "china", "--root", folder.path])
        #expect(created.status == 0)
        #expect(created.standardOutput == "Created content/actors/china.md\n")
        #expect(ProjectLoader.load(root: folder).actors.first { $0.slug == "china" }?.title == "中国")
        let invalid = try run(dossier(), ["new", "briefing", "Fine title", "--slug", "Not_A_Slug", "--root", folder.path])
        #expect(invalid.status == 1)
        #expect(invalid.standardError.contains("invalid --slug 'Not_A_Slug'"))
    }

    @Test func newPageWritesADraftPageThatChecksClean() throws {
        let folder = try newProject()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(dossier(), ["new", "page", "About us", "--root", folder.path])
        #expect(result.status == 0)
        #expect(result.standardOutput == "Created content/pages/about-us.md\n")
        let page = try #require(ProjectLoader.load(root: folder, drafts: true).pages.first { $0.slug == "about-us" })
        #expect(page.title == "About us")
        #expect(page.draft)
        let check = try run(dossier(), ["check", "--root", folder.path, "--strict", "--drafts"])
        #expect(check.status == 0)
        let reserved = try run(dossier(), ["new", "page", "Tags", "--root", folder.path])
        #expect(reserved.status == 1)
        #expect(reserved.standardError.contains("a page cannot be named 'tags'"))
    }

    @Test func aSlugAnotherFileOfTheSectionHasInASubfolderIsRefused() throws {
        let folder = try newProject()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Scaffold.create(.briefing, title: "Review", root: folder, date: "2024-12-31", slug: nil)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content/briefings/2024"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: folder.appendingPathComponent("content/briefings/review.md"),
                                         to: folder.appendingPathComponent("content/briefings/2024/review.md"))
        #expect {
            try Scaffold.create(.briefing, title: "Review", root: folder, date: "2025-12-31")
        } throws: { error in
            "\(error)" == "content/briefings/2024/review.md already has the slug 'review'; choose another with --slug"
        }
        #expect(try Scaffold.create(.briefing, title: "Review", root: folder, date: "2025-12-31", slug: "2025-review") == "content/briefings/2025-review.md")
    }

    @Test func filesFromNewBuildIntoPagesWithTheirKindAndTitle() throws {
        let folder = try newProject()
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["actor", "European Union", "--kind", "organisation"], ["actor", "中国", "--kind", "state", "--slug", "china"],
                          ["page", "About us"]] {
            #expect(try run(dossier(), ["new"] + arguments + ["--root", folder.path]).status == 0)
        }
        let report = SiteBuilder.build(BuildOptions(root: folder, drafts: true, strict: true))
        #expect(report.diagnostics.lines == [])
        let union = try text(folder, "site/actors/european-union/index.html")
        #expect(union.contains("<h1>European Union</h1>"))
        #expect(union.contains("organization"))
        #expect(try text(folder, "site/actors/china/index.html").contains("<h1>中国</h1>"))
        let actors = try text(folder, "site/actors/index.html")
        #expect(actors.contains("Organisations"))
        let about = try text(folder, "site/about-us/index.html")
        #expect(about.contains("About us"))
        #expect(try text(folder, "site/index.html").contains(#"href="about-us/index.html""#))
    }

    @Test(arguments: [("organisation", ActorKind.organization), ("organization", .organization), ("state", .state), ("group", .group)])
    func kindsAreAcceptedInBritishAndAmericanSpelling(spelling: String, kind: ActorKind) {
        let decoded = ContentDecoder.actor("---\ntitle: X\nkind: \(spelling)\n---\n", path: "content/actors/x.md", fileSlug: "x")
        #expect(decoded.diagnostics.isEmpty)
        #expect(decoded.value?.kind == kind)
    }
}
