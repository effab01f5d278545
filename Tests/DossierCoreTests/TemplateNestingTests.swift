import Foundation
import Testing
@testable import DossierCore

/// swift-mustache parses nested sections and transforms by recursion: a deep
/// enough template crashed `check` and `build` with a stack overflow. The tests
/// run the real executable so that a crash is a failed test, not a crashed runner.
@Suite struct TemplateNestingTests {
    func expectRefused(footer: String, partials: [String: String] = [:], diagnostic: String,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let dossier = try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
        let project = try TestProject("""
        -- dossier.yml --
        title: Nesting
        -- content/briefings/a.md --
        ---
        title: A
        date: 2025-01-01
        ---
        Text.
        """)
        defer { project.remove() }
        try project.write("templates/partials/footer.mustache", footer)
        for (name, text) in partials { try project.write("templates/\(name).mustache", text) }
        for command in ["check", "build"] {
            // Run from the project, so diagnostics name files relative to it.
            let result = try run(dossier, [command, "--root", "."], in: project.root)
            #expect(result.status == 1, "\(command) exited with \(result.status)", sourceLocation: sourceLocation)
            #expect(result.standardError.contains("\n" + diagnostic) || result.standardError.hasPrefix(diagnostic), "\(command): \(result.standardError.prefix(500))", sourceLocation: sourceLocation)
        }
    }

    @Test func deeplyNestedSectionsAreRefusedBeforeParsing() throws {
        // Past where the parser's stack ran out (about 700), within the 64 KB size limit.
        let depth = 2_000
        try expectRefused(
            footer: "<footer>\n" + String(repeating: "{{#site_title}}", count: depth) + "x" + String(repeating: "{{/site_title}}", count: depth),
            diagnostic: "templates/partials/footer.mustache:2:\(TemplateNesting.limit * 15 + 1): error: sections nest more than \(TemplateNesting.limit) deep here")
    }

    @Test func deeplyNestedTransformsAreRefusedBeforeParsing() throws {
        // Within the 64 KB size limit, so the nesting check is the one that refuses it.
        let depth = 20_000
        try expectRefused(
            footer: "<footer>{{" + String(repeating: "f(", count: depth) + "x" + String(repeating: ")", count: depth) + "}}</footer>",
            diagnostic: "templates/partials/footer.mustache:1:9: error: transforms nest more than \(TemplateNesting.limit) deep here")
    }

    @Test func nestingThroughAChainOfPartialsIsRefused() throws {
        // Each partial is within the limit; rendering goes through all twenty.
        let chain = 20, depth = TemplateNesting.limit
        var partials: [String: String] = [:]
        for level in 0..<chain {
            let inner = level + 1 < chain ? "{{>partials/p\(level + 1)}}" : "bottom"
            partials["partials/p\(level)"] = String(repeating: "{{#site_title}}", count: depth) + inner + String(repeating: "{{/site_title}}", count: depth)
        }
        try expectRefused(
            footer: "<footer>{{>partials/p0}}</footer>", partials: partials,
            diagnostic: "templates/partials/p\(chain - 2).mustache:1:\(depth * 15 + 1): error: sections nest more than \(depth) deep here once 'partials/p\(chain - 1)' is included")
    }

    @Test func nestingWellWithinTheLimitStillRenders() throws {
        // Half the limit, leaving room for the built-in layout that includes the footer.
        let depth = TemplateNesting.limit / 2
        let project = try TestProject("""
        -- dossier.yml --
        title: Nesting
        """)
        defer { project.remove() }
        try project.write("templates/partials/footer.mustache",
                          "<footer>" + String(repeating: "{{#site_title}}", count: depth) + "deep" + String(repeating: "{{/site_title}}", count: depth) + "</footer>")
        let report = project.build()
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        #expect(try project.read("index.html").contains("<footer>deep</footer>"))
    }
}
