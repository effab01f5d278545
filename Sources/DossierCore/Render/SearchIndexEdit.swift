import Foundation

/// The search index after a few documents changed and nothing else did (the same
/// documents, the same site): the changed documents keep their numbers if their titles
/// and URLs sort the same, and then only their parts and the term shards of the terms
/// they gained, lost or hold in another field change (`SearchIndexWriter`).
///
/// A changed document's previous terms come from its previous part, which shows every
/// text its terms come from but its keywords; its inputs key records a digest of
/// those (`SearchIndexWriter.partInputs`), so the previous terms are known exactly
/// while the keywords are the same, and the document is made with the others otherwise.
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
    init?(
        reached: Set<DocumentID>, documentCount: Int, model: SiteModel, urls: SiteURLs, sink: OutputSink,
        make: (SearchIndex.Numbered) -> SearchIndex.Document
    ) {
        guard !reached.isEmpty, reached.count <= Self.largestEdit,
              let manifest = sink.previousOutput(SearchIndexWriter.manifestPath), let manifestBytes = Self.read(manifest.file),
              SearchIndexPartReader.documentCount(manifest: manifestBytes) == documentCount,
              let firstTerms = SearchIndexPartReader.shardFirstTerms(manifest: manifestBytes), !firstTerms.isEmpty else { return nil }
        var documents: [(number: Int, document: SearchIndex.Document)] = []
        var patch = SearchIndexShardPatch()
        for (number, item) in Self.numbers(of: reached, model: model, urls: urls) {
            let document = make(item)
            let path = SearchIndexWriter.documentPath(number)
            guard let previous = sink.previousOutput(path), previous.inputs == SearchIndexWriter.partInputs(document),
                  let bytes = Self.read(previous.file),
                  let before = SearchIndexPartReader.document(bytes, name: "documents/\(number)"),
                  before.url == document.url, before.title.lowercased() == document.title.lowercased() else { return nil }
            patch.add(
                number: number,
                before: SearchIndex.termFields(title: before.title, meta: [before.summary] + document.keywords, passages: before.passages),
                after: SearchIndex.termFields(of: document))
            documents.append((number, document))
        }
        self.documents = documents
        self.patch = patch
        self.firstTerms = firstTerms
    }

    /// The numbers `SearchIndex.numbering` gives the documents `reached`, when the
    /// others keep theirs: each one's number is how many documents sort before it,
    /// counted in one pass over the titles instead of sorting them all.
    static func numbers(of reached: Set<DocumentID>, model: SiteModel, urls: SiteURLs) -> [(number: Int, item: SearchIndex.Numbered)] {
        struct Sorted {
            var title: String, url: String
            var item: SearchIndex.Numbered
        }
        var keys: [Sorted] = []
        forEachDocument(model, urls: urls) { id, position, title, url in
            if reached.contains(id) { keys.append(Sorted(title: title.lowercased(), url: url(), item: SearchIndex.Numbered(id: id, position: position))) }
        }
        keys.sort { ($0.title, $0.url) < ($1.title, $1.url) }
        // below[i]: the documents that sort before keys[i] and not before keys[i - 1].
        var below = [Int](repeating: 0, count: keys.count + 1)
        forEachDocument(model, urls: urls) { _, _, title, url in
            let lowered = title.lowercased()
            var cachedURL: String?
            func precedes(_ key: Sorted) -> Bool {
                if lowered != key.title { return lowered < key.title }
                if cachedURL == nil { cachedURL = url() }
                return cachedURL! < key.url
            }
            var low = 0, high = keys.count
            while low < high {
                let middle = (low + high) / 2
                if precedes(keys[middle]) {
                    high = middle
                } else {
                    low = middle + 1
                }
            }
            below[low] += 1
        }
        var before = 0
        return keys.enumerated().map { index, key in
            before += below[index]
            return (before, key.item)
        }
    }

    /// Each briefing, actor and page with what `SearchIndex.numbering` sorts it by.
    private static func forEachDocument(
        _ model: SiteModel, urls: SiteURLs, _ body: (DocumentID, Int, String, () -> String) -> Void
    ) {
        for (position, briefing) in model.briefings.enumerated() {
            let slug = briefing.briefing.slug
            body(DocumentID(.briefing, slug), position, briefing.briefing.title) { urls.path(.briefing(slug)) }
        }
        for (position, actor) in model.actors.enumerated() {
            let slug = actor.actor.slug
            body(DocumentID(.actor, slug), position, actor.actor.title) { urls.path(.actor(slug)) }
        }
        for (position, page) in model.pages.enumerated() {
            let slug = page.page.slug
            body(DocumentID(.page, slug), position, page.page.title) { urls.path(.page(slug)) }
        }
    }

    private static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
