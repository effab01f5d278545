import Testing
@testable import DossierCore

/// The co-mention counts over `ActorPassageTable` equal their definitions: the pair
/// counts the brute-force way, and each actor's ranked list as the per-actor
/// function (`ActorMentions.coMentions`, which serve's fast path still uses) ranks it.
@Suite struct ActorPassageTableTests {
    /// Random mentions over a few documents, actor profiles among them, with
    /// mentions outside any block, blocks whose mentions are not adjacent (a list
    /// item around a nested list) and a document whose mentions come in two runs.
    static func randomMentions(seed: UInt64) -> [Mention] {
        var random = SplitMix64(seed: seed)
        let actors = ["aldoria", "brevia", "caldera", "dunmark", "estova", "farland"]
        let documents = [DocumentID(.briefing, "b1"), DocumentID(.briefing, "b2"), DocumentID(.actor, "aldoria"),
                         DocumentID(.actor, "brevia"), DocumentID(.page, "about"), DocumentID(.briefing, "b1")]
        var mentions: [Mention] = []
        for document in documents {
            for _ in 0..<(1 + random.below(25)) {
                let actor = actors[random.below(actors.count)]
                let anchor: String? = random.below(6) == 0 ? nil : "p-\(random.below(5))"
                mentions.append(Mention(actor: actor, document: document, anchor: anchor, text: actor, snippet: actor,
                                        linked: true, explicit: false))
            }
        }
        return mentions
    }

    static func bruteForcePairs(_ mentions: [Mention]) -> [CoMention] {
        let slugs = Set(mentions.map(\.actor)).sorted()
        guard slugs.count > 1 else { return [] }
        var pairs: [CoMention] = []
        for (position, first) in slugs.enumerated() {
            for second in slugs[(position + 1)...] {
                func holders(_ slug: String, by key: (Mention) -> String?) -> Set<String> {
                    Set(mentions.filter { $0.actor == slug }.compactMap(key))
                }
                let document = { (mention: Mention) -> String? in mention.document.description }
                let block = { (mention: Mention) -> String? in mention.anchor.map { mention.document.description + "#" + $0 } }
                let sameDocument = holders(first, by: document).intersection(holders(second, by: document)).count
                guard sameDocument > 0 else { continue }
                let sameBlock = holders(first, by: block).intersection(holders(second, by: block)).count
                pairs.append(CoMention(actor: first, other: second, sameBlock: sameBlock, sameDocument: sameDocument))
            }
        }
        return pairs
    }

    @Test(arguments: [UInt64(1), 2, 3, 42, 0x5EED]) func pairCountsEqualTheirDefinition(seed: UInt64) {
        let mentions = Self.randomMentions(seed: seed)
        #expect(!Self.bruteForcePairs(mentions).isEmpty)
        #expect(CoMentionCounter.count(mentions) == Self.bruteForcePairs(mentions))
    }

    @Test(arguments: [UInt64(1), 2, 3, 42, 0x5EED]) func everyActorsRankingEqualsThePerActorRanking(seed: UInt64) {
        let mentions = Self.randomMentions(seed: seed)
        let everyActor = ActorMentions.coMentionsOfEveryActor(ActorPassageTable(mentions))
        let actorsByPassage = ActorMentions.actorsByPassage(mentions)
        for slug in Set(mentions.map(\.actor)) {
            let others = mentions.filter { $0.actor == slug && $0.document != DocumentID(.actor, slug) }
            let oneByOne = ActorMentions.coMentions(of: slug, mentions: others, actorsByPassage: actorsByPassage)
            #expect(everyActor[slug] == oneByOne, "\(slug)")
        }
        #expect(everyActor.values.contains { !$0.isEmpty })
    }

    @Test func aTableListsPassagesDocumentByDocumentAndActorsInSlugOrder() {
        let first = DocumentID(.briefing, "first"), second = DocumentID(.briefing, "second")
        func mention(_ actor: String, _ document: DocumentID, _ anchor: String?) -> Mention {
            Mention(actor: actor, document: document, anchor: anchor, text: actor, snippet: actor, linked: true, explicit: false)
        }
        let table = ActorPassageTable([
            mention("brevia", first, "p-1"), mention("aldoria", first, "p-2"), mention("brevia", second, "p-1"),
            mention("aldoria", first, "p-1"), mention("caldera", second, nil),
        ])
        #expect(table.slugs == ["aldoria", "brevia", "caldera"])
        #expect(table.documents == [first, second])
        #expect(table.passageDocument == [0, 0, 1])
        #expect(Array(table.passageActors[0]) == [0, 1])
        #expect(Array(table.passageActors[1]) == [0])
        #expect(Array(table.documentActors[1]) == [1, 2])
        #expect(Array(table.actorPassages[0]) == [0, 1])
        #expect(Array(table.actorDocuments[2]) == [1])
        #expect(table.actorPassages[2].isEmpty)
    }

    @Test func noMentionsOrOneActorGiveNoPairs() {
        #expect(CoMentionCounter.count([]) == [])
        let alone = Mention(actor: "aldoria", document: DocumentID(.briefing, "b"), anchor: "p-1", text: "A", snippet: "A", linked: true, explicit: false)
        #expect(CoMentionCounter.count([alone, alone]) == [])
        #expect(ActorMentions.coMentionsOfEveryActor(ActorPassageTable([])).isEmpty)
    }
}
