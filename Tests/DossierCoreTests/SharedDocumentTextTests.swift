import DossierMarkdown
import Testing
@testable import DossierCore

/// A linked document holds its text once: its mentions' snippets and its search
/// passages are byte ranges of it, made into strings only when read, and they read
/// exactly as the strings the linker used to keep (tested against the same cuts made
/// the old way); the build cache keeps that sharing; mentions copied into the model
/// keep value semantics.
@Suite struct SharedDocumentTextTests {
    static let actors = """
    -- dossier.yml --
    title: Test
    exports: all
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    aliases: [Tehran, Иран]
    ---
    -- content/actors/qatar.md --
    ---
    title: Qatar
    kind: state
    ---
    """

    static let markdown = """
    ## Москва and Iran

    Before the summit, Москва said Iran's envoy would meet Qatar's in Vienna 🇦🇹 next week; \
    \(String(repeating: "officials in Tehran said more talks would follow, ", count: 8))and Иран agreed.

    > A quote about Qatar, with a list:
    >
    > - Iran first
    > - then Qatar, in  two   spaces

    | Actor | Role |
    | --- | --- |
    | Iran | host |
    | Qatar | guest 🇶🇦 |

    Iran asked for a note.[^1]

    [^1]: A note naming Qatar.
    """

    func link(_ markdown: String) throws -> (document: LinkedDocument, parsed: MarkdownDocument) {
        let project = try TestProject(Self.actors)
        defer { project.remove() }
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let result = DocumentLinker.link(
            MarkdownParser.parse(markdown), id: DocumentID(.briefing, "b"), path: "content/briefings/b.md",
            body: Body(text: markdown, firstLine: 5), index: index, settings: LinkSettings(mode: .all, urlStyle: .disk))
        return (result.document, MarkdownParser.parse(markdown))
    }

    @Test func everySnippetIsARangeOfTheDocumentsOneTextAndMarksItsName() throws {
        let (document, _) = try link(Self.markdown)
        #expect(document.mentions.count >= 10)
        for mention in document.mentions {
            #expect(mention.quotedSnippet.source == document.text)
            var quoted = Substring(mention.snippet)
            if quoted.hasPrefix(Snippet.ellipsis) { quoted = quoted.dropFirst() }
            if quoted.hasSuffix(Snippet.ellipsis) { quoted = quoted.dropLast() }
            #expect(document.text.contains(quoted), "'\(mention.snippet)' quotes the document's text")
            let scalars = Array(mention.snippet.unicodeScalars)
            #expect(String(String.UnicodeScalarView(scalars[mention.snippetMatch])) == mention.text)
        }
        let snippets = document.mentions.map(\.snippet)
        #expect(snippets.contains { $0.hasPrefix(Snippet.ellipsis) && $0.hasSuffix(Snippet.ellipsis) && $0.contains("Tehran") })
        #expect(snippets.contains("Qatar guest 🇶🇦"), "a table row is the passage")
        #expect(snippets.contains { $0.hasPrefix("Before the summit, Москва said Iran") })
    }

    /// The snippets the linker made before they became ranges: a string per mention,
    /// cut from its block's scalars. Both ways must read the same.
    @Test func snippetsReadAsTheStringsCutFromTheirBlocks() throws {
        let (document, parsed) = try link(Self.markdown)
        let blockTexts = parsed.blocks.map(\.plainTextScalars)
        for mention in document.mentions where mention.anchor.map({ !$0.hasPrefix("table") }) == true {
            // Every cut of every block that marks this name where the mention marks it.
            let candidates = blockTexts.flatMap { text -> [String] in
                let scalars = Array(text)
                let name = Array(mention.text.unicodeScalars)
                return scalars.indices.filter { Array(scalars[$0...].prefix(name.count)) == name }.map { start in
                    Snippet.passage(text, start: start, length: name.count).text
                }
            }
            #expect(candidates.contains(mention.snippet), "\(mention.snippet)")
        }
    }

