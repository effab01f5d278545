import Foundation
import Testing
@testable import DossierCore

/// The data export's layout (issue 10; version 3 since the passages moved out, see
/// DataExportPassagesTests): `data/entities.json` as an index without mentions, one
/// `data/mentions/SLUG.json` per actor holding each mention once, and each passage's
/// text once in its document's `data/passages/KIND/SLUG.json`.
@Suite struct EntitiesExportLayoutTests {
    struct Index: Decodable {
        struct Actor: Decodable { var slug: String; var mentions: String; var mention_count: Int }
        var version: Int
        var actors: [Actor]
        var mentions: [String]?
        var co_mentions: [String]?
    }

    struct ActorMentions: Decodable {
        struct Passage: Decodable {
            struct Entry: Decodable { var text: String; var linked: Bool; var explicit: Bool }
            var document: String
            var passage: Int
            var snippet: [Int]
            var cut_before: Bool?
            var cut_after: Bool?
            var marks: [[Int]]
            var mentions: [Entry]
        }
        struct CoMention: Decodable, Equatable { var other: String; var same_block: Int; var same_document: Int }
        var version: Int
        var actor: String
        var passages: [Passage]
        var co_mentions: [CoMention]
    }

    static let site = BuiltSite("""
    -- dossier.yml --
    title: Desk
    exports: all
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    aliases: [Tehran]
    ---
    -- content/actors/sco.md --
    ---
    title: Shanghai Cooperation Organisation
    kind: organization
    aliases: [SCO]
    ---
    Iran joined in 2023.
    -- content/actors/quiet.md --
    ---
    title: Quietland
    kind: state
    ---
    -- content/briefings/a.md --
    ---
    title: Hedging
    date: 2025-01-02
    ---
    ## Membership

    Iran joined the SCO, and Tehran said Iran's place in the SCO was settled.

    Later, [the Islamic Republic](@iran) hosted a summit.
    """)

    func index() throws -> Index {
        try JSONDecoder().decode(Index.self, from: Data(Self.site.read("data/entities.json").utf8))
    }

    func mentions(of actor: String) throws -> ActorMentions {
        try JSONDecoder().decode(ActorMentions.self, from: Data(Self.site.read("data/mentions/\(actor).json").utf8))
    }

    struct DocumentPassages: Decodable {
        struct Passage: Decodable { var anchor: String?; var section: String?; var text: String }
        var version: Int
        var document: String
        var passages: [Passage]
    }

    func passage(_ entry: ActorMentions.Passage) throws -> DocumentPassages.Passage {
        let file = try JSONDecoder().decode(DocumentPassages.self, from: Data(Self.site.read("data/passages/\(entry.document).json").utf8))
        #expect(file.document == entry.document)
        return file.passages[entry.passage]
    }

    @Test func theIndexHoldsNoMentionsAndPointsToOneFilePerActor() throws {
        #expect(Self.site.diagnostics.isEmpty)
        let index = try index()
        #expect(index.version == 3)
        #expect(index.mentions == nil)
        #expect(index.co_mentions == nil)
        #expect(index.actors.map(\.slug) == ["iran", "quiet", "sco"])
        #expect(index.actors.map(\.mentions) == ["data/mentions/iran.json", "data/mentions/quiet.json", "data/mentions/sco.json"])
        for actor in index.actors { #expect(try mentions(of: actor.slug).actor == actor.slug) }
    }

    @Test func mentionsInOneParagraphShareOnePassageAndItsSnippet() throws {
        let iran = try mentions(of: "iran")
        #expect(iran.version == 3)
        let briefing = iran.passages.filter { $0.document == "briefing/a" }
        #expect(briefing.count == 2)
        let first = try #require(briefing.first)
        #expect(first.mentions.map(\.text) == ["Iran", "Tehran", "Iran"])
        let passage = try passage(first)
        #expect(passage.text == "Iran joined the SCO, and Tehran said Iran's place in the SCO was settled.")
        #expect(first.snippet == [0, passage.text.unicodeScalars.count] && first.cut_before == nil && first.cut_after == nil)
        #expect(passage.section == "Membership")
        #expect(passage.anchor != nil)
        // Every name of the actor quoted in the snippet is marked, in Unicode scalars.
        let scalars = Array(passage.text.unicodeScalars)
        let marked = first.marks.map { String(String.UnicodeScalarView(scalars[$0[0]..<$0[1]])) }
        #expect(marked == ["Iran", "Tehran", "Iran"])
        let explicit = try #require(briefing.last?.mentions.first)
        #expect(explicit.explicit && explicit.linked && explicit.text == "the Islamic Republic")
    }

    @Test func everyMentionOfTheModelIsStoredExactlyOnce() throws {
        let sink = MemorySink()
        let project = try TestProject(Self.projectWithProfileMentions)
        defer { project.remove() }
        let report = SiteBuilder.run(BuildOptions(root: project.root), into: sink)
        let model = try #require(report.model)
        var stored: [String] = []
        for actor in model.actors {
            let data = try #require(sink.files["data/mentions/\(actor.actor.slug).json"])
            let file = try JSONDecoder().decode(ActorMentions.self, from: data)
            for passage in file.passages { stored += passage.mentions.map { "\(file.actor) \(passage.document) \($0.text)" } }
        }
        let expected = model.mentions.map { "\($0.actor) \($0.document) \($0.text)" }
        #expect(stored.sorted() == expected.sorted())
        #expect(!stored.isEmpty)
        let entities = try #require(sink.files["data/entities.json"].map { String(decoding: $0, as: UTF8.self) })
        #expect(!entities.contains("\"snippet\""))
    }

    @Test func eachCoMentionPairIsStoredOnceInTheFileOfItsFirstActor() throws {
        let sink = MemorySink()
        let project = try TestProject(Self.projectWithProfileMentions)
        defer { project.remove() }
        let model = try #require(SiteBuilder.run(BuildOptions(root: project.root), into: sink).model)
        var stored: [String] = []
        for actor in model.actors {
            let file = try JSONDecoder().decode(ActorMentions.self, from: try #require(sink.files["data/mentions/\(actor.actor.slug).json"]))
            #expect(file.co_mentions.allSatisfy { file.actor < $0.other })
            stored += file.co_mentions.map { "\(file.actor) \($0.other) \($0.same_block) \($0.same_document)" }
        }
        #expect(stored == model.coMentions.map { "\($0.actor) \($0.other) \($0.sameBlock) \($0.sameDocument)" })
        // Blocks: a's paragraph and list item, b's table, Iraq's profile; documents: a, b, Iraq's profile.
        #expect(stored == ["iran iraq 4 3"])
    }

    @Test func anActorNobodyMentionsHasAnEmptyFile() throws {
        let quiet = try mentions(of: "quiet")
        #expect(quiet.passages.isEmpty && quiet.co_mentions.isEmpty)
        #expect(try index().actors.first { $0.slug == "quiet" }?.mention_count == 0)
    }

    static let projectWithProfileMentions = """
    -- dossier.yml --
    title: Desk
    exports: all
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    ---
    A neighbour of Iraq.
    -- content/actors/iraq.md --
    ---
    title: Iraq
    kind: state
    ---
    Iraq borders Iran.
    -- content/briefings/a.md --
    ---
    title: One
    date: 2025-01-02
    ---
    Iran and Iraq met.

    - Iraq, again, and Iran.
    -- content/briefings/b.md --
    ---
    title: Two
    date: 2025-02-02
    ---
    | Actor | Role |
    |---|---|
    | Iran | host |
    | Iraq | guest |
    """
}
