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

    /// Pairs in (first slug, second slug) order, by the table's actor ids: the pairs of
    /// `countAndRank`, for callers that want no ranking.
    static func count(_ table: ActorPassageTable) -> CoMentionPairs {
        countAndRank(table, keeping: .max).pairs
    }

    /// The site's pairs and every actor's ranked co-mentions
    /// (`ActorMentions.coMentionsOfEveryActor`) in one walk over each actor's passages:
    /// both read every passage of the actor and each passage's actors, the site's largest
    /// lists (a second walk was a tenth of the model stage at 100,000 briefings, its reads
    /// missing the cache).
    static func countAndRank(_ table: ActorPassageTable, keeping limit: Int) -> (pairs: CoMentionPairs, ranked: [String: [CoMention]]) {
        let ranking = Ranking(table, keeping: limit)
        let chunks = ParallelChunks.ranges(table.actorCount).parallelMap { range in Columns(actors: range, in: table, ranking: ranking) }
        let ranked = Dictionary(uniqueKeysWithValues: zip(table.slugs, chunks.lazy.flatMap(\.ranked)))
        return (pairs(of: chunks, in: table), ranked)
    }

    private static func pairs(of chunks: [Columns], in table: ActorPassageTable) -> CoMentionPairs {
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

    /// What ranking each actor's co-mentions needs beside the pairs: the first profile
    /// of each actor (its passages are left out, as `SiteModelBuilder.actorModel` leaves
    /// them out) and how many to keep.
    private struct Ranking: Sendable {
        /// By actor id, the position in the table's documents of its profile, or -1.
        let profiles: [Int32]
        let limit: Int

        init(_ table: ActorPassageTable, keeping limit: Int) {
            var profiles = [Int32](repeating: -1, count: table.actorCount)
            let ids = Dictionary(table.slugs.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
            for (position, document) in table.documents.enumerated() where document.kind == .actor {
                if let actor = ids[document.slug], profiles[Int(actor)] < 0 { profiles[Int(actor)] = Int32(position) }
            }
            self.profiles = profiles
            self.limit = limit
        }
    }

    /// What one actor has counted of one other, side by side so that a count touches
    /// one cache line: at 100,000 briefings the site's 20,000 actors make each column
    /// 80 KB, past the first-level cache.
    private struct Tally {
        /// Pairs (the other after the actor): documents and passages both name.
        var pairDocuments: UInt32 = 0
        var pairBlocks: UInt32 = 0
        /// The ranking (any other, the actor's profile left out): passages, and the
        /// documents of those passages, with the last such document counted.
        var rankedBlocks: Int32 = 0
        var rankedDocuments: Int32 = 0
        var lastDocument: Int32 = -1
    }

    /// The pairs whose first actor is in one range of ids, in order, and each of those
    /// actors' ranked co-mentions.
    private struct Columns: Sendable {
        let actors: [UInt32], others: [UInt32], sameBlock: [UInt32], sameDocument: [UInt32]
        let ranked: [[CoMention]]

        init(actors range: Range<Int>, in table: ActorPassageTable, ranking: Ranking) {
            // Indexed by actor id, as they were before each actor was counted.
            var tallies = [Tally](repeating: Tally(), count: table.actorCount)
            var met = MetActors(actorCount: table.actorCount)
            var rankedOthers: [Int32] = []
            var actors: [UInt32] = [], others: [UInt32] = [], sameBlock: [UInt32] = [], sameDocument: [UInt32] = []
            var ranked: [[CoMention]] = []
            ranked.reserveCapacity(range.count)
            // Lists read by position, not as slices: a slice retains its array, once for
            // each of an actor's documents and passages.
            let actorDocuments = table.actorDocuments, documentActors = table.documentActors
            let actorPassages = table.actorPassages, passageActors = table.passageActors, passageDocument = table.passageDocument
            // The columns reserved once the first actors show how many pairs an actor
            // has: grown by doubling, they were copied and faulted in again and again
            // (a tenth of the count at 100,000 briefings, with millions of pairs).
            let sampled = range.lowerBound + max(32, range.count / 16)
            tallies.withUnsafeMutableBufferPointer { tallies in
                for actor in range.lazy.map(Int32.init) {
                    if Int(actor) == sampled {
                        let expected = others.count * range.count / (sampled - range.lowerBound) / 8 * 9
                        actors.reserveCapacity(expected)
                        others.reserveCapacity(expected)
                        sameBlock.reserveCapacity(expected)
                        sameDocument.reserveCapacity(expected)
                    }
                    for documentPosition in actorDocuments.offsets[Int(actor)]..<actorDocuments.offsets[Int(actor) + 1] {
                        let document = Int(actorDocuments.values[documentPosition])
                        for position in documentActors.offsets[document]..<documentActors.offsets[document + 1] {
                            let other = documentActors.values[position]
                            guard other > actor else { continue }
                            if tallies[Int(other)].pairDocuments == 0 { met.insert(other) }
                            tallies[Int(other)].pairDocuments += 1
                        }
                    }
                    let profile = ranking.profiles[Int(actor)]
                    for passagePosition in actorPassages.offsets[Int(actor)]..<actorPassages.offsets[Int(actor) + 1] {
                        let passage = Int(actorPassages.values[passagePosition])
                        let document = passageDocument[passage]
                        let counted = document != profile
                        for position in passageActors.offsets[passage]..<passageActors.offsets[passage + 1] {
                            let other = passageActors.values[position]
                            guard other != actor else { continue }
                            if other > actor { tallies[Int(other)].pairBlocks += 1 }
                            guard counted else { continue }
                            if tallies[Int(other)].rankedBlocks == 0 { rankedOthers.append(other) }
                            tallies[Int(other)].rankedBlocks += 1
                            if tallies[Int(other)].lastDocument != document {
                                tallies[Int(other)].lastDocument = document
                                tallies[Int(other)].rankedDocuments += 1
                            }
                        }
                    }
                    ranked.append(Self.strongest(of: actor, among: &rankedOthers, tallies: tallies, in: table, keeping: ranking.limit))
                    guard !met.isEmpty else { continue }
                    let first = others.count
                    met.drainAscending { other in others.append(UInt32(other)) }
                    actors.append(contentsOf: repeatElement(UInt32(actor), count: others.count - first))
                    for position in first..<others.count {
                        let other = Int(others[position])
                        sameBlock.append(tallies[other].pairBlocks)
                        sameDocument.append(tallies[other].pairDocuments)
                        tallies[other].pairBlocks = 0
                        tallies[other].pairDocuments = 0
                    }
                }
            }
            self.actors = actors
            self.others = others
            self.sameBlock = sameBlock
            self.sameDocument = sameDocument
            self.ranked = ranked
        }

        /// `actor`'s co-mentions as `ActorMentions.coMentionsOfEveryActor` ranks them,
        /// leaving `others` empty and the ranking's counts of `tallies` as they were.
        private static func strongest(
            of actor: Int32, among others: inout [Int32], tallies: UnsafeMutableBufferPointer<Tally>, in table: ActorPassageTable,
            keeping limit: Int
        ) -> [CoMention] {
            // Ids follow slug order, so the last tie-break is the slug's.
            let strongest = PartialRanking.first(limit, of: others) { lhs, rhs in
                let left = tallies[Int(lhs)], right = tallies[Int(rhs)]
                if left.rankedBlocks != right.rankedBlocks { return left.rankedBlocks > right.rankedBlocks }
                if left.rankedDocuments != right.rankedDocuments { return left.rankedDocuments > right.rankedDocuments }
                return lhs < rhs
            }
            let slug = table.slugs[Int(actor)]
            let ranked = strongest.map { other in
                CoMention(actor: slug, other: table.slugs[Int(other)], sameBlock: Int(tallies[Int(other)].rankedBlocks),
                          sameDocument: Int(tallies[Int(other)].rankedDocuments))
            }
            for other in others {
                tallies[Int(other)].rankedBlocks = 0
                tallies[Int(other)].rankedDocuments = 0
                tallies[Int(other)].lastDocument = -1
            }
            others.removeAll(keepingCapacity: true)
            return ranked
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
