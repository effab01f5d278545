/// Counts, for every pair of actors, the blocks and the documents that mention both.
/// Works on the build's `ActorPassageTable`: for each actor, the actors after it in
/// slug order that share its documents and passages are counted in arrays indexed by
/// actor id, one actor at a time in parallel, instead of hashing a key per pair.
enum CoMentionCounter {
    static func count(_ mentions: [Mention]) -> [CoMention] {
        Array(count(ActorPassageTable(mentions)))
    }

    /// Pairs in (first slug, second slug) order, by the table's actor ids.
    static func count(_ table: ActorPassageTable) -> CoMentionPairs {
        guard table.actorCount > 1 else { return CoMentionPairs(slugs: table.slugs, actors: [], others: [], sameBlock: [], sameDocument: []) }
        let rows = Array(0..<table.actorCount).parallelMap { actor in pairs(of: Int32(actor), in: table) }
        // Sized once: a 10,000-briefing site has over a million pairs, and appending
        // grew the columns by copying them again and again.
        let total = rows.reduce(0) { $0 + $1.others.count }
        var actors: [UInt32] = [], others: [UInt32] = [], sameBlock: [UInt32] = [], sameDocument: [UInt32] = []
        actors.reserveCapacity(total)
        others.reserveCapacity(total)
        sameBlock.reserveCapacity(total)
        sameDocument.reserveCapacity(total)
        for (actor, row) in rows.enumerated() {
            actors.append(contentsOf: repeatElement(UInt32(actor), count: row.others.count))
            others.append(contentsOf: row.others)
            sameBlock.append(contentsOf: row.sameBlock)
            sameDocument.append(contentsOf: row.sameDocument)
        }
        return CoMentionPairs(slugs: table.slugs, actors: actors, others: others, sameBlock: sameBlock, sameDocument: sameDocument)
    }

    /// The pairs whose first actor is `actor`: the other actors ascending, with their counts.
    private static func pairs(of actor: Int32, in table: ActorPassageTable) -> (others: [UInt32], sameBlock: [UInt32], sameDocument: [UInt32]) {
        var sameDocument = [UInt32](repeating: 0, count: table.actorCount)
        var sameBlock = [UInt32](repeating: 0, count: table.actorCount)
        var others: [Int32] = []
        for document in table.actorDocuments[Int(actor)] {
            for other in table.documentActors[Int(document)] where other > actor {
                if sameDocument[Int(other)] == 0 { others.append(other) }
                sameDocument[Int(other)] += 1
            }
        }
        guard !others.isEmpty else { return ([], [], []) }
        for passage in table.actorPassages[Int(actor)] {
            for other in table.passageActors[Int(passage)] where other > actor { sameBlock[Int(other)] += 1 }
        }
        others.sort()
        return (others.map { UInt32($0) }, others.map { sameBlock[Int($0)] }, others.map { sameDocument[Int($0)] })
    }
}
