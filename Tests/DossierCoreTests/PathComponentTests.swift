import Foundation
import Testing
@testable import DossierCore

/// Slugs and tags become folder names in the output. Whatever a file system
/// would refuse, or two pages would share, is an error at the value that caused
/// it, the same in `check` and in `build`.
@Suite struct PathComponentTests {
    let long = String(repeating: "a", count: 256)

    func checkAndBuild(_ project: TestProject) -> (check: [String], build: [String]) {
        let check = SiteBuilder.check(BuildOptions(root: project.root)).diagnostics.lines
        let build = project.build().diagnostics.lines
        return (check, build)
    }

    @Test func slugsOver255BytesAreErrorsAtTheirSlugLineInCheckAndBuild() throws {
        let project = try TestProject("""
        -- content/briefings/one.md --
        ---
        title: One
        date: 2025-01-01
        slug: \(long)
        ---
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        slug: \(long)
        ---
        -- content/pages/about.md --
        ---
        title: About
        slug: \(long)
        ---
        """)
        defer { project.remove() }
        let message = "slug '\(long)' is 256 bytes long: a file name holds at most 255; choose a shorter 'slug:'"
        let expected = [
            "content/actors/iran.md:4:7: error: \(message)",
            "content/briefings/one.md:4:7: error: \(message)",
            "content/pages/about.md:3:7: error: \(message)",
        ]
        let (check, build) = checkAndBuild(project)
        #expect(check == expected)
        #expect(build == expected)
        #expect(!FileManager.default.fileExists(atPath: project.output.path))
    }

    @Test func aSlugOfExactly255BytesIsAccepted() throws {
        let slug = String(repeating: "b", count: 255)
        let result = ContentDecoder.briefing("---\ntitle: T\ndate: 2025\nslug: \(slug)\n---\n", path: "t.md", fileSlug: "t")
        #expect(result.diagnostics.isEmpty)
        #expect(result.value?.slug == slug)
    }

    @Test func aTagWhoseSlugIsOver255BytesIsAnErrorAtTheTag() throws {
        // 52 words of four letters: 259 characters once joined by '-'.
        let tag = Array(repeating: "Word", count: 52).joined(separator: " ")
        let project = try TestProject("""
        -- content/briefings/one.md --
        ---
        title: One
        date: 2025-01-01
        tags: [short, "\(tag)"]
        ---
        Body.
        """)
        defer { project.remove() }
        let slug = Slugify.slug(tag)
        let expected = [
            "content/briefings/one.md:4:15: error: tag '\(tag)' makes a page name of \(slug.utf8.count) bytes ('\(slug.prefix(20))…'): a file name holds at most 255; shorten the tag",
        ]
        let (check, build) = checkAndBuild(project)
        #expect(check == expected)
        #expect(build == expected)
    }

    /// "???" has no letter or digit to name a page by: its page would be the tags index itself.
    @Test func aTagWithNoLetterOrDigitIsAnErrorAtTheTag() throws {
        let project = try TestProject("""
        -- content/briefings/one.md --
        ---
        title: One
        date: 2025-01-01
        tags:
          - ok
          - "???"
        ---
        Body.
        """)
        defer { project.remove() }
        let expected = ["content/briefings/one.md:6:5: error: tag '???' has no letter or digit to make a page name from"]
        let (check, build) = checkAndBuild(project)
        #expect(check == expected)
        #expect(build == expected)
    }

    /// A page is written at `<slug>/index.html`, beside the site's own sections:
    /// a page named `actors` would overwrite the actors index (one of the two, at random).
    @Test func aPageWhoseSlugNamesASectionOfTheSiteIsAnError() throws {
        let project = try TestProject("""
        -- content/pages/actors.md --
        ---
        title: Our actors
        ---
        -- content/pages/other.md --
        ---
        title: Other
        slug: tags
        ---
        -- content/pages/fine.md --
        ---
        title: Fine
        slug: about-the-data
        ---
        """)
        defer { project.remove() }
        let expected = [
            "content/pages/actors.md:1:1: error: a page cannot be named 'actors': the site's actors section is written there; rename the file or set 'slug:'",
            "content/pages/other.md:3:7: error: a page cannot be named 'tags': the site's tags section is written there; choose another 'slug:'",
        ]
        let (check, build) = checkAndBuild(project)
        #expect(check == expected)
        #expect(build == expected)
    }

    /// Every folder name the site writes for content comes from one of the slugs or
    /// tags checked above; the sections a page must not take are exactly the site's own.
    @Test func theReservedPageNamesAreTheSitesOwnTopLevelFolders() {
        let urls = SiteURLs(style: .disk)
        let pages: [SiteURLs.Page] = [.home, .briefings, .actors, .tags, .timeline, .graph, .sources, .search, .notFound,
                                      .asset("x"), .data("x"), .feed("x"), .briefing("x"), .actor("x"), .tag("x")]
        let topLevel = Set(pages.compactMap { page -> String? in
            let parts = urls.file(page).split(separator: "/")
            return parts.count > 1 ? String(parts[0]) : nil
        })
        #expect(Set(SlugRules.reservedPageSlugs) == topLevel)
    }
}
