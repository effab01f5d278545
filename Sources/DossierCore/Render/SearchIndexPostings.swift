/// Collects the postings of many documents, term by term. Documents are tokenized on
/// every core a chunk at a time, and each chunk's term lists are folded into the
/// postings before the next chunk starts: at 10,000 briefings every document's term
/// list alive at once took more memory than the postings themselves.
struct SearchIndexPostings {
    /// Terms are interned by their bytes; `lists` and `outOfOrder` are by term id.
    private var terms = SearchTermTable(expectedCount: 4096)
    private var lists: [[UInt32]] = []
    /// Whether a term's list gained a posting below its last one; sorted at the end.
    private var outOfOrder: [Bool] = []

    static let documentsPerChunk = 512

    /// Adds every term of every document, under the document's number.
    mutating func add(_ documents: [(number: Int, document: SearchIndex.Document)]) {
        for start in stride(from: 0, to: documents.count, by: Self.documentsPerChunk) {
            let chunk = Array(documents[start..<min(start + Self.documentsPerChunk, documents.count)])
            let documentTerms = chunk.parallelMap { SearchIndex.terms(of: $0.document) }
            for (entry, found) in zip(chunk, documentTerms) {
                for id in 0..<found.count {
                    let posting = SearchIndex.pack(entry.number, found.fields[id])
                    found.terms.withTerm(id) { add($0, hash: found.terms.hash(id), posting) }
                }
            }
        }
    }

    private mutating func add(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64, _ posting: UInt32) {
        let id = terms.id(of: term, hash: hash)
        if id == lists.count {
            lists.append([posting])
            outOfOrder.append(false)
        } else {
            if let last = lists[id].last, last >= posting { outOfOrder[id] = true }
            lists[id].append(posting)
        }
    }

    /// The postings in the order `search.js` compares strings (UTF-16 code units);
    /// leaves the collection empty.
    mutating func take() -> [SearchIndex.Postings] {
        let terms = self.terms, lists = self.lists, outOfOrder = self.outOfOrder
        self = SearchIndexPostings()
        return terms.idsInUTF16Order().map { id in
            SearchIndex.Postings(term: terms.string(id), packed: outOfOrder[id] ? lists[id].sorted() : lists[id])
        }
    }

    /// Two sorted lists of postings as one: a term in both gets the documents of both,
    /// which must be different documents.
    static func merge(_ first: [SearchIndex.Postings], _ second: [SearchIndex.Postings]) -> [SearchIndex.Postings] {
        var merged: [SearchIndex.Postings] = []
        merged.reserveCapacity(first.count + second.count)
        var left = 0, right = 0
        while left < first.count, right < second.count {
            let a = first[left], b = second[right]
            if a.term == b.term {
                merged.append(SearchIndex.Postings(term: a.term, packed: mergeSorted(a.packed, b.packed)))
                left += 1
                right += 1
            } else if a.term.utf16.lexicographicallyPrecedes(b.term.utf16) {
                merged.append(a)
                left += 1
            } else {
                merged.append(b)
                right += 1
            }
        }
        merged += first[left...]
        merged += second[right...]
        return merged
    }

    private static func mergeSorted(_ first: [UInt32], _ second: [UInt32]) -> [UInt32] {
        var merged: [UInt32] = []
        merged.reserveCapacity(first.count + second.count)
        var left = 0, right = 0
        while left < first.count, right < second.count {
            if first[left] < second[right] {
                merged.append(first[left])
                left += 1
            } else {
                merged.append(second[right])
                right += 1
            }
        }
        merged += first[left...]
        merged += second[right...]
        return merged
    }
}
