import Foundation

/// What an actor page lists about the actor's mentions elsewhere: the documents that
/// mention it, in the order a reader looks for them, and the actors that share its
/// passages — counted over exactly those passages, so the two sections agree.
enum ActorMentions {
    /// Groups `mentions` (in site order) by document: briefings first, newest first as
    /// they come; then actor profiles and pages, each by title.
    static func groups(
        _ mentions: [Mention], title: (DocumentID) -> String
    ) -> [(document: DocumentID, mentions: [Mention])] {
        inReadingOrder(siteOrderGroups(mentions), document: \.document, title: title)
    }

    /// `mentions` (in site order) grouped by document, each group where its document first comes.
    static func siteOrderGroups(_ mentions: [Mention]) -> [(document: DocumentID, mentions: [Mention])] {
        var groups: [(document: DocumentID, mentions: [Mention])] = []
        var positions: [DocumentID: Int] = [:]
        for mention in mentions {
            let document = mention.document
            // Site order keeps a document's mentions together: most need no lookup.
            if let last = groups.indices.last, groups[last].document == document {
                groups[last].mentions.append(mention)
            } else if let position = positions[document] {
                groups[position].mentions.append(mention)
            } else {
                positions[document] = groups.count
                groups.append((document, [mention]))
            }
        }
        return groups
    }

    /// `groups` (one per document, in site order) with briefings first as they come,
    /// then actor profiles and pages, each by title: the order `groups` gives.
    static func inReadingOrder<Group>(_ groups: [Group], document: (Group) -> DocumentID, title: (DocumentID) -> String) -> [Group] {
        func rank(_ kind: DocumentID.Kind) -> Int {
            switch kind {
            case .briefing: 0
            case .actor: 1
            case .page: 2
            }
        }
        // Briefings keep the order they came in; the rest are ordered by title. Site
        // order puts briefings first, so only the groups after them are sorted (each
        // comparison copies two document ids, for every actor of the site).
        var briefings = 0
        while briefings < groups.count, document(groups[briefings]).kind == .briefing { briefings += 1 }
        let rest = groups.indices[briefings...]
        if !rest.contains(where: { document(groups[$0]).kind == .briefing }) {
            if rest.count < 2 { return groups }
            let sortedRest = rest.sorted { lhs, rhs in
                let left = document(groups[lhs]), right = document(groups[rhs])
                if left.kind != right.kind { return rank(left.kind) < rank(right.kind) }
                let leftTitle = title(left), rightTitle = title(right)
                let comparison = leftTitle.localizedStandardCompare(rightTitle)
                if comparison != .orderedSame { return comparison == .orderedAscending }
                return left.slug < right.slug
            }
            return Array(groups[..<briefings]) + sortedRest.map { groups[$0] }
        }
        let order = groups.indices.sorted { lhs, rhs in
            let left = document(groups[lhs]), right = document(groups[rhs])
            if left.kind != right.kind { return rank(left.kind) < rank(right.kind) }
            if left.kind == .briefing { return lhs < rhs }
            let leftTitle = title(left), rightTitle = title(right)
            let comparison = leftTitle.localizedStandardCompare(rightTitle)
            if comparison != .orderedSame { return comparison == .orderedAscending }
            return left.slug < right.slug
        }
        return order.map { groups[$0] }
    }

    /// The actors mentioned in the same passages (blocks) as `actor`'s `mentions`,
    /// ranked by shared passages, then shared documents, then slug. Only actors that
    /// share at least one passage are listed.
    static func coMentions(
        of actor: String, mentions: [Mention], actorsByPassage: [PassageKey: Set<String>]
    ) -> [CoMention] {
        var passages: Set<PassageKey> = []
        var documents: Set<DocumentID> = []
        for mention in mentions {
            documents.insert(mention.document)
            if let key = PassageKey(mention) { passages.insert(key) }
        }
        var sharedPassages: [String: Int] = [:]
        var sharedDocuments: [String: Set<DocumentID>] = [:]
        for passage in passages {
            for other in actorsByPassage[passage] ?? [] where other != actor {
                sharedPassages[other, default: 0] += 1
                sharedDocuments[other, default: []].insert(passage.document)
            }
        }
        return sharedPassages.map { other, count in
            CoMention(actor: actor, other: other, sameBlock: count, sameDocument: sharedDocuments[other]?.count ?? 0)
        }.sorted { lhs, rhs in
            if lhs.sameBlock != rhs.sameBlock { return lhs.sameBlock > rhs.sameBlock }
            if lhs.sameDocument != rhs.sameDocument { return lhs.sameDocument > rhs.sameDocument }
            return lhs.other < rhs.other
        }
    }

    /// `coMentions(of:mentions:actorsByPassage:)` for every actor of the table at
    /// once, each actor's own profile left out as `SiteModelBuilder.actorModel` leaves
    /// it out, by slug: counted with the site's pairs (`CoMentionCounter.countAndRank`).
    /// `keeping`: only each actor's strongest, picked without sorting the others.
    static func coMentionsOfEveryActor(_ table: ActorPassageTable, keeping limit: Int = .max) -> [String: [CoMention]] {
        CoMentionCounter.countAndRank(table, keeping: limit).ranked
    }

    struct PassageKey: Hashable {
        var document: DocumentID
        var anchor: String

        init?(_ mention: Mention) {
            guard let anchor = mention.anchor else { return nil }
            self.document = mention.document
            self.anchor = anchor
        }
    }

    static func actorsByPassage(_ mentions: [Mention]) -> [PassageKey: Set<String>] {
        var result: [PassageKey: Set<String>] = [:]
        for mention in mentions {
            if let key = PassageKey(mention) { result[key, default: []].insert(mention.actor) }
        }
        return result
    }
}
