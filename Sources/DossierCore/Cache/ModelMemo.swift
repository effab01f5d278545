import Foundation

/// The model stage behind the build cache: `MentionAggregates` kept per project under
/// a key over exactly what they are computed from — the documents in site order with
/// each mention's actor and passage, and each briefing (newest first) with its
/// principal actors. Whatever else changed (a body's prose, a summary, an alias found
/// nowhere), a matching key gives the aggregates back without counting anything.
enum ModelMemo {
    /// `documentOrder`: the order `mentions` were gathered in; `briefings` newest first.
    /// `reused` says whether they came from the cache.
    /// `linkedForms`: each document's linked form (`LinkMemo.linkAll`); the mentions of a
    /// document whose form is the last build's are not hashed again (`ModelDocumentHashes`).
    static func aggregates(
        mentions: [Mention], documentOrder: [DocumentID], briefings: [Briefing], linked: [DocumentID: LinkedDocument],
        linkedForms: [DocumentID: String] = [:], cache: BuildCache, root: URL
    ) -> (aggregates: MentionAggregates, reused: Bool) {
        aggregates(mentions: SiteMentionList(mentions), documentOrder: documentOrder, briefings: briefings, linked: linked,
                   linkedForms: linkedForms, cache: cache, root: root)
    }

    /// `mentions` are made into one list only when the aggregates are counted again.
    static func aggregates(
        mentions: SiteMentionList, documentOrder: [DocumentID], briefings: [Briefing], linked: [DocumentID: LinkedDocument],
        linkedForms: [DocumentID: String] = [:], cache: BuildCache, root: URL
    ) -> (aggregates: MentionAggregates, reused: Bool) {
        aggregatesAndKeySource(mentions: mentions, documentOrder: documentOrder, briefings: briefings, linked: linked,
                               linkedForms: linkedForms, cache: cache, root: root).result
    }

    /// `aggregates`, and whether the key was taken by the documents' linked forms
    /// (`ModelKeyByLinkedForms`) rather than computed.
    static func aggregatesAndKeySource(
        mentions: SiteMentionList, documentOrder: [DocumentID], briefings: [Briefing], linked: [DocumentID: LinkedDocument],
        linkedForms: [DocumentID: String], cache: BuildCache, root: URL
    ) -> (result: (aggregates: MentionAggregates, reused: Bool), keyByLinkedForms: Bool) {
        let found = aggregatesWritingBeside(mentions: mentions, documentOrder: documentOrder, briefings: briefings, linked: linked,
                                            linkedForms: linkedForms, cache: cache, root: root)
        found.write.wait()
        return (found.result, found.keyByLinkedForms)
    }

    /// `aggregatesAndKeySource`, returning before aggregates counted again are in the
    /// cache: they are written on a thread of their own (encoding hundreds of megabytes
    /// at 100,000 briefings, 0.75 s on one core) while the model's entries are made.
    /// The caller waits for `write` before the build reads or tidies the cache.
    static func aggregatesWritingBeside(
        mentions: SiteMentionList, documentOrder: [DocumentID], briefings: [Briefing], linked: [DocumentID: LinkedDocument],
        linkedForms: [DocumentID: String], cache: BuildCache, root: URL
    ) -> (result: (aggregates: MentionAggregates, reused: Bool), keyByLinkedForms: Bool, write: ModelMemoWrite) {
        let digest = linkedForms.isEmpty ? nil
            : ModelKeyByLinkedForms.digest(documentOrder: documentOrder, briefings: briefings, linkedForms: linkedForms)
        let key: String
        let keyByLinkedForms: Bool
        if let digest, let filed = cache.modelKeyByLinkedForms(root: root), filed.digest == digest {
            key = filed.key
            keyByLinkedForms = true
        } else {
            let known = linkedForms.isEmpty ? ModelDocumentHashes() : cache.modelDocumentHashes(root: root)
            let computed = self.key(documentOrder: documentOrder, briefings: briefings, linked: linked, linkedForms: linkedForms, known: known)
            // Equal keys in the same order hold equal hashes: each was taken from `known` or is a document's own.
            if computed.hashes.keys != known.keys || computed.hashes.values != known.values {
                cache.storeModelDocumentHashes(computed.hashes, root: root)
            }
            if let digest { cache.storeModelKeyByLinkedForms(ModelKeyByLinkedForms(digest: digest, key: computed.key), root: root) }
            key = computed.key
            keyByLinkedForms = false
        }
        let found = memoized(mentions: mentions, briefings: briefings, linked: linked, key: key, cache: cache, root: root)
        return ((found.aggregates, found.reused), keyByLinkedForms, found.write)
    }

