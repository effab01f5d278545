import Synchronization

/// An actor's "Mentioned in": one group per document, in reading order, made into
/// `Mention` values only when a page or export reads them. What the render stage's
/// keys and pagers read of every actor (the documents, how many mentions and passages
/// each holds) comes from the documents' `MentionedActor` summaries, so an actor whose
/// page is not made again costs no decoding and no copies of its mentions.
final class ActorMentionGroups: Sendable {
    /// One document's group as readers see it, made from the stored columns when read.
    struct Group: Sendable {
        let document: DocumentID
        /// The actor's mentions in the document.
        let count: Int
        /// The distinct passages they fall in (`MentionedActor.passages`).
        let passages: Int
    }

    /// A group as the model keeps it: 12 bytes, where a `Group` with its document and
    /// list would take 40. There is one per actor of each document, about 4 million at
    /// 100,000 briefings, and they live until the end of the build.
    struct StoredGroup: Sendable {
        /// The document's position in the `MentionSources` table.
        let source: Int32
        let count: Int32
        let passages: Int32

        init(source: Int, count: Int, passages: Int) {
            self.source = Int32(source)
            self.count = Int32(count)
            self.passages = Int32(passages)
        }
    }

    /// The groups in reading order, each made from its stored columns when read.
    struct Groups: RandomAccessCollection, Sendable {
        fileprivate let sources: MentionSources
        fileprivate let stored: [StoredGroup]

        var startIndex: Int { stored.startIndex }
        var endIndex: Int { stored.endIndex }

        subscript(position: Int) -> Group {
            let group = stored[position]
            return Group(document: sources.documents[Int(group.source)], count: Int(group.count), passages: Int(group.passages))
        }

        /// The table of documents the groups point into: the site's, shared by every
        /// actor of a built model, so a reader can keep what it needs of each document
        /// in an array by `source(at:)` instead of a table keyed by `DocumentID`.
        var documentTable: MentionSources { sources }

        /// The position in `documentTable` of the document of the group at `position`.
        func source(at position: Int) -> Int { Int(stored[position].source) }
    }

    let actor: String
    let groups: Groups
    private let made: Mutex<[(document: DocumentID, mentions: [Mention])]?>

    /// Groups whose mentions are those of `actor` in each group's document's list in `sources`.
    init(actor: String, sources: MentionSources, groups: [StoredGroup]) {
        self.actor = actor
        self.groups = Groups(sources: sources, stored: groups)
        made = Mutex(nil)
    }

    /// Groups given as mentions (`dossier serve`'s patched actors, a model set by hand).
    init(_ mentionGroups: [(document: DocumentID, mentions: [Mention])]) {
        actor = ""
        let sources = MentionSources(documents: mentionGroups.map(\.document), lists: [])
        groups = Groups(sources: sources, stored: mentionGroups.enumerated().map { position, group in
            let passages = group.mentions.count < 2 ? group.mentions.count : Set(group.mentions.map { $0.anchor ?? $0.snippet }).count
            return StoredGroup(source: position, count: group.mentions.count, passages: passages)
        })
        made = Mutex(mentionGroups)
    }

    var documents: [DocumentID] { groups.map(\.document) }

    /// Made once, under the lock, and kept: for callers that read every group
    /// (tests, a model set by hand). The render stage reads `groups(in:)`.
    var mentionGroups: [(document: DocumentID, mentions: [Mention])] {
        made.withLock { made in
            if let made { return made }
            let groups = self.groups.indices.map(group(at:))
            made = groups
            return groups
        }
    }

    /// The groups at `range` of `groups`, made for the caller and not kept: a page of
    /// "Mentioned in" reads its own groups, and keeping every actor's lists until the
    /// end of the build rose the 100,000-briefing build's peak by about 0.2 GB.
    func groups(in range: Range<Int>) -> [(document: DocumentID, mentions: [Mention])] {
        if let made = made.withLock({ $0 }) { return Array(made[range]) }
        return range.map(group(at:))
    }

    /// A group as a line of "Mentioned in" shows it: the document, the actor's mentions
    /// in it, and the anchor of the first one that has an anchor.
    struct Line: Sendable {
        let document: DocumentID
        /// The document's position in `groups.documentTable`, for readers that keep
        /// what they need of each document by position.
        let source: Int
        let count: Int
        let firstAnchor: String?
    }

