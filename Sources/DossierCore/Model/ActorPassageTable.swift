/// The site's mentions reduced to integers, built once per build for the co-mention
/// counts: actors numbered in slug order, documents in first-seen order, passages
/// (a block of a document, named by its anchor) numbered document by document, and
/// which actors each passage and each document holds, and the reverse. Lists are flat
/// arrays cut by offsets, not an array per passage.
///
/// Built in chunks of documents on every core (`ActorPassageChunk`), then merged: a
/// linked document's mentions are compact, so each one's actor and anchor are read as
/// places in its document's table of strings, and a slug is hashed once per document
/// that names it instead of once per mention (seven million at 100,000 briefings).
struct ActorPassageTable: Sendable {
    /// Actor slugs; an actor's id is its position.
    let slugs: [String]
    let documents: [DocumentID]
    /// Each passage's document.
    let passageDocument: [Int32]
    /// Distinct actor ids, ascending, of each passage and of each document.
    let passageActors: Segments
    let documentActors: Segments
    /// Passages and documents, ascending, of each actor.
    let actorPassages: Segments
    let actorDocuments: Segments

    var actorCount: Int { slugs.count }

    /// Lists of ids laid end to end: list `i` is `values[offsets[i]..<offsets[i + 1]]`.
    struct Segments: Sendable {
        let offsets: [Int]
        let values: [Int32]

        subscript(_ list: Int) -> ArraySlice<Int32> { values[offsets[list]..<offsets[list + 1]] }

        var count: Int { offsets.count - 1 }
    }

    /// `mentions` in any order; a document's may come in several runs.
    init(_ mentions: [Mention]) {
        self.init(SiteMentionList(mentions))
    }

    init(_ site: SiteMentionList) {
        // Documents in first-seen order, each with its stretches of the list (one, unless
        // the list repeats a document).
        var documentIndex: [DocumentID: Int] = [:]
        documentIndex.reserveCapacity(site.documents.count)
        var documents: [DocumentID] = []
        var stretchesOfDocument: [[Int]] = []
        for (stretch, document) in site.documents.enumerated() {
            if let known = documentIndex[document] {
                stretchesOfDocument[known].append(stretch)
            } else {
                documentIndex[document] = documents.count
                documents.append(document)
                stretchesOfDocument.append([stretch])
            }
        }
        let stretches = stretchesOfDocument
        let read = ParallelChunks.ranges(documents.count).parallelMap { range in
            ActorPassageChunk(stretches: Array(stretches[range]), site: site)
        }

        // Actors in slug order; each chunk's first-seen ids renumbered into them.
        var distinct = Set<String>()
        for chunk in read { distinct.formUnion(chunk.slugs) }
        let slugs = distinct.sorted()
        let ids = Dictionary(uniqueKeysWithValues: slugs.enumerated().map { ($1, Int32($0)) })
        let grouped = read.parallelMap { chunk in chunk.grouped(renumbering: chunk.slugs.map { ids[$0]! }) }

        self.slugs = slugs
        self.documents = documents
        passageActors = Segments(joining: grouped.map(\.passageActors))
        documentActors = Segments(joining: grouped.map(\.documentActors))
        var passageDocument: [Int32] = []
        passageDocument.reserveCapacity(passageActors.count)
        for (document, passages) in grouped.flatMap(\.passageCounts).enumerated() {
            passageDocument.append(contentsOf: repeatElement(Int32(document), count: Int(passages)))
        }
        self.passageDocument = passageDocument
        let passages = passageActors, documentLists = documentActors
        let transposes = [0, 1].parallelMap { which in
            which == 0 ? passages.transposed(valueCount: slugs.count) : documentLists.transposed(valueCount: slugs.count)
        }
        actorPassages = transposes[0]
        actorDocuments = transposes[1]
    }
}

