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

/// A briefing's page model. Its fields are held in one box (`FieldBox`): the render
/// stage copies models out of the site's lists, and a copy retained each reference
/// field of a nearly 500-byte value, twenty objects cold at 100,000 briefings; a copy
/// now retains the box. Read in place (`_read`); setting a field makes a new box.
public struct BriefingModel: Sendable {
    private var box: FieldBox<Fields>

    struct Fields: Sendable {
        var briefing: Briefing
        var linked: LinkedDocument
        var principalActors: [String]
        var secondaryActors: [String]
        var related: [(slug: String, shared: Int)]
        var events: [TimelineEvent]
    }

    public init(
        briefing: Briefing, linked: LinkedDocument, principalActors: [String], secondaryActors: [String],
        related: [(slug: String, shared: Int)], events: [TimelineEvent]
    ) {
        box = FieldBox(Fields(briefing: briefing, linked: linked, principalActors: principalActors, secondaryActors: secondaryActors,
                              related: related, events: events))
    }

    public var briefing: Briefing {
        _read { yield box.fields.briefing }
        set { box = box.changing { $0.briefing = newValue } }
    }
    public var linked: LinkedDocument {
        _read { yield box.fields.linked }
        set { box = box.changing { $0.linked = newValue } }
    }
    /// Declared in front matter.
    public var principalActors: [String] {
        _read { yield box.fields.principalActors }
        set { box = box.changing { $0.principalActors = newValue } }
    }
    /// Mentioned in the text but not declared.
    public var secondaryActors: [String] {
        _read { yield box.fields.secondaryActors }
        set { box = box.changing { $0.secondaryActors = newValue } }
    }
    /// Other briefings ranked by the number of actors they share (principal or mentioned).
    public var related: [(slug: String, shared: Int)] {
        _read { yield box.fields.related }
        set { box = box.changing { $0.related = newValue } }
    }
    public var events: [TimelineEvent] {
        _read { yield box.fields.events }
        set { box = box.changing { $0.events = newValue } }
    }
}

/// An actor's page model, its fields in one box as `BriefingModel`'s are.
public struct ActorModel: Sendable {
    private var box: FieldBox<Fields>

    struct Fields: Sendable {
        var actor: Actor
        var profile: LinkedDocument
        var relations: [RelationEnd]
        var mentionGroups: ActorMentionGroups
        var mentionCount: Int
        var coMentions: [CoMention]
        var events: [TimelineEvent]
    }

    init(
        actor: Actor, profile: LinkedDocument, relations: [RelationEnd], mentionGroups: ActorMentionGroups, mentionCount: Int,
        coMentions: [CoMention], events: [TimelineEvent]
    ) {
        box = FieldBox(Fields(actor: actor, profile: profile, relations: relations, mentionGroups: mentionGroups,
                              mentionCount: mentionCount, coMentions: coMentions, events: events))
    }

    public var actor: Actor {
        _read { yield box.fields.actor }
        set { box = box.changing { $0.actor = newValue } }
    }
    public var profile: LinkedDocument {
        _read { yield box.fields.profile }
        set { box = box.changing { $0.profile = newValue } }
    }
    public var relations: [RelationEnd] {
        _read { yield box.fields.relations }
        set { box = box.changing { $0.relations = newValue } }
    }
    /// Mentions in other documents, grouped by document (briefings newest first, then
    /// profiles and pages by title), each group in reading order.
    public var mentionsByDocument: [(document: DocumentID, mentions: [Mention])] {
        get { mentionGroups.mentionGroups }
        set { mentionGroups = ActorMentionGroups(newValue) }
    }
    /// `mentionsByDocument`, made when first read; what the render stage's keys and
    /// pagers read of every actor is here without making it.
    var mentionGroups: ActorMentionGroups {
        _read { yield box.fields.mentionGroups }
        set { box = box.changing { $0.mentionGroups = newValue } }
    }
    public var mentionCount: Int {
        _read { yield box.fields.mentionCount }
        set { box = box.changing { $0.mentionCount = newValue } }
    }
    /// The actors sharing a passage of `mentionsByDocument`, ranked by shared passages,
    /// then shared documents, then slug; none with zero shared passages; the first
    /// `SiteModelBuilder.coMentionsPerActor` only.
    public var coMentions: [CoMention] {
        _read { yield box.fields.coMentions }
        set { box = box.changing { $0.coMentions = newValue } }
    }
    public var events: [TimelineEvent] {
        _read { yield box.fields.events }
        set { box = box.changing { $0.events = newValue } }
    }
}

/// A model's fields behind one reference, never changed once boxed: a model changed
/// after it is made gets a new box, so copies already taken keep what they read.
final class FieldBox<Fields: Sendable>: Sendable {
    let fields: Fields

    init(_ fields: Fields) {
        self.fields = fields
    }

    func changing(_ change: (inout Fields) -> Void) -> FieldBox {
        var fields = fields
        change(&fields)
        return FieldBox(fields)
    }
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
