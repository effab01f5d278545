import Foundation
import Testing
@testable import DossierCore

/// Issue 4's end-to-end test: 250 real countries as actors and the Factbook's
/// background texts as briefings, built, then read back through data/entities.json
/// and the per-actor files of data/mentions/.
@Suite struct CountryCorpusTests {
    struct Entities: Decodable {
        struct Mention: Decodable { var actor: String; var document: String; var text: String; var anchor: String? }
        struct CoMention: Decodable { var actors: [String]; var same_block: Int; var same_document: Int }
        struct Actor: Decodable { var slug: String; var mentions: String }
        var actors: [Actor]
    }

    struct ActorMentions: Decodable {
        struct Passage: Decodable {
            struct Entry: Decodable { var text: String }
            var document: String
            var passage: Int
            var mentions: [Entry]
        }
        struct DocumentPassages: Decodable {
            struct Passage: Decodable { var anchor: String? }
            var passages: [Passage]
        }
        struct CoMention: Decodable { var other: String; var same_block: Int; var same_document: Int }
        var actor: String
        var passages: [Passage]
        var co_mentions: [CoMention]
    }

    @Test(.enabled(if: CorpusProject.isAvailable, "../shared/corpus-raw is not present"))
    func factbookBackgroundsLinkTheRightCountries() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let briefings = try CorpusProject.write(to: root)
        #expect(briefings.count > 150)
        let report = SiteBuilder.build(BuildOptions(root: root))
        #expect(!report.diagnostics.hasErrors, "\(Array(report.diagnostics.prefix(5)).lines)")
        let data = try Data(contentsOf: root.appendingPathComponent("site/data/entities.json"))
        let index = try JSONDecoder().decode(Entities.self, from: data)
        var mentions: [Entities.Mention] = []
        var coMentions: [Entities.CoMention] = []
        for actor in index.actors {
            let file = try JSONDecoder().decode(ActorMentions.self, from: Data(contentsOf: root.appendingPathComponent("site/" + actor.mentions)))
            coMentions += file.co_mentions.map { .init(actors: [file.actor, $0.other], same_block: $0.same_block, same_document: $0.same_document) }
            for passage in file.passages {
                let document = try JSONDecoder().decode(
                    ActorMentions.DocumentPassages.self, from: Data(contentsOf: root.appendingPathComponent("site/data/passages/\(passage.document).json")))
                let anchor = document.passages[passage.passage].anchor
                mentions += passage.mentions.map { .init(actor: file.actor, document: passage.document, text: $0.text, anchor: anchor) }
            }
        }
        let entities = (mentions: mentions, co_mentions: coMentions)

        func mentioned(_ actor: String, in country: String) -> [String] {
            entities.mentions.filter { $0.actor == actor && $0.document == "briefing/background-\(country)" }.map(\.text)
        }
        // Iran's background names Iraq (the 1980–88 war).
        #expect(!mentioned("irq", in: "irn").isEmpty)
        // "Niger" is never found inside "Nigeria"/"Nigerien": every niger mention is the word itself.
        #expect(entities.mentions.filter { $0.actor == "ner" }.allSatisfy { $0.text == "Niger" })
        #expect(!mentioned("nga", in: "ner").isEmpty)
        // The two Congos are told apart by longest match.
        let drc = entities.mentions.filter { $0.text == "Democratic Republic of the Congo" }
        let roc = entities.mentions.filter { $0.text == "Republic of the Congo" }
        #expect(!drc.isEmpty && drc.allSatisfy { $0.actor == "cod" })
        #expect(!roc.isEmpty && roc.allSatisfy { $0.actor == "cog" })
        // Co-mention counts are symmetric pairs with both counts.
        let pair = entities.co_mentions.first { $0.actors == ["irn", "irq"] }
        #expect((pair?.same_document ?? 0) >= 1)
        #expect(entities.mentions.allSatisfy { $0.anchor != nil })
    }
}
