/// A relation as seen from one of its ends.
public struct RelationEnd: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable { case outgoing, incoming }
    public var relation: Relation
    public var direction: Direction
    /// The actor at the other end.
    public var other: String
    /// "member of" at Iran, "has member" at the SCO.
    public var label: String
}

public struct CoMention: Sendable, Hashable {
    public var actor: String
    public var other: String
    /// Blocks (paragraphs, items…) that mention both.
    public var sameBlock: Int
    /// Documents that mention both.
    public var sameDocument: Int
}

/// An event with the document that states it.
public struct TimelineEvent: Sendable, Hashable {
    public var event: Event
    public var origin: DocumentID
    /// Stable id for the event's entry on the timeline page.
    public var anchor: String
}

public struct BriefingModel: Sendable {
    public var briefing: Briefing
    public var linked: LinkedDocument
    /// Declared in front matter.
    public var principalActors: [String]
    /// Mentioned in the text but not declared.
    public var secondaryActors: [String]
    /// Other briefings ranked by the number of actors they share (principal or mentioned).
    public var related: [(slug: String, shared: Int)]
    public var events: [TimelineEvent]
}

public struct ActorModel: Sendable {
    public var actor: Actor
    public var profile: LinkedDocument
    public var relations: [RelationEnd]
    /// Mentions in other documents, grouped by document (briefings newest first, then
    /// profiles and pages by title), each group in reading order.
    public var mentionsByDocument: [(document: DocumentID, mentions: [Mention])] {
        get { mentionGroups.mentionGroups }
        set { mentionGroups = ActorMentionGroups(newValue) }
    }
    /// `mentionsByDocument`, made when first read; what the render stage's keys and
    /// pagers read of every actor is here without making it.
    var mentionGroups: ActorMentionGroups
    public var mentionCount: Int
    /// The actors sharing a passage of `mentionsByDocument`, ranked by shared passages,
    /// then shared documents, then slug; none with zero shared passages; the first
    /// `SiteModelBuilder.coMentionsPerActor` only.
    public var coMentions: [CoMention]
    public var events: [TimelineEvent]
}

public struct PageModel: Sendable {
    public var page: Page
    public var linked: LinkedDocument
}

/// The whole site as values: what every page, feed and data file is made from.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    /// Newest first.
    public var briefings: [BriefingModel]
    /// By slug.
    public var actors: [ActorModel]
    public var pages: [PageModel]
    public var relations: [Relation]
    public var relationTypes: [String: RelationType]
    /// Oldest first.
    public var timeline: [TimelineEvent]
    public var mentions: [Mention] {
        get { mentionList.mentions }
        set { mentionList = SiteMentionList(newValue) }
    }
    /// `mentions`, made when first read; which documents hold them, and where each
    /// one's stretch starts, are here without making it.
    var mentionList: SiteMentionList
    /// Each unordered pair once, `actor < other`.
    public var coMentions: CoMentionPairs
    /// Tag → briefing slugs, newest first.
    public var tags: [(tag: String, briefings: [String])]
}