    @Test func theDocumentsTextIsItsTopLevelBlocksOneALine() throws {
        let (document, parsed) = try link(Self.markdown)
        let topLevel = parsed.blocks.filter { $0.parentIndex == nil }.map(\.plainText)
        #expect(document.text == topLevel.joined(separator: "\n"))
        #expect(document.plainText == document.text)
    }

    @Test func searchPassagesReadAsEachBlocksOwnTextWithSpacesCollapsedByCharacter() throws {
        let (document, parsed) = try link(Self.markdown)
        // Collapsed by Characters, as the linker did when it kept a string per passage.
        var children: [Int: [Int]] = [:]
        for block in parsed.blocks { if let parent = block.parentIndex { children[parent, default: []].append(block.index) } }
        var expected: [String] = []
        for block in parsed.blocks {
            var own = String.UnicodeScalarView()
            var cursor = block.plainTextScalars.startIndex
            for child in children[block.index] ?? [] {
                let range = parsed.blocks[child].plainTextScalars.indices
                if range.lowerBound > cursor { own.append(contentsOf: block.plainTextScalars[cursor..<range.lowerBound]) }
                cursor = max(cursor, range.upperBound)
            }
            own.append(contentsOf: block.plainTextScalars[cursor...])
            let text = String(own).split(whereSeparator: { $0 == " " }).joined(separator: " ")
            if !text.isEmpty { expected.append(text) }
        }
        #expect(document.searchPassages.map(\.text) == expected)
        #expect(document.searchPassages.contains { $0.text == "then Qatar, in two spaces" })
        #expect(document.searchPassages.allSatisfy { $0.quoted.source == document.text }, "\(document.searchPassages.filter { $0.quoted.source != document.text }.map(\.text))")
    }

    @Test func aSpaceThatACombiningMarkJoinsIsNoSeparatorInAPassage() throws {
        // " \u{301}" is one Character, not a space: the passage keeps it as the old
        // Character-level collapsing did, and is stored as a string of its own.
        let paragraph = "Iran  and \u{301} Qatar  met."
        let (document, _) = try link(paragraph + "\n")
        #expect(document.searchPassages.map(\.text) == [paragraph.split(whereSeparator: { $0 == " " }).joined(separator: " ")])
        #expect(document.searchPassages.first?.text.contains(" \u{301}") == true)
        #expect(document.searchPassages.first?.quoted.collapses == false)
    }

    @Test func byteRangesOfTextWithMultiByteScalarsQuoteWholeScalars() {
        let blocks = ["Москва 🇦🇹 Iran", "", "é Qatar"].map { Array($0.unicodeScalars)[...] }
        // Slices of one buffer, as the parser makes them.
        var buffer: [Unicode.Scalar] = []
        var slices: [ArraySlice<Unicode.Scalar>] = []
        for block in blocks {
            let start = buffer.count
            buffer += block
            slices.append(buffer[start..<buffer.count])
        }
        slices = slices.map { buffer[$0.indices] }
        let text = DocumentText(topLevel: slices)
        #expect(text.string == "Москва 🇦🇹 Iran\n\né Qatar")
        let iran = slices[0][(slices[0].startIndex + 10)...]
        #expect(DocumentText.string(text.string, text.bytes(of: iran), before: "…", after: "") == "…Iran")
        let qatar = slices[2]
        #expect(DocumentText.string(text.string, text.bytes(of: qatar), before: "", after: "…") == "é Qatar…")
        #expect(text.bytes(of: slices[1]).isEmpty)
    }

    @Test func aSliceOutsideTheBlocksQuotesNothingInsteadOfCrashing() {
        let buffer = Array("Iran met Qatar. Then Oman.".unicodeScalars)
        // Blocks given out of order: the table still covers both.
        let text = DocumentText(topLevel: [buffer[16..<26], buffer[0..<15]])
        #expect(text.string == "Then Oman.\nIran met Qatar.")
        #expect(DocumentText.string(text.string, text.bytes(of: buffer[0..<4]), before: "", after: "") == "Iran")
        let elsewhere = Array(String(repeating: "x", count: 40).unicodeScalars)
        #expect(text.bytes(of: elsewhere[30..<35]).isEmpty)
    }

