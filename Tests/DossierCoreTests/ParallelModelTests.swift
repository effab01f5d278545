import Testing
@testable import DossierCore

/// The model stage's counts made in chunks on several threads, from compact mentions
/// read by their places in their documents' tables of strings, equal the counts made
/// from the mentions' strings in one pass.
@Suite struct ParallelModelTests {
    /// `documents` briefings over `actors` actors, a few mentions each, in blocks and outside
    /// them, some documents in two runs: enough documents and actors for several chunks.
    static func manyMentions(seed: UInt64, documents: Int, actors: Int) -> [Mention] {
        var random = SplitMix64(seed: seed)
        let slugs = (0..<actors).map { "actor-\($0)" }
        var mentions: [Mention] = []
        for number in 0..<documents {
            // Every seventh document comes back after the next one, as a second run.
            let runs = number % 7 == 3 ? [number, number + 1, number] : number % 7 == 4 ? [] : [number]
            for document in runs.map({ DocumentID(number % 5 == 0 ? .actor : .briefing, "d\($0)") }) {
                for _ in 0..<(1 + random.below(12)) {
                    let slug = slugs[random.below(slugs.count)]
                    let anchor: String? = random.below(5) == 0 ? nil : "p-\(random.below(6))"
                    mentions.append(Mention(actor: slug, document: document, anchor: anchor, text: slug, snippet: slug,
                                            linked: true, explicit: false))
                }
            }
        }
        return mentions
    }

    static func same(_ lhs: ActorPassageTable, _ rhs: ActorPassageTable) -> Bool {
        func same(_ left: ActorPassageTable.Segments, _ right: ActorPassageTable.Segments) -> Bool {
            left.offsets == right.offsets && left.values == right.values
        }
        return lhs.slugs == rhs.slugs && lhs.documents == rhs.documents && lhs.passageDocument == rhs.passageDocument
            && same(lhs.passageActors, rhs.passageActors) && same(lhs.documentActors, rhs.documentActors)
            && same(lhs.actorPassages, rhs.actorPassages) && same(lhs.actorDocuments, rhs.actorDocuments)
    }

    @Test(arguments: [UInt64(1), 7, 0x5EED]) func compactMentionsMakeTheTableTheirStringsMake(seed: UInt64) {
        let wide = ActorPassageTableTests.randomMentions(seed: seed)
        let compact = MentionSharing.share(wide, text: "")
        #expect(compact.allSatisfy { if case .compact = $0.storage { true } else { false } })
        #expect(Self.same(ActorPassageTable(compact), ActorPassageTable(wide)))
        #expect(Array(CoMentionCounter.count(ActorPassageTable(compact))) == ActorPassageTableTests.bruteForcePairs(wide))
    }

    @Test func aDocumentOfCompactAndWideMentionsIsReadByItsStrings() {
        let wide = ActorPassageTableTests.randomMentions(seed: 3)
        var mixed = MentionSharing.share(wide, text: "")
        mixed[1] = wide[1]
        #expect(Self.same(ActorPassageTable(mixed), ActorPassageTable(wide)))
    }

    @Test(arguments: [UInt64(2), 42]) func manyChunksCountWhatTheDefinitionCounts(seed: UInt64) {
        let mentions = Self.manyMentions(seed: seed, documents: 1_200, actors: 400)
        let table = ActorPassageTable(MentionSharing.share(mentions, text: ""))
        #expect(ParallelChunks.ranges(table.documents.count).count > 1)
        #expect(ParallelChunks.ranges(table.actorCount).count > 1)
        #expect(Self.same(table, ActorPassageTable(mentions)))
        #expect(Array(CoMentionCounter.count(table)) == Self.pairsBySets(mentions))
    }

    /// `ActorPassageTableTests.bruteForcePairs` with each actor's documents and blocks
    /// gathered once: the same definition, fast enough for hundreds of actors.
    static func pairsBySets(_ mentions: [Mention]) -> [CoMention] {
        var documents: [String: Set<String>] = [:], blocks: [String: Set<String>] = [:]
        for mention in mentions {
            documents[mention.actor, default: []].insert(mention.document.description)
            if let anchor = mention.anchor { blocks[mention.actor, default: []].insert(mention.document.description + "#" + anchor) }
        }
        let slugs = documents.keys.sorted()
        var pairs: [CoMention] = []
        for (position, first) in slugs.enumerated() {
            for second in slugs[(position + 1)...] {
                let sameDocument = documents[first]!.intersection(documents[second]!).count
                guard sameDocument > 0 else { continue }
                let sameBlock = blocks[first, default: []].intersection(blocks[second, default: []]).count
                pairs.append(CoMention(actor: first, other: second, sameBlock: sameBlock, sameDocument: sameDocument))
            }
        }
        return pairs
    }

    @Test func pairsBySetsAreTheBruteForceOnes() {
        let mentions = ActorPassageTableTests.randomMentions(seed: 4)
        #expect(Self.pairsBySets(mentions) == ActorPassageTableTests.bruteForcePairs(mentions))
    }

    @Test func linkedDocumentsStretchesMakeTheTableTheWholeListMakes() {
        let mentions = MentionSharing.share(Self.manyMentions(seed: 5, documents: 600, actors: 300), text: "")
        var order: [DocumentID] = []
        var lists: [DocumentID: [Mention]] = [:]
        for mention in mentions {
            if lists[mention.document] == nil { order.append(mention.document) }
            lists[mention.document, default: []].append(mention)
        }
        let site = SiteMentionList(documentOrder: order, mentionLists: order.map { MentionList(lists[$0]!) })
        #expect(Self.same(ActorPassageTable(site), ActorPassageTable(order.flatMap { lists[$0]! })))
    }

