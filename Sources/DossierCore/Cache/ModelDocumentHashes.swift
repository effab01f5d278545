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
    /// "kind slug linked-form" → the document's mention hash.
    private(set) var hashes: [String: String]

    init(hashes: [String: String] = [:]) {
        self.hashes = hashes
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
        return ModelDocumentHashes(hashes: Dictionary(zip(keys, values), uniquingKeysWith: { first, _ in first }))
    }

    func storeModelDocumentHashes(_ table: ModelDocumentHashes, root: URL) {
        guard folder != nil else { return }
        let keys = table.hashes.keys.sorted()
        var encoder = CacheEncoder()
        encoder.array(keys) { $0.string($1) }
        encoder.array(keys) { encoder, key in encoder.string(table.hashes[key] ?? "") }
        storeMemo(encoder, kind: "model-documents", name: Self.modelDocumentHashesName(root))
    }

    private static func modelDocumentHashesName(_ root: URL) -> String {
        var hasher = StableHasher()
        hasher.combine("model-documents")
        hasher.combine(root.standardizedFileURL.path)
        return hasher.finalize()
    }
}
