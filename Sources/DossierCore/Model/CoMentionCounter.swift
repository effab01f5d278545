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
            var met = MetActors(actorCount: table.actorCount)
            for actor in range.lazy.map(Int32.init) {
                for document in table.actorDocuments[Int(actor)] {
                    for other in table.documentActors[Int(document)] where other > actor {
                        if documentCounts[Int(other)] == 0 { met.insert(other) }
                        documentCounts[Int(other)] += 1
                    }
                }
                guard !met.isEmpty else { continue }
                for passage in table.actorPassages[Int(actor)] {
                    for other in table.passageActors[Int(passage)] where other > actor { blockCounts[Int(other)] += 1 }
                }
                let first = others.count
                met.drainAscending { other in others.append(UInt32(other)) }
                actors.append(contentsOf: repeatElement(UInt32(actor), count: others.count - first))
                for position in first..<others.count {
                    let other = Int(others[position])
                    sameBlock.append(blockCounts[other])
                    sameDocument.append(documentCounts[other])
                    blockCounts[other] = 0
                    documentCounts[other] = 0
                }
            }
        }
    }
}

/// The actors one actor has met so far, handed back in ascending order. A popular
/// actor meets thousands of others, and sorting them was a third of the count at
/// 100,000 briefings: past a few dozen they are read off a bitmap, a word per 64 ids
/// between the lowest and the highest met, instead.
struct MetActors {
    private var list: [Int32] = []
    private var bits: [UInt64]
    private var lowest = Int32.max, highest = Int32.min

    init(actorCount: Int) {
        bits = [UInt64](repeating: 0, count: (actorCount + 63) / 64)
    }

    var isEmpty: Bool { list.isEmpty }

    /// `actor` must not be among those met since the last drain.
    mutating func insert(_ actor: Int32) {
        list.append(actor)
        bits[Int(actor) >> 6] |= 1 << UInt64(actor & 63)
        lowest = min(lowest, actor)
        highest = max(highest, actor)
    }

    /// Hands every actor met to `body`, ascending, and forgets them.
    mutating func drainAscending(_ body: (Int32) -> Void) {
        guard !list.isEmpty else { return }
        let firstWord = Int(lowest) >> 6, lastWord = Int(highest) >> 6
        // Sorting m ids costs about m·log2(m) steps; the bitmap one per word in the span.
        let count = list.count
        let sortCost = count * (Int.bitWidth - count.leadingZeroBitCount)
        if sortCost <= lastWord - firstWord + 1 + count {
            list.sort()
            for actor in list {
                body(actor)
                bits[Int(actor) >> 6] = 0
            }
        } else {
            for word in firstWord...lastWord where bits[word] != 0 {
                var remaining = bits[word]
                while remaining != 0 {
                    body(Int32(word << 6 | remaining.trailingZeroBitCount))
                    remaining &= remaining - 1
                }
                bits[word] = 0
            }
        }
        list.removeAll(keepingCapacity: true)
        lowest = .max
        highest = .min
    }
}
