import Foundation
import Testing
import DossierMarkdown
@testable import DossierCore

/// `[^id]` naming one of the file's sources is a numbered note with no definition to
/// write; written footnotes and source notes share one numbering; an unknown `[^id]`
/// is an error at its position.
@Suite struct SourceNoteTests {
    // MARK: The generated definitions

    @Test func aSourceBecomesADefinitionWithItsTitleLinkedPublisherAndDate() throws {
        let source = Source(id: "cspa", title: "Treaty *text* [1]", publisher: "Kremlin", url: "https://example.org/a_b?c=1&d",
                            date: PartialDate("2025-01-17"), location: SourceLocation(path: "x.md"))
        let text = SourceNotes.definitions(for: [source], language: .english)
        #expect(text == "\n\n[^cspa]: [Treaty \\*text\\* \\[1\\]](<https://example.org/a_b?c=1&d>), Kremlin, 17 January 2025.\n")
        let html = MarkdownParser.parse("Claim.[^cspa]\n" + text).renderHTML()
        #expect(html.contains(##"<a href="https://example.org/a_b?c=1&amp;d">Treaty *text* [1]</a>, Kremlin, 17 January 2025."##))
    }

    @Test func sourcesWithoutAnIdMakeNoDefinitionAndMarkupInTitlesStaysText() {
        let plain = Source(id: "plain", title: "<b>Bold</b> & `code` | 100% _of_ it\nsecond line", publisher: nil, url: nil, date: nil,
                           location: SourceLocation(path: "x.md"))
        let unnamed = Source(id: nil, title: "Never cited", publisher: nil, url: nil, date: nil, location: SourceLocation(path: "x.md"))
        let text = SourceNotes.definitions(for: [unnamed, plain], language: .english)
        #expect(!text.contains("Never cited"))
        let html = MarkdownParser.parse("A[^plain]\n" + text, options: .init(allowRawHTML: true)).renderHTML()
        #expect(html.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; `code` | 100% _of_ it second line."))
        #expect(SourceNotes.definitions(for: [unnamed], language: .english) == "")
    }

    @Test func aDateFollowsTheDocumentsLanguage() throws {
        let source = Source(id: "s", title: "T", publisher: nil, url: nil, date: PartialDate("2025-01-17"), location: SourceLocation(path: "x.md"))
        let persian = try #require(LanguageTag.parse("fa").tag)
        #expect(SourceNotes.definitions(for: [source], language: persian).contains("۱۷"))
    }

    // MARK: Finding unknown references

    @Test func referencesAreFoundWithTheLineBreaksBeforeThem() {
        let found = SourceNotes.references(in: "a [^x] b\nc [^y-2] [^ not] [^] [^z]")
        #expect(found.map(\.label) == ["x", "y-2", "z"])
        #expect(found.map(\.linesBefore) == [0, 1, 1])
    }

