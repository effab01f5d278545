/// The site's mentions reduced to integers, built once per build for the co-mention
/// counts: actors numbered in slug order, documents in first-seen order, passages
/// (a block of a document, named by its anchor) numbered document by document, and
/// which actors each passage and each document holds, and the reverse. Counting over
/// these hashes each mention's strings once, where counting over `Mention` values
/// hashed slugs and anchors for every actor a passage holds (a million mentions at
/// 10,000 briefings). Lists are flat arrays cut by offsets, not an array per passage.
struct ActorPassageTable: Sendable {
    /// Actor slugs; an actor's id is its position.
    let slugs: [String]
    let documents: [DocumentID]
    /// Each passage's document.
    let passageDocument: [Int32]
    /// Distinct actor ids, ascending, of each passage and of each document.
    let passageActors: Segments
    let documentActors: Segments
    /// The mentions' positions in the list the table was made from, by actor, each in that order.
    let actorMentions: Segments
    /// Passages and documents, ascending, of each actor.
    let actorPassages: Segments
    let actorDocuments: Segments

    var actorCount: Int { slugs.count }

    /// Lists of ids laid end to end: list `i` is `values[offsets[i]..<offsets[i + 1]]`.
    struct Segments: Sendable {
        let offsets: [Int]
        let values: [Int32]

        subscript(_ list: Int) -> ArraySlice<Int32> { values[offsets[list]..<offsets[list + 1]] }
    }

    /// Every list as given, for the model memo (`MentionAggregates`).
    init(slugs: [String], documents: [DocumentID], passageDocument: [Int32], passageActors: Segments, documentActors: Segments,
         actorMentions: Segments, actorPassages: Segments, actorDocuments: Segments) {
        self.slugs = slugs
        self.documents = documents
        self.passageDocument = passageDocument
        self.passageActors = passageActors
        self.documentActors = documentActors
        self.actorMentions = actorMentions
        self.actorPassages = actorPassages
        self.actorDocuments = actorDocuments
    }

    init(_ mentions: [Mention]) {
        // Actors and documents in first-seen order, passages per document.
        var firstSeenActor: [String: Int32] = [:]
        var firstSeenSlugs: [String] = []
        var documentIndex: [DocumentID: Int32] = [:]
        var documents: [DocumentID] = []
        var anchorsOfDocument: [[String: Int32]] = []
        var mentionActor = [Int32](repeating: 0, count: mentions.count)
        var mentionDocument = [Int32](repeating: 0, count: mentions.count)
        // The passage within its document, or -1 for a mention outside any block.
        var mentionBlock = [Int32](repeating: -1, count: mentions.count)
        var previous: (document: DocumentID, index: Int32, anchor: String?, block: Int32)?
        for (position, mention) in mentions.enumerated() {
            let slug = mention.actor
            if let known = firstSeenActor[slug] {
                mentionActor[position] = known
            } else {
                mentionActor[position] = Int32(firstSeenSlugs.count)
                firstSeenActor[slug] = Int32(firstSeenSlugs.count)
                firstSeenSlugs.append(slug)
            }
            let document = mention.document
            let index: Int32
            if let previous, previous.document == document {
                index = previous.index
            } else if let known = documentIndex[document] {
                index = known
            } else {
                index = Int32(documents.count)
                documentIndex[document] = index
                documents.append(document)
                anchorsOfDocument.append([:])
            }
            mentionDocument[position] = index
            var block: Int32 = -1
            if let anchor = mention.anchor {
                if let previous, previous.index == index, previous.anchor == anchor {
                    block = previous.block
                } else if let known = anchorsOfDocument[Int(index)][anchor] {
                    block = known
                } else {
                    block = Int32(anchorsOfDocument[Int(index)].count)
                    anchorsOfDocument[Int(index)][anchor] = block
                }
            }
            mentionBlock[position] = block
            previous = (document, index, mention.anchor, block)
        }

        // Renumber actors in slug order.
        let order = firstSeenSlugs.indices.sorted { firstSeenSlugs[$0] < firstSeenSlugs[$1] }
        var renumbered = [Int32](repeating: 0, count: order.count)
        for (id, firstSeen) in order.enumerated() { renumbered[firstSeen] = Int32(id) }
        slugs = order.map { firstSeenSlugs[$0] }
        for position in mentionActor.indices { mentionActor[position] = renumbered[Int(mentionActor[position])] }

        // Passage ids, document by document.
        var passageStart = [Int32](repeating: 0, count: documents.count + 1)
        for (index, anchors) in anchorsOfDocument.enumerated() { passageStart[index + 1] = passageStart[index] + Int32(anchors.count) }
        let passageCount = Int(passageStart[documents.count])
        var passageDocument = [Int32](repeating: 0, count: passageCount)
        for index in documents.indices {
            for passage in Int(passageStart[index])..<Int(passageStart[index + 1]) { passageDocument[passage] = Int32(index) }
        }
        var mentionPassage = [Int32](repeating: -1, count: mentions.count)
        for position in mentions.indices where mentionBlock[position] >= 0 {
            mentionPassage[position] = passageStart[Int(mentionDocument[position])] + mentionBlock[position]
        }

        self.documents = documents
        self.passageDocument = passageDocument
        passageActors = Self.group(mentionActor, by: mentionPassage, listCount: passageCount)
        documentActors = Self.group(mentionActor, by: mentionDocument, listCount: documents.count)
        actorMentions = Self.positions(of: mentionActor, valueCount: order.count)
        actorPassages = Self.transpose(passageActors, valueCount: order.count)
        actorDocuments = Self.transpose(documentActors, valueCount: order.count)
    }

