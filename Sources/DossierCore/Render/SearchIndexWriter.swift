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
    /// With nothing changed every part is taken as it is; after a few documents changed,
    /// only their parts and the shards their terms are in are made (`SearchIndexEdit`).
    static func write(
        _ model: SiteModel, urls: SiteURLs, to sink: OutputSink, fingerprints: DocumentFingerprints, changed: Set<DocumentID>? = nil
    ) -> Diagnostic? {
        let documentCount = model.briefings.count + model.actors.count + model.pages.count
        let withPassages = model.config.searchPassages
        // Sorting 12,000 titles is needed only for the documents made.
        let numbered = ComputedOnce<[SearchIndex.Numbered]>(), titles = ComputedOnce<[String: String]>()
        let numbering: @Sendable () -> [SearchIndex.Numbered] = { numbered.value { SearchIndex.numbering(model, urls: urls) } }
        let reached = changed.map { documentsReached(by: $0, model: model) }
        let make: @Sendable (SearchIndex.Numbered) -> SearchIndex.Document = {
            SearchIndex.document($0, model: model, urls: urls, actorTitles: titles.value { SearchIndex.actorTitles(model) })
        }
        let keywords = { (item: SearchIndex.Numbered) in
            SearchIndex.keywords(of: item, model: model, actorTitles: titles.value { SearchIndex.actorTitles(model) })
        }
        let keeping = sink as? PageKeyingSink
        var made: [SearchIndex.Document?]
        var edit: SearchIndexEdit?
        if let keeping, reached?.isEmpty == true, keeping.takeUnchanged((0..<documentCount).map(documentPath), recordedAs: nil) {
            // Nothing changed: the previous parts, under their previous keys, are this build's.
            if takeTermsUnchanged(documentCount: documentCount, sink: keeping) { return nil }
            made = Array(repeating: nil, count: documentCount)
        } else if let keeping, let changed, let reached, let found = SearchIndexEdit(
            changed: changed, reached: reached, documentCount: documentCount, model: model, urls: urls, sink: sink,
            keywords: keywords, make: make),
            keeping.takeUnchanged(otherParts(than: found, count: documentCount), recordedAs: nil) {
            edit = found
            // Only if the edit cannot be applied to the shards: 12,000 optional documents
            // cost more to allocate than the rest of the edit.
            made = []
            for (number, document) in found.documents {
                let key = partKey(document, number: number, fingerprints: fingerprints)
                if let failure = writePart(document, number: number, key: key, withPassages: withPassages, to: sink) { return failure }
            }
        } else {
            let (written, documentFailure) = writeDocuments(
                count: documentCount, numbering: numbering, reached: reached, withPassages: withPassages, to: sink, fingerprints: fingerprints,
                make: make)
            if let documentFailure { return documentFailure }
            made = written
        }

        let key = AggregateKeys.searchIndex(model, fingerprints: fingerprints)
        if let edit, let key, let keeping {
            if case .written(let failure) = writeTerms(edit, documentCount: documentCount, key: key, to: keeping) { return failure }
        } else if let key, sink.reuseGroup(madeFrom: key, members: isTermsOutput) {
            return nil
        }
        if let edit {
            made = Array(repeating: nil, count: documentCount)
            for (number, document) in edit.documents { made[number] = document }
        }
        let postings = self.postings(made, numbering: numbering(), sink: sink, make: make)
        let shards = SearchIndex.shards(postings)
        let count = shards.count + 1
        let put = { (path: String, contents: [UInt8]) in putTerms(path, contents, key: key, count: count, to: sink) }
        if let failure = put(manifestPath, Array(SearchIndex.manifest(documentCount: documentCount, shards: shards).utf8)) { return failure }
        for (number, shard) in shards.enumerated() {
            if let failure = put(termsPath(number), SearchIndex.part("terms/\(number)", SearchIndex.shardJSON(shard))) { return failure }
        }
        return nil
    }

    /// A file of the terms group (the manifest or a shard), keyed as one of `count` members under `key`.
    private static func putTerms(_ path: String, _ contents: [UInt8], key: String?, count: Int, to sink: OutputSink) -> Diagnostic? {
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

    /// The parts of the documents an edit did not change.
    private static func otherParts(than edit: SearchIndexEdit, count: Int) -> [String] {
        let changed = Set(edit.documents.map(\.number))
        return (0..<count).filter { !changed.contains($0) }.map(documentPath)
    }

    /// With nothing changed, the manifest and every shard the previous manifest lists,
    /// under their previous keys; false (nothing taken) if one is missing or touched.
    private static func takeTermsUnchanged(documentCount: Int, sink: PageKeyingSink) -> Bool {
        guard let manifest = sink.previousOutput(manifestPath), let bytes = read(manifest.file),
              SearchIndexPartReader.documentCount(manifest: bytes) == documentCount,
              let firstTerms = SearchIndexPartReader.shardFirstTerms(manifest: bytes), !firstTerms.isEmpty else { return false }
        return sink.takeUnchanged([manifestPath] + firstTerms.indices.map(termsPath), recordedAs: nil)
    }

    private enum TermsOutcome {
        /// Written, with the first failure if any.
        case written(Diagnostic?)
        /// Nothing written: the index is made from every document's postings.
        case cannotApply
    }

    /// The term shards after `edit`: the shards it changes made, every other taken as it
    /// is under this build's key; nothing written when the edit cannot be applied to the
    /// previous shards.
    private static func writeTerms(_ edit: SearchIndexEdit, documentCount: Int, key: String, to sink: PageKeyingSink) -> TermsOutcome {
        guard let made = edit.patch.apply(firstTerms: edit.firstTerms, readShard: { previousShard($0, firstTerms: edit.firstTerms, sink: sink) })
        else { return .cannotApply }
        let count = edit.firstTerms.count + 1
        let kept = edit.firstTerms.indices.filter { made[$0] == nil }.map(termsPath)
        guard sink.takeUnchanged(kept, recordedAs: kept.map { AggregateKeys.member(key, $0, of: count) }) else { return .cannotApply }
        var firstTerms = edit.firstTerms
        for (number, shard) in made { firstTerms[number] = shard.first?.term ?? "" }
        let manifest = Array(SearchIndex.manifest(documentCount: documentCount, firstTerms: firstTerms).utf8)
        if let failure = putTerms(manifestPath, manifest, key: key, count: count, to: sink) { return .written(failure) }
        for (number, shard) in made.sorted(by: { $0.key < $1.key }) {
            let failure = putTerms(termsPath(number), SearchIndex.part("terms/\(number)", SearchIndex.shardJSON(shard)), key: key, count: count, to: sink)
            if let failure { return .written(failure) }
        }
        return .written(nil)
    }

    /// The previous build's shard `number`, if it is untouched and begins where the
    /// previous manifest says.
    static func previousShard(_ number: Int, firstTerms: [String], sink: OutputSink) -> [SearchIndex.Postings]? {
        guard number < firstTerms.count, let shard = sink.previousOutput(termsPath(number)), let bytes = read(shard.file),
              let entries = SearchIndexPartReader.shard(bytes, name: "terms/\(number)"),
              (entries.first?.term ?? "") == firstTerms[number] else { return nil }
        return entries
    }

    /// A document part's inputs key (nil without an id).
    static func partInputs(_ document: SearchIndex.Document) -> String? {
        document.id.map { partInputs($0, keywords: document.keywords) }
    }

    /// A document part's inputs key: its document, and a digest of its keywords, which
    /// `SearchIndexEdit` compares with those the previous part shows before it takes
    /// them for the document's previous keywords.
    static func partInputs(_ id: DocumentID, keywords: [String]) -> String {
        var hasher = StableHasher()
        hasher.combine(keywords.count)
        for keyword in keywords { hasher.combine(keyword) }
        return "\(id) \(String(hasher.checksum(), radix: 36))"
    }

    /// Whether a part's inputs key (`partInputs`) names the document `id`.
    static func isPart(_ inputs: String?, of id: DocumentID) -> Bool {
        guard let inputs, let space = inputs.lastIndex(of: " ") else { return false }
        return inputs[..<space] == id.description
    }

    /// The documents whose entry in the index a change of `changed` can reach: those
    /// documents, and the briefings whose keywords name a changed actor's title.
    static func documentsReached(by changed: Set<DocumentID>, model: SiteModel) -> Set<DocumentID> {
        var reached = changed
        let actors = Set(changed.filter { $0.kind == .actor }.map(\.slug))
        guard !actors.isEmpty else { return reached }
        // Read in place: a copy of each of 10,000 briefing models, and of its two actor
        // lists joined, was most of an actor edit's search index.
        for position in model.briefings.indices
        where model.briefings[position].principalActors.contains(where: actors.contains)
            || model.briefings[position].secondaryActors.contains(where: actors.contains) {
            reached.insert(DocumentID(.briefing, model.briefings[position].briefing.slug))
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
        count: Int, numbering: @Sendable () -> [SearchIndex.Numbered], reached: Set<DocumentID>?, withPassages: Bool, to sink: OutputSink,
        fingerprints: DocumentFingerprints, make: @Sendable (SearchIndex.Numbered) -> SearchIndex.Document
    ) -> (made: [SearchIndex.Document?], failure: Diagnostic?) {
        let outcomes = Array(0..<count).parallelMap { number -> (made: SearchIndex.Document?, failure: Diagnostic?) in
            let path = documentPath(number)
            if reached?.isEmpty == true, let previous = sink.previousOutput(path), previous.inputs != nil,
               sink.reuse(path, madeFrom: previous.key, inputs: previous.inputs) { return (nil, nil) }
            let item = numbering()[number]
            if let reached, !reached.contains(item.id), let previous = sink.previousOutput(path), isPart(previous.inputs, of: item.id),
               sink.reuse(path, madeFrom: previous.key, inputs: previous.inputs) { return (nil, nil) }
            let document = make(item)
            let key = partKey(document, number: number, fingerprints: fingerprints)
            if let key, sink.reuse(path, madeFrom: key, inputs: partInputs(document)) { return (nil, nil) }
            return (document, writePart(document, number: number, key: key, withPassages: withPassages, to: sink))
        }
        return (outcomes.map(\.made), outcomes.lazy.compactMap(\.failure).first)
    }

    /// The key of `document`'s part at `number`; nil when a document it reads has no fingerprint.
    private static func partKey(_ document: SearchIndex.Document, number: Int, fingerprints: DocumentFingerprints) -> String? {
        AggregateKeys.searchDocument(document, fingerprints: fingerprints).map { AggregateKeys.searchDocumentFile($0, number: number) }
    }

    /// Writes the part of `document` at `number` under `key` (`partKey`), so that a later build can take it.
    private static func writePart(_ document: SearchIndex.Document, number: Int, key: String?, withPassages: Bool, to sink: OutputSink) -> Diagnostic? {
        let path = documentPath(number)
        let json = SearchIndex.documentJSON(document, withPassages: withPassages)
        let file = OutputFile(path: path, contents: Data(SearchIndex.part("documents/\(number)", json)))
        do {
            if let key {
                try sink.write(file, renderedFrom: key, inputs: partInputs(document))
            } else {
                try sink.write(file)
            }
            return nil
        } catch {
            return .error("\(error)", at: SourceLocation(path: path))
        }
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
        for number in firstTerms.indices {
            guard let shardEntries = previousShard(number, firstTerms: firstTerms, sink: sink) else { return nil }
            entries += shardEntries
        }
        return entries
    }

    private static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
