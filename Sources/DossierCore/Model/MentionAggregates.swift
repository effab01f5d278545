/// What the model counts over all the site's mentions at once: every pair's co-mentions, each actor's ranked co-mentions, and each briefing's related
/// briefings. They depend on which actors each document mentions in which passage
/// and on each briefing's principal actors, not on any text, so a body edit that
/// changes no mention, or a new alias found nowhere, leaves them as they were: the
/// build cache keeps them under a key over exactly those inputs (`ModelMemo`).
struct MentionAggregates: Sendable {
    /// Each unordered pair once, `actor < other`.
    var coMentions: CoMentionPairs
    /// By actor slug, as `ActorMentions.coMentionsOfEveryActor` ranks them.
    var rankedCoMentions: [String: [CoMention]]
    /// By briefing position (newest first), as `RelatedBriefings.rank` ranks them.
    var related: [[(position: Int, shared: Int)]]

    /// `mentions` in site order; `briefings` newest first. The passage table they are
    /// counted over is not kept: nothing after the count reads it, and it was a third
    /// of the model memo (10 of 32 MB at 10,000 briefings), read back on every cached build.
    init(mentions: [Mention], briefings: [Briefing], linked: [DocumentID: LinkedDocument]) {
        self.init(mentions: SiteMentionList(mentions), briefings: briefings, linked: linked)
    }

    /// Counted document by document from `mentions`' stretches, never made into one list.
    init(mentions: SiteMentionList, briefings: [Briefing], linked: [DocumentID: LinkedDocument]) {
        // Two counts that share nothing, side by side: each runs on every core, but each
        // has steps on one thread (merging chunks, the actor → briefings lists) that leave
        // the other core idle.
        let relatedWork = BackgroundWork {
            let lists = mentions.mentionLists(ofBriefings: briefings)
                ?? briefings.indices.map { linked[DocumentID(.briefing, briefings[$0].slug)]?.mentionList }
            let relatedInputs = RelatedInputs(briefings: briefings, mentionLists: lists)
            return RelatedBriefings.rank(relatedInputs.actorSets, actorCount: relatedInputs.actorCount, limit: SiteModelBuilder.relatedLimit)
        }
        let table = ActorPassageTable(mentions)
        (coMentions, rankedCoMentions) = CoMentionCounter.countAndRank(table, keeping: SiteModelBuilder.coMentionsPerActor)
        related = relatedWork.value
    }

    init(coMentions: CoMentionPairs, rankedCoMentions: [String: [CoMention]], related: [[(position: Int, shared: Int)]]) {
        self.coMentions = coMentions
        self.rankedCoMentions = rankedCoMentions
        self.related = related
    }

    /// Whether every briefing position points inside `briefingCount` briefings: what
    /// the cache gives back is checked before use (the pairs' and ranked lists' actor
    /// ids are checked as they are decoded).
    func fits(briefingCount: Int) -> Bool {
        related.count == briefingCount && related.allSatisfy { $0.allSatisfy { $0.position >= 0 && $0.position < briefingCount } }
    }
}