    /// The distinct values of each list, ascending: `values[i]` belongs to list
    /// `lists[i]` (none when negative). A counting sort, then each short list sorted.
    private static func group(_ values: [Int32], by lists: [Int32], listCount: Int) -> Segments {
        var offsets = [Int](repeating: 0, count: listCount + 1)
        for list in lists where list >= 0 { offsets[Int(list) + 1] += 1 }
        for list in 0..<listCount { offsets[list + 1] += offsets[list] }
        var next = offsets
        var grouped = [Int32](repeating: 0, count: offsets[listCount])
        for (value, list) in zip(values, lists) where list >= 0 {
            grouped[next[Int(list)]] = value
            next[Int(list)] += 1
        }
        // Sort and deduplicate each list in place, compacting towards the front.
        var compacted = [Int](repeating: 0, count: listCount + 1)
        var end = 0
        grouped.withUnsafeMutableBufferPointer { buffer in
            for list in 0..<listCount {
                let start = offsets[list], stop = offsets[list + 1]
                if stop - start > 1 { buffer[start..<stop].sort() }
                var last: Int32 = -1
                for position in start..<stop where buffer[position] != last {
                    last = buffer[position]
                    buffer[end] = last
                    end += 1
                }
                compacted[list + 1] = end
            }
        }
        grouped.removeSubrange(end...)
        return Segments(offsets: compacted, values: grouped)
    }

    /// For each value, the positions that hold it, ascending.
    private static func positions(of values: [Int32], valueCount: Int) -> Segments {
        var offsets = [Int](repeating: 0, count: valueCount + 1)
        for value in values { offsets[Int(value) + 1] += 1 }
        for value in 0..<valueCount { offsets[value + 1] += offsets[value] }
        var next = offsets
        var positions = [Int32](repeating: 0, count: values.count)
        for (position, value) in values.enumerated() {
            positions[next[Int(value)]] = Int32(position)
            next[Int(value)] += 1
        }
        return Segments(offsets: offsets, values: positions)
    }

    /// For each value, the lists that hold it, ascending.
    private static func transpose(_ segments: Segments, valueCount: Int) -> Segments {
        var offsets = [Int](repeating: 0, count: valueCount + 1)
        for value in segments.values { offsets[Int(value) + 1] += 1 }
        for value in 0..<valueCount { offsets[value + 1] += offsets[value] }
        var next = offsets
        var lists = [Int32](repeating: 0, count: segments.values.count)
        for list in 0..<(segments.offsets.count - 1) {
            for value in segments[list] {
                lists[next[Int(value)]] = Int32(list)
                next[Int(value)] += 1
            }
        }
        return Segments(offsets: offsets, values: lists)
    }
}
