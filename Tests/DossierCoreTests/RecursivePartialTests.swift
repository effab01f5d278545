import Foundation
import Testing
@testable import DossierCore

/// swift-mustache expands partials while rendering, with no depth limit: a cycle of
/// partials overflowed the stack (a segfault in build and check). Cycles are found
/// in the templates' references before anything is rendered. The tests run the
/// real executable so that a crash is a failed test rather than a crashed runner.
@Suite struct RecursivePartialTests {
    static let content = """
    -- dossier.yml --
    title: Partials
    -- content/briefings/a.md --
    ---
    title: A
    date: 2025-01-01
    ---
    Text.
    """

    func dossier() throws -> URL {
        try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
    }

    func expectRefused(_ templates: String, diagnostic: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let project = try TestProject(Self.content + "\n" + templates)
        defer { project.remove() }
        for command in ["check", "build"] {
            let result = try run(dossier(), [command, "--root", project.root.path])
            #expect(result.status == 1, "\(command) exited with \(result.status): \(result.standardError)", sourceLocation: sourceLocation)
            #expect(result.standardError.contains(diagnostic), "\(command): \(result.standardError)", sourceLocation: sourceLocation)
        }
        #expect(!FileManager.default.fileExists(atPath: project.output.path), sourceLocation: sourceLocation)
    }

    @Test func aPartialThatIncludesItselfIsRefused() throws {
        try expectRefused("""
        -- templates/partials/footer.mustache --
        <footer>
        {{> partials/footer}}
        </footer>
        """, diagnostic: "templates/partials/footer.mustache:2:1: error: templates include each other in a cycle, so rendering would never end: partials/footer → partials/footer")
    }

    /// Found by the fuzz test: a block override is rendered by the parent, so a
    /// parent named inside its own block includes itself without naming itself.
    @Test func aParentIncludedInsideItsOwnBlockIsRefused() throws {
        try expectRefused("""
        -- templates/page.mustache --
        {{<layout}}{{$content}}
        <p>{{page_title}}</p> {{>layout}}
        {{/content}}{{/layout}}
        """, diagnostic: "templates/page.mustache:2:23: error: templates include each other in a cycle, so rendering would never end: layout → layout")
    }

    @Test func aPartialInsideABlockThatLeadsBackToTheParentIsRefused() throws {
        try expectRefused("""
        -- templates/page.mustache --
        {{<layout}}{{$content}}{{>partials/loop}}{{/content}}{{/layout}}
        -- templates/partials/loop.mustache --
        {{<layout}}{{/layout}}
        """, diagnostic: "templates/partials/loop.mustache:1:1: error: templates include each other in a cycle, so rendering would never end: partials/loop → layout → partials/loop")
    }

    @Test func twoPartialsThatIncludeEachOtherAreRefused() throws {
        try expectRefused("""
        -- templates/partials/footer.mustache --
        <footer>{{>partials/a}}</footer>
        -- templates/partials/a.mustache --
        A {{>partials/b}}
        -- templates/partials/b.mustache --
        B
          {{#pages}}{{>partials/a}}{{/pages}}
        """, diagnostic: "templates/partials/a.mustache:1:3: error: templates include each other in a cycle, so rendering would never end: partials/a → partials/b → partials/a")
    }

    @Test func aCycleThroughTheBuiltInThemeIsRefused() throws {
        // The built-in layout includes partials/header; this override brings it back to the layout.
        try expectRefused("""
        -- templates/partials/header.mustache --
        <header>{{<layout}}{{/layout}}</header>
        """, diagnostic: "templates/partials/header.mustache:1:9: error: templates include each other in a cycle, so rendering would never end: partials/header → layout → partials/header")
    }

    @Test func aCycleBehindChangedDelimitersIsFound() throws {
        try expectRefused("""
        -- templates/partials/footer.mustache --
        {{=<% %>=}}
        <footer><%> partials/footer %></footer>
        """, diagnostic: "templates/partials/footer.mustache:2:9: error: templates include each other in a cycle, so rendering would never end: partials/footer → partials/footer")
    }

    @Test func aPartialNamedInACommentIsNotIncluded() throws {
        let project = try TestProject(Self.content + """

        -- templates/partials/footer.mustache --
        <footer>{{! was: {{> partials/footer}}mine</footer>
        """)
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        #expect(try project.read("index.html").contains("<footer>mine</footer>"))
    }
}