    /// The aggregates kept under `key`, or counted and being kept under it.
    private static func memoized(
        mentions: SiteMentionList, briefings: [Briefing], linked: [DocumentID: LinkedDocument], key: String, cache: BuildCache, root: URL
    ) -> (aggregates: MentionAggregates, reused: Bool, write: ModelMemoWrite) {
        if let kept = cache.modelAggregates(key: key, root: root), kept.fits(briefingCount: briefings.count) {
            return (kept, true, ModelMemoWrite(nil))
        }
        let aggregates = MentionAggregates(mentions: mentions, briefings: briefings, linked: linked)
        let write = BackgroundWork { cache.storeModelAggregates(aggregates, key: key, root: root) }
        return (aggregates, false, ModelMemoWrite(write))
    }

    static func key(documentOrder: [DocumentID], briefings: [Briefing], linked: [DocumentID: LinkedDocument]) -> String {
        key(documentOrder: documentOrder, briefings: briefings, linked: linked, linkedForms: [:], known: ModelDocumentHashes()).key
    }

    /// The key, and the hash of each document with a linked form filed under it: taken
    /// from `known` where it is there, computed otherwise.
    static func key(
        documentOrder: [DocumentID], briefings: [Briefing], linked: [DocumentID: LinkedDocument], linkedForms: [DocumentID: String],
        known: ModelDocumentHashes
    ) -> (key: String, hashes: ModelDocumentHashes) {
        let lookupKeys = documentOrder.map { ModelDocumentHashes.lookupKey($0, linkedForm: linkedForms[$0]) }
        let filed = known.hashes(of: lookupKeys)
        // Each document not filed hashed on its own, in parallel, then the hashes in order.
        let documentHashes = Array(documentOrder.indices).parallelMap { position -> String in
            if let hash = filed[position] { return hash }
            return documentHash(documentOrder[position], mentions: linked[documentOrder[position]]?.mentions ?? [])
        }
        // A repeated document id (an error the build reports) files the same hash twice, which is harmless.
        var keys: [String] = [], values: [String] = []
        keys.reserveCapacity(lookupKeys.count)
        values.reserveCapacity(lookupKeys.count)
        for (lookupKey, hash) in zip(lookupKeys, documentHashes) {
            if let lookupKey {
                keys.append(lookupKey)
                values.append(hash)
            }
        }
        return (combinedKey(documentHashes, briefings: briefings), ModelDocumentHashes(keys: keys, values: values))
    }

    /// What the aggregates read of one document: its id and each mention's actor, document
    /// and anchor (`MentionPlaces`).
    private static func documentHash(_ id: DocumentID, mentions: [Mention]) -> String {
        var hasher = StableHasher()
        hasher.combine("places")
        hasher.combine(id.kind.rawValue)
        hasher.combine(id.slug)
        MentionPlaces(mentions).combine(into: &hasher)
        return hasher.finalize()
    }

    /// Each briefing's front-matter actors, which the model reads beside the mentions:
    /// part of the key and of the digest it is filed under (`ModelKeyByLinkedForms`).
    static func combinePrincipalActors(of briefings: [Briefing], into hasher: inout StableHasher) {
        hasher.combine(briefings.count)
        // By index: iterating would copy every briefing.
        for position in briefings.indices {
            hasher.combine(briefings[position].slug)
            let actors = briefings[position].actors
            hasher.combine(actors.count)
            for actor in actors.indices { hasher.combine(actors[actor].value) }
        }
    }

    private static func combinedKey(_ documentHashes: [String], briefings: [Briefing]) -> String {
        var hasher = StableHasher()
        // Names the memo's layout too: the pairs and rankings, without the passage table.
        hasher.combine("mention aggregates without the passage table, first actors as runs")
        hasher.combine(BuildIdentity.current)
        hasher.combine(SiteModelBuilder.relatedLimit)
        hasher.combine(SiteModelBuilder.coMentionsPerActor)
        hasher.combine(documentHashes.count)
        for hash in documentHashes { hasher.combine(hash) }
        ModelMemo.combinePrincipalActors(of: briefings, into: &hasher)
        return hasher.finalize()
    }
}

