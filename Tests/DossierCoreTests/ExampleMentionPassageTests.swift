import Foundation
import Testing
@testable import DossierCore

/// The two cases issue 12 found in the example project: a citation counted as a
/// mention, and a table flattened into one passage.
@Suite struct ExampleMentionPassageTests {
    static let report = SiteBuilder.run(BuildOptions(root: TestPaths.packageRoot), into: CountingSink())

    @Test func theSputnikCitationInAFootnoteIsNotAMention() throws {
        let model = try #require(Self.report.model)
        let cited = model.mentions.filter { $0.snippet.contains("Sputnik, 4 July 2023") }
        #expect(cited.isEmpty, "\(cited.map { "\($0.document): \($0.actor)" })")
    }

    @Test func mentionsInTheRegionalOverviewsTableQuoteARowNotTheTable() throws {
        let model = try #require(Self.report.model)
        let inTables = model.mentions.filter { $0.anchor?.hasPrefix("table-") == true }
        #expect(!inTables.isEmpty)
        for mention in inTables {
            // The header row ran into the first row when the whole table was the passage.
            #expect(!mention.snippet.contains("Qatar Starting point"), "\(mention.document) \(mention.actor): \(mention.snippet)")
        }
        let overview = inTables.filter { $0.document == DocumentID(.briefing, "regional-overview") }
        #expect(overview.contains { $0.actor == "iran" && $0.snippet == "Iran Qatar" })
        #expect(overview.contains { $0.actor == "united-states" && $0.snippet == "Starting point Adversary of the United States Close security partner of the United States" })
    }

    @Test func noActorPageRanksAnActorWithNoSharedPassage() throws {
        let model = try #require(Self.report.model)
        for actor in model.actors {
            #expect(actor.coMentions.allSatisfy { $0.sameBlock > 0 }, "\(actor.actor.slug)")
            let passages = Set(actor.mentionsByDocument.flatMap { group in group.mentions.compactMap { $0.anchor.map { group.document.description + "#" + $0 } } })
            #expect(actor.coMentions.allSatisfy { $0.sameBlock <= passages.count }, "\(actor.actor.slug)")
        }
    }
}
