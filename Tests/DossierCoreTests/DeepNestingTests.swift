import DossierMarkdown
import Foundation
import Testing
@testable import DossierCore

/// Every pass over a document's tree must be linear in its size: nesting depth
/// once cost O(depth²) (49 s at 20,000 levels, 100,000 never finished), and
/// recursion that deep would overflow the stack.
@Suite struct DeepNestingTests {
    static let depth = 100_000

    static let actors = """
    -- dossier.yml --
    title: Deep
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    ---
    """

    /// Parses and links one document as the build does, against an index that knows Iran.
    func link(_ markdown: String, mode: LinkingMode = .first) throws -> LinkedDocument {
        let project = try TestProject(Self.actors)
        defer { project.remove() }
        let (index, _) = EntityIndexer.build(ProjectLoader.load(root: project.root))
        let result = DocumentLinker.link(
            MarkdownParser.parse(markdown), id: DocumentID(.briefing, "deep"), path: "content/briefings/deep.md",
            body: Body(text: markdown, firstLine: 5), index: index, settings: LinkSettings(mode: mode, urlStyle: .disk))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.lines)")
        return result.document
    }

    func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func theDossierExecutableChecksAHundredThousandNestedQuotesAndLists() throws {
        let dossier = try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
        var files = Self.actors
        for (slug, marker) in [("quotes", "> "), ("lists", "- ")] {
            files += "\n-- content/briefings/\(slug).md --\n---\ntitle: \(slug)\ndate: 2025-01-01\n---\n"
                + String(repeating: marker, count: Self.depth) + "Iran at the bottom."
        }
        let project = try TestProject(files)
        defer { project.remove() }
        let result = try run(dossier, ["check", "--root", project.root.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "No problems found.\n")
    }

    @Test func aHundredThousandNestedQuotesAreLinkedWithUniqueAnchors() throws {
        let document = try link(String(repeating: "> ", count: Self.depth) + "Iran at the bottom.")
        #expect(count("<blockquote", in: document.html) == Self.depth)
        #expect(count("</blockquote>", in: document.html) == Self.depth)
        #expect(document.html.contains("<blockquote id=\"quote-iran-at-the-bottom\">"))
        #expect(document.html.contains("<blockquote id=\"quote-iran-at-the-bottom-\(Self.depth)\">"))
        #expect(document.mentions.map(\.anchor) == ["p-iran-at-the-bottom"])
        #expect(document.mentions.map(\.snippet) == ["Iran at the bottom."])
        #expect(count("href=\"dossier:actors/iran/index.html\"", in: document.html) == 1)
    }

    @Test func aHundredThousandNestedListsAreLinkedWithUniqueAnchors() throws {
        let document = try link(String(repeating: "- ", count: Self.depth) + "Iran at the bottom.")
        #expect(count("<ul>", in: document.html) == Self.depth)
        #expect(count("<li id=\"li-iran-at-the-bottom", in: document.html) == Self.depth)
        #expect(document.mentions.map(\.anchor) == ["li-iran-at-the-bottom-\(Self.depth)"])
        #expect(document.plainText == "Iran at the bottom.")
    }

    @Test func aLongTextDeepInsideQuotesIsReadOnce() throws {
        // Each of the 20,000 quotes holds the whole 60,000-word text, and every
        // mention is linked: a copy of the text per level, or a walk to the root
        // per inserted link, would cost billions of steps.
        let words = Array(repeating: "Iran text text", count: 20_000).joined(separator: " ")
        let document = try link(String(repeating: "> ", count: 20_000) + "Iran leads " + words, mode: .all)
        #expect(document.html.contains("<blockquote id=\"quote-iran-leads-iran-text-text-20000\">"))
        #expect(document.mentions.count == 20_001)
        #expect(count("href=\"dossier:actors/iran/index.html\"", in: document.html) == 20_001)
        let first = try #require(document.mentions.first)
        #expect(first.anchor == "p-iran-leads-iran-text-text")
        #expect(first.snippet.hasPrefix("Iran leads Iran text"))
        #expect(first.snippet.hasSuffix("…"))
        #expect((180...210).contains(first.snippet.count))
        #expect(document.wordCount == 60_002)
    }

    @Test func aMentionAtEveryLevelOfDeepEmphasisIsLinked() throws {
        let depth = 20_000
        let document = try link(String(repeating: "*Iran ", count: depth) + "x" + String(repeating: "*", count: depth), mode: .all)
        #expect(document.mentions.count == depth)
        #expect(count("href=\"dossier:actors/iran/index.html\"", in: document.html) == depth)
        let text = document.html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        #expect(text == String(repeating: "Iran ", count: depth) + "x\n")
    }
}