/// The model memo being written beside the build, if it is.
struct ModelMemoWrite: Sendable {
    private let work: BackgroundWork<Void>?

    init(_ work: BackgroundWork<Void>?) {
        self.work = work
    }

    /// Returns once the memo is in the cache.
    func wait() {
        _ = work?.value
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
        // Encoded behind the memo's header at once: at 100,000 briefings the body is
        // hundreds of megabytes, and each copy of it raised the build's peak.
        let name = Self.modelMemoName(root)
        var encoder = Self.memoEncoder(kind: "model", name: name)
        encoder.string(key)
        encoder.mentionAggregates(aggregates)
        storeMemo(encoded: &encoder, kind: "model", name: name)
    }

    /// One per project folder, replaced whenever its key changes.
    private static func modelMemoName(_ root: URL) -> String {
        projectMemoName("model", root)
    }
}

/// Actors as positions in one list of slugs (the pairs' own, with any ranked actor
/// not among them); every list of numbers as a column of 32-bit values (`int32s`),
/// so that reading it back is a copy, not a parse per value.
extension CacheEncoder {
    mutating func mentionAggregates(_ aggregates: MentionAggregates) {
        let ranked = aggregates.rankedCoMentions
        let rankedActors = ranked.keys.sorted()
        let pairs = aggregates.coMentions
        // The counted pairs already number every actor, in slug order: then the ids are written as they are.
        var slugs = pairs.slugs
        let known = Set(slugs)
        let missing = Set(rankedActors.filter { !known.contains($0) } + ranked.values.joined().flatMap { [$0.actor, $0.other] }
            .filter { !known.contains($0) })
        if !missing.isEmpty { slugs = (slugs + missing).sorted() }
        let positions = Dictionary(slugs.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
        array(slugs) { $0.string($1) }
        coMentions(pairs, positions: positions, renumbered: !missing.isEmpty)
        int32s(rankedActors.map { positions[$0] ?? -1 })
        int32s(rankedActors.map { Int32(clamping: ranked[$0]?.count ?? 0) })
        coMentions(rankedActors.flatMap { ranked[$0] ?? [] }, positions: positions)
        int32s(aggregates.related.map { Int32(clamping: $0.count) })
        let related = aggregates.related.joined()
        int32s(related.map { Int32(clamping: $0.position) })
        int32s(related.map { Int32(clamping: $0.shared) })
    }

    /// The site's pairs as the model memo stores them (`mentionAggregates`): actors as
    /// positions in the memo's slugs, one 32-bit column per field. Counted pairs come
    /// sorted by their first actor, whose column is then written as the number of
    /// pairs of each actor: a quarter of the memo (a million pairs at 10,000 briefings)
    /// that every cached build read and checked.
    private mutating func coMentions(_ pairs: CoMentionPairs, positions: [String: Int32], renumbered: Bool) {
        let ids = renumbered ? pairs.slugs.map { positions[$0] ?? -1 } : pairs.slugs.indices.map { Int32($0) }
        // Counted as they are read, without a column of their own: tens of millions of
        // pairs at 100,000 briefings.
        var runs = [Int32](repeating: 0, count: positions.count)
        var sortedByFirstActor = true
        var previous: Int32 = 0
        for position in pairs.actors.indices {
            let actor = ids[Int(pairs.actors[position])]
            guard actor >= previous, Int(actor) < runs.count else {
                sortedByFirstActor = false
                break
            }
            runs[Int(actor)] += 1
            previous = actor
        }
        bool(sortedByFirstActor)
        if sortedByFirstActor {
            int32s(runs)
        } else {
            int32s(count: pairs.actors.count) { ids[Int(pairs.actors[$0])] }
        }
        int32s(count: pairs.others.count) { ids[Int(pairs.others[$0])] }
        int32s(count: pairs.sameBlock.count) { Int32(clamping: pairs.sameBlock[$0]) }
        int32s(count: pairs.sameDocument.count) { Int32(clamping: pairs.sameDocument[$0]) }
    }

    private mutating func coMentions(_ pairs: [CoMention], positions: [String: Int32]) {
        int32s(pairs.map { positions[$0.actor] ?? -1 })
        int32s(pairs.map { positions[$0.other] ?? -1 })
        int32s(pairs.map { Int32(clamping: $0.sameBlock) })
        int32s(pairs.map { Int32(clamping: $0.sameDocument) })
    }
}

extension CacheDecoder {
    mutating func mentionAggregates() throws -> MentionAggregates {
        let slugs = try array { try $0.string() }
        // The site's pairs stay columns of ids into the slugs, the numbering
        // `CoMentionCounter.count` gives them: made into values, they cost a dictionary
        // lookup per slug per pair to number again (0.26 CPU-s of a cached 10k build).
        let coMentions = try sitePairColumns(slugs)
        let rankedActors = try int32s(), rankedCounts = try int32s()
        let rankedPairs = try self.coMentions(slugs)
        guard rankedActors.count == rankedCounts.count, rankedCounts.allSatisfy({ $0 >= 0 }),
              rankedCounts.reduce(0, { $0 + Int($1) }) == rankedPairs.count, rankedActors.allSatisfy({ slugs.indices.contains(Int($0)) })
        else { throw Malformed() }
        var ranked: [String: [CoMention]] = [:]
        var start = 0
        for (actor, count) in zip(rankedActors, rankedCounts) {
            ranked[slugs[Int(actor)]] = Array(rankedPairs[start..<start + Int(count)])
            start += Int(count)
        }
        let relatedCounts = try int32s(), relatedPositions = try int32s(), relatedShared = try int32s()
        guard relatedCounts.allSatisfy({ $0 >= 0 }), relatedCounts.reduce(0, { $0 + Int($1) }) == relatedPositions.count,
              relatedPositions.count == relatedShared.count
        else { throw Malformed() }
        var related: [[(position: Int, shared: Int)]] = []
        related.reserveCapacity(relatedCounts.count)
        start = 0
        for count in relatedCounts {
            related.append((start..<start + Int(count)).map { (position: Int(relatedPositions[$0]), shared: Int(relatedShared[$0])) })
            start += Int(count)
        }
        return MentionAggregates(coMentions: coMentions, rankedCoMentions: ranked, related: related)
    }

