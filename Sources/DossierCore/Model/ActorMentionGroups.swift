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
        let count: Int
        /// The distinct passages they fall in (`MentionedActor.passages`).
        let passages: Int
        /// The document's mentions, of which the actor's are this group's; nil when the
        /// group was given as mentions.
        let source: MentionList?
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

    /// Made once, under the lock: the parallel renderer's pages of one actor share them.
    var mentionGroups: [(document: DocumentID, mentions: [Mention])] {
        made.withLock { made in
            if let made { return made }
            let actor = self.actor
            let groups = self.groups.map { group -> (document: DocumentID, mentions: [Mention]) in
                let mentions = group.source?.mentions ?? []
                var own: [Mention] = []
                own.reserveCapacity(group.count)
                // By index: iterating would copy every mention.
                for index in mentions.indices where mentions[index].actor == actor { own.append(mentions[index]) }
                return (group.document, own)
            }
            made = groups
            return groups
        }
    }
}
