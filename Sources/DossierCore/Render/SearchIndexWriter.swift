import Foundation

/// Writes the search index (`SearchIndex`) into the sink part by part, never holding
/// more than one part's bytes, and in a cached build makes only what changed:
///
/// - each document part is keyed on its document (`AggregateKeys.searchDocument`) and
///   number, and taken from the previous output when both are the same;
/// - the term shards and the manifest are one group keyed on every document
///   (`AggregateKeys.searchIndex`), taken whole when nothing changed; otherwise the
///   postings of the documents whose part was taken are read back from the previous
///   shards, and only the other documents are tokenized. Shards whose bytes come out
///   the same are linked from the previous output by the sink (`FileReuse`), and the
///   cuts between shards do not move with an edit (`SearchIndex.shards`), so an edit
///   rewrites its document's part and the shards of the terms whose postings it changed.
enum SearchIndexWriter {
    static let manifestPath = "assets/search-index.js"

    static func termsPath(_ number: Int) -> String { "assets/search/terms/\(number).js" }

    static func documentPath(_ number: Int) -> String { "assets/search/documents/\(number).js" }

    /// The files made as one group: the manifest and the term shards.
    static func isTermsOutput(_ path: String) -> Bool {
        path == manifestPath || path.hasPrefix("assets/search/terms/")
    }

    /// Writes every part; the first failure, if any. `changed`: the documents that
    /// changed since the previous build (`BriefingPageRekeying`), nil if unknown; a
    /// document no change can reach keeps its previous part without being made or keyed.
    static func write(
        _ model: SiteModel, urls: SiteURLs, to sink: OutputSink, fingerprints: DocumentFingerprints, changed: Set<DocumentID>? = nil
    ) -> Diagnostic? {
        let documentCount = model.briefings.count + model.actors.count + model.pages.count
        // Sorting 12,000 titles is needed only for the documents made.
        let numbered = ComputedOnce<[SearchIndex.Numbered]>(), titles = ComputedOnce<[String: String]>()
        let numbering: @Sendable () -> [SearchIndex.Numbered] = { numbered.value { SearchIndex.numbering(model, urls: urls) } }
        let reached = changed.map { documentsReached(by: $0, model: model) }
        let make: @Sendable (SearchIndex.Numbered) -> SearchIndex.Document = {
            SearchIndex.document($0, model: model, urls: urls, actorTitles: titles.value { SearchIndex.actorTitles(model) })
        }
        let (made, documentFailure) = writeDocuments(
            count: documentCount, numbering: numbering, reached: reached, to: sink, fingerprints: fingerprints, make: make)
        if let documentFailure { return documentFailure }

        let key = AggregateKeys.searchIndex(model, fingerprints: fingerprints)
        if let key, sink.reuseGroup(madeFrom: key, members: isTermsOutput) { return nil }
        let postings = self.postings(made, numbering: numbering(), sink: sink, make: make)
        let shards = SearchIndex.shards(postings)
        let count = shards.count + 1
        func put(_ path: String, _ contents: [UInt8]) -> Diagnostic? {
            let file = OutputFile(path: path, contents: Data(contents))
            do {
                if let key {
                    try sink.write(file, renderedFrom: AggregateKeys.member(key, path, of: count))
                } else {
                    try sink.write(file)
                }
                return nil
            } catch {
                return .error("\(error)", at: SourceLocation(path: path))
            }
        }
        if let failure = put(manifestPath, Array(SearchIndex.manifest(documentCount: documentCount, shards: shards).utf8)) { return failure }
        for (number, shard) in shards.enumerated() {
            if let failure = put(termsPath(number), SearchIndex.part("terms/\(number)", SearchIndex.shardJSON(shard))) { return failure }
        }
        return nil
    }

    /// The documents whose entry in the index a change of `changed` can reach: those
    /// documents, and the briefings whose keywords name a changed actor's title.
    static func documentsReached(by changed: Set<DocumentID>, model: SiteModel) -> Set<DocumentID> {
        var reached = changed
        let actors = Set(changed.filter { $0.kind == .actor }.map(\.slug))
        guard !actors.isEmpty else { return reached }
        for briefing in model.briefings where (briefing.principalActors + briefing.secondaryActors).contains(where: actors.contains) {
            reached.insert(DocumentID(.briefing, briefing.briefing.slug))
        }
        return reached
    }

