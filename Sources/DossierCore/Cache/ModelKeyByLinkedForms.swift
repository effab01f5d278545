import Foundation

/// The model memo's key (`ModelMemo.key`) as the last build computed it, filed under a
/// digest of what determines it: every document's id and linked form in site order, and
/// each briefing's principal actors. A linked form is a hash of everything linking gave,
/// mentions included, so equal digests mean equal mentions and an equal key: a cached
/// build with no document linked differently takes the key from here, without reading
/// the per-document table (`ModelDocumentHashes`, about 1 MB at 10,000 briefings) or
/// hashing anything per document but the digest's own fields.
///
/// A document without a linked form (linked outside the memo, or from an unreadable
/// body) gives no digest: the key is then computed. A file that does not read back
/// whole gives no key either.
struct ModelKeyByLinkedForms: Equatable {
    let digest: String
    let key: String

    /// The digest, or nil when a document of `documentOrder` has no linked form.
    static func digest(documentOrder: [DocumentID], briefings: [Briefing], linkedForms: [DocumentID: String]) -> String? {
        var hasher = StableHasher()
        hasher.combine("model key by linked forms")
        hasher.combine(documentOrder.count)
        for id in documentOrder {
            guard let form = linkedForms[id], !form.isEmpty else { return nil }
            hasher.combine(id.kind.rawValue)
            hasher.combine(id.slug)
            hasher.combine(form)
        }
        ModelMemo.combinePrincipalActors(of: briefings, into: &hasher)
        return hasher.finalize()
    }
}

extension BuildCache {
    func modelKeyByLinkedForms(root: URL) -> ModelKeyByLinkedForms? {
        guard var decoder = memo(kind: "model-key", name: Self.modelKeyName(root)),
              let digest = try? decoder.string(), let key = try? decoder.string(), decoder.isAtEnd
        else { return nil }
        return ModelKeyByLinkedForms(digest: digest, key: key)
    }

    func storeModelKeyByLinkedForms(_ entry: ModelKeyByLinkedForms, root: URL) {
        guard folder != nil else { return }
        var encoder = CacheEncoder()
        encoder.string(entry.digest)
        encoder.string(entry.key)
        storeMemo(encoder, kind: "model-key", name: Self.modelKeyName(root))
    }

    /// One per project folder, replaced whenever its digest changes.
    private static func modelKeyName(_ root: URL) -> String {
        projectMemoName("model-key", root)
    }
}
