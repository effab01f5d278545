import Foundation
import Testing
@testable import DossierCore

/// The graph exports keep every relation, but a co-mention edge only for actors that
/// share a passage, and only among either actor's K strongest pairs
/// (`graph_co_mentions_per_actor`, 25 by default), weighted by shared passages.
@Suite struct GraphExportCoMentionBoundTests {
    func pair(_ actor: String, _ other: String, passages: Int, documents: Int = 1) -> CoMention {
        CoMention(actor: actor, other: other, sameBlock: passages, sameDocument: documents)
    }

    @Test func pairsThatShareOnlyADocumentAreDropped() {
        let pairs = [pair("a", "b", passages: 0, documents: 7), pair("a", "c", passages: 1), pair("b", "c", passages: 0)]
        #expect(CoMentionSelection.strongest(pairs, perActor: 25) == [pair("a", "c", passages: 1)])
    }

    @Test func aPairIsKeptWhenItIsAmongEitherEndsStrongest() {
        // Hub's two strongest are x and y; z is weaker for the hub but z's only pair.
        let pairs = [
            pair("hub", "x", passages: 5), pair("hub", "y", passages: 4), pair("hub", "z", passages: 1),
            pair("x", "y", passages: 1), pair("x", "z", passages: 0),
        ]
        let kept = CoMentionSelection.strongest(pairs, perActor: 2)
        #expect(kept == [pair("hub", "x", passages: 5), pair("hub", "y", passages: 4), pair("hub", "z", passages: 1), pair("x", "y", passages: 1)])
        let hubOnly = CoMentionSelection.strongest([pair("hub", "x", passages: 5), pair("hub", "y", passages: 4), pair("hub", "z", passages: 1),
                                                    pair("x", "y", passages: 9), pair("x", "z", passages: 9), pair("y", "z", passages: 9)], perActor: 1)
        // Each actor keeps its single strongest: hub–x for the hub; x–y for x and for y (the
        // 9s tie, the smaller slug wins); x–z for z. y–z is no one's first and is dropped.
        #expect(hubOnly.map { "\($0.actor)-\($0.other)" } == ["hub-x", "x-y", "x-z"])
    }

    @Test func equallyStrongPairsRankByTheOtherActorsSlug() {
        let pairs = ["d", "b", "c", "e"].sorted().map { pair("a", $0, passages: 3) }
        // a keeps b and c, but d and e each keep their only pair: nothing is dropped.
        let lonely = CoMentionSelection.strongest(pairs, perActor: 2)
        #expect(lonely.count == 4)
        let crowded = pairs + [pair("b", "z", passages: 9), pair("c", "z", passages: 9), pair("d", "z", passages: 9), pair("e", "z", passages: 9)]
        let kept = CoMentionSelection.strongest(crowded, perActor: 1)
        // Now b to e each prefer z: only a–b, a's first by slug, keeps a pair of a.
        #expect(kept.map { "\($0.actor)-\($0.other)" } == ["a-b", "b-z", "c-z", "d-z", "e-z"])
    }

    @Test func aLimitOfZeroKeepsNoCoMentions() {
        #expect(CoMentionSelection.strongest([pair("a", "b", passages: 3)], perActor: 0).isEmpty)
    }

