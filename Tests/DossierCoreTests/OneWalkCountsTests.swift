import Testing
@testable import DossierCore

/// The site's pairs and every actor's ranked co-mentions counted in one walk over each
/// actor's passages equal each counted on its own, and "Related briefings" read from
/// the site's mention lists rank as they do from the linked documents.
@Suite struct OneWalkCountsTests {
    /// `ParallelModelTests.manyMentions` and, for every third actor, a profile that
    /// names it and others (in blocks and outside them), some of it in two runs.
    static func mentionsWithProfiles(seed: UInt64, documents: Int, actors: Int) -> [Mention] {
        var random = SplitMix64(seed: seed &+ 1)
        var mentions = ParallelModelTests.manyMentions(seed: seed, documents: documents, actors: actors)
        for actor in stride(from: 0, to: actors, by: 3) {
            let profile = DocumentID(.actor, "actor-\(actor)")
            for _ in 0..<(1 + random.below(8)) {
                let slug = random.below(3) == 0 ? "actor-\(actor)" : "actor-\(random.below(actors))"
                let anchor: String? = random.below(5) == 0 ? nil : "p-\(random.below(4))"
                mentions.append(Mention(actor: slug, document: profile, anchor: anchor, text: slug, snippet: slug, linked: true, explicit: false))
            }
        }
        return mentions
    }

    @Test(arguments: [UInt64(3), 11]) func oneWalkCountsThePairsAndRanksEveryActorAsTheDefinitions(seed: UInt64) {
        let mentions = Self.mentionsWithProfiles(seed: seed, documents: 1_000, actors: 450)
        let table = ActorPassageTable(MentionSharing.share(mentions, text: ""))
        #expect(ParallelChunks.ranges(table.actorCount).count > 1)
        let counted = CoMentionCounter.countAndRank(table, keeping: .max)
        #expect(counted.pairs == CoMentionCounter.count(table))
        #expect(Array(counted.pairs) == ParallelModelTests.pairsBySets(mentions))
        #expect(counted.ranked.keys.sorted() == table.slugs)
        let actorsByPassage = ActorMentions.actorsByPassage(mentions)
        var profilesLeftOut = 0
        for slug in table.slugs {
            let profile = DocumentID(.actor, slug)
            let others = mentions.filter { $0.actor == slug && $0.document != profile }
            if others.count < mentions.count(where: { $0.actor == slug }) { profilesLeftOut += 1 }
            #expect(counted.ranked[slug] == ActorMentions.coMentions(of: slug, mentions: others, actorsByPassage: actorsByPassage), "\(slug)")
        }
        #expect(profilesLeftOut > 50)
    }

    @Test(arguments: [1, 25]) func keptRankingsArePrefixesAndThePairsDoNotDependOnThem(limit: Int) {
        let table = ActorPassageTable(Self.mentionsWithProfiles(seed: 5, documents: 800, actors: 500))
        let whole = CoMentionCounter.countAndRank(table, keeping: .max)
        let kept = CoMentionCounter.countAndRank(table, keeping: limit)
        #expect(kept.pairs == whole.pairs)
        #expect(whole.ranked.values.contains { $0.count > limit })
        #expect(whole.ranked.allSatisfy { slug, ranked in kept.ranked[slug] == Array(ranked.prefix(limit)) })
    }

    @Test func tablesOfNoActorOrOneCountNothing() {
        let none = CoMentionCounter.countAndRank(ActorPassageTable([]), keeping: 25)
        #expect(none.pairs.isEmpty && none.ranked.isEmpty)
        let mention = Mention(actor: "iran", document: DocumentID(.briefing, "b"), anchor: "p-1", text: "Iran", snippet: "Iran",
                              linked: true, explicit: false)
        let one = CoMentionCounter.countAndRank(ActorPassageTable([mention, mention]), keeping: 25)
        #expect(one.pairs.isEmpty)
        #expect(one.ranked == ["iran": []])
    }

    /// Briefings each linked with mentions of their own actors and others.
    static func linkedBriefings(seed: UInt64) -> (briefings: [Briefing], linked: [DocumentID: LinkedDocument]) {
        var random = SplitMix64(seed: seed)
        let briefings = LiveEditProject.randomBriefings(1_500, actorCount: 300, mostActors: 5, random: &random)
        var linked: [DocumentID: LinkedDocument] = [:]
        for (position, briefing) in briefings.enumerated() where position % 9 != 4 {
            let id = DocumentID(.briefing, briefing.slug)
            let mentions = (0..<random.below(10)).map { _ -> Mention in
                let slug = "actor-\(random.below(320))"
                return Mention(actor: slug, document: id, anchor: "p-\(random.below(3))", text: slug, snippet: slug, linked: true, explicit: false)
            }
            linked[id] = LinkedDocument(id: id, html: "", tableOfContents: [], mentions: mentions, plainText: "", wordCount: 0)
        }
        return (briefings, linked)
    }

    @Test func relatedInputsFromTheSiteListsAreThoseFromTheLinkedDocuments() throws {
        let (briefings, linked) = Self.linkedBriefings(seed: 23)
        let order = briefings.map { DocumentID(.briefing, $0.slug) } + [DocumentID(.actor, "actor-1")]
        let site = SiteMentionList(documentOrder: order, mentionLists: order.map { linked[$0]?.mentionList })
        let lists = try #require(site.mentionLists(ofBriefings: briefings))
        let fromLists = RelatedInputs(briefings: briefings, mentionLists: lists)
        let fromLinked = RelatedInputs(briefings: briefings, linked: linked)
        #expect(fromLists.actorIDs == fromLinked.actorIDs)
        #expect(fromLists.actorSets == fromLinked.actorSets)
        #expect(fromLists.actorSets.contains { $0.count > 5 })
        let aggregates = MentionAggregates(mentions: site, briefings: briefings, linked: [:])
        let expected = RelatedBriefings.rank(fromLinked.actorSets, actorCount: fromLinked.actorCount, limit: SiteModelBuilder.relatedLimit)
        #expect(aggregates.related.map { $0.map(\.position) } == expected.map { $0.map(\.position) })
        #expect(aggregates.related.map { $0.map(\.shared) } == expected.map { $0.map(\.shared) })
    }

    @Test func aSiteListInAnotherOrderGivesNoBriefingLists() {
        let (briefings, linked) = Self.linkedBriefings(seed: 29)
        let order = briefings.map { DocumentID(.briefing, $0.slug) }
        let swapped = [order[1], order[0]] + order.dropFirst(2)
        #expect(SiteMentionList(documentOrder: swapped, mentionLists: swapped.map { linked[$0]?.mentionList })
            .mentionLists(ofBriefings: briefings) == nil)
        #expect(SiteMentionList(documentOrder: Array(order.dropLast()), mentionLists: order.dropLast().map { linked[$0]?.mentionList })
            .mentionLists(ofBriefings: briefings) == nil)
        #expect(SiteMentionList([]).mentionLists(ofBriefings: briefings) == nil)
        // Linked documents read by slug stand in for the lists: the same ranking.
        let site = SiteMentionList(documentOrder: swapped, mentionLists: swapped.map { linked[$0]?.mentionList })
        let inputs = RelatedInputs(briefings: briefings, linked: linked)
        let expected = RelatedBriefings.rank(inputs.actorSets, actorCount: inputs.actorCount, limit: SiteModelBuilder.relatedLimit)
        #expect(MentionAggregates(mentions: site, briefings: briefings, linked: linked).related.map { $0.map(\.position) }
            == expected.map { $0.map(\.position) })
    }
}
