/// One actor as a document's mentions name it: what the model and the render stage's
/// keys read of a document's mentions, held without the mentions themselves.
struct MentionedActor: Sendable, Hashable {
    var actor: String
    /// Its mentions in the document.
    var count: Int {
        get { Int(storedCount & Self.countMask) }
        set { storedCount = Int32(newValue) | (storedCount & ~Self.countMask) }
    }
    /// The distinct passages (blocks, or snippets where a mention has no block) those
    /// mentions fall in, as "Mentioned in" pages weigh a document (`PageContexts.mentionPager`).
    var passages: Int {
        get { Int(storedPassages) }
        set { storedPassages = Int32(newValue) }
    }
    /// Whether one of them is written as `[text](@slug)`.
    var explicit: Bool {
        get { storedCount & ~Self.countMask != 0 }
        set { storedCount = newValue ? storedCount | ~Self.countMask : storedCount & Self.countMask }
    }
    // One of these per actor of each document, about 4 million at 100,000 briefings:
    // 32-bit counts (a document's mentions are far fewer than 2^31), and `explicit` in
    // the count's sign bit, make it 24 bytes where it was 32.
    private var storedCount: Int32
    private var storedPassages: Int32
    private static let countMask: Int32 = .max

    init(actor: String, count: Int, passages: Int, explicit: Bool) {
        self.actor = actor
        storedCount = Int32(count)
        storedPassages = Int32(passages)
        self.explicit = explicit
    }

    /// Each actor of `mentions` in the order of its first mention.
    static func summary(of mentions: [Mention]) -> [MentionedActor] {
        summaryAndFirstAnchors(of: mentions).actors
    }

    /// `summary`, with the position in `mentions` of each actor's first mention that has
    /// an anchor (-1 for none), found in the same pass.
    static func summaryAndFirstAnchors(of mentions: [Mention]) -> (actors: [MentionedActor], firstAnchored: [Int32]) {
        if let summary = summary(ofCompact: mentions) { return summary }
        var positions: [String: Int] = [:]
        var actors: [MentionedActor] = []
        var firstAnchored: [Int32] = []
        var passageKeys: [[String]] = []
        // By index: iterating would copy every mention.
        for index in mentions.indices {
            let slug = mentions[index].actor
            let position: Int
            if let known = positions[slug] {
                position = known
            } else {
                position = actors.count
                positions[slug] = position
                actors.append(MentionedActor(actor: slug, count: 0, passages: 0, explicit: false))
                firstAnchored.append(-1)
                passageKeys.append([])
            }
            actors[position].count += 1
            if mentions[index].explicit { actors[position].explicit = true }
            let anchor = mentions[index].anchor
            if anchor != nil, firstAnchored[position] < 0 { firstAnchored[position] = Int32(index) }
            passageKeys[position].append(anchor ?? mentions[index].snippet)
        }
        for position in actors.indices {
            actors[position].passages = actors[position].count < 2 ? actors[position].count : Set(passageKeys[position]).count
        }
        return (actors, firstAnchored)
    }

    /// `summary` of a linked document's mentions, compact over one origin and each in a
    /// block, read by their places in the origin's table of strings (which holds each
    /// string once): no slug or anchor is copied or hashed. Nil for any other mentions.
    /// Every such mention has an anchor, so an actor's first anchored mention is its first.
    private static func summary(ofCompact mentions: [Mention]) -> (actors: [MentionedActor], firstAnchored: [Int32])? {
        guard case .compact(let first) = mentions.first?.storage else { return nil }
        let origin = first.origin
        var positions: [UInt32: Int] = [:]
        var actors: [MentionedActor] = []
        var firstAnchored: [Int32] = []
        var anchors: [[UInt32]] = []
        for index in mentions.indices {
            guard case .compact(let mention) = mentions[index].storage, mention.origin === origin,
                  mention.anchor != CompactMention.none
            else { return nil }
            let position: Int
            if let known = positions[mention.actor] {
                position = known
            } else {
                position = actors.count
                positions[mention.actor] = position
                actors.append(MentionedActor(actor: mention.actorSlug, count: 0, passages: 0, explicit: false))
                firstAnchored.append(Int32(index))
                anchors.append([])
            }
            actors[position].count += 1
            if mention.flags.contains(.explicit) { actors[position].explicit = true }
            anchors[position].append(mention.anchor)
        }
        for position in actors.indices {
            actors[position].passages = actors[position].count < 2 ? actors[position].count : Set(anchors[position]).count
        }
        return (actors, firstAnchored)
    }
}

/// A document's mentions as a build cache entry holds them, decoded the first time
/// they are read (`EncodedLinkEntry`): after one edit a cached build shows a handful of
/// pages, and decoding every entry's mentions made 684,000 objects at 10,000 briefings
/// that no page read. What the model needs of them without decoding (`actors`) comes
/// with the bytes.
final class MentionList: Sendable {
    /// The actors, in the order of their first mention.
    let actors: [MentionedActor]
    /// For each of `actors`, the position in `mentions` of its first mention that has an
    /// anchor (-1 for none), where a "Mentioned in" line leads: found while summarising,
    /// where each line read the document's mentions up to it (2 % of a 10,000-briefing
    /// build, the mentions' boxes chased one by one). Empty for a list from the build
    /// cache, whose lines read the mentions.
    let firstAnchored: [Int32]
    let count: Int
    private let storage: Storage

    private enum Storage: Sendable {
        case decoded([Mention])
        case encoded(EncodedLinkEntry)
    }

    init(_ mentions: [Mention]) {
        (actors, firstAnchored) = MentionedActor.summaryAndFirstAnchors(of: mentions)
        count = mentions.count
        storage = .decoded(mentions)
    }

    init(entry: EncodedLinkEntry, actors: [MentionedActor]) {
        self.actors = actors
        firstAnchored = []
        count = actors.reduce(0) { $0 + $1.count }
        storage = .encoded(entry)
    }

    var mentions: [Mention] {
        switch storage {
        case .decoded(let mentions): mentions
        case .encoded(let entry): entry.mentions
        }
    }

    var isDecoded: Bool {
        switch storage {
        case .decoded: true
        case .encoded(let entry): entry.areMentionsDecoded
        }
    }
}
