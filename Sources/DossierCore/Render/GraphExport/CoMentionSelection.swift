/// Which co-mention pairs the graph exports keep. Pairs that merely share a document
/// grow with the square of the actors a document names (1.24 million at 10,000
/// briefings, 44 % of the site's bytes), and a network tool drowns in them; so a pair
/// is kept only when the two actors share a passage, and only when it is among the
/// `perActor` strongest pairs of either actor. Every actor thus keeps its strongest
/// ties, and the edge count is at most `perActor` times the actors.
enum CoMentionSelection {
    /// `pairs` sorted by pair (as `SiteModel.coMentions`), `actor < other`; returns the
    /// kept ones in the same order. Strength is the count of shared passages; among
    /// equally strong pairs of an actor, the other actor's smaller slug ranks first.
    static func strongest(_ pairs: [CoMention], perActor limit: Int) -> [CoMention] {
        guard limit > 0 else { return [] }
        let candidates = pairs.indices.filter { pairs[$0].sameBlock > 0 }
        var pairsOf: [String: [Int]] = [:]
        for index in candidates {
            pairsOf[pairs[index].actor, default: []].append(index)
            pairsOf[pairs[index].other, default: []].append(index)
        }
        var kept = [Bool](repeating: false, count: pairs.count)
        for (actor, indices) in pairsOf {
            guard indices.count > limit else {
                for index in indices { kept[index] = true }
                continue
            }
            func other(_ index: Int) -> String { pairs[index].actor == actor ? pairs[index].other : pairs[index].actor }
            let ranked = indices.sorted { lhs, rhs in
                let left = pairs[lhs].sameBlock, right = pairs[rhs].sameBlock
                return left != right ? left > right : other(lhs) < other(rhs)
            }
            for index in ranked.prefix(limit) { kept[index] = true }
        }
        return candidates.filter { kept[$0] }.map { pairs[$0] }
    }
}
