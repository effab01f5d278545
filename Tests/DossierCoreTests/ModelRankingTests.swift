import Testing
@testable import DossierCore

/// The model's integer-id counting (issue 10) ranks and counts exactly as the
/// String-keyed code it replaced, which is kept here as the reference.
@Suite struct ModelRankingTests {
    /// A small deterministic generator, so every run checks the same cases.
    struct Generator {
        var state: UInt64
        mutating func int(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func referenceRelated(_ actorSets: [[Int]], limit: Int) -> [[(position: Int, shared: Int)]] {
        actorSets.indices.map { position in
            var shared: [Int: Int] = [:]
            for other in actorSets.indices where other != position {
                let count = Set(actorSets[position]).intersection(actorSets[other]).count
                if count > 0 { shared[other] = count }
            }
            return shared.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(limit).map { (position: $0.key, shared: $0.value) }
        }
    }

    @Test(arguments: [1, 7, 300])
    func relatedBriefingsAreTheMostSharedThenTheEarliest(briefings: Int) {
        var generator = Generator(state: UInt64(briefings))
        let actorCount = 12
        let actorSets = (0..<briefings).map { _ in
            Array(Set((0..<(1 + generator.int(5))).map { _ in generator.int(actorCount) })).sorted()
        }
        let ranked = RelatedBriefings.rank(actorSets, actorCount: actorCount, limit: 5)
        let reference = Self.referenceRelated(actorSets, limit: 5)
        #expect(ranked.count == briefings)
        for (actual, expected) in zip(ranked, reference) {
            #expect(actual.map(\.position) == expected.map(\.position))
            #expect(actual.map(\.shared) == expected.map(\.shared))
        }
    }

    @Test func aBriefingSharingNothingHasNoRelatedBriefings() {
        let ranked = RelatedBriefings.rank([[0, 1], [2], [1, 3]], actorCount: 4, limit: 5)
        #expect(ranked[1].isEmpty)
        #expect(ranked[0].map(\.position) == [2] && ranked[0].map(\.shared) == [1])
    }

    /// The String-keyed counting the model used before issue 10.
    static func referenceCoMentions(_ mentions: [Mention]) -> [CoMention] {
        struct Pair: Hashable { var a: String; var b: String }
        var blocks: [String: Set<String>] = [:]
        var documents: [DocumentID: Set<String>] = [:]
        for mention in mentions {
            documents[mention.document, default: []].insert(mention.actor)
            if let anchor = mention.anchor { blocks[mention.document.description + "#" + anchor, default: []].insert(mention.actor) }
        }
        var sameBlock: [Pair: Int] = [:], sameDocument: [Pair: Int] = [:]
        func pairs(_ actors: Set<String>) -> [Pair] {
            let sorted = actors.sorted()
            var result: [Pair] = []
            for i in sorted.indices { for j in sorted.indices where j > i { result.append(Pair(a: sorted[i], b: sorted[j])) } }
            return result
        }
        for actors in blocks.values { for pair in pairs(actors) { sameBlock[pair, default: 0] += 1 } }
        for actors in documents.values { for pair in pairs(actors) { sameDocument[pair, default: 0] += 1 } }
        return sameDocument.keys.sorted { ($0.a, $0.b) < ($1.a, $1.b) }.map { pair in
            CoMention(actor: pair.a, other: pair.b, sameBlock: sameBlock[pair] ?? 0, sameDocument: sameDocument[pair]!)
        }
    }

    @Test func coMentionCountsMatchTheStringKeyedCounting() {
        var generator = Generator(state: 11)
        let actors = ["iran", "iraq", "russia", "sco", "china", "qatar"]
        var mentions: [Mention] = []
        for document in 0..<40 {
            let id = DocumentID(document % 3 == 0 ? .actor : .briefing, "d\(document)")
            for _ in 0..<(generator.int(9)) {
                let anchor = generator.int(5) == 0 ? nil : "p-\(generator.int(4))"
                mentions.append(Mention(actor: actors[generator.int(actors.count)], document: id, anchor: anchor, text: "x",
                                        snippet: "x", linked: false, explicit: false))
            }
        }
        // A document's mentions need not be contiguous.
        mentions.append(Mention(actor: "sco", document: DocumentID(.briefing, "d1"), anchor: "p-0", text: "SCO", snippet: "SCO",
                                linked: false, explicit: false))
        let counted = CoMentionCounter.count(mentions)
        #expect(counted == Self.referenceCoMentions(mentions))
        #expect(!counted.isEmpty)
        #expect(CoMentionCounter.count(Array(mentions.prefix(1))).isEmpty)
    }
}
