/// What the model memo's key reads of a document's mentions — each one's actor,
/// document and anchor — as the distinct values in the order they are first named and,
/// for each mention, their numbers in that order: the mentions can be told back from
/// it, so two lists that differ never hash alike. A linked document's compact mentions
/// are numbered by their places in the document's table of strings, so each string is
/// hashed once per document instead of three strings per mention (seven million
/// mentions at 100,000 briefings).
struct MentionPlaces {
    private(set) var documents: [DocumentID] = []
    private(set) var strings: [String] = []
    /// Actor, document and anchor (-1 for none) of each mention, in turn.
    private(set) var places: [Int32] = []

    init(_ mentions: [Mention]) {
        places.reserveCapacity(3 * mentions.count)
        if !readCompact(mentions) { readAny(mentions) }
    }

    func combine(into hasher: inout StableHasher) {
        hasher.combine(documents.count)
        for document in documents {
            hasher.combine(document.kind.rawValue)
            hasher.combine(document.slug)
        }
        hasher.combine(strings.count)
        for string in strings { hasher.combine(string) }
        hasher.combine(places.count)
        places.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// Reads mentions that are all compact over one table of strings; false, having read
    /// nothing, otherwise. One pass that checks each mention's origin as it reads it:
    /// seven million mentions at 100,000 briefings, each a separate object, were read twice.
    private mutating func readCompact(_ mentions: [Mention]) -> Bool {
        guard let first = mentions.first, case .compact(let firstMention) = first.storage else { return false }
        let origin = firstMention.origin
        let table = origin.strings
        var numbers = [Int32](repeating: -1, count: table.count)
        documents = [origin.document]
        func number(_ place: UInt32) -> Int32 {
            if numbers[Int(place)] < 0 {
                numbers[Int(place)] = Int32(strings.count)
                strings.append(table[Int(place)])
            }
            return numbers[Int(place)]
        }
        for index in mentions.indices {
            guard case .compact(let mention) = mentions[index].storage, mention.origin === origin else {
                documents = []
                strings = []
                places.removeAll(keepingCapacity: true)
                return false
            }
            places.append(number(mention.actor))
            places.append(0)
            places.append(mention.anchor == CompactMention.none ? -1 : number(mention.anchor))
        }
        return true
    }

    private mutating func readAny(_ mentions: [Mention]) {
        var stringNumbers: [String: Int32] = [:], documentNumbers: [DocumentID: Int32] = [:]
        func number(_ string: String) -> Int32 {
            if let known = stringNumbers[string] { return known }
            stringNumbers[string] = Int32(strings.count)
            strings.append(string)
            return Int32(strings.count - 1)
        }
        for index in mentions.indices {
            places.append(number(mentions[index].actor))
            let document = mentions[index].document
            if let known = documentNumbers[document] {
                places.append(known)
            } else {
                documentNumbers[document] = Int32(documents.count)
                places.append(Int32(documents.count))
                documents.append(document)
            }
            places.append(mentions[index].anchor.map(number) ?? -1)
        }
    }
}
