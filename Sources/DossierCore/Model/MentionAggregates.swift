/// What the model counts over all the site's mentions at once: the passage table, every
/// pair's co-mentions, each actor's ranked co-mentions, and each briefing's related
/// briefings. They depend on which actors each document mentions in which passage
/// and on each briefing's principal actors, not on any text, so a body edit that
/// changes no mention, or a new alias found nowhere, leaves them as they were: the
/// build cache keeps them under a key over exactly those inputs (`ModelMemo`).
struct MentionAggregates: Sendable {
    var table: ActorPassageTable
    /// Each unordered pair once, `actor < other`.
    var coMentions: CoMentionPairs
    /// By actor slug, as `ActorMentions.coMentionsOfEveryActor` ranks them.
    var rankedCoMentions: [String: [CoMention]]
    /// By briefing position (newest first), as `RelatedBriefings.rank` ranks them.
    var related: [[(position: Int, shared: Int)]]

    /// `mentions` in site order; `briefings` newest first.
    init(mentions: [Mention], briefings: [Briefing], linked: [DocumentID: LinkedDocument]) {
        table = ActorPassageTable(mentions)
        coMentions = CoMentionCounter.count(table)
        rankedCoMentions = ActorMentions.coMentionsOfEveryActor(table, keeping: SiteModelBuilder.coMentionsPerActor)
        let relatedInputs = RelatedInputs(briefings: briefings, linked: linked)
        related = RelatedBriefings.rank(relatedInputs.actorSets, actorCount: relatedInputs.actorCount, limit: SiteModelBuilder.relatedLimit)
    }

    /// `coMentions` numbered by `table.slugs`, as `CoMentionCounter.count` numbers them.
    init(table: ActorPassageTable, coMentions: CoMentionPairs, rankedCoMentions: [String: [CoMention]], related: [[(position: Int, shared: Int)]]) {
        self.table = table
        self.coMentions = coMentions
        self.rankedCoMentions = rankedCoMentions
        self.related = related
    }

    /// Whether every id points inside the lists it names, for `mentionCount` mentions
    /// and `briefingCount` briefings: what the cache gives back is checked before use.
    func fits(mentionCount: Int, briefingCount: Int) -> Bool {
        let actors = table.slugs.count, documents = table.documents.count, passages = table.passageDocument.count
        func fits(_ segments: ActorPassageTable.Segments, lists: Int, below bound: Int) -> Bool {
            segments.offsets.count == lists + 1 && segments.values.allSatisfy { Int($0) < bound }
        }
        return table.passageDocument.allSatisfy { Int($0) < documents }
            && fits(table.passageActors, lists: passages, below: actors) && fits(table.documentActors, lists: documents, below: actors)
            && fits(table.actorMentions, lists: actors, below: mentionCount) && fits(table.actorPassages, lists: actors, below: passages)
            && fits(table.actorDocuments, lists: actors, below: documents) && table.actorMentions.values.count == mentionCount
            && related.count == briefingCount && related.allSatisfy { $0.allSatisfy { $0.position >= 0 && $0.position < briefingCount } }
    }
}