extension ActorPassageTable.Segments {
    /// `parts` one after the other.
    init(joining parts: [ActorPassageTable.Segments]) {
        var offsets: [Int] = [0], values: [Int32] = []
        offsets.reserveCapacity(parts.reduce(1) { $0 + $1.count })
        values.reserveCapacity(parts.reduce(0) { $0 + $1.values.count })
        for part in parts {
            let base = values.count
            offsets.append(contentsOf: part.offsets.dropFirst().lazy.map { $0 + base })
            values.append(contentsOf: part.values)
        }
        self.init(offsets: offsets, values: values)
    }

    /// For each value below `valueCount`, the lists that hold it, ascending.
    func transposed(valueCount: Int) -> ActorPassageTable.Segments {
        var starts = [Int](repeating: 0, count: valueCount + 1)
        for value in values { starts[Int(value) + 1] += 1 }
        for value in 0..<valueCount { starts[value + 1] += starts[value] }
        var next = starts
        var lists = [Int32](repeating: 0, count: values.count)
        for list in 0..<count {
            for position in offsets[list]..<offsets[list + 1] {
                let value = Int(values[position])
                lists[next[value]] = Int32(list)
                next[value] += 1
            }
        }
        return ActorPassageTable.Segments(offsets: starts, values: lists)
    }
}

/// One chunk of the table's documents, read on its own thread: each mention's actor (an
/// id of the chunk's, in first-seen order) and passage (numbered in the chunk, document
/// by document), before the chunks' actors are numbered in slug order.
struct ActorPassageChunk: Sendable {
    /// The chunk's actors; an id is a position here.
    let slugs: [String]
    /// Each mention's actor, document by document.
    let mentionActor: [Int32]
    /// Each mention's passage in the chunk, or -1 outside any block.
    let mentionPassage: [Int32]
    /// Where each document's mentions end in `mentionActor`.
    let documentEnds: [Int]
    /// Each document's passages.
    let passageCounts: [Int32]

    /// `stretches`: the stretches of `site` of each of the documents, in order.
    init(stretches: [[Int]], site: SiteMentionList) {
        var reader = Reader()
        var documentEnds: [Int] = [], passageCounts: [Int32] = []
        documentEnds.reserveCapacity(stretches.count)
        passageCounts.reserveCapacity(stretches.count)
        for ofDocument in stretches {
            let parts = ofDocument.map { site.slice(site.positions(ofStretch: $0)) }
            let passages = reader.readCompact(parts) ?? reader.readAny(parts)
            documentEnds.append(reader.mentionActor.count)
            passageCounts.append(passages)
        }
        slugs = reader.slugs
        mentionActor = reader.mentionActor
        mentionPassage = reader.mentionPassage
        self.documentEnds = documentEnds
        self.passageCounts = passageCounts
    }

    /// What the chunk adds to the table's lists, its actors renumbered by `ids`.
    func grouped(renumbering ids: [Int32]) -> (passageActors: ActorPassageTable.Segments, documentActors: ActorPassageTable.Segments,
                                              passageCounts: [Int32]) {
        var passageOffsets: [Int] = [0], passageValues: [Int32] = []
        var documentOffsets: [Int] = [0], documentValues: [Int32] = []
        passageOffsets.reserveCapacity(passageCounts.reduce(1) { $0 + Int($1) })
        documentOffsets.reserveCapacity(documentEnds.count + 1)
        passageValues.reserveCapacity(mentionActor.count)
        documentValues.reserveCapacity(mentionActor.count)
        // (passage, actor) of one document's mentions, as one sortable number.
        var keys: [Int64] = []
        var actors: [Int32] = []
        var start = 0
        var firstPassage: Int32 = 0
        for (document, end) in documentEnds.enumerated() {
            keys.removeAll(keepingCapacity: true)
            actors.removeAll(keepingCapacity: true)
            for position in start..<end {
                let actor = ids[Int(mentionActor[position])]
                actors.append(actor)
                let passage = mentionPassage[position]
                if passage >= 0 { keys.append(Int64(passage) << 32 | Int64(actor)) }
            }
            actors.sort()
            var last: Int32 = -1
            for actor in actors where actor != last {
                documentValues.append(actor)
                last = actor
            }
            documentOffsets.append(documentValues.count)
            keys.sort()
            // Every passage of the document gets a list, in order, each found in its keys.
            var next = 0
            let passages = firstPassage..<(firstPassage + passageCounts[document])
            for passage in passages {
                var previous: Int32 = -1
                while next < keys.count, Int32(truncatingIfNeeded: keys[next] >> 32) == passage {
                    let actor = Int32(truncatingIfNeeded: keys[next] & 0xFFFF_FFFF)
                    if actor != previous {
                        passageValues.append(actor)
                        previous = actor
                    }
                    next += 1
                }
                passageOffsets.append(passageValues.count)
            }
            firstPassage = passages.upperBound
            start = end
        }
        return (ActorPassageTable.Segments(offsets: passageOffsets, values: passageValues),
                ActorPassageTable.Segments(offsets: documentOffsets, values: documentValues), passageCounts)
    }

