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

    /// `pairs` in their order, their slugs and `numbering` numbered in slug order;
    /// counts beyond 32 bits are kept at the largest.
    init(_ pairs: [CoMention], numbering: [String] = []) {
        let slugs = Set(numbering + pairs.flatMap { [$0.actor, $0.other] }).sorted()
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
}

extension CoMentionSelection {
    /// `strongest(_:perActor:)` over the site's pairs, made into values only for the
    /// pairs that share a passage: the only ones it can keep.
    static func strongest(_ pairs: CoMentionPairs, perActor limit: Int) -> [CoMention] {
        strongest(pairs.indices.filter { pairs.sameBlock[$0] > 0 }.map { pairs[$0] }, perActor: limit)
    }
}

extension CacheEncoder {
    /// The site's pairs as the model memo stores them (`mentionAggregates`): actors as
    /// positions in the table's slugs, one 32-bit column per field.
    mutating func coMentions(_ pairs: CoMentionPairs, positions: [String: Int32]) {
        let ids = pairs.slugs.map { positions[$0] ?? -1 }
        int32s(pairs.actors.map { ids[Int($0)] })
        int32s(pairs.others.map { ids[Int($0)] })
        int32s(pairs.sameBlock.map { Int32(clamping: $0) })
        int32s(pairs.sameDocument.map { Int32(clamping: $0) })
    }
}
