import Foundation
import Testing
@testable import DossierCore

/// A build that leaves drafts out says how many, and how to include them, as a
/// note rather than a warning.
@Suite struct DraftsNoteTests {
    static let files = """
    -- dossier.yml --
    title: Drafts
    base_url: https://briefings.desk.news/
    -- content/briefings/published.md --
    ---
    title: Published
    date: 2025-01-01
    ---
    Text.
    -- content/briefings/draft-one.md --
    ---
    title: Draft one
    date: 2025-01-02
    draft: true
    ---
    Text.
    -- content/pages/method.md --
    ---
    title: Method
    draft: true
    ---
    Text.
    """

    func dossier() throws -> URL {
        try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
    }

    @Test func theReportCountsDraftBriefingsAndPagesLeftOut() throws {
        let project = try TestProject(Self.files)
        defer { project.remove() }
        #expect(project.build().draftsLeftOut == 2)
        #expect(SiteBuilder.build(BuildOptions(root: project.root, drafts: true)).draftsLeftOut == 0)
    }

    @Test func buildPrintsTheNoteAfterItsSummaryAndStrictStillPasses() throws {
        let project = try TestProject(Self.files)
        defer { project.remove() }
        let result = try run(dossier(), ["build", "--root", ".", "--strict"], in: project.root)
        #expect(result.status == 0)
        #expect(result.standardError == "")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("Built ") == true)
        #expect(lines.last == "Left out 2 drafts (draft: true); add --drafts to include them.")
    }

    @Test func withDraftsThereIsNoNote() throws {
        let project = try TestProject(Self.files)
        defer { project.remove() }
        let result = try run(dossier(), ["build", "--root", ".", "--drafts"], in: project.root)
        #expect(result.status == 0)
        #expect(!result.standardOutput.contains("draft"))
    }

    @Test(arguments: [(0, nil), (1, "Left out 1 draft (draft: true); add --drafts to include it."),
                      (3, "Left out 3 drafts (draft: true); add --drafts to include them.")])
    func noteWording(count: Int, note: String?) {
        #expect(BuildNotes.draftsLeftOut(count) == note)
    }
}
