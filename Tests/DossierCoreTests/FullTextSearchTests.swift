import DossierMarkdown
import Foundation
import Testing
@testable import DossierCore

/// Issue 12, search: the whole text of every document is indexed passage by passage,
/// in term shards and document parts (docs/search-index.md), and each passage keeps
/// the anchor its block has in the page.
@Suite struct FullTextSearchTests {
    /// Three long paragraphs, so the last one begins well past the 600 characters the
    /// index used to keep, and a Chinese briefing whose last paragraph says "treaty".
    /// With `search.passages` on, so the parts show the passages these tests read.
    static let project = """
    -- dossier.yml --
    title: Test Desk
    base_url: https://example.org/
    search: {passages: true}
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    aliases: [Islamic Republic of Iran]
    ---
    Iran borders the Caspian Sea.
    -- content/briefings/shipping.md --
    ---
    title: Gulf shipping after the strikes
    date: 2025-06-30
    summary: What the strikes changed for tankers.
    actors: [iran]
    ---
    \(String(repeating: "Tankers crossing the Strait of Hormuz slowed down after the strikes in June. ", count: 8))

    \(String(repeating: "Port calls at Bandar Abbas dropped and freight rates rose for a month. ", count: 8))

    Finally, Iran's shipowners now pay war-risk insurance premiums three times as high as in May.
    -- content/briefings/zh-treaty.md --
    ---
    title: 伊朗与俄罗斯
    date: 2025-01-25
    language: zh
    ---
    伊朗和俄罗斯在莫斯科会谈。

    两国签署了条约。
    """

    static let site = BuiltSite(project)

    /// The value a part of the index hands to `DossierSearch.receive`.
    static func part(_ path: String) throws -> Any {
        let text = try site.read(path)
        let name = String(path.dropFirst("assets/search/".count).dropLast(".js".count))
        let prefix = "DossierSearch.receive(\"\(name)\", ", suffix = ");\n"
        #expect(text.hasPrefix(prefix) && text.hasSuffix(suffix), "\(path)")
        let json = text.dropFirst(prefix.count).dropLast(suffix.count)
        return try JSONSerialization.jsonObject(with: Data(json.utf8))
    }

