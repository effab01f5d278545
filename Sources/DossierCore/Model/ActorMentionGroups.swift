import Synchronization

/// An actor's "Mentioned in": one group per document, in reading order, made into
/// `Mention` values only when a page or export reads them. What the render stage's
/// keys and pagers read of every actor (the documents, how many mentions and passages
/// each holds) comes from the documents' `MentionedActor` summaries, so an actor whose
/// page is not made again costs no decoding and no copies of its mentions.
final class ActorMentionGroups: Sendable {
    struct Group: Sendable {
        let document: DocumentID
        /// The actor's mentions in the document.
        var count: Int { Int(storedCount) }
        /// The distinct passages they fall in (`MentionedActor.passages`).
        var passages: Int { Int(storedPassages) }
        /// The document's mentions, of which the actor's are this group's; nil when the
        /// group was given as mentions.
        let source: MentionList?
        // 32-bit: one group per actor of each document, about 4 million at 100,000 briefings.
        private let storedCount: Int32
        private let storedPassages: Int32

        init(document: DocumentID, count: Int, passages: Int, source: MentionList?) {
            self.document = document
            self.source = source
            storedCount = Int32(count)
            storedPassages = Int32(passages)
        }
    }

    let actor: String
    let groups: [Group]
    private let made: Mutex<[(document: DocumentID, mentions: [Mention])]?>

    /// Groups whose mentions are those of `actor` in each group's `source`.
    init(actor: String, groups: [Group]) {
        self.actor = actor
        self.groups = groups
        made = Mutex(nil)
    }

    /// Groups given as mentions (`dossier serve`'s patched actors, a model set by hand).
    init(_ mentionGroups: [(document: DocumentID, mentions: [Mention])]) {
        actor = ""
        groups = mentionGroups.map { group in
            let passages = group.mentions.count < 2 ? group.mentions.count : Set(group.mentions.map { $0.anchor ?? $0.snippet }).count
            return Group(document: group.document, count: group.mentions.count, passages: passages, source: nil)
        }
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

    private func group(at index: Int) -> (document: DocumentID, mentions: [Mention]) {
        let group = groups[index]
        let mentions = group.source?.mentions ?? []
        var own: [Mention] = []
        own.reserveCapacity(group.count)
        // By index: iterating would copy every mention.
        for position in mentions.indices where mentions[position].actor == actor { own.append(mentions[position]) }
        return (group.document, own)
    }
}
