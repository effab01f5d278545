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

    /// Writes every part; the first failure, if any.
    static func write(_ model: SiteModel, urls: SiteURLs, to sink: OutputSink, fingerprints: DocumentFingerprints) -> Diagnostic? {
        let documents = SearchIndex.documents(model, urls: urls)
        let (taken, documentFailure) = writeDocuments(documents, to: sink, fingerprints: fingerprints)
        if let documentFailure { return documentFailure }

        let key = AggregateKeys.searchIndex(model, fingerprints: fingerprints)
        if let key, sink.reuseGroup(madeFrom: key, members: isTermsOutput) { return nil }
        let postings = self.postings(documents, taken: taken, sink: sink)
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
        if let failure = put(manifestPath, Array(SearchIndex.manifest(documentCount: documents.count, shards: shards).utf8)) { return failure }
        for (number, shard) in shards.enumerated() {
            if let failure = put(termsPath(number), SearchIndex.part("terms/\(number)", SearchIndex.shardJSON(shard))) { return failure }
        }
        return nil
    }

    /// Writes or takes each document's part, on every core; which were taken from the
    /// previous output, by number.
    private static func writeDocuments(
        _ documents: [SearchIndex.Document], to sink: OutputSink, fingerprints: DocumentFingerprints
    ) -> (taken: [Bool], failure: Diagnostic?) {
        let outcomes = Array(documents.indices).parallelMap { number -> (taken: Bool, failure: Diagnostic?) in
            let path = documentPath(number), document = documents[number]
            let documentKey = AggregateKeys.searchDocument(document, fingerprints: fingerprints)
            let key = documentKey.map { AggregateKeys.searchDocumentFile($0, number: number) }
            if let key, sink.reuse(path, madeFrom: key) { return (true, nil) }
            let file = OutputFile(path: path, contents: Data(SearchIndex.part("documents/\(number)", SearchIndex.documentJSON(document))))
            do {
                if let key {
                    try sink.write(file, renderedFrom: key)
                } else {
                    try sink.write(file)
                }
                return (false, nil)
            } catch {
                return (false, .error("\(error)", at: SourceLocation(path: path)))
            }
        }
        return (outcomes.map(\.taken), outcomes.lazy.compactMap(\.failure).first)
    }

    /// The postings of every document: those of the documents whose part was taken
    /// from the previous output (same document, same number) from the previous term
    /// shards, the others by tokenizing them.
    private static func postings(_ documents: [SearchIndex.Document], taken: [Bool], sink: OutputSink) -> [SearchIndex.Postings] {
        var kept: [SearchIndex.Postings] = []
        var keptAny = false
        if taken.contains(true), let previous = previousPostings(sink) {
            keptAny = true
            kept = previous.compactMap { entry in
                let packed = entry.packed.filter { posting in
                    let number = Int(posting >> 2)
                    return number < taken.count && taken[number]
                }
                return packed.isEmpty ? nil : SearchIndex.Postings(term: entry.term, packed: packed)
            }
        }
        var made = SearchIndexPostings()
        made.add(documents.indices.compactMap { number in
            keptAny && taken[number] ? nil : (number: number, document: documents[number])
        })
        return keptAny ? SearchIndexPostings.merge(kept, made.take()) : made.take()
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