    /// The chunk's lists as they grow.
    private struct Reader {
        var numbering = FirstSeenNumbering()
        var slugs: [String] { numbering.strings }
        var mentionActor: [Int32] = []
        var mentionPassage: [Int32] = []
        /// The next passage's number in the chunk.
        var passages: Int32 = 0
        // By place in the document's table of strings: the actor id and the passage of
        // each string met so far (-1 before), reset after each document.
        var actorOfString: [Int32] = []
        var passageOfString: [Int32] = []
        var stringsMet: [Int] = []

        /// Reads one document's mentions if all are compact over one table of strings,
        /// and returns its number of passages; nil, having read nothing, otherwise.
        mutating func readCompact(_ parts: [ArraySlice<Mention>]) -> Int32? {
            guard let origin = parts.first.flatMap(MentionOrigin.common(to:)),
                  parts.dropFirst().allSatisfy({ $0.isEmpty || MentionOrigin.common(to: $0) === origin })
            else { return nil }
            let strings = origin.strings
            if actorOfString.count < strings.count {
                actorOfString.append(contentsOf: repeatElement(-1, count: strings.count - actorOfString.count))
                passageOfString.append(contentsOf: repeatElement(-1, count: strings.count - passageOfString.count))
            }
            let firstPassage = passages
            for part in parts {
                for index in part.indices {
                    guard case .compact(let mention) = part[index].storage else { continue }
                    let actorString = Int(mention.actor)
                    if actorOfString[actorString] < 0 {
                        if passageOfString[actorString] < 0 { stringsMet.append(actorString) }
                        actorOfString[actorString] = Int32(numbering.id(of: strings[actorString]))
                    }
                    mentionActor.append(actorOfString[actorString])
                    var passage: Int32 = -1
                    if mention.anchor != CompactMention.none {
                        let anchorString = Int(mention.anchor)
                        if passageOfString[anchorString] < 0 {
                            if actorOfString[anchorString] < 0 { stringsMet.append(anchorString) }
                            passageOfString[anchorString] = passages
                            passages += 1
                        }
                        passage = passageOfString[anchorString]
                    }
                    mentionPassage.append(passage)
                }
            }
            for string in stringsMet {
                actorOfString[string] = -1
                passageOfString[string] = -1
            }
            stringsMet.removeAll(keepingCapacity: true)
            return passages - firstPassage
        }

        /// Reads one document's mentions by their strings, and returns its number of passages.
        mutating func readAny(_ parts: [ArraySlice<Mention>]) -> Int32 {
            var passageOfAnchor: [String: Int32] = [:]
            let firstPassage = passages
            for part in parts {
                for index in part.indices {
                    mentionActor.append(Int32(numbering.id(of: part[index].actor)))
                    var passage: Int32 = -1
                    if let anchor = part[index].anchor {
                        if let known = passageOfAnchor[anchor] {
                            passage = known
                        } else {
                            passage = passages
                            passageOfAnchor[anchor] = passage
                            passages += 1
                        }
                    }
                    mentionPassage.append(passage)
                }
            }
            return passages - firstPassage
        }
    }
}
