/// Counts, for every pair of actors, the blocks and the documents that mention both.
/// Actors become integer ids in slug order and a pair one packed integer, so the
/// counting hashes integers rather than building a String key per mention.
enum CoMentionCounter {
    static func count(_ mentions: [Mention]) -> [CoMention] {
        let slugs = Array(Set(mentions.map(\.actor))).sorted()
        guard slugs.count > 1 else { return [] }
        let ids = Dictionary(uniqueKeysWithValues: slugs.enumerated().map { ($1, $0) })
        let actorCount = slugs.count

        // Actor ids per document and per block, in first-seen order of each.
        var documentActors: [[Int]] = []
        var blockActors: [[Int]] = []
        var documentPosition: [DocumentID: Int] = [:]
        var blockPositions: [[String: Int]] = []
        var current: (document: DocumentID, position: Int)?
        for mention in mentions {
            let actor = ids[mention.actor]!
            let position: Int
            if let current, current.document == mention.document {
                position = current.position
            } else if let known = documentPosition[mention.document] {
                position = known
            } else {
                position = documentActors.count
                documentPosition[mention.document] = position
                documentActors.append([])
                blockPositions.append([:])
            }
            current = (mention.document, position)
            documentActors[position].append(actor)
            if let anchor = mention.anchor {
                if let block = blockPositions[position][anchor] {
                    blockActors[block].append(actor)
                } else {
                    blockPositions[position][anchor] = blockActors.count
                    blockActors.append([actor])
                }
            }
        }

        var sameBlock: [Int: Int] = [:]
        var sameDocument: [Int: Int] = [:]
        func countPairs(_ actors: [Int], into counts: inout [Int: Int]) {
            let distinct = Array(Set(actors)).sorted()
            for i in distinct.indices {
                for j in distinct.indices where j > i { counts[distinct[i] * actorCount + distinct[j], default: 0] += 1 }
            }
        }
        for actors in blockActors { countPairs(actors, into: &sameBlock) }
        for actors in documentActors { countPairs(actors, into: &sameDocument) }
        // Packed pairs sort as (first slug, second slug), since ids follow slug order.
        return sameDocument.keys.sorted().map { pair in
            CoMention(actor: slugs[pair / actorCount], other: slugs[pair % actorCount],
                      sameBlock: sameBlock[pair] ?? 0, sameDocument: sameDocument[pair]!)
        }
    }
}
