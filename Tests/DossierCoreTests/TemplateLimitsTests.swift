import Foundation
import Testing
@testable import DossierCore

/// Templates swift-mustache cannot parse safely (found by the fuzz test): a few
/// hundred nested sections used to kill `dossier` with SIGSEGV, and a 1 MB template
/// took minutes to parse. Dossier now refuses both with a diagnostic before parsing.
@Suite struct TemplateLimitsTests {
    func dossier() throws -> URL {
        try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
    }

    static func nested(_ depth: Int, open: String = "{{#site_title}}", close: String = "{{/site_title}}") -> String {
        String(repeating: open, count: depth) + "x" + String(repeating: close, count: depth)
    }

    // Through the real executable, bounded: on the code before the fix it crashes
    // (in-process, that would take the test runner down), and its crash backtrace
    // fills a pipe nobody drains, so `run` would wait forever.
    @Test func aTemplateWithSectionsNestedTooDeeplyIsAnErrorAtItsTagNotACrash() throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: Deep
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        ---
        """)
        defer { project.remove() }
        try project.write("templates/partials/footer.mustache", "<footer>\n  " + Self.nested(1_000) + "\n</footer>\n")
        for command in ["check", "build"] {
            let result = try BoundedRun.run(dossier(), [command, "--root", project.root.path],
                                            bounds: RunBounds(timeoutSeconds: 60, memoryLimitBytes: 2 << 30),
                                            logs: project.root.appendingPathComponent("logs-\(command)"))
            #expect(result.ending == .exited(1))
            #expect(result.standardError.contains(
                "templates/partials/footer.mustache:2:\(3 + 15 * TemplateNesting.limit): error: sections nest more than \(TemplateNesting.limit) deep"))
        }
        #expect(!FileManager.default.fileExists(atPath: project.output.path))
    }

    @Test func aTemplateLargerThan64KBIsRefusedAtOnce() throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: Large
        """)
        defer { project.remove() }
        // The worst case for swift-mustache's parser: a `{` every other character.
        try project.write("templates/partials/footer.mustache", String(repeating: "{x", count: 512 * 1024))
        let result = try BoundedRun.run(dossier(), ["check", "--root", project.root.path],
                                        bounds: RunBounds(timeoutSeconds: 20, memoryLimitBytes: 2 << 30),
                                        logs: project.root.appendingPathComponent("logs"))
        #expect(result.ending == .exited(1))
        #expect(result.standardError.contains("templates/partials/footer.mustache:1:1: error: template is larger than 64 KB (1048576 bytes)"))
        #expect(result.seconds < 10)
    }

    @Test func aTemplateOfExactly64KBIsAccepted() {
        #expect(TemplateLimits.problem(in: String(repeating: "{x", count: 32 * 1024)) == nil)
        #expect(TemplateLimits.problem(in: String(repeating: "{x", count: 32 * 1024) + "!") != nil)
    }
}
