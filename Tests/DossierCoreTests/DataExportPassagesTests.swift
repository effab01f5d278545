import Foundation
import Testing
@testable import DossierCore

/// The data export's version 3 (issue 10): each passage's text is stored once, in its
/// document's `data/passages/KIND/SLUG.json`, and the actors' `data/mentions/SLUG.json`
/// refer to it, each with its snippet as a range of that text. Read back, every
/// mention's snippet and marks are those of version 2, which stored the snippet in
/// the file of every actor the block names.
@Suite struct DataExportPassagesTests {
    struct ActorFile: Decodable {
        struct Entry: Decodable {
            struct Mention: Decodable { var text: String }
            var document: String
            var passage: Int
            var snippet: [Int]
            var cut_before: Bool?
            var cut_after: Bool?
            var marks: [[Int]]
            var mentions: [Mention]
        }
        var version: Int
        var actor: String
        var passages: [Entry]
    }

    struct DocumentFile: Decodable {
        struct Passage: Decodable { var anchor: String?; var section: String?; var text: String }
        var version: Int
        var document: String
        var passages: [Passage]
    }

    /// Long paragraphs whose actors sit far apart (so each actor's snippet is its own
    /// window of the block), a table whose rows are the snippets, accents and Persian
    /// (offsets count code points), a list, a quote, a section heading, explicit links.
    static let project = """
    -- dossier.yml --
    title: Desk
    exports: all
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    aliases: [Tehran, ایران]
    ---
    Iran's profile names Iraq once, at its very end, after a long aside about nothing in particular that goes on and on for a while so that the block is longer than any snippet: Iraq.
    -- content/actors/iraq.md --
    ---
    title: Iraq
    kind: state
    ---
    -- content/actors/qatar.md --
    ---
    title: Qatar
    kind: state
    summary: A Gulf state.
    ---
    -- content/actors/sco.md --
    ---
    title: Shanghai Cooperation Organisation
    kind: organization
    aliases: [SCO]
    ---
    -- content/actors/quiet.md --
    ---
    title: Quietland
    kind: state
    ---
    -- content/briefings/long.md --
    ---
    title: Long
    date: 2025-01-02
    ---
    ## Régional dynamics

    Iran opened the meeting. Then délégués spoke for a long time about trade, energy, transport corridors, water rights, fisheries, grain, shipping insurance, port fees and the weather, until at last, well past the two hundredth character of this paragraph, Qatar answered, and after another long stretch of talk about ports, pipelines, tariffs, visas and airline routes, the SCO closed the day with Iran's agreement and a word from [Doha](@qatar).

    > Tehran said ایران would stay, and Iraq nodded.

    - Iraq and Iran, in a list.
    - Qatar alone.
    -- content/briefings/table.md --
    ---
    title: Table
    date: 2025-02-02
    ---
    | Actor | Role |
    |---|---|
    | Iran | host |
    | Iraq | guest |
    | Qatar and the SCO | observers |
    -- content/briefings/none.md --
    ---
    title: None
    date: 2025-03-02
    ---
    Nobody is named here.
    """

    struct Built: Sendable {
        var model: SiteModel
        var files: [String: Data]
        var diagnostics: [Diagnostic]
    }

    static let built: Built? = {
        let sink = MemorySink()
        guard let project = try? TestProject(project) else { return nil }
        defer { project.remove() }
        let report = SiteBuilder.run(BuildOptions(root: project.root), into: sink)
        return report.model.map { Built(model: $0, files: sink.files, diagnostics: report.diagnostics) }
    }()

    static func build() throws -> (model: SiteModel, files: [String: Data]) {
        let built = try #require(built)
        #expect(!built.diagnostics.hasErrors)
        return (built.model, built.files)
    }

    /// Every mention as version 2 showed it: actor, document, anchor, section, text,
    /// and its passage's snippet with the marks in it.
    struct Row: Hashable, Comparable {
        var actor: String, document: String, anchor: String, section: String, text: String, snippet: String, marks: [[Int]]
        static func < (lhs: Row, rhs: Row) -> Bool { "\(lhs)" < "\(rhs)" }
    }

