/// The first `limit` of a stream of candidates in a ranking order, kept in that order
/// as they are offered: a candidate that ranks after the last one kept costs one
/// comparison, and the candidates left out are never sorted. The order must be total
/// (no two candidates tie), so that what is kept is the sorted list's prefix.
struct PartialRanking<Element> {
    let limit: Int
    private(set) var ranked: [Element] = []

    init(keeping limit: Int) {
        self.limit = limit
    }

    mutating func offer(_ candidate: Element, ranksBefore: (Element, Element) -> Bool) {
        guard limit > 0 else { return }
        if ranked.count == limit, let last = ranked.last, !ranksBefore(candidate, last) { return }
        var low = 0, high = ranked.count
        while low < high {
            let middle = (low + high) / 2
            if ranksBefore(candidate, ranked[middle]) { high = middle } else { low = middle + 1 }
        }
        ranked.insert(candidate, at: low)
        if ranked.count > limit { ranked.removeLast() }
    }

    /// The first `limit` of `candidates` in the order of `ranksBefore`: sorted whole
    /// when they are no more than that, offered one by one otherwise.
    static func first<Candidates: Collection>(
        _ limit: Int, of candidates: Candidates, ranksBefore: (Element, Element) -> Bool
    ) -> [Element] where Candidates.Element == Element {
        if candidates.count <= limit { return candidates.sorted(by: ranksBefore) }
        var ranking = PartialRanking(keeping: limit)
        ranking.ranked.reserveCapacity(limit + 1)
        for candidate in candidates { ranking.offer(candidate, ranksBefore: ranksBefore) }
        return ranking.ranked
    }
}