    @Test func theSelectionIsTheSameWhateverTheOrderOfHashing() {
        let slugs = (0..<40).map { String(format: "actor-%02d", $0) }
        var pairs: [CoMention] = []
        for i in slugs.indices {
            for j in slugs.indices where j > i { pairs.append(pair(slugs[i], slugs[j], passages: (i * 7 + j * 3) % 5)) }
        }
        let first = CoMentionSelection.strongest(pairs, perActor: 3)
        #expect(!first.isEmpty && first.count < pairs.count)
        for _ in 0..<5 { #expect(CoMentionSelection.strongest(pairs, perActor: 3) == first) }
        // Each actor's three strongest are in: none of its dropped pairs outranks its third kept one.
        for slug in slugs {
            let mine = pairs.filter { ($0.actor == slug || $0.other == slug) && $0.sameBlock > 0 }
            let keptMine = first.filter { $0.actor == slug || $0.other == slug }
            #expect(keptMine.count >= min(3, mine.count))
        }
    }

    static let project = """
    -- dossier.yml --
    title: Bound
    exports: all
    graph_co_mentions_per_actor: 1
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    relations:
      - type: partner
        target: oman
    ---
    -- content/actors/oman.md --
    ---
    title: Oman
    kind: state
    ---
    -- content/actors/qatar.md --
    ---
    title: Qatar
    kind: state
    ---
    -- content/actors/russia.md --
    ---
    title: Russia
    kind: state
    ---
    -- content/briefings/a.md --
    ---
    title: A
    date: 2025-01-01
    ---
    Iran and Russia met.

    Iran and Russia met again, and Qatar watched.

    Oman stayed home.
    """

    func edges(in graphML: String) throws -> [(source: String, target: String, data: [String: String])] {
        let root = try PictureSVGParser.parse(graphML)
        let names = Dictionary(uniqueKeysWithValues: root.children.filter { $0.name == "key" }.map { ($0["id"]!, $0["attr.name"]!) })
        return root.all("edge").map { edge in
            var data: [String: String] = [:]
            for child in edge.children where child.name == "data" { data[names[child["key"]!]!] = child.text }
            return (edge["source"]!, edge["target"]!, data)
        }
    }

    @Test func aBuiltSiteKeepsRelationsAndOnlyTheStrongestPassagePairs() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        let report = project.build()
        #expect(report.diagnostics.lines == [])
        let model = try #require(report.model)
        // The model still counts every pair in a document: Oman shares the briefing with all three.
        #expect(model.coMentions.contains { $0.actor == "iran" && $0.other == "oman" && $0.sameBlock == 0 })

        let graphML = try edges(in: project.read("data/graph.graphml"))
        #expect(graphML.filter { $0.data["kind"] == "relation" }.map { "\($0.source)-\($0.target)" } == ["iran-oman"])
        let coMentions = graphML.filter { $0.data["kind"] == "co-mention" }
        // Iran's and Russia's strongest is each other (2 passages); Qatar's strongest is Iran (1 passage, i < r).
        #expect(coMentions.map { "\($0.source)-\($0.target)" } == ["iran-qatar", "iran-russia"])
        let iranRussia = try #require(coMentions.last)
        #expect(iranRussia.data["weight"] == "2")
        #expect(iranRussia.data["same_block"] == "2")
        #expect(iranRussia.data["same_document"] == "1")

        let gexf = try PictureSVGParser.parse(project.read("data/graph.gexf"))
        let gexfEdges = gexf.all("edge")
        #expect(gexfEdges.map { "\($0["kind"]!):\($0["source"]!)-\($0["target"]!):\($0["weight"]!)" }
            == ["relation:iran-oman:1", "co-mention:iran-qatar:1", "co-mention:iran-russia:2"])
    }

    @Test func theDefaultKeepsTwentyFiveAndTheKeyIsChecked() {
        #expect(SiteConfig().graphCoMentionsPerActor == 25)
        let (zero, none) = SiteConfig.decode("graph_co_mentions_per_actor: 0\n")
        #expect(zero.graphCoMentionsPerActor == 0 && none.isEmpty)
        let (config, diagnostics) = SiteConfig.decode("graph_co_mentions_per_actor: -3\n")
        #expect(config.graphCoMentionsPerActor == 25)
        #expect(diagnostics.map(\.message) == ["'graph_co_mentions_per_actor' must be between 0 and 100000, found -3"])
        #expect(diagnostics.first?.location.line == 1)
        let (_, wrongType) = SiteConfig.decode("graph_co_mentions_per_actor: many\n")
        #expect(wrongType.first?.message.hasPrefix("expected a whole number for 'graph_co_mentions_per_actor'") == true)
    }
}
