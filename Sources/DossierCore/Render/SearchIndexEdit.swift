import Foundation

/// The search index after a few documents changed and nothing else did (the same
/// documents, the same site): when each changed document's number (its place among the
/// titles) is the one its previous part was written at, as its URL there shows, the
/// other documents, whose titles did not change, keep their order and so their numbers,
/// and only the changed documents' parts and the term shards of the terms they gained,
/// lost or hold in another field change (`SearchIndexWriter`). A retitled document that
/// keeps its place is one of these; one that moves renumbers the others.
///
/// A changed document's previous terms come from its previous part, which shows every
/// text its terms come from, its keywords included, when `search.passages` is on; when
/// it is off (the default) the part shows no passages, and the previous terms are read
/// from the previous term shards instead (`previousTerms`). Its inputs key records a digest of
/// the keywords it was written with (`SearchIndexWriter.partInputs`): a part whose
/// keywords do not match it (damaged, or of a format that left them out) cannot give
/// the previous terms, and the index is then made with the others.
struct SearchIndexEdit: Sendable {
    /// The changed documents as they are now, each at its number.
    var documents: [(number: Int, document: SearchIndex.Document)]
    /// Their postings now against before.
    var patch: SearchIndexShardPatch
    /// The previous manifest's first term of each shard.
    var firstTerms: [String]

    /// More documents than this and the index is made as after any other change: their
    /// previous parts would be read one by one, and most shards change anyway.
    static let largestEdit = 64

    /// Nil when the documents that changed cannot be taken this way (see the type).
    /// `reached`: the documents a change can reach (`SearchIndexWriter.documentsReached`),
    /// of which `changed` changed themselves; the others are briefings reached through the
    /// title of an actor they name, and are left as they were when their keywords are
    /// the ones their part was written with (`keywords`: without making the document).
    init?(
        changed: Set<DocumentID>, reached: Set<DocumentID>, documentCount: Int, model: SiteModel, urls: SiteURLs, sink: OutputSink,
        keywords: (SearchIndex.Numbered) -> [String], make: (SearchIndex.Numbered) -> SearchIndex.Document
    ) {
        guard !reached.isEmpty, changed.count <= Self.largestEdit,
              let manifest = sink.previousOutput(SearchIndexWriter.manifestPath), let manifestBytes = Self.read(manifest.file),
              SearchIndexPartReader.documentCount(manifest: manifestBytes) == documentCount,
              let firstTerms = SearchIndexPartReader.shardFirstTerms(manifest: manifestBytes), !firstTerms.isEmpty else { return nil }
        // Counted before any is made: an actor renamed that hundreds of briefings name
        // would otherwise make and tokenize 64 of them before the index is made whole.
        var edited: [(number: Int, item: SearchIndex.Numbered, previous: PreviousOutput)] = []
        for (number, item) in Self.numbers(of: reached, model: model, urls: urls) {
            guard let previous = sink.previousOutput(SearchIndexWriter.documentPath(number)) else { return nil }
            if !changed.contains(item.id), previous.inputs == SearchIndexWriter.partInputs(item.id, keywords: keywords(item)) {
                // Its own fields did not change, and its keywords are its part's: the part,
                // and its postings, are this build's.
                continue
            }
            guard edited.count < Self.largestEdit else { return nil }
            edited.append((number, item, previous))
        }
        var documents: [(number: Int, document: SearchIndex.Document)] = []
        var previousTerms: [Int: [(term: String, field: SearchIndex.Field)]] = [:]
        var withoutPassages: Set<Int> = []
        for (number, item, previous) in edited {
            let document = make(item)
            guard let bytes = Self.read(previous.file),
                  let before = SearchIndexPartReader.document(bytes, name: "documents/\(number)"),
                  previous.inputs == SearchIndexWriter.partInputs(item.id, keywords: before.keywords),
                  before.url == document.url else { return nil }
            if let passages = before.passages {
                previousTerms[number] = SearchIndex.termFields(title: before.title, meta: [before.summary] + before.keywords, passages: passages)
            } else {
                withoutPassages.insert(number)
            }
            documents.append((number, document))
        }
        if !withoutPassages.isEmpty {
            guard let found = Self.previousTerms(of: withoutPassages, firstTerms: firstTerms, sink: sink) else { return nil }
            for number in withoutPassages { previousTerms[number] = found[number] ?? [] }
        }
        var patch = SearchIndexShardPatch()
        for (number, document) in documents {
            patch.add(number: number, before: previousTerms[number] ?? [], after: SearchIndex.termFields(of: document))
        }
        self.documents = documents
        self.patch = patch
        self.firstTerms = firstTerms
    }

