import DossierMarkdown
import Testing
@testable import DossierCore

@Suite struct LinkerTests {
    static let actors = """
    -- dossier.yml --
    linking:
      ignore: [Niger River]
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    aliases: [Islamic Republic of Iran]
    ---
    -- content/actors/russia.md --
    ---
    title: Russia
    kind: state
    ---
    -- content/actors/niger.md --
    ---
    title: Niger
    kind: state
    ---
    """

    func link(_ markdown: String, mode: LinkingMode = .first) throws -> (LinkedDocument, [Diagnostic]) {
        let project = try TestProject(Self.actors)
        defer { project.remove() }
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let document = MarkdownParser.parse(markdown)
        let result = DocumentLinker.link(
            document, id: DocumentID(.briefing, "b"), path: "content/briefings/b.md", body: Body(text: markdown, firstLine: 5),
            index: index, settings: LinkSettings(mode: mode, urlStyle: .disk))
        return (result.document, result.diagnostics)
    }

    @Test func linksTheFirstMentionOfEachActor() throws {
        let (document, _) = try link("Iran and Russia met. Iran's envoy spoke to Russia.\n")
        #expect(document.html == """
        <p id="p-iran-and-russia-met-irans"><a href="dossier:actors/iran/index.html">Iran</a> and \
        <a href="dossier:actors/russia/index.html">Russia</a> met. Iran's envoy spoke to Russia.</p>

        """)
        #expect(document.mentions.map { "\($0.actor):\($0.text):\($0.linked)" } == [
            "iran:Iran:true", "russia:Russia:true", "iran:Iran:false", "russia:Russia:false",
        ])
    }

    @Test func modeAllAndNone() throws {
        let (all, _) = try link("Iran, Iran.\n", mode: .all)
        #expect(all.html.components(separatedBy: "<a ").count == 3)
        let (none, _) = try link("Iran, [Tehran](@iran).\n", mode: .none)
        #expect(none.html.components(separatedBy: "<a ").count == 2)
        #expect(none.mentions.map(\.linked) == [false, true])
    }

    @Test func explicitLinksAlwaysLinkAndCountAsFirst() throws {
        let (document, diagnostics) = try link("[Tehran](@iran) said Iran would answer.\n")
        #expect(diagnostics.isEmpty)
        #expect(document.html.contains("<a href=\"dossier:actors/iran/index.html\">Tehran</a> said Iran would"))
        #expect(document.mentions.map { "\($0.text):\($0.explicit):\($0.linked)" } == ["Tehran:true:true", "Iran:false:false"])
    }

    @Test func unknownExplicitLinkIsAnErrorWithSuggestion() throws {
        let (_, diagnostics) = try link("Text.\n\nAsk [them](@irann) now.\n")
        #expect(diagnostics.lines == ["content/briefings/b.md:7:5: error: unknown actor 'irann' in link '[them](@irann)' (did you mean 'iran'?)"])
    }

    @Test func noMentionsInHeadingsLinksCodeOrHTML() throws {
        let (document, _) = try link("## Iran\n\n[Iran](https://example.org) `Iran` <span>Iran</span> ![Iran](x.png)\n\n```\nIran\n```\n")
        #expect(document.mentions.isEmpty)
    }

    @Test func ignoredPhrasesAreNotMentions() throws {
        let (document, _) = try link("The Niger River crosses Niger.\n")
        #expect(document.mentions.map(\.text) == ["Niger"])
    }

    @Test func anchorsAreStableWhenOtherTextChanges() throws {
        let (before, _) = try link("# Title\n\nFirst paragraph here.\n\nIran joined the SCO in 2023.\n")
        let (after, _) = try link("# Title\n\nA rewritten first paragraph, much longer.\n\nIran joined the SCO in 2023.\n")
        #expect(before.mentions.first?.anchor == "p-iran-joined-the-sco-in")
        #expect(after.mentions.first?.anchor == "p-iran-joined-the-sco-in")
        #expect(before.tableOfContents.isEmpty)
    }

    @Test func everyBlockKindGetsAnAnchor() throws {
        let (document, _) = try link("## Iran section\n\n- Iran item\n\n> Iran quote\n\n| Iran | x |\n|---|---|\n| 1 | 2 |\n")
        for id in ["iran-section", "li-iran-item", "quote-iran-quote", "p-iran-quote", "table-iran-x-1-2"] {
            #expect(document.html.contains("id=\"\(id)\""), "missing \(id)")
        }
        #expect(document.mentions.map(\.anchor) == ["li-iran-item", "p-iran-quote", "table-iran-x-1-2"])
    }

    @Test func snippetsAreAboutTwoHundredCharactersCutAtWords() throws {
        let filler = Array(repeating: "word", count: 80).joined(separator: " ")
        let (document, _) = try link("\(filler) Iran \(filler)\n")
        let snippet = try #require(document.mentions.first?.snippet)
        #expect(snippet.hasPrefix("…word "))
        #expect(snippet.hasSuffix(" word…"))
        #expect(snippet.contains("Iran"))
        #expect((180...210).contains(snippet.count))
    }
}

@Suite struct SnippetTests {
    @Test func shortTextIsKeptWhole() {
        #expect(Snippet.around("Iran met Russia.", start: 0, length: 4) == "Iran met Russia.")
    }
}