    @Test(arguments: [1, 3, 25]) func keptRankingsArePrefixesOfTheWholeOnes(limit: Int) {
        let mentions = Self.manyMentions(seed: 9, documents: 900, actors: 600)
        let table = ActorPassageTable(mentions)
        let whole = ActorMentions.coMentionsOfEveryActor(table)
        let kept = ActorMentions.coMentionsOfEveryActor(table, keeping: limit)
        #expect(kept.keys.sorted() == whole.keys.sorted())
        #expect(whole.allSatisfy { slug, ranked in kept[slug] == Array(ranked.prefix(limit)) })
        #expect(whole.values.contains { $0.count > limit })
        let actorsByPassage = ActorMentions.actorsByPassage(mentions)
        for slug in ["actor-0", "actor-301", "actor-599"] {
            let others = mentions.filter { $0.actor == slug && $0.document != DocumentID(.actor, slug) }
            #expect(whole[slug] == ActorMentions.coMentions(of: slug, mentions: others, actorsByPassage: actorsByPassage), "\(slug)")
        }
    }

    @Test(arguments: [0, 1, 5, 40]) func aPartialRankingKeepsTheSortedPrefix(limit: Int) {
        var random = SplitMix64(seed: UInt64(limit) + 11)
        let values = (0..<300).map { position in (key: random.below(20), position: position) }
        func ranksBefore(_ lhs: (key: Int, position: Int), _ rhs: (key: Int, position: Int)) -> Bool {
            lhs.key != rhs.key ? lhs.key > rhs.key : lhs.position < rhs.position
        }
        let expected = Array(values.sorted(by: ranksBefore).prefix(limit)).map(\.position)
        #expect(PartialRanking.first(limit, of: values, ranksBefore: ranksBefore).map(\.position) == expected)
        var offered = PartialRanking<(key: Int, position: Int)>(keeping: limit)
        for value in values { offered.offer(value, ranksBefore: ranksBefore) }
        #expect(offered.ranked.map(\.position) == expected)
        #expect(PartialRanking.first(limit, of: values.prefix(limit), ranksBefore: ranksBefore).count == min(limit, values.count))
    }

    @Test func relatedInputsNumberActorsAsOnePassWould() {
        var random = SplitMix64(seed: 17)
        let briefings = LiveEditProject.randomBriefings(2_000, actorCount: 400, mostActors: 6, random: &random)
        #expect(ParallelChunks.ranges(briefings.count).count > 1)
        let inputs = RelatedInputs(briefings: briefings, linked: [:])
        var ids: [String: Int] = [:]
        var sets: [[Int]] = []
        for briefing in briefings {
            var set: Set<Int> = []
            for reference in briefing.actors {
                if ids[reference.value] == nil { ids[reference.value] = ids.count }
                set.insert(ids[reference.value]!)
            }
            sets.append(set.sorted())
        }
        #expect(inputs.actorIDs == ids)
        #expect(inputs.actorSets == sets)
    }
}

/// The model memo's key reads a document's compact mentions by their places in the
/// document's table of strings, and reads them as their strings say.
@Suite struct ModelMemoMentionPlacesTests {
    static func hash(_ mentions: [Mention]) -> String {
        var hasher = StableHasher()
        MentionPlaces(mentions).combine(into: &hasher)
        return hasher.finalize()
    }

    @Test(arguments: [UInt64(1), 2, 42]) func compactMentionsHashAsTheirStrings(seed: UInt64) {
        let wide = ActorPassageTableTests.randomMentions(seed: seed).filter { $0.document == DocumentID(.briefing, "b1") }
        let compact = MentionSharing.share(wide, text: "")
        #expect(compact.allSatisfy { if case .compact = $0.storage { true } else { false } })
        let places = MentionPlaces(compact), expected = MentionPlaces(wide)
        #expect(places.strings == expected.strings)
        #expect(places.places == expected.places)
        #expect(places.documents == expected.documents)
        #expect(Self.hash(compact) == Self.hash(wide))
    }

    @Test func anyChangeToAnActorOrAnAnchorChangesTheHash() {
        let document = DocumentID(.briefing, "b")
        func mention(_ actor: String, _ anchor: String?) -> Mention {
            Mention(actor: actor, document: document, anchor: anchor, text: actor, snippet: actor, linked: true, explicit: false)
        }
        let lists: [[Mention]] = [
            [mention("iran", "p-1"), mention("iraq", "p-1")],
            [mention("iran", "p-1"), mention("iraq", "p-2")],
            [mention("iran", "p-1"), mention("iraq", nil)],
            [mention("iraq", "p-1"), mention("iran", "p-1")],
            [mention("iran", "p-1"), mention("iran", "p-1")],
            [mention("iran", "p-1")],
            // A string named as an actor in one list and an anchor in another.
            [mention("iran", "iraq"), mention("iraq", "p-1")],
            [],
        ]
        let hashes = lists.map { Self.hash(MentionSharing.share($0, text: "")) }
        #expect(Set(hashes).count == lists.count)
        #expect(lists.map(Self.hash) == hashes)
    }
}
