/// Counts, for every pair of actors, the blocks and the documents that mention both.
/// Works on the build's `ActorPassageTable`: for each actor, the actors after it in
/// slug order that share its documents and passages are counted in arrays indexed by
/// actor id, instead of hashing a key per pair. Actors are taken in chunks on every
/// core, each chunk with one set of counting arrays that it clears as it goes: an
/// array per actor made the work grow with the square of the actors (3 GB of zeroes
/// at 100,000 briefings and 20,000 actors).
enum CoMentionCounter {
    static func count(_ mentions: [Mention]) -> [CoMention] {
        Array(count(ActorPassageTable(mentions)))
    }

    /// Pairs in (first slug, second slug) order, by the table's actor ids.
    static func count(_ table: ActorPassageTable) -> CoMentionPairs {
        guard table.actorCount > 1 else { return CoMentionPairs(slugs: table.slugs, actors: [], others: [], sameBlock: [], sameDocument: []) }
        let chunks = ParallelChunks.ranges(table.actorCount).parallelMap { range in Columns(actors: range, in: table) }
        // Sized once: a 10,000-briefing site has over a million pairs, and appending
        // grew the columns by copying them again and again.
        let total = chunks.reduce(0) { $0 + $1.others.count }
        var actors: [UInt32] = [], others: [UInt32] = [], sameBlock: [UInt32] = [], sameDocument: [UInt32] = []
        actors.reserveCapacity(total)
        others.reserveCapacity(total)
        sameBlock.reserveCapacity(total)
        sameDocument.reserveCapacity(total)
        for chunk in chunks {
            actors.append(contentsOf: chunk.actors)
            others.append(contentsOf: chunk.others)
            sameBlock.append(contentsOf: chunk.sameBlock)
            sameDocument.append(contentsOf: chunk.sameDocument)
        }
        return CoMentionPairs(slugs: table.slugs, actors: actors, others: others, sameBlock: sameBlock, sameDocument: sameDocument)
    }

    /// The pairs whose first actor is in one range of ids, in order.
    private struct Columns: Sendable {
        var actors: [UInt32] = [], others: [UInt32] = [], sameBlock: [UInt32] = [], sameDocument: [UInt32] = []

        init(actors range: Range<Int>, in table: ActorPassageTable) {
            // Indexed by actor id, zero outside the actor being counted.
            var documentCounts = [UInt32](repeating: 0, count: table.actorCount)
            var blockCounts = [UInt32](repeating: 0, count: table.actorCount)
            var met: [Int32] = []
            for actor in range.lazy.map(Int32.init) {
                for document in table.actorDocuments[Int(actor)] {
                    for other in table.documentActors[Int(document)] where other > actor {
                        if documentCounts[Int(other)] == 0 { met.append(other) }
                        documentCounts[Int(other)] += 1
                    }
                }
                guard !met.isEmpty else { continue }
                for passage in table.actorPassages[Int(actor)] {
                    for other in table.passageActors[Int(passage)] where other > actor { blockCounts[Int(other)] += 1 }
                }
                met.sort()
                actors.append(contentsOf: repeatElement(UInt32(actor), count: met.count))
                for other in met {
                    others.append(UInt32(other))
                    sameBlock.append(blockCounts[Int(other)])
                    sameDocument.append(documentCounts[Int(other)])
                    blockCounts[Int(other)] = 0
                    documentCounts[Int(other)] = 0
                }
                met.removeAll(keepingCapacity: true)
            }
        }
    }
}