    @Test func eachMentionsSnippetReadFromItsPassageIsTheSnippetItHad() throws {
        let (model, files) = try Self.build()
        var read: [Row] = []
        for actor in model.actors {
            let file = try JSONDecoder().decode(ActorFile.self, from: try #require(files["data/mentions/\(actor.actor.slug).json"]))
            #expect(file.version == 3)
            for entry in file.passages {
                let document = try JSONDecoder().decode(DocumentFile.self, from: try #require(files["data/passages/\(entry.document).json"]))
                #expect(document.document == entry.document && document.version == 3)
                let passage = document.passages[entry.passage]
                let scalars = Array(passage.text.unicodeScalars)
                let quoted = String(String.UnicodeScalarView(scalars[entry.snippet[0]..<entry.snippet[1]]))
                let snippet = (entry.cut_before == true ? "…" : "") + quoted + (entry.cut_after == true ? "…" : "")
                // Version 2 counted marks in the snippet as shown, after its "…".
                let shift = (entry.cut_before == true ? 1 : 0) - entry.snippet[0]
                let marks = entry.marks.map { [$0[0] + shift, $0[1] + shift] }
                for mention in entry.mentions {
                    read.append(Row(actor: file.actor, document: entry.document, anchor: passage.anchor ?? "", section: passage.section ?? "",
                                    text: mention.text, snippet: snippet, marks: marks))
                }
            }
        }
        // Version 2 showed each actor's passage with the snippet around the actor's first
        // mention in the block; its later mentions there were listed under it.
        var firstOfPassage: [String: Mention] = [:]
        let expected = model.mentions.map { mention in
            let passage = mention.actor + " " + mention.document.description + "#" + (mention.anchor ?? mention.snippet)
            let first = firstOfPassage[passage, default: mention]
            firstOfPassage[passage] = first
            let marks = ([first.snippetMatch] + first.otherMatches).sorted { $0.lowerBound < $1.lowerBound }.map { [$0.lowerBound, $0.upperBound] }
            return Row(actor: mention.actor, document: mention.document.description, anchor: mention.anchor ?? "", section: mention.section ?? "",
                       text: mention.text, snippet: first.snippet, marks: marks)
        }
        #expect(read.count == model.mentions.count)
        #expect(read.sorted() == expected.sorted())
        // The project is built so that snippets are cut and differ between actors of one block.
        #expect(expected.contains { $0.snippet.hasPrefix("…") } && expected.contains { $0.snippet.hasSuffix("…") })
        #expect(expected.contains { $0.snippet.unicodeScalars.contains { $0.value > 0x600 } })
    }

    @Test func aMarkPointsAtTheActorsNameInThePassageText() throws {
        let (_, files) = try Self.build()
        let qatar = try JSONDecoder().decode(ActorFile.self, from: try #require(files["data/mentions/qatar.json"]))
        let document = try JSONDecoder().decode(DocumentFile.self, from: try #require(files["data/passages/briefing/long.json"]))
        for entry in qatar.passages where entry.document == "briefing/long" {
            let scalars = Array(document.passages[entry.passage].text.unicodeScalars)
            for mark in entry.marks {
                let name = String(String.UnicodeScalarView(scalars[mark[0]..<mark[1]]))
                #expect(name == "Qatar" || name == "Doha")
            }
        }
    }

    @Test func eachPassageIsStoredOnceAndNoActorFileQuotesText() throws {
        let (model, files) = try Self.build()
        var stored: [String] = []
        for (path, data) in files where path.hasPrefix("data/passages/") {
            let document = try JSONDecoder().decode(DocumentFile.self, from: data)
            #expect(path == "data/passages/\(document.document).json")
            stored += document.passages.map { "\(document.document)#\($0.anchor ?? "")" }
        }
        let blocks = Set(model.mentions.map { "\($0.document)#\($0.anchor ?? "")" })
        #expect(stored.count == blocks.count)
        #expect(Set(stored) == blocks)
        // The long paragraph names four actors and is stored once, whole.
        let long = try JSONDecoder().decode(DocumentFile.self, from: try #require(files["data/passages/briefing/long.json"]))
        #expect(long.passages.filter { $0.text.hasPrefix("Iran opened the meeting.") && $0.text.hasSuffix("a word from Doha.") }.count == 1)
        for actor in model.actors {
            let text = String(decoding: try #require(files["data/mentions/\(actor.actor.slug).json"]), as: UTF8.self)
            #expect(!text.contains("opened the meeting") && !text.contains("\"anchor\"") && !text.contains("\"section\""))
        }
    }

    @Test func aDocumentWithoutMentionsHasNoPassagesFile() throws {
        let (_, files) = try Self.build()
        #expect(files["data/passages/briefing/none.json"] == nil)
        #expect(files["data/passages/briefing/table.json"] != nil)
        #expect(files["data/passages/actor/iran.json"] != nil)
        #expect(files["data/passages/actor/quiet.json"] == nil)
        let quiet = try JSONDecoder().decode(ActorFile.self, from: try #require(files["data/mentions/quiet.json"]))
        #expect(quiet.passages.isEmpty)
    }

    /// A cached build after an edit writes the same export as a clean build.
    @Test func aCachedBuildAfterAnEditEqualsACleanBuild() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try project.write("content/briefings/table.md", "---\ntitle: Table\ndate: 2025-02-02\n---\nIraq and Qatar, now in prose.\n")
        #expect(project.cachedBuild().succeeded)
        let table = try JSONDecoder().decode(DocumentFile.self, from: Data(project.read("data/passages/briefing/table.json").utf8))
        #expect(table.passages.map(\.text) == ["Iraq and Qatar, now in prose."])
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}
