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
        var briefingsByActor = [[Int32]](repeating: [], count: actorCount)
        for (position, actors) in actorSets.enumerated() {
            for actor in actors { briefingsByActor[actor].append(Int32(position)) }
        }
        let count = actorSets.count
        let chunkSize = max(64, count / (8 * ProcessInfo.processInfo.activeProcessorCount) + 1)
        let chunks = stride(from: 0, to: count, by: chunkSize).map { $0..<min(count, $0 + chunkSize) }
        let lists = briefingsByActor
        return chunks.parallelMap { chunk -> [[(position: Int, shared: Int)]] in
            var shared = [Int32](repeating: 0, count: count)
            var touched: [Int] = []
            return chunk.map { position in
                for actor in actorSets[position] {
                    for other in lists[actor] where Int(other) != position {
                        if shared[Int(other)] == 0 { touched.append(Int(other)) }
                        shared[Int(other)] += 1
                    }
                }
                var best: [(position: Int, shared: Int)] = []
                best.reserveCapacity(limit + 1)
                for other in touched {
                    let candidate = (position: other, shared: Int(shared[other]))
                    shared[other] = 0
                    if best.count == limit, let last = best.last, !ranksBefore(candidate, last) { continue }
                    let place = best.firstIndex { ranksBefore(candidate, $0) } ?? best.count
                    best.insert(candidate, at: place)
                    if best.count > limit { best.removeLast() }
                }
                touched.removeAll(keepingCapacity: true)
                return best
            }
        }.flatMap { $0 }
    }

    private static func ranksBefore(_ lhs: (position: Int, shared: Int), _ rhs: (position: Int, shared: Int)) -> Bool {
        lhs.shared != rhs.shared ? lhs.shared > rhs.shared : lhs.position < rhs.position
    }
}
