import DossierMarkdown
import Testing
@testable import DossierCore

/// What counts as a mention and which passage quotes it: footnotes are citations,
/// a table row is the passage of a mention in a table, the name is located in its
/// snippet, and each passage knows its section.
@Suite struct MentionPassageTests {
    static let actors = """
    -- dossier.yml --
    title: Test
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    ---
    -- content/actors/qatar.md --
    ---
    title: Qatar
    kind: state
    ---
    -- content/actors/sputnik.md --
    ---
    title: Sputnik
    kind: organization
    ---
    """

    func link(_ markdown: String) throws -> LinkedDocument {
        let project = try TestProject(Self.actors)
        defer { project.remove() }
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let result = DocumentLinker.link(
            MarkdownParser.parse(markdown), id: DocumentID(.briefing, "b"), path: "content/briefings/b.md",
            body: Body(text: markdown, firstLine: 5), index: index, settings: LinkSettings(mode: .all, urlStyle: .disk))
        return result.document
    }

    @Test func textInAFootnoteDefinitionIsNeitherAMentionNorLinked() throws {
        let document = try link("""
        Iran joined the SCO.[^sco]

        [^sco]: Sputnik, 4 July 2023, on the declaration admitting Iran.
        """)
        #expect(document.mentions.map(\.actor) == ["iran"])
        #expect(!document.html.contains("actors/sputnik"))
        #expect(document.html.components(separatedBy: "dossier:actors/iran/").count == 2, "only the prose mention is linked")
    }

    @Test func anExplicitLinkInAFootnoteStaysALinkButIsNotAMention() throws {
        let document = try link("""
        Qatar hedges.[^n]

        [^n]: As reported by [the agency](@sputnik).
        """)
        #expect(document.mentions.map(\.actor) == ["qatar"])
        #expect(document.html.contains("href=\"dossier:actors/sputnik/index.html\""))
    }

    @Test func aMentionInATableQuotesItsRowNotTheWholeTable() throws {
        let document = try link("""
        | Question | Before | After |
        |---|---|---|
        | Starting point | Adversary of Iran | Close partner |
        | Main risk | A US–Qatar clash | Exposure |
        """)
        let snippets = Dictionary(uniqueKeysWithValues: document.mentions.map { ($0.actor, $0.snippet) })
        #expect(snippets["iran"] == "Starting point Adversary of Iran Close partner")
        #expect(snippets["qatar"] == "Main risk A US–Qatar clash Exposure")
        #expect(document.mentions.allSatisfy { $0.anchor?.hasPrefix("table-") == true }, "the link still goes to the table")
    }

    @Test func aMentionInATableHeaderQuotesTheHeaderRow() throws {
        let document = try link("""
        | | Iran | Qatar |
        |---|---|---|
        | Starting point | Adversary | Partner |
        """)
        #expect(document.mentions.map(\.snippet) == ["Iran Qatar", "Iran Qatar"])
    }

    @Test func theSnippetLocatesTheMatchedName() throws {
        let document = try link("Talks in Doha: Qatar and Iran met again.\n")
        for mention in document.mentions {
            let scalars = Array(mention.snippet.unicodeScalars)
            #expect(String(String.UnicodeScalarView(scalars[mention.snippetMatch])) == mention.text)
        }
        #expect(document.mentions.count == 2)
    }

    @Test func theMatchIsLocatedInACutSnippetToo() throws {
        let filler = String(repeating: "word ", count: 80)
        let document = try link(filler + "then Iran spoke. " + filler + "\n")
        let mention = try #require(document.mentions.first)
        #expect(mention.snippet.hasPrefix("…") && mention.snippet.hasSuffix("…"))
        let scalars = Array(mention.snippet.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[mention.snippetMatch])) == "Iran")
    }

    @Test func eachPassageKnowsTheHeadingItSitsUnder() throws {
        let document = try link("""
        Iran opens.

        ## Gulf ties

        Qatar follows.

        - Iran again
        """)
        #expect(document.mentions.map { "\($0.actor):\($0.section ?? "-")" } == ["iran:-", "qatar:Gulf ties", "iran:Gulf ties"])
    }

    @Test func snippetPassageRangeAgreesWithAround() {
        let text = "The Islamic Republic of Iran and Russia signed."
        let passage = Snippet.passage(text, start: 24, length: 4)
        #expect(passage.text == Snippet.around(text, start: 24, length: 4))
        #expect(passage.match == 24..<28)
    }
}

extension MentionPassageTests {
    @Test func aVeryLongHeadingIsCutAsASectionTitle() throws {
        let heading = String(repeating: "long ", count: 2_000)
        let document = try link("## \(heading)\n\nIran speaks.\n")
        let section = try #require(document.mentions.first?.section)
        #expect(section.unicodeScalars.count <= PassageSections.maximumLength + 1)
        #expect(section.hasSuffix("…"))
    }
}

extension MentionPassageTests {
    @Test func anExplicitLinkInATableQuotesItsRow() throws {
        let document = try link("""
        | Party | Role |
        |---|---|
        | [Tehran](@iran) | Signatory |
        | Doha | Host |
        """)
        let mention = try #require(document.mentions.first)
        #expect(mention.snippet == "Tehran Signatory")
        #expect(mention.snippetMatch == 0..<6)
    }
}

extension MentionPassageTests {
    @Test func theSameActorsOtherNamesInThePassageAreLocatedToo() throws {
        let document = try link("Iran and Qatar met; Iran spoke first.\n")
        let iran = try #require(document.mentions.first { $0.actor == "iran" })
        #expect(iran.snippetMatch == 0..<4)
        #expect(iran.otherMatches == [20..<24])
        let qatar = try #require(document.mentions.first { $0.actor == "qatar" })
        #expect(qatar.otherMatches.isEmpty, "another actor's names are not marked")
    }

    @Test func otherNamesOutsideACutSnippetAreNotLocated() throws {
        let filler = String(repeating: "word ", count: 80)
        let document = try link("Iran opens. " + filler + "Iran closes.\n")
        let first = try #require(document.mentions.first)
        #expect(first.otherMatches.isEmpty)
    }
}