    /// Writes or takes each document's part, on every core; the documents made, by
    /// number (nil: its part was taken from the previous output, with its postings).
    /// A part records its document's id (as its inputs), so that a document `reached`
    /// leaves out can take the previous part at its number without being made: it is the
    /// same document, and nothing it shows changed.
    /// When no document changed (`reached` is empty), the numbers are the previous
    /// build's, and every part is taken without the documents being numbered at all.
    private static func writeDocuments(
        count: Int, numbering: @Sendable () -> [SearchIndex.Numbered], reached: Set<DocumentID>?, to sink: OutputSink,
        fingerprints: DocumentFingerprints, make: @Sendable (SearchIndex.Numbered) -> SearchIndex.Document
    ) -> (made: [SearchIndex.Document?], failure: Diagnostic?) {
        let outcomes = Array(0..<count).parallelMap { number -> (made: SearchIndex.Document?, failure: Diagnostic?) in
            let path = documentPath(number)
            if reached?.isEmpty == true, let previous = sink.previousOutput(path), previous.inputs != nil,
               sink.reuse(path, madeFrom: previous.key, inputs: previous.inputs) { return (nil, nil) }
            let item = numbering()[number], id = item.id.description
            if let reached, !reached.contains(item.id), let previous = sink.previousOutput(path), previous.inputs == id,
               sink.reuse(path, madeFrom: previous.key, inputs: id) { return (nil, nil) }
            let document = make(item)
            let documentKey = AggregateKeys.searchDocument(document, fingerprints: fingerprints)
            let key = documentKey.map { AggregateKeys.searchDocumentFile($0, number: number) }
            if let key, sink.reuse(path, madeFrom: key, inputs: id) { return (nil, nil) }
            let file = OutputFile(path: path, contents: Data(SearchIndex.part("documents/\(number)", SearchIndex.documentJSON(document))))
            do {
                if let key {
                    try sink.write(file, renderedFrom: key, inputs: id)
                } else {
                    try sink.write(file)
                }
                return (document, nil)
            } catch {
                return (document, .error("\(error)", at: SourceLocation(path: path)))
            }
        }
        return (outcomes.map(\.made), outcomes.lazy.compactMap(\.failure).first)
    }

    /// The postings of every document: those of the documents whose part was taken
    /// from the previous output (same document, same number; nil in `made`) from the
    /// previous term shards, the others by tokenizing them.
    private static func postings(
        _ made: [SearchIndex.Document?], numbering: [SearchIndex.Numbered], sink: OutputSink, make: (SearchIndex.Numbered) -> SearchIndex.Document
    ) -> [SearchIndex.Postings] {
        var kept: [SearchIndex.Postings] = []
        var keptAny = false
        if made.contains(where: { $0 == nil }), let previous = previousPostings(sink) {
            keptAny = true
            kept = previous.compactMap { entry in
                let packed = entry.packed.filter { posting in
                    let number = Int(posting >> 2)
                    return number < made.count && made[number] == nil
                }
                return packed.isEmpty ? nil : SearchIndex.Postings(term: entry.term, packed: packed)
            }
        }
        // Without the previous shards, a document taken from the previous output is made again here.
        var tokenized = SearchIndexPostings()
        tokenized.add(made.indices.compactMap { number in
            if let document = made[number] { return (number: number, document: document) }
            return keptAny ? nil : (number: number, document: make(numbering[number]))
        })
        return keptAny ? SearchIndexPostings.merge(kept, tokenized.take()) : tokenized.take()
    }

    /// Every entry of the previous build's term shards, if the manifest and all its
    /// shards are there untouched and read back; nil otherwise.
    private static func previousPostings(_ sink: OutputSink) -> [SearchIndex.Postings]? {
        guard let manifest = sink.previousOutput(manifestPath), let manifestBytes = read(manifest.file),
              let firstTerms = SearchIndexPartReader.shardFirstTerms(manifest: manifestBytes) else { return nil }
        var entries: [SearchIndex.Postings] = []
        for (number, firstTerm) in firstTerms.enumerated() {
            guard let shard = sink.previousOutput(termsPath(number)), let bytes = read(shard.file),
                  let shardEntries = SearchIndexPartReader.shard(bytes, name: "terms/\(number)"),
                  (shardEntries.first?.term ?? "") == firstTerm else { return nil }
            entries += shardEntries
        }
        return entries
    }

    private static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
