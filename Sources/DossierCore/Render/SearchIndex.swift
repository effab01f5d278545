import Foundation

/// The client-side full-text search index, split so that a phone loads only what a
/// query needs (the format is described in docs/search-index.md):
///
/// - `assets/search-index.js`: a small manifest (document count, the first term of
///   each term shard) and the tokenizer's rules;
/// - `assets/search/terms/N.js`: the terms, sorted, cut into shards of about
///   `shardTargetBytes`; each term lists the documents that hold it and where (title,
///   other searched fields, body);
/// - `assets/search/documents/N.js`: one document as results show it: title, URL,
///   kind, date, summary; with `search.passages` on, also its text passage by passage
///   with each passage's anchor, from which `search.js` quotes the matching passage.
///   Without it (the default), `search.js` quotes from the page itself, fetched, so the
///   site's prose is written once, in its pages.
///
/// Every part is a script that hands itself to `DossierSearch.receive`, not JSON, so
/// search works from file://, where browsers refuse `fetch` of local files.
enum SearchIndex {
    /// Shards stay near this size in bytes (about a tenth after gzip): small enough
    /// that a query loads a few of them on a phone, large enough that a site of ten
    /// thousand briefings has some hundreds of files, not tens of thousands.
    static let shardTargetBytes = 48_000

    /// Where a term was found in a document: a title match ranks first, then the
    /// summary and keywords, then text that comes back to the term in several passages.
    enum Field: Int, Comparable, Sendable {
        case body = 0, repeatedBody = 1, meta = 2, title = 3
        static func < (lhs: Field, rhs: Field) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Passages a term must be in to count as `repeatedBody`: a briefing about
    /// enrichment, not one that mentions it once.
    static let repeatedInPassages = 3

    /// One document as the index shows and searches it.
    struct Document: Sendable {
        var title: String, url: String, kind: String, date: String, summary: String
        var language: String?
        /// Searched, ranked above the body, not quoted: actor names, tags, aliases.
        var keywords: [String]
        var passages: [SearchPassage]
        /// The document it shows, for the keys of its memoised parts (`SearchIndexWriter`).
        var id: DocumentID? = nil
    }

    /// A term and the documents that hold it, by document number, each once, ascending.
    struct Postings: Sendable {
        var term: String
        /// Each document's number shifted left by 2 with its `Field` in the low bits: 4
        /// bytes a posting, where a tuple took 16 (a million postings at 10k briefings).
        var packed: [UInt32]

        var documents: [(number: Int, field: Field)] { packed.map(SearchIndex.unpack) }
    }

    static func pack(_ number: Int, _ field: Field) -> UInt32 { UInt32(number) << 2 | UInt32(field.rawValue) }

    static func unpack(_ posting: UInt32) -> (number: Int, field: Field) { (Int(posting >> 2), Field(rawValue: Int(posting & 3))!) }

    /// Whether `path` is one of the index's files (`SearchIndexWriter` writes them).
    static func isOutput(_ path: String) -> Bool {
        path == "assets/search-index.js" || path.hasPrefix("assets/search/")
    }

    /// Every briefing, actor and page, numbered in order of title (then URL), so that
    /// results that score the same are listed by title without loading them.
    static func documents(_ model: SiteModel, urls: SiteURLs) -> [Document] {
        let titles = actorTitles(model)
        return numbering(model, urls: urls).map { document($0, model: model, urls: urls, actorTitles: titles) }
    }

    /// A document of the index before it is made: which one, and its position in the
    /// model's briefings, actors or pages.
    struct Numbered: Sendable {
        var id: DocumentID
        var position: Int
    }

    /// The documents in the order `documents` numbers them, without making them: a
    /// cached build makes only those a change can reach (`SearchIndexWriter`).
    static func numbering(_ model: SiteModel, urls: SiteURLs) -> [Numbered] {
        var sortable: [(key: String, url: String, item: Numbered)] = []
        sortable.reserveCapacity(model.briefings.count + model.actors.count + model.pages.count)
        for (position, briefing) in model.briefings.enumerated() {
            let slug = briefing.briefing.slug
            sortable.append((briefing.briefing.title.lowercased(), urls.path(.briefing(slug)), Numbered(id: DocumentID(.briefing, slug), position: position)))
        }
        for (position, actor) in model.actors.enumerated() {
            let slug = actor.actor.slug
            sortable.append((actor.actor.title.lowercased(), urls.path(.actor(slug)), Numbered(id: DocumentID(.actor, slug), position: position)))
        }
        for (position, page) in model.pages.enumerated() {
            let slug = page.page.slug
            sortable.append((page.page.title.lowercased(), urls.path(.page(slug)), Numbered(id: DocumentID(.page, slug), position: position)))
        }
        return sortable.sorted { ($0.key, $0.url) < ($1.key, $1.url) }.map(\.item)
    }

