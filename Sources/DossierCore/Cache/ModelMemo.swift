import Foundation

/// The model stage behind the build cache: `MentionAggregates` kept per project under
/// a key over exactly what they are computed from — the documents in site order with
/// each mention's actor and passage, and each briefing (newest first) with its
/// principal actors. Whatever else changed (a body's prose, a summary, an alias found
/// nowhere), a matching key gives the aggregates back without counting anything.
enum ModelMemo {
    /// `documentOrder`: the order `mentions` were gathered in; `briefings` newest first.
    /// `reused` says whether they came from the cache.
    static func aggregates(
        mentions: [Mention], documentOrder: [DocumentID], briefings: [Briefing], linked: [DocumentID: LinkedDocument],
        cache: BuildCache, root: URL
    ) -> (aggregates: MentionAggregates, reused: Bool) {
        let key = key(documentOrder: documentOrder, briefings: briefings, linked: linked)
        if let kept = cache.modelAggregates(key: key, root: root), kept.fits(mentionCount: mentions.count, briefingCount: briefings.count) {
            return (kept, true)
        }
        let aggregates = MentionAggregates(mentions: mentions, briefings: briefings, linked: linked)
        cache.storeModelAggregates(aggregates, key: key, root: root)
        return (aggregates, false)
    }

    static func key(documentOrder: [DocumentID], briefings: [Briefing], linked: [DocumentID: LinkedDocument]) -> String {
        // Each document hashed on its own, in parallel, then the hashes in order.
        let documentHashes = documentOrder.parallelMap { id -> String in
            var hasher = StableHasher()
            hasher.combine(id.kind.rawValue)
            hasher.combine(id.slug)
            let mentions = linked[id]?.mentions ?? []
            hasher.combine(mentions.count)
            // By index: iterating would copy every mention.
            for position in mentions.indices {
                hasher.combine(mentions[position].actor)
                hasher.combine(mentions[position].document.kind.rawValue)
                hasher.combine(mentions[position].document.slug)
                hasher.combine(mentions[position].anchor)
            }
            return hasher.finalize()
        }
        var hasher = StableHasher()
        hasher.combine("mention aggregates")
        hasher.combine(BuildIdentity.current)
        hasher.combine(SiteModelBuilder.relatedLimit)
        hasher.combine(documentHashes.count)
        for hash in documentHashes { hasher.combine(hash) }
        hasher.combine(briefings.count)
        for briefing in briefings {
            hasher.combine(briefing.slug)
            hasher.combine(briefing.actors.count)
            for actor in briefing.actors { hasher.combine(actor.value) }
        }
        return hasher.finalize()
    }
}

extension BuildCache {
    /// The aggregates kept for the project at `root`, if they were kept under `key`.
    func modelAggregates(key: String, root: URL) -> MentionAggregates? {
        guard var decoder = memo(kind: "model", name: Self.modelMemoName(root)), (try? decoder.string()) == key,
              let aggregates = try? decoder.mentionAggregates(), decoder.isAtEnd
        else { return nil }
        return aggregates
    }

    func storeModelAggregates(_ aggregates: MentionAggregates, key: String, root: URL) {
        guard folder != nil else { return }
        var encoder = CacheEncoder()
        encoder.string(key)
        encoder.mentionAggregates(aggregates)
        storeMemo(encoder, kind: "model", name: Self.modelMemoName(root))
    }

    /// One per project folder, replaced whenever its key changes.
    private static func modelMemoName(_ root: URL) -> String {
        var hasher = StableHasher()
        hasher.combine("model")
        hasher.combine(root.standardizedFileURL.path)
        return hasher.finalize()
    }
}

/// Actors as positions in the table's slugs, lists of ids as they are.
extension CacheEncoder {
    mutating func mentionAggregates(_ aggregates: MentionAggregates) {
        let table = aggregates.table
        array(table.slugs) { $0.string($1) }
        array(table.documents) { encoder, document in
            encoder.string(document.kind.rawValue)
            encoder.string(document.slug)
        }
        ids(table.passageDocument)
        for segments in [table.passageActors, table.documentActors, table.actorMentions, table.actorPassages, table.actorDocuments] {
            array(segments.offsets) { $0.int($1) }
            ids(segments.values)
        }
        let positions = Dictionary(uniqueKeysWithValues: table.slugs.enumerated().map { ($1, $0) })
        func coMention(_ encoder: inout CacheEncoder, _ pair: CoMention) {
            encoder.int(positions[pair.actor] ?? -1)
            encoder.int(positions[pair.other] ?? -1)
            encoder.int(pair.sameBlock)
            encoder.int(pair.sameDocument)
        }
        array(aggregates.coMentions, coMention)
        let ranked = aggregates.rankedCoMentions
        array(ranked.keys.sorted()) { encoder, slug in
            encoder.int(positions[slug] ?? -1)
            encoder.array(ranked[slug] ?? [], coMention)
        }
        array(aggregates.related) { encoder, list in
            encoder.array(list) { encoder, entry in
                encoder.int(entry.position)
                encoder.int(entry.shared)
            }
        }
    }

    private mutating func ids(_ values: [Int32]) {
        array(values) { $0.int(Int($1)) }
    }
}

extension CacheDecoder {
    mutating func mentionAggregates() throws -> MentionAggregates {
        let slugs = try array { try $0.string() }
        let documents = try array { decoder -> DocumentID in
            guard let kind = DocumentID.Kind(rawValue: try decoder.string()) else { throw Malformed() }
            return DocumentID(kind, try decoder.string())
        }
        let passageDocument = try ids()
        var segments: [ActorPassageTable.Segments] = []
        for _ in 0..<5 {
            let offsets = try array { try $0.int() }
            let values = try ids()
            // Every list must lie inside the values.
            guard offsets.first == 0, offsets.last == values.count, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 })
            else { throw Malformed() }
            segments.append(ActorPassageTable.Segments(offsets: offsets, values: values))
        }
        let table = ActorPassageTable(
            slugs: slugs, documents: documents, passageDocument: passageDocument, passageActors: segments[0], documentActors: segments[1],
            actorMentions: segments[2], actorPassages: segments[3], actorDocuments: segments[4])
        func slug(_ decoder: inout CacheDecoder) throws -> String {
            let position = try decoder.int()
            guard slugs.indices.contains(position) else { throw Malformed() }
            return slugs[position]
        }
        func coMention(_ decoder: inout CacheDecoder) throws -> CoMention {
            CoMention(actor: try slug(&decoder), other: try slug(&decoder), sameBlock: try decoder.int(), sameDocument: try decoder.int())
        }
        let coMentions = try array(coMention)
        var ranked: [String: [CoMention]] = [:]
        for (actor, list) in try array({ decoder in (try slug(&decoder), try decoder.array(coMention)) }) { ranked[actor] = list }
        let related = try array { decoder in
            try decoder.array { decoder in (position: try decoder.int(), shared: try decoder.int()) }
        }
        return MentionAggregates(table: table, coMentions: coMentions, rankedCoMentions: ranked, related: related)
    }

    private mutating func ids() throws -> [Int32] {
        try array { decoder in
            let value = try decoder.int()
            guard let id = Int32(exactly: value), id >= 0 else { throw Malformed() }
            return id
        }
    }
}