    private mutating func coMentions(_ slugs: [String]) throws -> [CoMention] {
        Array(try pairColumns(slugs))
    }

    /// The site's pairs as `coMentions(_:positions:renumbered:)` writes them.
    private mutating func sitePairColumns(_ slugs: [String]) throws -> CoMentionPairs {
        let actors: [UInt32]
        if try bool() {
            let runs = try uint32s()
            guard runs.count == slugs.count else { throw Malformed() }
            let total = runs.reduce(0) { $0 + Int($1) }
            // Each run written in place: appending a repeated element per actor went through a generic path.
            actors = [UInt32](unsafeUninitializedCapacity: total) { buffer, initialized in
                var next = 0
                for (actor, run) in runs.enumerated() {
                    (buffer.baseAddress! + next).initialize(repeating: UInt32(actor), count: Int(run))
                    next += Int(run)
                }
                initialized = total
            }
        } else {
            actors = try uint32s(below: slugs.count)
        }
        let others = try uint32s(below: slugs.count)
        let sameBlock = try uint32s(), sameDocument = try uint32s()
        guard others.count == actors.count, sameBlock.count == actors.count, sameDocument.count == actors.count else { throw Malformed() }
        return CoMentionPairs(slugs: slugs, actors: actors, others: others, sameBlock: sameBlock, sameDocument: sameDocument)
    }

    private mutating func pairColumns(_ slugs: [String]) throws -> CoMentionPairs {
        let actors = try int32s(), others = try int32s(), sameBlock = try int32s(), sameDocument = try int32s()
        guard others.count == actors.count, sameBlock.count == actors.count, sameDocument.count == actors.count,
              actors.allSatisfy({ slugs.indices.contains(Int($0)) }), others.allSatisfy({ slugs.indices.contains(Int($0)) }),
              sameBlock.allSatisfy({ $0 >= 0 }), sameDocument.allSatisfy({ $0 >= 0 })
        else { throw Malformed() }
        return CoMentionPairs(slugs: slugs, actors: actors.map { UInt32($0) }, others: others.map { UInt32($0) },
                              sameBlock: sameBlock.map { UInt32($0) }, sameDocument: sameDocument.map { UInt32($0) })
    }
}
