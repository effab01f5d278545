import Foundation

/// What `ModelMemo.key` hashes of each document (its id and each mention's actor,
/// document and anchor), kept from the last build under the document's linked form
/// (`BuildCache.CachedLink.linkedForm`, a hash of everything linking gave, mentions
/// included): a document whose linked form is unchanged has the same mention hash, so
/// a cached build hashes only the mentions of the documents linked differently,
/// instead of every mention of the site.
///
/// The table is one memo file per project, rewritten only when a document's hash had
/// to be computed or a document is gone. A table that does not read back whole is
/// empty: every hash is then computed, never guessed.
struct ModelDocumentHashes: Sendable {
    /// "kind slug linked-form" of each document, in the order they were filed: site
    /// order when a build filed them, so the next build finds most at the same position
    /// without a dictionary of 12,000 keys made, compared and sorted on every build.
    let keys: [String]
    /// Each key's document's mention hash.
    let values: [String]

    init(keys: [String], values: [String]) {
        precondition(keys.count == values.count, "a hash for each key")
        self.keys = keys
        self.values = values
    }

    /// A table given by key, filed in key order.
    init(hashes: [String: String] = [:]) {
        let keys = hashes.keys.sorted()
        self.init(keys: keys, values: keys.map { hashes[$0] ?? "" })
    }

    /// Key → hash; the first of a repeated key.
    var hashes: [String: String] {
        Dictionary(zip(keys, values), uniquingKeysWith: { first, _ in first })
    }

    /// The hash filed under each of `wanted` (nil where none is, or where the key is
    /// nil): taken by position where the key is where it was, looked up otherwise.
    func hashes(of wanted: [String?]) -> [String?] {
        var found = [String?](repeating: nil, count: wanted.count)
        var elsewhere: [Int] = []
        for position in wanted.indices {
            guard let key = wanted[position] else { continue }
            if position < keys.count, keys[position] == key { found[position] = values[position] } else { elsewhere.append(position) }
        }
        guard !elsewhere.isEmpty, !keys.isEmpty else { return found }
        let byKey = hashes
        for position in elsewhere { found[position] = wanted[position].flatMap { byKey[$0] } }
        return found
    }

    /// Where a document's hash is filed; nil for a document without a linked form
    /// (linked outside the memo, or from an unreadable body), whose hash is always computed.
    static func lookupKey(_ id: DocumentID, linkedForm: String?) -> String? {
        guard let linkedForm, !linkedForm.isEmpty else { return nil }
        return "\(id.kind.rawValue) \(id.slug) \(linkedForm)"
    }
}

extension BuildCache {
    func modelDocumentHashes(root: URL) -> ModelDocumentHashes {
        guard var decoder = memo(kind: "model-documents", name: Self.modelDocumentHashesName(root)),
              let keys = try? decoder.array({ try $0.string() }), let values = try? decoder.array({ try $0.string() }),
              keys.count == values.count, decoder.isAtEnd
        else { return ModelDocumentHashes() }
        return ModelDocumentHashes(keys: keys, values: values)
    }

    /// Stored in the table's order (a build's: site order), which the next build reads by position.
    func storeModelDocumentHashes(_ table: ModelDocumentHashes, root: URL) {
        guard folder != nil else { return }
        var encoder = CacheEncoder()
        encoder.array(table.keys) { $0.string($1) }
        encoder.array(table.values) { $0.string($1) }
        storeMemo(encoder, kind: "model-documents", name: Self.modelDocumentHashesName(root))
    }

    private static func modelDocumentHashesName(_ root: URL) -> String {
        projectMemoName("model-documents", root)
    }
}
