/// The terms of one document, each once, with the field where it ranks highest
/// (`SearchIndex.termFields`), kept as bytes in a `SearchTermTable`: the postings
/// intern them again by their bytes, so no term of a document becomes a `String`.
struct SearchDocumentTerms: Sendable {
    private(set) var terms = SearchTermTable()
    /// By term id.
    private(set) var fields: [SearchIndex.Field] = []

    init(title: String, meta: [String], passages: some Sequence<String>) {
        // Per term id: the highest field of the title and meta texts (-1: in neither),
        // how many passages hold it, and the last passage counted.
        var ranked: [Int8] = []
        var passagesHolding: [Int32] = []
        var lastPassage: [Int32] = []
        var terms = SearchTermTable()
        func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int {
            let id = terms.id(of: term)
            if id == ranked.count {
                ranked.append(-1)
                passagesHolding.append(0)
                lastPassage.append(-1)
            }
            return id
        }
        func add(_ text: String, _ field: SearchIndex.Field) {
            SearchTokenizer.forEachTerm(in: text) { term in
                let id = intern(term)
                ranked[id] = max(ranked[id], Int8(field.rawValue))
            }
        }
        add(title, .title)
        for text in meta { add(text, .meta) }
        var passage: Int32 = 0
        for text in passages {
            SearchTokenizer.forEachTerm(in: text) { term in
                let id = intern(term)
                if lastPassage[id] != passage {
                    lastPassage[id] = passage
                    passagesHolding[id] += 1
                }
            }
            passage += 1
        }
        self.terms = terms
        fields = ranked.indices.map { id in
            if ranked[id] >= 0 { return SearchIndex.Field(rawValue: Int(ranked[id]))! }
            return passagesHolding[id] >= SearchIndex.repeatedInPassages ? .repeatedBody : .body
        }
    }

    var count: Int { fields.count }
}

extension SearchDocumentTerms {
    /// Each term as a `String`, with its field.
    var strings: [(term: String, field: SearchIndex.Field)] {
        fields.indices.map { (terms.string($0), fields[$0]) }
    }
}
