/// The terms of one document, each once, with the field where it ranks highest
/// (`SearchIndex.termFields`), kept as bytes in a `SearchTermTable`: the postings
/// intern them again by their bytes, so no term of a document becomes a `String`.
struct SearchDocumentTerms: Sendable {
    private(set) var terms = SearchTermTable()
    /// By term id.
    private(set) var fields: [SearchIndex.Field] = []

    /// A document whose passages quote its text in place: an ASCII passage is
    /// tokenized where it lies, without making a `String` of it.
    init(title: String, meta: [String], passages: [SearchPassage]) {
        var collector = Collector(title: title, meta: meta)
        SearchPassage.withPieceBytes(of: passages) { number, pieces in
            collector.passage = Int32(number)
            if !SearchTokenizer.forEachTerm(inPieces: pieces, into: &collector) {
                SearchTokenizer.forEachTerm(in: passages[number].text, into: &collector)
            }
        }
        (terms, fields) = collector.finish()
    }

    init(title: String, meta: [String], passages: some Sequence<String>) {
        var collector = Collector(title: title, meta: meta)
        for text in passages {
            SearchTokenizer.forEachTerm(in: text, into: &collector)
            collector.passage += 1
        }
        (terms, fields) = collector.finish()
    }

    var count: Int { fields.count }

    /// Interns a document's terms, the title's and meta texts' first, then the passages'
    /// (`passage` counts them), and keeps what each term's field is made from.
    private struct Collector: SearchTermSink {
        struct Found {
            /// The highest field of the title and meta texts that hold the term; -1: none.
            var ranked: Int8 = -1
            var passagesHolding: Int32 = 0
            /// The last passage counted in `passagesHolding`.
            var lastPassage: Int32 = -1
        }

        var terms = SearchTermTable()
        var found: [Found] = []
        /// The field of the text being read; nil while the passages are read.
        var field: SearchIndex.Field?
        var passage: Int32 = 0

        init(title: String, meta: [String]) {
            field = .title
            SearchTokenizer.forEachTerm(in: title, into: &self)
            field = .meta
            for text in meta { SearchTokenizer.forEachTerm(in: text, into: &self) }
            field = nil
        }

        mutating func take(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64) {
            let id = terms.id(of: term, hash: hash)
            if id == found.count { found.append(Found()) }
            let field = field, passage = passage
            found.withUnsafeMutableBufferPointer { found in
                if let field {
                    found[id].ranked = max(found[id].ranked, Int8(field.rawValue))
                } else if found[id].lastPassage != passage {
                    found[id].lastPassage = passage
                    found[id].passagesHolding += 1
                }
            }
        }

        func finish() -> (SearchTermTable, [SearchIndex.Field]) {
            (terms, found.map { found in
                if found.ranked >= 0 { return SearchIndex.Field(rawValue: Int(found.ranked))! }
                return found.passagesHolding >= SearchIndex.repeatedInPassages ? .repeatedBody : .body
            })
        }
    }
}

extension SearchDocumentTerms {
    /// Each term as a `String`, with its field.
    var strings: [(term: String, field: SearchIndex.Field)] {
        fields.indices.map { (terms.string($0), fields[$0]) }
    }
}
