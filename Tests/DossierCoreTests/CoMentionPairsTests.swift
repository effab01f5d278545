import Testing
@testable import DossierCore

/// The site's co-mention pairs are actor ids and counts in flat 32-bit columns, and
/// read back as the `CoMention` values they were counted as.
@Suite struct CoMentionPairsTests {
    func mention(_ actor: String, in document: String, anchor: String) -> Mention {
        Mention(actor: actor, document: DocumentID(.briefing, document), anchor: anchor, text: actor, snippet: actor, linked: true, explicit: false)
    }

    @Test func seventyThousandActorsKeepTheirOwnIdsAndCounts() {
        let slugs = (0..<70_000).map { "a" + String(100_000 + $0) }
        var mentions: [Mention] = []
        // Document k: actors 2k and 2k+1 share a passage; one more document holds the
        // first and last actors in two passages.
        for pair in 0..<35_000 {
            mentions.append(mention(slugs[2 * pair], in: "d\(pair)", anchor: "p-1"))
            mentions.append(mention(slugs[2 * pair + 1], in: "d\(pair)", anchor: "p-1"))
        }
        mentions.append(mention(slugs[0], in: "ends", anchor: "p-1"))
        mentions.append(mention(slugs[69_999], in: "ends", anchor: "p-2"))
        let pairs = CoMentionCounter.count(ActorPassageTable(mentions))
        #expect(pairs.count == 35_001)
        #expect(pairs[0] == CoMention(actor: slugs[0], other: slugs[1], sameBlock: 1, sameDocument: 1))
        #expect(pairs[1] == CoMention(actor: slugs[0], other: slugs[69_999], sameBlock: 0, sameDocument: 1))
        #expect(pairs.last == CoMention(actor: slugs[69_998], other: slugs[69_999], sameBlock: 1, sameDocument: 1))
        let everyPair = Array(pairs)
        #expect(everyPair.dropFirst(2).allSatisfy { pair in
            pair.sameBlock == 1 && pair.sameDocument == 1 && Int(pair.other.dropFirst())! == Int(pair.actor.dropFirst())! + 1
        })
    }

    @Test(arguments: [UInt64(1), 2, 3, 42, 0x5EED]) func countedPairsEqualTheBruteForceOnes(seed: UInt64) {
        let mentions = ActorPassageTableTests.randomMentions(seed: seed)
        let pairs = CoMentionCounter.count(ActorPassageTable(mentions))
        #expect(Array(pairs) == ActorPassageTableTests.bruteForcePairs(mentions))
        #expect(CoMentionPairs(Array(pairs)) == pairs)
    }

    @Test func pairsMadeFromValuesReadBackInTheirOrder() {
        let values = [
            CoMention(actor: "qatar", other: "russia", sameBlock: 0, sameDocument: 2),
            CoMention(actor: "iran", other: "qatar", sameBlock: 3, sameDocument: 4),
        ]
        let pairs = CoMentionPairs(values)
        #expect(Array(pairs) == values)
        #expect(pairs.slugs == ["iran", "qatar", "russia"])
        #expect(Array(pairs[1..<2]) == [values[1]])
        let empty: CoMentionPairs = []
        #expect(empty.isEmpty)
    }

    @Test(arguments: [UInt64(1), 2, 42]) func theGraphKeepsTheSamePairsFromColumnsAsFromValues(seed: UInt64) {
        let pairs = CoMentionCounter.count(ActorPassageTable(ActorPassageTableTests.randomMentions(seed: seed)))
        for limit in [0, 1, 2, 25] {
            #expect(CoMentionSelection.strongest(pairs, perActor: limit) == CoMentionSelection.strongest(Array(pairs), perActor: limit))
        }
    }
}
