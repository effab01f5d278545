import Foundation
import Testing
@testable import DossierCore

/// A one-shot build moves each document's text (what snippets and search passages
/// quote) into the spill file after linking, as it does the HTML: the document, its
/// mentions and its passages share one text object, so one spill takes it out of
/// memory for all of them, and everything that quotes it reads back the same bytes.
@Suite struct SpilledTextTests {
    func link(_ markdown: String = SharedDocumentTextTests.markdown) throws -> LinkedDocument {
        try SharedDocumentTextTests().link(markdown).document
    }

    /// Every text object the document's mentions and passages quote.
    func quotedTexts(_ document: LinkedDocument) -> [SpillableText] {
        var texts: [SpillableText] = []
        for mention in document.mentions {
            if case .document(let text) = mention.quotedSnippet.quoting { texts.append(text) }
        }
        for passage in document.searchPassages {
            if case .document(let text) = passage.quoted.quoting { texts.append(text) }
        }
        return texts
    }

    /// What a page, the search index and the data export read of the document.
    func everythingQuoted(_ document: LinkedDocument) -> [String] {
        let passages = ExportPassages(document.mentions)
        return document.mentions.map(\.snippet) + document.searchPassages.map(\.text)
            + passages.passages.map { passages.text(of: $0, in: document.mentions) }
            + document.mentions.enumerated().map { position, mention in
                let range = passages.snippetRange(of: mention, in: passages.passages[passages.passage(ofMention: position)])
                return "\(range)"
            }
    }

    @Test func theDocumentItsMentionsAndItsPassagesShareOneText() throws {
        let document = try link()
        let texts = quotedTexts(document)
        #expect(texts.count > document.mentions.count)
        #expect(texts.allSatisfy { $0 === texts[0] })
        #expect(texts[0].string == document.text)
    }

    @Test func spillingTheTextTakesItFromEveryCopyAndEverythingReadsTheSame() throws {
        let document = try link()
        let copy = document
        let before = everythingQuoted(document)
        let file = try #require(HTMLSpillFile())
        document.spillText(to: file)
        #expect(copy.isTextSpilled)
        #expect(quotedTexts(copy).allSatisfy { $0.isSpilled })
        #expect(everythingQuoted(copy) == before)
        #expect(before.contains { $0.contains("Иран") } && before.contains { $0.contains("🇶🇦") })
    }

