import Foundation

/// "Related briefings": for every briefing, the few others sharing the most actors.
/// Actors are integer ids and briefings positions, the counting goes through the
/// actor → briefings lists (never every pair of briefings), each briefing counts
/// into a reused array instead of a dictionary, the top few are kept by partial
/// selection instead of sorting every candidate, and briefings are ranked in
/// parallel chunks.
enum RelatedBriefings {
    /// For each briefing (by position), up to `limit` other positions with the number
    /// of actors shared, most shared first, then by position. `actorSets[p]` are the
    /// distinct actor ids of briefing `p`, each below `actorCount`.
    static func rank(_ actorSets: [[Int]], actorCount: Int, limit: Int) -> [[(position: Int, shared: Int)]] {
        let lists = briefingsByActor(actorSets, actorCount: actorCount)
        let count = actorSets.count
        return ParallelChunks.ranges(count, perCore: 8, atLeast: 64).parallelMap { chunk -> [[(position: Int, shared: Int)]] in
            var shared = [Int32](repeating: 0, count: count)
            var touched: [Int] = []
            return chunk.map { position in
                best(for: position, actorSets: actorSets, briefingsByActor: lists, limit: limit, shared: &shared, touched: &touched)
            }
        }.flatMap { $0 }
    }

    static func briefingsByActor(_ actorSets: [[Int]], actorCount: Int) -> [[Int32]] {
        var lists = [[Int32]](repeating: [], count: actorCount)
        for (position, actors) in actorSets.enumerated() {
            for actor in actors { lists[actor].append(Int32(position)) }
        }
        return lists
    }

    /// One briefing's ranking. `shared` (one zero per briefing) and `touched` (empty)
    /// are scratch space, left as they were given, so a caller ranking many reuses them.
    /// The result does not depend on the order of the lists: ranking is a total order.
    static func best(
        for position: Int, actorSets: [[Int]], briefingsByActor lists: [[Int32]], limit: Int,
        shared: inout [Int32], touched: inout [Int]
    ) -> [(position: Int, shared: Int)] {
        for actor in actorSets[position] {
            for other in lists[actor] where Int(other) != position {
                if shared[Int(other)] == 0 { touched.append(Int(other)) }
                shared[Int(other)] += 1
            }
        }
        var best = PartialRanking<(position: Int, shared: Int)>(keeping: limit)
        for other in touched {
            best.offer((position: other, shared: Int(shared[other])), ranksBefore: ranksBefore)
            shared[other] = 0
        }
        touched.removeAll(keepingCapacity: true)
        return best.ranked
    }

    private static func ranksBefore(_ lhs: (position: Int, shared: Int), _ rhs: (position: Int, shared: Int)) -> Bool {
        lhs.shared != rhs.shared ? lhs.shared > rhs.shared : lhs.position < rhs.position
    }
}