    @Test func aCopiedMentionKeepsValueSemantics() throws {
        let (document, _) = try link(Self.markdown)
        let original = document.mentions[0]
        var copy = original
        #expect(copy == original)
        copy.actor = "someone-else"
        copy.snippet = "Replaced"
        #expect(original.actor != "someone-else" && original.snippet != "Replaced")
        #expect(copy.snippet == "Replaced" && copy.quotedSnippet.source == "Replaced")
        #expect(copy != original)
    }

    @Test func theCacheReadsBackOneSharedTextAndTheSameSnippetsAndPassages() throws {
        let (document, _) = try link(Self.markdown)
        var withOwnSnippet = document
        withOwnSnippet.mentions.append(Mention(actor: "iran", document: document.id, text: "Iran", snippet: "Iran alone", linked: true,
                                               explicit: true, snippetMatch: 0..<4))
        withOwnSnippet.searchPassages.append(SearchPassage(anchor: "extra", text: "kept  as written"))
        for original in [document, withOwnSnippet] {
            var encoder = CacheEncoder()
            encoder.linkResult(LinkResult(document: original, diagnostics: []))
            var decoder = CacheDecoder(encoder.bytes)
            let decoded = try decoder.linkResult().document
            #expect(decoded == original)
            #expect(decoded.mentions.map(\.snippet) == original.mentions.map(\.snippet))
            #expect(decoded.searchPassages.map(\.text) == original.searchPassages.map(\.text))
            #expect(decoded.mentions.filter { $0.quotedSnippet.source == decoded.text }.count == document.mentions.count)
        }
    }

    @Test func aCacheEntryWhoseRangeLeavesTheTextIsMalformed() throws {
        let document = LinkedDocument(
            id: DocumentID(.briefing, "b"), html: "", tableOfContents: [],
            mentions: [Mention(actor: "iran", document: DocumentID(.briefing, "b"), anchor: "p", text: "Iran",
                               quoting: MentionSnippet(source: "Iran met Qatar.", bytes: 0..<15, cutBefore: false, cutAfter: false),
                               linked: true, explicit: false, snippetMatch: 0..<4, otherMatches: [], section: nil)],
            plainText: "Iran met Qatar.", wordCount: 3)
        var encoder = CacheEncoder()
        encoder.linkResult(LinkResult(document: document, diagnostics: []))
        var good = CacheDecoder(encoder.bytes)
        #expect(try good.linkResult().document.mentions.first?.snippet == "Iran met Qatar.")
        // Shorten the text by one byte (its length is a zigzag varint: 15 is 30): the
        // snippet's range now reaches past it.
        let textEnd = encoder.bytes.firstRange(of: Array("Iran met Qatar.".utf8))!
        var bytes = encoder.bytes
        bytes.replaceSubrange(textEnd, with: Array("Iran met Qatar".utf8))
        bytes[textEnd.lowerBound - 1] -= 2
        var bad = CacheDecoder(bytes)
        #expect(throws: CacheDecoder.Malformed.self) { try bad.linkResult() }
    }

    @Test func theNotesHeadingIsInsertedIntoAnExactCopy() {
        let html = "<p>Iran</p>\n" + FootnotesHeading.opening + "<ol><li>x</li></ol>\n</section>\n"
        let result = FootnotesHeading.insert(into: html)
        #expect(result == "<p>Iran</p>\n" + FootnotesHeading.opening + FootnotesHeading.heading + "<ol><li>x</li></ol>\n</section>\n")
        #expect(FootnotesHeading.insert(into: "<p>no notes</p>") == "<p>no notes</p>")
    }
}