    static func manifest() throws -> [String: Any] {
        let text = try site.read("assets/search-index.js")
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("window.DOSSIER_SEARCH_INDEX = ") })
        let json = line.dropFirst("window.DOSSIER_SEARCH_INDEX = ".count).dropLast()
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    /// Every term of the index with its documents, read back from all shards.
    static func terms() throws -> [(term: String, documents: [(number: Int, field: Int)])] {
        let shards = try #require(try manifest()["shards"] as? [String])
        return try shards.indices.flatMap { number -> [(term: String, documents: [(number: Int, field: Int)])] in
            let shard = try #require(try part("assets/search/terms/\(number).js") as? [[String]])
            return shard.map { ($0[0], decode($0[1])) }
        }
    }

    /// What search.js's decode() does.
    static func decode(_ text: String) -> [(number: Int, field: Int)] {
        var previous = 0
        return text.split(separator: ",").map { piece in
            let value = Int(piece, radix: 36)!
            previous += value / 4
            return (previous, value % 4)
        }
    }

    static func document(_ number: Int) throws -> [String: Any] {
        try #require(try part("assets/search/documents/\(number).js") as? [String: Any])
    }

    @Test func aWordFromTheLastParagraphIsIndexedAndLinksToThatParagraphsAnchor() throws {
        let insurance = try #require(try Self.terms().first { $0.term == "insurance" })
        #expect(insurance.documents.count == 1)
        let document = try Self.document(insurance.documents[0].number)
        #expect(document["u"] as? String == "briefings/shipping/index.html")
        #expect(document["t"] as? String == "Gulf shipping after the strikes")
        let passages = try #require(document["b"] as? [[String]])
        let passage = try #require(passages.first { $0[1].contains("insurance") })
        #expect(passage == passages.last)
        #expect(passage[0] == "p-finally-irans-shipowners-now-pay")
        #expect(passage[1] == "Finally, Iran's shipowners now pay war-risk insurance premiums three times as high as in May.")
        let page = try Self.site.read("briefings/shipping/index.html")
        #expect(page.contains(" id=\"p-finally-irans-shipowners-now-pay\""))
        // The old index kept 600 characters of text: this word starts far beyond them.
        let body = passages.map { $0[1] }.joined(separator: "\n")
        #expect(body.distance(from: body.startIndex, to: try #require(body.range(of: "insurance")).lowerBound) > 1_000)
    }

    @Test func unspacedScriptsAreIndexedInPairsToTheLastParagraph() throws {
        let terms = try Self.terms()
        let treaty = try #require(terms.first { $0.term == "条约" })
        let document = try Self.document(treaty.documents[0].number)
        #expect(document["u"] as? String == "briefings/zh-treaty/index.html")
        #expect(document["l"] as? String == "zh")
        let passages = try #require(document["b"] as? [[String]])
        #expect(passages.map { $0[1] } == ["伊朗和俄罗斯在莫斯科会谈。", "两国签署了条约。"])
        let iran = try #require(terms.first { $0.term == "伊朗" })
        #expect(iran.documents.map(\.field) == [3], "in the title and the text: the title counts")
    }

    @Test func aTermCountsWhereItRanksHighest() throws {
        let terms = try Self.terms()
        let shipping = try Self.document(try #require(terms.first { $0.term == "insurance" }).documents[0].number)
        let number = try #require((0..<3).first { (try? Self.document($0)["u"] as? String) == shipping["u"] as? String })
        func field(_ term: String) -> Int? {
            terms.first { $0.term == term }?.documents.first { $0.number == number }?.field
        }
        #expect(field("gulf") == 3, "title")
        #expect(field("tankers") == 2, "in the summary and the text: the summary counts")
        #expect(field("iran") == 2, "a principal actor's name")
        #expect(field("premiums") == 0, "text, one passage")
        #expect(field("freight") == 0, "text, one passage, eight times")
        #expect(field("strikes") == 3, "title over text")
    }

    @Test func aTermInSeveralPassagesRanksAboveOneSaidOnce() {
        func document(_ title: String, _ passages: [String]) -> SearchIndex.Document {
            SearchIndex.Document(title: title, url: "u", kind: "briefing", date: "", summary: "", language: nil, keywords: [],
                                 passages: passages.map { SearchPassage(anchor: "p", text: $0) })
        }
        let postings = SearchIndex.postings(of: [
            document("Gas", ["Oil prices rose.", "Oil, oil and gas.", "Gas for oil."]),
            document("Oil", ["Oil and gas.", "Gas."]),
            document("Grain", ["Oil once, oil twice.", "Gas.", "Gas.", "Gas."]),
        ])
        func fields(_ term: String) -> [[Int]] {
            postings.first { $0.term == term }?.documents.map { [$0.number, $0.field.rawValue] } ?? []
        }
        #expect(fields("oil") == [[0, SearchIndex.Field.repeatedBody.rawValue], [1, SearchIndex.Field.title.rawValue], [2, 0]])
        #expect(fields("gas") == [[0, 3], [1, 0], [2, 1]])
    }

    @Test func documentsAreNumberedByTitle() throws {
        let count = try #require(try Self.manifest()["documents"] as? Int)
        let titles = try (0..<count).map { try Self.document($0)["t"] as? String ?? "" }
        #expect(titles == ["Gulf shipping after the strikes", "Iran", "伊朗与俄罗斯"])
    }

    @Test func passagesHoldEachBlocksOwnTextOnce() throws {
        let markdown = """
        ## Background

        > Quoted first paragraph.
        >
        > Quoted second paragraph.

        - Item one
          - nested item
        - Item two

        | Actor | Role |
        | --- | --- |
        | Iran | host |
        """
        let document = MarkdownParser.parse(markdown)
        var namer = AnchorNamer()
        let anchors = Dictionary(uniqueKeysWithValues: document.blocks.map {
            ($0.index, namer.name(for: $0.kind, text: $0.plainText))
        })
        let text = DocumentText(topLevel: document.blocks.filter { $0.parentIndex == nil }.map(\.plainTextScalars))
        let passages = SearchPassages.passages(of: document.blocks, anchors: anchors, text: text)
        #expect(passages.map(\.text) == [
            "Background", "Quoted first paragraph.", "Quoted second paragraph.", "Item one", "nested item", "Item two",
            "Actor Role Iran host",
        ])
        #expect(passages.map(\.anchor) == [
            "background", "p-quoted-first-paragraph", "p-quoted-second-paragraph", "li-item-one-nested-item", "li-nested-item",
            "li-item-two", "table-actor-role-iran-host",
        ])
    }

    @Test func postingsAreGapsAndFieldsInBase36() {
        #expect(SearchIndex.encode([(0, .body), (1, .title), (13, .title)]) == "0,7,1f")
        #expect(Self.decode("0,7,1f").map { [$0.number, $0.field] } == [[0, 0], [1, 3], [13, 3]])
        let many = (0..<500).map { (number: $0 * 7, field: SearchIndex.Field(rawValue: $0 % 4)!) }
        #expect(Self.decode(SearchIndex.encode(many)).map { [$0.number, $0.field] } == many.map { [$0.number, $0.field.rawValue] })
    }

    @Test func shardsAreSortedRangesOfTermsNearTheTargetSize() {
        // 6,000 distinct words and, in UTF-16 order, a letter of the BMP's end after one beyond it (Gothic).
        let words = (0..<6_000).map { "w\(String($0, radix: 36))x" } + ["\u{FF41}b", "\u{10330}a"]
        let documents = stride(from: 0, to: words.count, by: 100).map { Array(words[$0..<min($0 + 100, words.count)]) }.map { chunk in
            SearchIndex.Document(title: "t", url: "u", kind: "briefing", date: "", summary: "", language: nil, keywords: [],
                                 passages: [SearchPassage(anchor: "p", text: chunk.joined(separator: " "))])
        }
        let postings = SearchIndex.postings(of: documents)
        let terms = postings.map(\.term)
        #expect(terms.suffix(2) == ["\u{10330}a", "\u{FF41}b"], "UTF-16 order, as JavaScript compares strings")
        #expect(zip(terms, terms.dropFirst()).allSatisfy { $0.utf16.lexicographicallyPrecedes($1.utf16) })
        let shards = SearchIndex.shards(postings)
        #expect(shards.count >= 2)
        #expect(shards.flatMap { $0.map(\.term) } == terms)
        for shard in shards.dropLast() {
            let bytes = SearchIndex.shardJSON(shard).count
            #expect(bytes >= SearchIndex.shardTargetBytes / 2 && bytes <= SearchIndex.shardTargetBytes * 3 / 2, "\(bytes) bytes")
        }
    }

    @Test func anEmptySiteHasOneEmptyShard() throws {
        let site = BuiltSite("""
        -- dossier.yml --
        title: Empty
        """)
        #expect(try site.read("assets/search-index.js").hasPrefix("window.DOSSIER_SEARCH_INDEX = {\"documents\":0,\"format\":2,\"shards\":[\"\"]};"))
        #expect(try site.read("assets/search/terms/0.js") == "DossierSearch.receive(\"terms/0\", []);\n")
    }

    @Test func theIndexIsTheSameOnEveryBuild() throws {
        let again = BuiltSite(Self.project)
        for path in ["assets/search-index.js", "assets/search/terms/0.js", "assets/search/documents/0.js", "assets/search/documents/2.js"] {
            #expect(try again.read(path) == Self.site.read(path), "\(path)")
        }
    }

    /// The example project: every passage's anchor is an id in its page (where search.js
    /// finds the passage when the index does not hold it), and every document's last
    /// words are in its last passage.
    @Test func everyPassageOfTheExampleSiteLinksToAnIdInItsPage() throws {
        let sink = MemorySink()
        let report = SiteBuilder.run(BuildOptions(root: TestPaths.packageRoot), into: sink)
        let model = try #require(report.model)
        let files = sink.files
        func read(_ path: String) throws -> String { String(decoding: try #require(files[path], "\(path)"), as: UTF8.self) }
        var checked = 0
        for document in SearchIndex.documents(model, urls: SiteURLs(style: model.config.urlStyle)) {
            let page = try read(document.url)
            for passage in document.passages {
                #expect(page.contains(" id=\"\(passage.anchor)\""), "\(document.url)#\(passage.anchor)")
                // A heading is flagged, so results can name the section of a passage.
                let isHeadingInPage = (1...6).contains { page.contains("<h\($0) id=\"\(passage.anchor)\"") }
                #expect(passage.isHeading == isHeadingInPage, "\(document.url)#\(passage.anchor)")
                checked += 1
            }
        }
        #expect(checked > 150)
        for briefing in model.briefings {
            let lastWords = briefing.linked.searchPassages.last.map { $0.text.split(separator: " ").suffix(3).joined(separator: " ") }
            #expect(lastWords.map { briefing.linked.plainText.contains($0) } == true, "\(briefing.briefing.slug)")
        }
    }
}