    /// The terms the documents `numbers` held in the previous build, from its term
    /// shards: their parts do not show their passages (`search.passages` off), and the
    /// shards are the one place the previous build kept what its text gave. One pass
    /// over every shard, one shard in memory at a time (2.4 MB in all at 10,000
    /// briefings); nil when a shard is missing or not as the manifest says.
    static func previousTerms(of numbers: Set<Int>, firstTerms: [String], sink: OutputSink) -> [Int: [(term: String, field: SearchIndex.Field)]]? {
        var terms: [Int: [(term: String, field: SearchIndex.Field)]] = [:]
        for (shard, firstTerm) in firstTerms.enumerated() {
            guard let previous = sink.previousOutput(SearchIndexWriter.termsPath(shard)), let bytes = read(previous.file),
                  let found = SearchIndexPartReader.terms(holding: numbers, inShard: bytes, name: "terms/\(shard)"),
                  found.firstTerm == firstTerm else { return nil }
            for (number, held) in found.held { terms[number, default: []] += held }
        }
        return terms
    }

    /// The numbers `SearchIndex.numbering` gives the documents `reached`, when the
    /// others keep theirs: each one's number is how many documents sort before it,
    /// counted in one pass over the titles instead of sorting them all.
    static func numbers(of reached: Set<DocumentID>, model: SiteModel, urls: SiteURLs) -> [(number: Int, item: SearchIndex.Numbered)] {
        struct Sorted {
            var title: String, url: String
            var item: SearchIndex.Numbered
        }
        var slugs: [DocumentID.Kind: Set<String>] = [:]
        for id in reached { slugs[id.kind, default: []].insert(id.slug) }
        var keys: [Sorted] = []
        forEachDocument(model) { kind, slug, position, title in
            guard slugs[kind]?.contains(slug) == true else { return }
            let id = DocumentID(kind, slug)
            keys.append(Sorted(title: title.lowercased(), url: url(id, urls), item: SearchIndex.Numbered(id: id, position: position)))
        }
        keys.sort { ($0.title, $0.url) < ($1.title, $1.url) }
        // below[i]: the documents that sort before keys[i] and not before keys[i - 1].
        var below = [Int](repeating: 0, count: keys.count + 1)
        forEachDocument(model) { kind, slug, _, title in
            var lowered: String?
            func precedes(_ key: Sorted) -> Bool {
                let order: Int? = lowered == nil ? Self.asciiOrder(title, loweredAgainst: key.title) : nil
                switch order {
                case .some(-1): return true
                case .some(1): return false
                case .some(0): break
                default:
                    if lowered == nil { lowered = title.lowercased() }
                    if lowered! != key.title { return lowered! < key.title }
                }
                return url(DocumentID(kind, slug), urls) < key.url
            }
            below[keys.partitioningIndex(where: precedes)] += 1
        }
        var before = 0
        return keys.enumerated().map { index, key in
            before += below[index]
            return (before, key.item)
        }
    }

    /// How `title.lowercased()` compares with `lowered` (-1, 0, 1) when both are ASCII,
    /// where lowercasing is A–Z only and `String` compares bytes; nil otherwise.
    static func asciiOrder(_ title: String, loweredAgainst lowered: String) -> Int? {
        var title = title, lowered = lowered
        return title.withUTF8 { left in
            lowered.withUTF8 { right -> Int? in
                guard !left.contains(where: { $0 >= 0x80 }), !right.contains(where: { $0 >= 0x80 }) else { return nil }
                for (a, b) in zip(left, right) {
                    let folded = a >= 0x41 && a <= 0x5A ? a + 0x20 : a
                    if folded != b { return folded < b ? -1 : 1 }
                }
                return left.count == right.count ? 0 : left.count < right.count ? -1 : 1
            }
        }
    }

    private static func url(_ id: DocumentID, _ urls: SiteURLs) -> String {
        switch id.kind {
        case .briefing: urls.path(.briefing(id.slug))
        case .actor: urls.path(.actor(id.slug))
        case .page: urls.path(.page(id.slug))
        }
    }

    /// Each briefing, actor and page with what `SearchIndex.numbering` sorts it by, read
    /// in place (a copy of each model took most of the time).
    private static func forEachDocument(_ model: SiteModel, _ body: (DocumentID.Kind, String, Int, String) -> Void) {
        for position in model.briefings.indices {
            body(.briefing, model.briefings[position].briefing.slug, position, model.briefings[position].briefing.title)
        }
        for position in model.actors.indices {
            body(.actor, model.actors[position].actor.slug, position, model.actors[position].actor.title)
        }
        for position in model.pages.indices {
            body(.page, model.pages[position].page.slug, position, model.pages[position].page.title)
        }
    }

    private static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
