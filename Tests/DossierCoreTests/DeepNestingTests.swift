import Foundation
import Testing
@testable import DossierCore

/// Every pass over a document's tree must be linear in its size: nesting depth
/// once cost O(depth²) (49 s at 20,000 levels), and recursion that deep would
/// overflow the stack.
@Suite struct DeepNestingTests {
    static let depth = 100_000

    func project(_ bodies: [String: String]) throws -> TestProject {
        var files = """
        -- dossier.yml --
        title: Deep
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        ---
        """
        for (slug, body) in bodies.sorted(by: { $0.key < $1.key }) {
            files += "\n-- content/briefings/\(slug).md --\n---\ntitle: \(slug)\ndate: 2025-01-01\n---\n\(body)"
        }
        return try TestProject(files)
    }

    func checkedBriefing(_ body: String) throws -> BriefingModel {
        let project = try project(["deep": body])
        defer { project.remove() }
        let report = SiteBuilder.check(BuildOptions(root: project.root))
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        return try #require(report.model?.briefings.first)
    }

    func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func aHundredThousandNestedBlockquotesCheckSuccessfully() throws {
        let briefing = try checkedBriefing(String(repeating: "> ", count: Self.depth) + "Iran at the bottom.")
        let html = briefing.linked.html
        #expect(count("<blockquote", in: html) == Self.depth)
        #expect(count("</blockquote>", in: html) == Self.depth)
        #expect(html.contains("<blockquote id=\"quote-iran-at-the-bottom\">"))
        #expect(html.contains("<blockquote id=\"quote-iran-at-the-bottom-\(Self.depth)\">"))
        #expect(briefing.linked.mentions.map(\.anchor) == ["p-iran-at-the-bottom"])
        #expect(briefing.linked.mentions.map(\.snippet) == ["Iran at the bottom."])
        #expect(count("class=\"mention\"", in: html) == 0, "placeholders are resolved per page, not in the model")
        #expect(count("dossier:actors/iran/", in: html) == 1)
    }

    @Test func aHundredThousandNestedListsCheckSuccessfully() throws {
        let briefing = try checkedBriefing(String(repeating: "- ", count: Self.depth) + "Iran at the bottom.")
        let html = briefing.linked.html
        #expect(count("<ul>", in: html) == Self.depth)
        #expect(count("<li id=\"li-iran-at-the-bottom", in: html) == Self.depth)
        #expect(briefing.linked.mentions.map(\.anchor) == ["li-iran-at-the-bottom-\(Self.depth)"])
        #expect(briefing.linked.plainText == "Iran at the bottom.")
    }

    @Test func deepNestingAroundALongTextStaysLinear() throws {
        // Each of the 20,000 quotes contains the whole 100,000-word text: copying it
        // into every level would be two billion characters.
        let words = Array(repeating: "word", count: 100_000).joined(separator: " ")
        let briefing = try checkedBriefing(String(repeating: "> ", count: 20_000) + "Iran leads " + words)
        #expect(briefing.linked.html.contains("<blockquote id=\"quote-iran-leads-word-word-word-20000\">"))
        let mention = try #require(briefing.linked.mentions.first)
        #expect(mention.anchor == "p-iran-leads-word-word-word")
        #expect(mention.snippet.hasPrefix("Iran leads word"))
        #expect(mention.snippet.hasSuffix(" word…"))
        #expect((180...210).contains(mention.snippet.count))
        #expect(briefing.linked.wordCount == 100_002)
    }

    @Test func theDossierExecutableChecksAHundredThousandLevelsOfEachKind() throws {
        let dossier = try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
        let project = try project([
            "quotes": String(repeating: "> ", count: Self.depth) + "Iran.",
            "lists": String(repeating: "- ", count: Self.depth) + "Iran.",
            "ordered": String(repeating: "1. ", count: Self.depth) + "Iran.",
            "mixed": String(repeating: "> - ", count: Self.depth / 2) + "Iran.",
        ])
        defer { project.remove() }
        let result = try run(dossier, ["check", "--root", project.root.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "No problems found.\n")
    }
}