    func diagnostics(_ body: String, sources: [String] = [], firstLine: Int = 5) -> [String] {
        let sourceValues = sources.map { Source(id: $0, title: $0.uppercased(), publisher: nil, url: nil, date: nil, location: SourceLocation(path: "b.md")) }
        let notes = SourceNotes.definitions(for: sourceValues, language: .english)
        let document = MarkdownParser.parse(body + notes)
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).count
        return SourceNotes.unresolvedReferences(
            in: document, body: Body(text: body, firstLine: firstLine), path: "b.md", proseLineCount: lines, sourceIDs: sources
        ).lines
    }

    @Test func anUnknownReferenceIsAnErrorAtItsLineAndColumnWithASuggestion() {
        let body = """
        First line cites [^cspa] and [^csp].

        [^nowhere] opens a paragraph; *and [^nowhere]*
        again, in a list:

        - item [^x]
          more [^x]

        > quote
        > [^quoted]

        [^x]: defined, so x is fine.
        """
        #expect(diagnostics(body, sources: ["cspa"]) == [
            "b.md:5:30: error: unknown note '[^csp]': no footnote '[^csp]: …' is written and no source has id 'csp' (did you mean 'cspa'?)",
            "b.md:7:1: error: unknown note '[^nowhere]': no footnote '[^nowhere]: …' is written and no source has id 'nowhere'",
            "b.md:7:36: error: unknown note '[^nowhere]': no footnote '[^nowhere]: …' is written and no source has id 'nowhere'",
            "b.md:14:3: error: unknown note '[^quoted]': no footnote '[^quoted]: …' is written and no source has id 'quoted'",
        ])
    }

    @Test func anEscapedReferenceAndReferencesInCodeAreText() {
        #expect(diagnostics("Literal \\[^lit] and `[^code]` and\n\n```\n[^block]\n```\n") == [])
    }

    @Test func aBodyEndingInsideACodeBlockSaysWhyTheSourceNoteIsMissing() {
        #expect(diagnostics("Cited[^s1].\n\n```\nnever closed\n", sources: ["s1"]) == [
            "b.md:5:6: error: the note '[^s1]' cites source 's1', but its note could not be added after the text: the text ends inside an unclosed code block or HTML block; close it",
        ])
    }

    // MARK: End to end

    static let site = BuiltSite("""
    -- dossier.yml --
    title: Notes
    -- content/actors/russia.md --
    ---
    title: Russia
    kind: state
    ---
    -- content/actors/kremlin.md --
    ---
    title: Kremlin
    kind: organisation
    sources:
      - id: profile-src
        title: A profile source
    ---
    Kremlin profile.[^profile-src]
    -- content/briefings/treaty.md --
    ---
    title: Treaty
    date: 2025-01-20
    sources:
      - id: cspa-text
        title: Treaty on Comprehensive Strategic Partnership with Russia
        publisher: Kremlin
        url: https://example.org/cspa
        date: 2025-01-17
      - id: own
        title: Written note source
      - title: Background reading that nothing cites
    ---
    Russia signed.[^own] The text says so.[^cspa-text] A written note.[^mine] Again.[^cspa-text]

    [^mine]: My own note.
    [^own]: The definition I wrote wins over the source's.
    """)

    @Test func writtenAndSourceNotesShareOneNumberingInOrderOfFirstReference() throws {
        #expect(Self.site.diagnostics == [])
        let page = try Self.site.read("briefings/treaty/index.html")
        #expect(page.contains(##"<a href="#fn-own" id="fnref-own" data-footnote-ref>1</a>"##))
        #expect(page.contains(##"<a href="#fn-cspa-text" id="fnref-cspa-text" data-footnote-ref>2</a>"##))
        #expect(page.contains(##"<a href="#fn-mine" id="fnref-mine" data-footnote-ref>3</a>"##))
        #expect(page.contains(##"<a href="#fn-cspa-text" id="fnref-cspa-text-2" data-footnote-ref>2</a>"##))
        let notes = try #require(page.range(of: "<section class=\"footnotes\"")).lowerBound
        let order = ["id=\"fn-own\"", "id=\"fn-cspa-text\"", "id=\"fn-mine\""].compactMap { page.range(of: $0)?.lowerBound }
        #expect(order.count == 3 && order == order.sorted() && order[0] > notes)
    }

    @Test func aSourceNoteLinksToTheSourceAndIsNotAMention() throws {
        let page = try Self.site.read("briefings/treaty/index.html")
        #expect(page.contains(##"<a href="https://example.org/cspa">Treaty on Comprehensive Strategic Partnership with Russia</a>, Kremlin, 17 January 2025. <a href="#fnref-cspa-text""##))
        #expect(page.contains("The definition I wrote wins over the source&#39;s.") || page.contains("The definition I wrote wins over the source's."))
        // Neither Russia in the title nor the Kremlin as publisher becomes a mention.
        let prose = try #require(page.components(separatedBy: "<div class=\"prose\">").last?.components(separatedBy: "<footer").first)
        #expect(prose.components(separatedBy: "<a href=\"../../actors/").count == 2)
        let kremlin = try Self.site.read("actors/kremlin/index.html")
        #expect(!kremlin.contains("briefings/treaty/index.html"))
        #expect(try Self.site.read("actors/russia/index.html").contains("briefings/treaty/index.html#"))
    }

    @Test func aSourceWithoutAnIdIsListedWithAnAnchorOfItsOwn() throws {
        let page = try Self.site.read("briefings/treaty/index.html")
        #expect(page.contains(##"<li id="source-background-reading-that-nothing-cites"><cite dir="auto">Background reading that nothing cites</cite></li>"##))
        // The cited source's note shows it in full, so it is not listed a second time.
        #expect(!page.contains(##"<li id="source-cspa-text">"##))
        let sources = try Self.site.read("sources/index.html")
        #expect(sources.contains("Background reading that nothing cites"))
    }

    @Test func actorProfilesCiteTheirSourcesToo() throws {
        let page = try Self.site.read("actors/kremlin/index.html")
        #expect(page.contains(##"<li id="fn-profile-src">"##))
        #expect(page.contains("A profile source."))
    }

    /// A page without front matter keeps its own line endings; cmark-gfm counts a lone
    /// "\r" as a line end, and so must the count of the prose's lines.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func mentionsOnEveryLineAreFoundWhateverTheLineEndings(lineEnd: String) throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: Endings
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        ---
        """)
        defer { project.remove() }
        try project.write("content/pages/about.md", ["# About", "", "First.", "", "Then Iran, and [^nope]."].joined(separator: lineEnd))
        let report = SiteBuilder.check(BuildOptions(root: project.root))
        #expect(report.diagnostics.lines == [
            "content/pages/about.md:1:1: warning: page has no 'title'; using 'about'",
            "content/pages/about.md:5:16: error: unknown note '[^nope]': no footnote '[^nope]: …' is written and no source has id 'nope'",
        ])
        let page = try #require(report.model?.pages.first)
        #expect(page.linked.html.contains("dossier:actors/iran/index.html"))
    }

    @Test func linesAreSplitWhereCmarkEndsThem() {
        #expect(MarkdownLines.split("a\nb\r\nc\rd").map(String.init) == ["a", "b", "c", "d"])
        #expect(MarkdownLines.count("a\nb\r\nc\rd") == 4)
        #expect(MarkdownLines.count("a\n") == 2 && MarkdownLines.split("a\n").count == 2)
    }

    @Test func anUnknownNoteFailsTheBuildAtItsPosition() throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: Notes
        -- content/briefings/b.md --
        ---
        title: B
        date: 2025-01-01
        sources:
          - id: cspa-text
            title: T
        ---
        Claim.[^cspa-txt]
        -- content/pages/about.md --
        ---
        title: About
        ---
        About [^what].
        """)
        defer { project.remove() }
        let report = project.build()
        #expect(report.diagnostics.lines == [
            "content/briefings/b.md:8:7: error: unknown note '[^cspa-txt]': no footnote '[^cspa-txt]: …' is written and no source has id 'cspa-txt' (did you mean 'cspa-text'?)",
            "content/pages/about.md:4:7: error: unknown note '[^what]': no footnote '[^what]: …' is written and no source has id 'what'",
        ])
        #expect(!FileManager.default.fileExists(atPath: project.output.path))
    }
}
