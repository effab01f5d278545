import Foundation
import Testing
@testable import DossierCore

/// Briefings in subfolders take their page path from their slug, not their folder,
/// so two files of one name in two folders clash: that is an error naming both files
/// with a slug to write, never one page silently replacing the other.
@Suite struct SubfolderSlugTests {
    static let twoReviews = """
    -- dossier.yml --
    title: Reviews
    -- content/briefings/2024/review.md --
    ---
    title: Review 2024
    date: 2024-12-31
    ---
    The year.
    -- content/briefings/2025/review.md --
    ---
    title: Review 2025
    date: 2025-12-31
    ---
    The year, and [the one before](../2024/review.md).
    """

    @Test func twoFilesOfOneNameInTwoFoldersAreAnErrorNamingBothWithAFix() throws {
        let project = try TestProject(Self.twoReviews)
        defer { project.remove() }
        let report = project.build()
        #expect(report.diagnostics.lines == [
            "content/briefings/2025/review.md:1:1: error: duplicate briefing slug 'review': content/briefings/2024/review.md has it too; set 'slug:' in one of them, e.g. 'slug: 2025-review' in content/briefings/2025/review.md",
        ])
        #expect(!FileManager.default.fileExists(atPath: project.output.path))
    }

    @Test func theSuggestedSlugBuildsBothPagesAndTheLinkBetweenThem() throws {
        let project = try TestProject(Self.twoReviews.replacingOccurrences(of: "title: Review 2025\n", with: "title: Review 2025\nslug: 2025-review\n"))
        defer { project.remove() }
        let report = project.build(strict: true)
        #expect(report.diagnostics.lines == [])
        #expect(try project.read("briefings/review/index.html").contains("<h1>Review 2024</h1>"))
        let newer = try project.read("briefings/2025-review/index.html")
        #expect(newer.contains("<h1>Review 2025</h1>"))
        #expect(newer.contains(#"<a href="../../briefings/review/index.html">the one before</a>"#))
    }

    @Test func aClashWithAFileAtTheTopOfTheSectionSuggestsASlugForTheOneInAFolder() {
        let example = ProjectLoader.folderSlugExample("review", "content/briefings/review.md", "content/briefings/Annual 2024/review.md")
        #expect(example == ", e.g. 'slug: annual-2024-review' in content/briefings/Annual 2024/review.md")
        #expect(ProjectLoader.folderSlugExample("a", "content/briefings/a.md", "content/briefings/a.md") == "")
    }
}