    /// Each actor's title by slug: a briefing's keywords name its actors.
    static func actorTitles(_ model: SiteModel) -> [String: String] {
        Dictionary(uniqueKeysWithValues: model.actors.map { ($0.actor.slug, $0.actor.title) })
    }

    /// The document `item` as the index shows and searches it.
    static func document(_ item: Numbered, model: SiteModel, urls: SiteURLs, actorTitles titles: [String: String]) -> Document {
        func language(_ tag: LanguageTag?) -> String? {
            tag.flatMap { $0.tag == model.config.language ? nil : $0.tag }
        }
        let keywords = self.keywords(of: item, model: model, actorTitles: titles)
        switch item.id.kind {
        case .briefing:
            let briefing = model.briefings[item.position], value = briefing.briefing
            return Document(
                title: value.title, url: urls.path(.briefing(value.slug)), kind: "briefing", date: DisplayFormat.date(value.date),
                summary: value.summary ?? "", language: language(value.language),
                keywords: keywords, passages: briefing.linked.searchPassages, id: item.id)
        case .actor:
            let actor = model.actors[item.position], value = actor.actor
            return Document(
                title: value.title, url: urls.path(.actor(value.slug)), kind: value.kind.rawValue, date: "",
                summary: value.summary ?? "", language: language(value.language),
                keywords: keywords, passages: actor.profile.searchPassages, id: item.id)
        case .page:
            let page = model.pages[item.position]
            return Document(
                title: page.page.title, url: urls.path(.page(page.page.slug)), kind: "page", date: "",
                summary: page.page.summary ?? "", language: language(page.page.language),
                keywords: keywords, passages: page.linked.searchPassages, id: item.id)
        }
    }

    /// The keywords of `item`'s document without making it: a briefing's actors' titles
    /// and its tags, an actor's aliases, none for a page. A cached build compares them with
    /// those a briefing's previous part was written with when only an actor it names
    /// changed (`SearchIndexEdit`).
    static func keywords(of item: Numbered, model: SiteModel, actorTitles titles: [String: String]) -> [String] {
        switch item.id.kind {
        case .briefing:
            let briefing = model.briefings[item.position]
            return (briefing.principalActors + briefing.secondaryActors).compactMap { titles[$0] } + briefing.briefing.tags
        case .actor:
            return model.actors[item.position].actor.aliases.map(\.value)
        case .page:
            return []
        }
    }

    /// Every term of every document, in the order `search.js` compares strings (UTF-16
    /// code units), so the terms that begin with a query's term are one stretch.
    static func postings(of documents: [Document]) -> [Postings] {
        var postings = SearchIndexPostings()
        postings.add(documents.indices.map { (number: $0, document: documents[$0]) })
        return postings.take()
    }

    /// The terms of one document, each once, with the field where it ranks highest.
    /// Folding non-Latin text is most of the index's cost (about 0.15 ms per 600
    /// characters of Chinese), which is why a cached build keeps the terms of the
    /// documents it did not change (`SearchIndexWriter`).
    static func termFields(of document: Document) -> [(term: String, field: Field)] {
        terms(of: document).strings
    }

    /// `termFields(of:)` as bytes, for the postings.
    static func terms(of document: Document) -> SearchDocumentTerms {
        SearchDocumentTerms(title: document.title, meta: [document.summary] + document.keywords, passages: document.passages)
    }

    /// `termFields(of:)` from the texts it reads: a cached build finds an edited
    /// document's previous terms from its previous part's texts (`SearchIndexEdit`).
    static func termFields(title: String, meta: [String], passages: some Sequence<String>) -> [(term: String, field: Field)] {
        SearchDocumentTerms(title: title, meta: meta, passages: passages).strings
    }

    /// Shards end near `shardTargetBytes`, where the terms say, not where a running
    /// total does: a shard may end after a term once it holds `shardMinimumBytes`, if
    /// the term's hash picks it (`endsShard`), and must end at `shardTargetBytes`. A
    /// running total would move every later cut when one document gains a term, and a
    /// one-paragraph edit would rewrite every shard after it; with cuts the terms
    /// pick, the cuts after a changed shard fall where they fell before.
    static let shardMinimumBytes = shardTargetBytes * 3 / 5

    /// Bytes between candidate cuts, on average, past `shardMinimumBytes`.
    static let shardCutSpacing = shardTargetBytes / 6

    /// Consecutive runs of terms (see `shardMinimumBytes`).
    static func shards(_ postings: [Postings]) -> [[Postings]] {
        var shards: [[Postings]] = []
        var cutter = ShardCutter()
        for entry in postings {
            if let shard = cutter.add(entry) { shards.append(shard) }
        }
        if !cutter.current.isEmpty || shards.isEmpty { shards.append(cutter.current) }
        return shards
    }

