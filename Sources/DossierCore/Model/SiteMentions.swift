/// Every mention of the site in site order (briefings newest first, then actors, then
/// pages), with the position in `documentOrder` of each mention's document. An
/// actor's mentions, given as positions in `all` (`ActorPassageTable.actorMentions`),
/// fall into runs of one document each, told apart by comparing two integers: grouping
/// them by `DocumentID` hashed and compared slugs for each of the site's mentions.
struct SiteMentions: Sendable {
    let documentOrder: [DocumentID]
    private(set) var all: [Mention] = []
    /// For each mention of `all`, its document's position in `documentOrder`.
    private(set) var documentOfMention: [Int32] = []

    init(documentOrder: [DocumentID], linked: [DocumentID: LinkedDocument]) {
        self.documentOrder = documentOrder
        let documents = documentOrder.map { linked[$0]?.mentions ?? [] }
        let count = documents.reduce(0) { $0 + $1.count }
        all.reserveCapacity(count)
        documentOfMention.reserveCapacity(count)
        for (position, mentions) in documents.enumerated() {
            all += mentions
            documentOfMention += repeatElement(Int32(position), count: mentions.count)
        }
    }

    /// The mentions at `positions` (ascending) that are not in the document at
    /// `excluded`, one group per document in site order, and how many there are.
    func groups(at positions: ArraySlice<Int32>, excludingDocumentAt excluded: Int?)
        -> (groups: [(document: DocumentID, mentions: [Mention])], count: Int) {
        var groups: [(document: DocumentID, mentions: [Mention])] = []
        var currentDocument: Int32 = -1
        var current: [Mention] = []
        var count = 0
        let excludedDocument = excluded.map { Int32($0) } ?? -1
        for position in positions {
            let document = documentOfMention[Int(position)]
            if document == excludedDocument { continue }
            if document != currentDocument {
                if currentDocument >= 0 { groups.append((documentOrder[Int(currentDocument)], current)) }
                currentDocument = document
                current = []
            }
            current.append(all[Int(position)])
            count += 1
        }
        if currentDocument >= 0 { groups.append((documentOrder[Int(currentDocument)], current)) }
        return (groups, count)
    }
}
