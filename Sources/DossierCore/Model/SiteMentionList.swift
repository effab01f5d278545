import Synchronization

/// Every mention of the site in site order (briefings newest first, then actors, then
/// pages), made into one list only when an export reads it: which documents hold
/// mentions and where each one's stretch starts are known from the documents'
/// counts, without decoding them (`MentionList`).
final class SiteMentionList: Sendable {
    /// The documents that hold mentions, in site order.
    let documents: [DocumentID]
    /// Where each of `documents`' stretch of the list starts, ascending.
    let starts: [Int]
    let count: Int
    private let sources: [MentionList]
    private let made: Mutex<[Mention]?>
    /// Every document's list as given, by position in the document order (nil when the
    /// list was given whole): "Related briefings" reads the briefings' lists from here.
    private let documentOrder: [DocumentID]
    private let listsInOrder: [MentionList?]

    convenience init(documentOrder: [DocumentID], linked: [DocumentID: LinkedDocument]) {
        self.init(documentOrder: documentOrder, mentionLists: documentOrder.map { linked[$0]?.mentionList })
    }

    /// `mentionLists`: each document's of `documentOrder`, by position (nil for one not linked).
    init(documentOrder: [DocumentID], mentionLists: [MentionList?]) {
        var documents: [DocumentID] = [], starts: [Int] = [], sources: [MentionList] = []
        var count = 0
        for (id, list) in zip(documentOrder, mentionLists) {
            guard let list, list.count > 0 else { continue }
            documents.append(id)
            starts.append(count)
            sources.append(list)
            count += list.count
        }
        self.documents = documents
        self.starts = starts
        self.sources = sources
        self.count = count
        made = Mutex(nil)
        self.documentOrder = documentOrder
        listsInOrder = mentionLists
    }

    /// A list given whole: its stretches are its runs of one document.
    init(_ mentions: [Mention]) {
        var documents: [DocumentID] = [], starts: [Int] = []
        for index in mentions.indices where documents.last != mentions[index].document {
            documents.append(mentions[index].document)
            starts.append(index)
        }
        self.documents = documents
        self.starts = starts
        sources = []
        count = mentions.count
        made = Mutex(mentions)
        documentOrder = []
        listsInOrder = []
    }

    /// The mention lists of `briefings`' documents, by position, when the document order
    /// this list was made in starts with them; nil otherwise. A lookup in the linked
    /// documents copies the whole document out of the dictionary, 100,000 of them at
    /// 100,000 briefings.
    func mentionLists(ofBriefings briefings: [Briefing]) -> [MentionList?]? {
        guard documentOrder.count >= briefings.count else { return nil }
        // By index: iterating would copy every briefing.
        for position in briefings.indices where documentOrder[position] != DocumentID(.briefing, briefings[position].slug) {
            return nil
        }
        return Array(listsInOrder.prefix(briefings.count))
    }

    /// The positions of the mentions of `documents[stretch]`.
    func positions(ofStretch stretch: Int) -> Range<Int> {
        starts[stretch]..<(stretch + 1 < starts.count ? starts[stretch + 1] : count)
    }

    /// The mentions at `range`, decoding only its document's when the range lies in one
    /// document's stretch and the whole list has not been made.
    func slice(_ range: Range<Int>) -> ArraySlice<Mention> {
        if let whole = made.withLock({ $0 }) { return whole[range] }
        var lower = 0, upper = starts.count
        while upper - lower > 1 {
            let middle = (lower + upper) / 2
            if starts[middle] <= range.lowerBound { lower = middle } else { upper = middle }
        }
        guard !starts.isEmpty, !range.isEmpty else { return mentions[range] }
        let start = starts[lower], end = lower + 1 < starts.count ? starts[lower + 1] : count
        guard range.upperBound <= end else { return mentions[range] }
        return ArraySlice(sources[lower].mentions[(range.lowerBound - start)..<(range.upperBound - start)])
    }

    /// The mention at `position` of `mentions`, decoding only its document's when the
    /// whole list has not been made: a cached build's few export files read a few
    /// documents' mentions.
    subscript(position: Int) -> Mention {
        if let whole = made.withLock({ $0 }) { return whole[position] }
        var lower = 0, upper = starts.count
        while upper - lower > 1 {
            let middle = (lower + upper) / 2
            if starts[middle] <= position { lower = middle } else { upper = middle }
        }
        return sources[lower].mentions[position - starts[lower]]
    }

    /// Made once, each document decoded on its own thread.
    var mentions: [Mention] {
        made.withLock { made in
            if let made { return made }
            var all: [Mention] = []
            all.reserveCapacity(count)
            for mentions in sources.parallelMap({ $0.mentions }) { all += mentions }
            made = all
            return all
        }
    }
}