    /// Fills one shard after another from a run of terms that starts at a cut; a cached
    /// build starts one at a previous shard's first term (`SearchIndexShardPatch`), so
    /// its cuts are the ones `shards` makes from the first term.
    struct ShardCutter {
        private(set) var current: [Postings] = []
        private var size = 0

        /// Adds `entry`; the shard it ends, if it ends one.
        mutating func add(_ entry: Postings) -> [Postings]? {
            current.append(entry)
            let entrySize = estimatedSize(entry)
            size += entrySize
            guard size >= shardTargetBytes || (size >= shardMinimumBytes && endsShard(after: entry.term, entrySize: entrySize)) else { return nil }
            defer {
                current = []
                size = 0
            }
            return current
        }
    }

    /// About the bytes an entry takes in its shard's JSON.
    static func estimatedSize(_ entry: Postings) -> Int { entry.term.utf8.count + entry.packed.count * 3 + 8 }

    /// Whether a shard past its minimum may end after `term`: chosen by the term's
    /// FNV-1a hash with a chance in proportion to the entry's size, so that cuts fall
    /// every `shardCutSpacing` bytes on average however large the entries are.
    static func endsShard(after term: String, entrySize: Int) -> Bool {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in term.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let scale: UInt64 = 1 << 20
        return hash % scale < UInt64(entrySize) * scale / UInt64(shardCutSpacing)
    }

    /// A document list as text: for each document, in ascending order, the gap from
    /// the previous number times 4 plus its `Field`, in base 36, comma-separated.
    /// "0,7,1f" is document 0 (body), 1 (title), 13 (title).
    static func encode(_ documents: [(number: Int, field: Field)]) -> String {
        String(decoding: encode(packed: documents.map { pack($0.number, $0.field) }), as: UTF8.self)
    }

    static func encode(packed: [UInt32]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(packed.count * 3)
        var previous: UInt32 = 0
        var digits: [UInt8] = []
        for (position, posting) in packed.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            var value = ((posting >> 2) - previous) * 4 + (posting & 3)
            previous = posting >> 2
            digits.removeAll(keepingCapacity: true)
            repeat {
                let digit = UInt8(value % 36)
                digits.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
                value /= 36
            } while value > 0
            bytes.append(contentsOf: digits.reversed())
        }
        return bytes
    }

    static func manifest(documentCount: Int, shards: [[Postings]]) -> String {
        manifest(documentCount: documentCount, firstTerms: shards.map { $0.first?.term ?? "" })
    }

    static func manifest(documentCount: Int, firstTerms: [String]) -> String {
        var writer = JSONWriter()
        writer.object { writer in
            writer.key("documents")
            writer.int(documentCount)
            writer.key("format")
            writer.int(2)
            writer.key("shards")
            writer.strings(firstTerms)
        }
        let json = String(decoding: writer.bytes, as: UTF8.self)
        return "window.DOSSIER_SEARCH_INDEX = \(json);\nwindow.DOSSIER_SEARCH_RULES = \(SearchTokenizer.rulesJSON);\n"
    }

    static func shardJSON(_ shard: [Postings]) -> [UInt8] {
        var writer = JSONWriter()
        writer.array { writer in
            for entry in shard { writer.strings([entry.term, String(decoding: encode(packed: entry.packed), as: UTF8.self)]) }
        }
        return writer.bytes
    }

    /// `withPassages`: `search.passages`, the passages' text in `b`; without it the part
    /// has no `b`, and the document's passages are searched (in the postings) but not quoted.
    static func documentJSON(_ document: Document, withPassages: Bool) -> [UInt8] {
        var writer = JSONWriter()
        writer.object { writer in
            if withPassages {
                writer.key("b")
                writer.array { writer in
                    for passage in document.passages {
                        writer.array { writer in
                            writer.string(passage.anchor)
                            writer.string(passage.text)
                            if passage.isHeading { writer.int(1) }
                        }
                    }
                }
            }
            writer.field("d", document.date)
            writer.field("k", document.kind)
            writer.field("l", document.language)
            writer.field("s", document.summary)
            writer.field("t", document.title)
            writer.field("u", document.url)
            // Searched, not shown: in the part so that a cached build knows the terms the
            // document held when its keywords change (`SearchIndexEdit`).
            if !document.keywords.isEmpty {
                writer.key("w")
                writer.strings(document.keywords)
            }
        }
        return writer.bytes
    }

    /// A part of the index as a script that hands its value to `search.js`.
    static func part(_ name: String, _ json: [UInt8]) -> [UInt8] {
        Array("DossierSearch.receive(\"\(name)\", ".utf8) + json + Array(");\n".utf8)
    }
}