    /// The groups at `range` of `groups` as lines, their mentions read in place and not
    /// copied: most groups of "Mentioned in" are lines (about 183,000 at 10,000
    /// briefings), and making each one's mentions cost more than the rest of its line.
    func lines(in range: Range<Int>) -> [Line] {
        if let made = made.withLock({ $0 }) {
            return range.map { index in
                let group = made[index]
                return Line(document: group.document, source: groups.source(at: index), count: group.mentions.count,
                            firstAnchor: group.mentions.lazy.compactMap(\.anchor).first)
            }
        }
        // The count is the stored one (the pager's), and the first anchor the one the
        // list's summary found; a list from the build cache has none, and its reading
        // stops at the first anchor: comparing every mention's actor was most of a line's cost.
        return range.map { index in
            let stored = groups.stored[index]
            let source = Int(stored.source)
            var anchor: String?
            if let list = groups.sources.list(at: source) {
                let mentions = list.mentions
                if let summarised = Self.summarisedFirstAnchor(of: actor, in: list, mentions: mentions) {
                    anchor = summarised
                } else {
                    for position in mentions.indices where mentions[position].actor == actor {
                        anchor = mentions[position].anchor
                        if anchor != nil { break }
                    }
                }
            }
            return Line(document: groups.sources.documents[source], source: source, count: Int(stored.count), firstAnchor: anchor)
        }
    }

    /// The anchor of `actor`'s first anchored mention, from the position the list's summary
    /// keeps (`MentionList.firstAnchored`), its actor checked; nil for a list without
    /// them (from the build cache) or whose position does not name the actor.
    static func summarisedFirstAnchor(of actor: String, in list: MentionList, mentions: [Mention]) -> String?? {
        guard !list.firstAnchored.isEmpty, let order = list.actors.firstIndex(where: { $0.actor == actor }) else { return nil }
        let position = Int(list.firstAnchored[order])
        guard position >= 0 else { return .some(nil) }
        guard position < mentions.count, mentions[position].actor == actor else { return nil }
        return .some(mentions[position].anchor)
    }

    private func group(at index: Int) -> (document: DocumentID, mentions: [Mention]) {
        let stored = groups.stored[index]
        let source = Int(stored.source)
        let document = groups.sources.documents[source]
        let mentions = groups.sources.list(at: source)?.mentions ?? []
        var own: [Mention] = []
        own.reserveCapacity(Int(stored.count))
        // By index: iterating would copy every mention.
        for position in mentions.indices where mentions[position].actor == actor { own.append(mentions[position]) }
        return (document, own)
    }
}

/// The documents every actor's groups point into, by position, with each one's
/// mentions: one table for the whole site, so a group holds a 32-bit position.
final class MentionSources: Sendable {
    let documents: [DocumentID]
    /// Empty when the groups were given as mentions.
    private let lists: [MentionList]

    init(documents: [DocumentID], lists: [MentionList]) {
        precondition(lists.isEmpty || lists.count == documents.count, "a mention list for each document, or none")
        self.documents = documents
        self.lists = lists
    }

    func list(at position: Int) -> MentionList? {
        lists.isEmpty ? nil : lists[position]
    }
}

/// Each actor's groups, one per document that mentions it, in site order, over one
/// shared table of the documents (`SiteModelBuilder.siteOrderGroups`): every group of
/// the site in one array, each actor's a contiguous run of it. A list per actor grown
/// one group at a time cost a third of a cached build's model stage at 10,000 briefings.
struct SiteOrderGroups: Sendable {
    let sources: MentionSources
    /// Every actor's run of `stored`, by slug.
    private let runs: [String: Range<Int>]
    private let stored: [ActorMentionGroups.StoredGroup]

    /// `groups` with the actor of each (`actors`, positions in `slugs`), in site order.
    init(sources: MentionSources, slugs: [String], actors: [Int32], groups: [ActorMentionGroups.StoredGroup]) {
        self.sources = sources
        // A counting sort by actor keeps each actor's groups in site order.
        var starts = [Int](repeating: 0, count: slugs.count + 1)
        for actor in actors { starts[Int(actor) + 1] += 1 }
        for position in slugs.indices { starts[position + 1] += starts[position] }
        precondition(actors.count == groups.count, "an actor for each group")
        var next = starts
        stored = [ActorMentionGroups.StoredGroup](unsafeUninitializedCapacity: groups.count) { buffer, initialized in
            for (actor, group) in zip(actors, groups) {
                (buffer.baseAddress! + next[Int(actor)]).initialize(to: group)
                next[Int(actor)] += 1
            }
            initialized = groups.count
        }
        var runs: [String: Range<Int>] = [:]
        runs.reserveCapacity(slugs.count)
        for (position, slug) in slugs.enumerated() { runs[slug] = starts[position]..<starts[position + 1] }
        self.runs = runs
    }

    /// `actor`'s groups in site order, leaving out the document `leavingOut` (its own profile).
    func groups(of actor: String, leavingOut excluded: DocumentID) -> [ActorMentionGroups.StoredGroup] {
        guard let run = runs[actor] else { return [] }
        let all = stored[run]
        // Filtered only when the document is among them.
        return all.contains { sources.documents[Int($0.source)] == excluded }
            ? all.filter { sources.documents[Int($0.source)] != excluded } : Array(all)
    }

    func document(of group: ActorMentionGroups.StoredGroup) -> DocumentID {
        sources.documents[Int(group.source)]
    }
}
