/// Every pair of actors that share a document, as actor ids (positions in `slugs`) and
/// counts in flat 32-bit columns: 16 bytes a pair where a `CoMention` takes 48 (two
/// slugs and two counts), and the site has millions of pairs at 100,000 briefings.
/// Reads as a collection of `CoMention`, each made when it is read.
public struct CoMentionPairs: Sendable, RandomAccessCollection, Equatable, ExpressibleByArrayLiteral {
    /// Actor slugs in slug order; ids are positions here.
    let slugs: [String]
    let actors: [UInt32]
    let others: [UInt32]
    let sameBlock: [UInt32]
    let sameDocument: [UInt32]

    /// Pairs by id; every id is a position in `slugs`.
    init(slugs: [String], actors: [UInt32], others: [UInt32], sameBlock: [UInt32], sameDocument: [UInt32]) {
        self.slugs = slugs
        self.actors = actors
        self.others = others
        self.sameBlock = sameBlock
        self.sameDocument = sameDocument
    }

    /// `pairs` in their order, their slugs numbered in slug order; counts beyond 32
    /// bits are kept at the largest.
    init(_ pairs: [CoMention]) {
        let slugs = Set(pairs.flatMap { [$0.actor, $0.other] }).sorted()
        let ids = Dictionary(uniqueKeysWithValues: slugs.enumerated().map { ($1, UInt32($0)) })
        self.init(slugs: slugs, actors: pairs.map { ids[$0.actor]! }, others: pairs.map { ids[$0.other]! },
                  sameBlock: pairs.map { UInt32(clamping: $0.sameBlock) }, sameDocument: pairs.map { UInt32(clamping: $0.sameDocument) })
    }

    public init(arrayLiteral pairs: CoMention...) { self.init(pairs) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { actors.count }

    public subscript(position: Int) -> CoMention {
        CoMention(actor: slugs[Int(actors[position])], other: slugs[Int(others[position])], sameBlock: Int(sameBlock[position]),
                  sameDocument: Int(sameDocument[position]))
    }

    public static func == (lhs: CoMentionPairs, rhs: CoMentionPairs) -> Bool { lhs.elementsEqual(rhs) }

    /// The pairs into a key, as their slugs and id columns: reading them as values
    /// would make two slug strings per pair to hash, on every cached build.
    func combine(into hasher: inout StableHasher) {
        hasher.combine(slugs.count)
        for slug in slugs { hasher.combine(slug) }
        for column in [actors, others, sameBlock, sameDocument] {
            hasher.combine(column.count)
            column.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
}

extension CoMentionSelection {
    /// `strongest(_:perActor:)` over the site's pairs, ranked by id: the values the
    /// other form builds for every candidate (48 bytes each, and a list of positions
    /// per slug) were about a gigabyte at 100,000 briefings; here only the kept pairs
    /// are made into values. Ids follow slug order, so the tie-break is the same.
    static func strongest(_ pairs: CoMentionPairs, perActor limit: Int) -> [CoMention] {
        guard limit > 0 else { return [] }
        let actorCount = pairs.slugs.count
        // Each actor's candidate pairs (sharing a passage), as positions in `pairs`.
        var offsets = [Int](repeating: 0, count: actorCount + 1)
        for position in pairs.indices where pairs.sameBlock[position] > 0 {
            offsets[Int(pairs.actors[position]) + 1] += 1
            offsets[Int(pairs.others[position]) + 1] += 1
        }
        for actor in 0..<actorCount { offsets[actor + 1] += offsets[actor] }
        var next = offsets
        var positions = [UInt32](repeating: 0, count: offsets[actorCount])
        for position in pairs.indices where pairs.sameBlock[position] > 0 {
            for actor in [pairs.actors[position], pairs.others[position]] {
                positions[next[Int(actor)]] = UInt32(position)
                next[Int(actor)] += 1
            }
        }
        var kept = [Bool](repeating: false, count: pairs.count)
        for actor in 0..<actorCount {
            let own = positions[offsets[actor]..<offsets[actor + 1]]
            guard own.count > limit else {
                for position in own { kept[Int(position)] = true }
                continue
            }
            func other(_ position: UInt32) -> UInt32 {
                pairs.actors[Int(position)] == UInt32(actor) ? pairs.others[Int(position)] : pairs.actors[Int(position)]
            }
            let ranked = PartialRanking.first(limit, of: own) { lhs, rhs in
                let left = pairs.sameBlock[Int(lhs)], right = pairs.sameBlock[Int(rhs)]
                return left != right ? left > right : other(lhs) < other(rhs)
            }
            for position in ranked { kept[Int(position)] = true }
        }
        return pairs.indices.filter { kept[$0] }.map { pairs[$0] }
    }
}
