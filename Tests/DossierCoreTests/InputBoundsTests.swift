import Foundation
import Testing
@testable import DossierCore

/// Bounds on what front matter may ask every page to repeat (found by the fuzz test:
/// a 1 MB title made a 314 MB site, 5,000 tags on one briefing took minutes), and on
/// the work of reporting many unknown actors.
@Suite struct InputBoundsTests {
    func check(_ files: String) throws -> [Diagnostic] {
        let project = try TestProject(files)
        defer { project.remove() }
        return SiteBuilder.check(BuildOptions(root: project.root)).diagnostics
    }

    func errors(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.severity == .error }.map { "\($0.location.path):\($0.location.line):\($0.location.column): \($0.message)" }
    }

    @Test func aTitleLongerThanTheLimitIsAnErrorAtTheTitle() throws {
        let long = String(repeating: "Iran ", count: 101)  // 505 characters
        let diagnostics = try check("""
        -- dossier.yml --
        title: Desk
        -- content/actors/iran.md --
        ---
        title: \(long)
        kind: state
        ---
        -- content/briefings/a.md --
        ---
        title: \(long)
        date: 2025-01-01
        ---
        Text.
        """)
        let messages = errors(diagnostics)
        #expect(messages.contains { $0.hasPrefix("content/actors/iran.md:2:8: 'title' is 504 characters long; at most 500") })
        #expect(messages.contains { $0.hasPrefix("content/briefings/a.md:2:8: 'title' is 504 characters long; at most 500") })
    }

    @Test func aTitleOfExactlyTheLimitIsAccepted() throws {
        let diagnostics = try check("""
        -- dossier.yml --
        title: \(String(repeating: "d", count: NameLimits.maxTitleCharacters))
        -- content/briefings/a.md --
        ---
        title: \(String(repeating: "é", count: NameLimits.maxTitleCharacters))
        date: 2025-01-01
        ---
        Text.
        """)
        #expect(errors(diagnostics).isEmpty)
    }

    @Test func anAliasLongerThanTheLimitIsAnErrorAtTheAlias() throws {
        let diagnostics = try check("""
        -- dossier.yml --
        title: Desk
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        aliases: [Persia, \(String(repeating: "x", count: 501))]
        ---
        """)
        #expect(errors(diagnostics).contains { $0.hasPrefix("content/actors/iran.md:4:19: the alias is 501 characters long") })
    }

    @Test func moreTagsThanTheLimitIsAnErrorAtTheFirstTagPastIt() throws {
        let tags = (1...150).map { "t\($0)" }.joined(separator: ", ")
        let diagnostics = try check("""
        -- dossier.yml --
        title: Desk
        -- content/briefings/a.md --
        ---
        title: A
        date: 2025-01-01
        tags: [\(tags)]
        ---
        Text.
        """)
        let column = "tags: [".count + (1...100).map { "t\($0), ".count }.reduce(0, +) + 1
        #expect(errors(diagnostics) == ["content/briefings/a.md:4:\(column): 150 tags; a document may have at most 100, since each is listed on every card of every tag page"])
    }

    @Test func everyUnknownActorStillGetsItsSuggestion() throws {
        // Thousands of references: each is looked up among the actors' names once indexed.
        let references = (0..<3_000).map { "unknown-\($0)" } + ["Iran", "irn", "persia"]
        let diagnostics = try check("""
        -- dossier.yml --
        title: Desk
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        aliases: [Persia]
        ---
        -- content/briefings/a.md --
        ---
        title: A
        date: 2025-01-01
        actors: [\(references.joined(separator: ", "))]
        ---
        Text.
        """)
        let messages = errors(diagnostics)
        #expect(messages.count == 3_003)
        #expect(messages.contains { $0.hasSuffix("unknown actor 'Iran' in actors (did you mean 'iran'? 'Iran' is the name of that actor, and references use its slug)") })
        #expect(messages.contains { $0.hasSuffix("unknown actor 'persia' in actors (did you mean 'iran'? 'Persia' is an alias of that actor, and references use its slug)") })
        #expect(messages.contains { $0.hasSuffix("unknown actor 'irn' in actors (did you mean 'iran'?)") })
        #expect(messages.contains { $0.hasSuffix("unknown actor 'unknown-7' in actors") })
    }
}
