/// Counts, for every pair of actors, the blocks and the documents that mention both.
/// Works on the build's `ActorPassageTable`: for each actor, the actors after it in
/// slug order that share its documents and passages are counted in arrays indexed by
/// actor id, one actor at a time in parallel, instead of hashing a key per pair.
enum CoMentionCounter {
    static func count(_ mentions: [Mention]) -> [CoMention] {
        count(ActorPassageTable(mentions))
    }

    /// Pairs in (first slug, second slug) order.
    static func count(_ table: ActorPassageTable) -> [CoMention] {
        guard table.actorCount > 1 else { return [] }
        let rows = Array(0..<table.actorCount).parallelMap { actor in pairs(of: Int32(actor), in: table) }
        // Sized once: a 10,000-briefing site has hundreds of thousands of pairs, and
        // `flatMap` grew the array by copying them again and again.
        var all: [CoMention] = []
        all.reserveCapacity(rows.reduce(0) { $0 + $1.count })
        for row in rows { all.append(contentsOf: row) }
        return all
    }

    /// The pairs whose first actor is `actor`.
    private static func pairs(of actor: Int32, in table: ActorPassageTable) -> [CoMention] {
        var sameDocument = [Int32](repeating: 0, count: table.actorCount)
        var sameBlock = [Int32](repeating: 0, count: table.actorCount)
        var others: [Int32] = []
        for document in table.actorDocuments[Int(actor)] {
            for other in table.documentActors[Int(document)] where other > actor {
                if sameDocument[Int(other)] == 0 { others.append(other) }
                sameDocument[Int(other)] += 1
            }
        }
        guard !others.isEmpty else { return [] }
        for passage in table.actorPassages[Int(actor)] {
            for other in table.passageActors[Int(passage)] where other > actor { sameBlock[Int(other)] += 1 }
        }
        others.sort()
        let slug = table.slugs[Int(actor)]
        return others.map { other in
            CoMention(actor: slug, other: table.slugs[Int(other)], sameBlock: Int(sameBlock[Int(other)]), sameDocument: Int(sameDocument[Int(other)]))
        }
    }
}