    @Test func aDocumentReadFromTheBuildCacheSharesOneTextThatSpills() throws {
        let original = try link()
        var encoder = CacheEncoder()
        encoder.linkResult(LinkResult(document: original, diagnostics: []))
        var decoder = CacheDecoder(encoder.bytes)
        let decoded = try decoder.linkResult().document
        let texts = quotedTexts(decoded)
        #expect(texts.count == quotedTexts(original).count)
        #expect(texts.allSatisfy { $0 === texts[0] })
        decoded.spillText(to: try #require(HTMLSpillFile()))
        #expect(texts.allSatisfy { $0.isSpilled })
        #expect(everythingQuoted(decoded) == everythingQuoted(original))
    }

    @Test func aPassageCollapsedByCharactersKeepsItsOwnTextAndReadsTheSameAfterTheSpill() throws {
        // A space before a combining mark is one character with it: that passage is
        // collapsed by characters and kept as a string of its own.
        let document = try link("Iran \u{301}and  Qatar met.\n\nIran   spoke  to Qatar.\n")
        let passages = document.searchPassages.map(\.text)
        let own = document.searchPassages.filter { if case .own = $0.quoted.quoting { true } else { false } }
        #expect(own.count == 1)
        document.spillText(to: try #require(HTMLSpillFile()))
        #expect(document.searchPassages.map(\.text) == passages)
        #expect(passages.contains("Iran spoke to Qatar."))
    }

    @Test func spilledTextReadsBackExactBytesAndClampsRangesPastItsEnd() throws {
        let value = "é Tehran — تهران 🇮🇷"
        let text = SpillableText(value)
        text.spill(to: try #require(HTMLSpillFile()))
        #expect(text.isSpilled && text.string == value && text.utf8Count == value.utf8.count)
        let bytes = Array(value.utf8)
        for range in [0..<2, 3..<9, 12..<bytes.count, 0..<bytes.count, 20..<1_000, 1_000..<2_000] {
            let read = text.withBytes(range) { buffer, start in (Array(buffer), start) }
            let clamped = range.clamped(to: 0..<bytes.count)
            #expect(read.0 == Array(bytes[clamped]) && read.1 == clamped.lowerBound)
        }
        #expect(DocumentText.string(.document(text), 3..<9, before: "…", after: "…") == "…Tehran…")
        #expect(DocumentText.collapsingSpaces(.document(text), first: 0..<3, more: [3..<9]) == "é Tehran")
    }

    @Test func aReleasingBuildSpillsEveryTextAndWritesTheSameFiles() throws {
        let project = try TestProject(SharedDocumentTextTests.actors + """

            -- content/briefings/b.md --
            ---
            title: B
            date: 2025-01-01
            ---
            \(SharedDocumentTextTests.markdown)
            -- content/pages/about.md --
            ---
            title: About
            ---
            This desk follows Iran  and Qatar \u{301}closely.
            """)
        defer { project.remove() }
        let (kept, keptFiles) = DocumentLifetimeTests.build(project.root, releasing: false)
        let (released, releasedFiles) = DocumentLifetimeTests.build(project.root, releasing: true)
        #expect(kept.diagnostics.isEmpty && released.diagnostics.isEmpty)
        #expect(releasedFiles.keys.sorted() == keptFiles.keys.sorted())
        for (path, data) in keptFiles where releasedFiles[path] != data {
            Issue.record("\(path) differs when the documents' text is spilled")
        }
        let model = try #require(released.model)
        #expect(model.briefings.allSatisfy(\.linked.isTextSpilled) && model.pages.allSatisfy(\.linked.isTextSpilled))
        let keptModel = try #require(kept.model)
        #expect(keptModel.briefings.allSatisfy { !$0.linked.isTextSpilled })
        #expect(keptFiles.keys.contains { $0.hasPrefix("data/passages/") } && keptFiles.keys.contains { $0.hasPrefix("assets/search/documents/") })
    }
}

/// A one-shot build spills each document's HTML as soon as it is linked (given a spill
/// file in `LinkSettings.htmlSpill`), so the link stage never holds every document's
/// HTML at once; the build cache's entries are still written from it.
@Suite struct HTMLSpilledWhileLinkingTests {
    @Test func eachDocumentLeavesTheLinkerWithItsHTMLInTheSpillFile() throws {
        let project = try TestProject(DocumentLifetimeTests.projectText)
        defer { project.remove() }
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let kept = ProjectLinker.linkEach(loaded, index: index, settings: LinkSettings())
        var settings = LinkSettings()
        let spillFile = try #require(HTMLSpillFile())
        settings.htmlSpill = spillFile
        let spilled = ProjectLinker.linkEach(loaded, index: index, settings: settings)
        #expect(spilled.count == kept.count && spilled.count > 20)
        #expect(spilled.allSatisfy { $0.document.isHTMLSpilled } && kept.allSatisfy { !$0.document.isHTMLSpilled })
        #expect(spilled.map(\.document.html) == kept.map(\.document.html))
        #expect(settings == LinkSettings())
    }

    /// Each text is spilled on the linking thread once its entry is written, so nothing
    /// is left for the build to spill after the stage (which held a 100,000-briefing
    /// build up by 1.7 s).
    @Test func theLinkStageLeavesEveryFreshlyLinkedTextInTheSpillFile() throws {
        let project = try TestProject(DocumentLifetimeTests.projectText)
        defer { project.remove() }
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let kept = ProjectLinker.linkAll(loaded, index: index, settings: LinkSettings()).documents
        for folder in [nil, project.root.appendingPathComponent(".dossier/cache")] {
            var settings = LinkSettings()
            let spill = try #require(HTMLSpillFile())
            settings.htmlSpill = spill
            let linked = LinkMemo.linkAll(loaded, index: index, settings: settings, cache: BuildCache(folder: folder), root: project.root).documents
            #expect(linked.count == kept.count && linked.count > 20)
            #expect(linked.values.allSatisfy { $0.isTextSpilled && $0.isHTMLSpilled })
            #expect(linked.allSatisfy { id, document in document.text == kept[id]?.text && document.mentions == kept[id]?.mentions })
            #expect(linked.spillHTMLAndText(to: settings.htmlSpill) == linked.count)
            // The entries were written from the texts before they left memory.
            let reread = LinkMemo.linkAll(loaded, index: index, settings: LinkSettings(), cache: BuildCache(folder: folder), root: project.root).documents
            if folder != nil { #expect(reread.allSatisfy { id, document in document.text == kept[id]?.text }) }
        }
    }

    @Test func aBuildCacheFilledByALinkerThatSpillsReadsBackTheSameDocuments() throws {
        let project = try TestProject(DocumentLifetimeTests.projectText)
        defer { project.remove() }
        let cacheFolder = project.root.appendingPathComponent(".dossier/cache")
        let (_, reference) = DocumentLifetimeTests.build(project.root, releasing: false)
        let (first, firstFiles) = DocumentLifetimeTests.build(project.root, releasing: true, cache: BuildCache(folder: cacheFolder))
        // A new process: every document comes from the entries the releasing build wrote.
        let (second, secondFiles) = DocumentLifetimeTests.build(project.root, releasing: false, cache: BuildCache(folder: cacheFolder))
        #expect(first.diagnostics.isEmpty && second.diagnostics.isEmpty)
        #expect(firstFiles == reference && secondFiles == reference)
    }
}
