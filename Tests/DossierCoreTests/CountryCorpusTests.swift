import Foundation
import Testing
@testable import DossierCore

/// Issue 4's end-to-end test: 250 real countries as actors and the Factbook's
/// background texts as briefings, built, then read back through data/entities.json.
@Suite struct CountryCorpusTests {
    struct Entities: Decodable {
        struct Mention: Decodable { var actor: String; var document: String; var text: String; var anchor: String? }
        struct CoMention: Decodable { var actors: [String]; var same_block: Int; var same_document: Int }
        var mentions: [Mention]
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
        let entities = try JSONDecoder().decode(Entities.self, from: data)

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
