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
///   kind, date, summary, and its text passage by passage with each passage's anchor,
///   from which `search.js` quotes the matching passage and links to it.
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
    }

    /// A term and the documents that hold it, by document number, each once, ascending.
    struct Postings: Sendable {
        var term: String
        var documents: [(number: Int, field: Field)]
    }

    /// Whether `path` is one of the files `files` makes, for reusing them as a group.
    static func isOutput(_ path: String) -> Bool {
        path == "assets/search-index.js" || path.hasPrefix("assets/search/")
    }

    static func files(_ model: SiteModel, urls: SiteURLs) -> [OutputFile] {
        let documents = self.documents(model, urls: urls)
        let shards = self.shards(postings(of: documents))
        var files = [OutputFile(path: "assets/search-index.js", text: manifest(documentCount: documents.count, shards: shards))]
        for (number, shard) in shards.enumerated() {
            files.append(OutputFile(path: "assets/search/terms/\(number).js", contents: Data(part("terms/\(number)", shardJSON(shard)))))
        }
        for (number, document) in documents.enumerated() {
            files.append(OutputFile(path: "assets/search/documents/\(number).js", contents: Data(part("documents/\(number)", documentJSON(document)))))
        }
        return files
    }

    /// Every briefing, actor and page, numbered in order of title (then URL), so that
    /// results that score the same are listed by title without loading them.
    static func documents(_ model: SiteModel, urls: SiteURLs) -> [Document] {
        var documents: [Document] = []
        let titles = Dictionary(uniqueKeysWithValues: model.actors.map { ($0.actor.slug, $0.actor.title) })
        func language(_ tag: LanguageTag?) -> String? {
            tag.flatMap { $0.tag == model.config.language ? nil : $0.tag }
        }
        for briefing in model.briefings {
            let value = briefing.briefing
            let names = (briefing.principalActors + briefing.secondaryActors).compactMap { titles[$0] }
            documents.append(Document(
                title: value.title, url: urls.path(.briefing(value.slug)), kind: "briefing", date: DisplayFormat.date(value.date),
                summary: value.summary ?? "", language: language(value.language),
                keywords: names + value.tags, passages: briefing.linked.searchPassages))
        }
        for actor in model.actors {
            let value = actor.actor
            documents.append(Document(
                title: value.title, url: urls.path(.actor(value.slug)), kind: value.kind.rawValue, date: "",
                summary: value.summary ?? "", language: language(value.language),
                keywords: value.aliases.map(\.value), passages: actor.profile.searchPassages))
        }
        for page in model.pages {
            documents.append(Document(
                title: page.page.title, url: urls.path(.page(page.page.slug)), kind: "page", date: "",
                summary: page.page.summary ?? "", language: language(page.page.language),
                keywords: [], passages: page.linked.searchPassages))
        }
        return documents
            .map { (key: $0.title.lowercased(), document: $0) }
            .sorted { ($0.key, $0.document.url) < ($1.key, $1.document.url) }
            .map(\.document)
    }

    /// Every term of every document, in the order `search.js` compares strings (UTF-16
    /// code units), so the terms that begin with a query's term are one stretch.
    static func postings(of documents: [Document]) -> [Postings] {
        // Folding non-Latin text is most of the index's cost (about 0.15 ms per 600 characters of Chinese).
        // Arrays, not the dictionaries they are made with: every document's terms are
        // alive at once here, and at 10,000 briefings dictionaries doubled their memory.
        let fieldsByDocument = documents.parallelMap { document -> [(term: String, field: Field)] in
            var fields: [String: Field] = [:]
            func add(_ texts: [String], _ field: Field) {
                for text in texts {
                    for term in SearchTokenizer.terms(text) where fields[term].map({ $0 < field }) ?? true {
                        fields[term] = field
                    }
                }
            }
            add([document.title], .title)
            add([document.summary] + document.keywords, .meta)
            var passagesHolding: [String: Int] = [:]
            for passage in document.passages {
                for term in Set(SearchTokenizer.terms(passage.text)) { passagesHolding[term, default: 0] += 1 }
            }
            for (term, count) in passagesHolding where fields[term] == nil {
                fields[term] = count >= repeatedInPassages ? .repeatedBody : .body
            }
            return fields.map { ($0.key, $0.value) }
        }
        // Document number and field in one integer: a posting is 4 bytes, not a 16-byte tuple.
        var byTerm: [String: [UInt32]] = [:]
        for (number, fields) in fieldsByDocument.enumerated() {
            for (term, field) in fields { byTerm[term, default: []].append(UInt32(number) << 2 | UInt32(field.rawValue)) }
        }
        return byTerm
            .map { Postings(term: $0.key, documents: $0.value.map { (Int($0 >> 2), Field(rawValue: Int($0 & 3))!) }) }
            .sorted { $0.term.utf16.lexicographicallyPrecedes($1.term.utf16) }
    }

    /// Consecutive runs of terms, each cut when it passes `shardTargetBytes`.
    static func shards(_ postings: [Postings]) -> [[Postings]] {
        var shards: [[Postings]] = []
        var current: [Postings] = []
        var size = 0
        for entry in postings {
            current.append(entry)
            size += entry.term.utf8.count + entry.documents.count * 3 + 8
            if size >= shardTargetBytes {
                shards.append(current)
                current = []
                size = 0
            }
        }
        if !current.isEmpty || shards.isEmpty { shards.append(current) }
        return shards
    }

    /// A document list as text: for each document, in ascending order, the gap from
    /// the previous number times 4 plus its `Field`, in base 36, comma-separated.
    /// "0,7,1f" is document 0 (body), 1 (title), 13 (title).
    static func encode(_ documents: [(number: Int, field: Field)]) -> String {
        var previous = 0
        return documents.map { document in
            defer { previous = document.number }
            return String((document.number - previous) * 4 + document.field.rawValue, radix: 36)
        }.joined(separator: ",")
    }

    static func manifest(documentCount: Int, shards: [[Postings]]) -> String {
        var writer = JSONWriter()
        writer.object { writer in
            writer.key("documents")
            writer.int(documentCount)
            writer.key("format")
            writer.int(2)
            writer.key("shards")
            writer.strings(shards.map { $0.first?.term ?? "" })
        }
        let json = String(decoding: writer.bytes, as: UTF8.self)
        return "window.DOSSIER_SEARCH_INDEX = \(json);\nwindow.DOSSIER_SEARCH_RULES = \(SearchTokenizer.rulesJSON);\n"
    }

    static func shardJSON(_ shard: [Postings]) -> [UInt8] {
        var writer = JSONWriter()
        writer.array { writer in
            for entry in shard { writer.strings([entry.term, encode(entry.documents)]) }
        }
        return writer.bytes
    }

    static func documentJSON(_ document: Document) -> [UInt8] {
        var writer = JSONWriter()
        writer.object { writer in
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
            writer.field("d", document.date)
            writer.field("k", document.kind)
            writer.field("l", document.language)
            writer.field("s", document.summary)
            writer.field("t", document.title)
            writer.field("u", document.url)
        }
        return writer.bytes
    }

    /// A part of the index as a script that hands its value to `search.js`.
    static func part(_ name: String, _ json: [UInt8]) -> [UInt8] {
        Array("DossierSearch.receive(\"\(name)\", ".utf8) + json + Array(");\n".utf8)
    }
}
