import Foundation

/// The link memo entries found still valid under a names table other than the one
/// their files name (`LinkMemo.reuseUnaffected`, after an alias change): entry key →
/// the names key in the file, kept beside the names table so that later builds reuse
/// them without scanning every document's text for the changed names again. An
/// entry counts only while its file still names the same table.
extension BuildCache {
    func revalidatedEntries(namesKey: String) -> [String: String] {
        guard var decoder = memo(kind: "revalidated", name: namesKey),
              let keys = try? decoder.array({ try $0.string() }), let onDisk = try? decoder.array({ try $0.string() }),
              keys.count == onDisk.count, decoder.isAtEnd
        else { return [:] }
        return Dictionary(zip(keys, onDisk), uniquingKeysWith: { first, _ in first })
    }

    /// Replaces the table for `namesKey`; an empty one removes it.
    func storeRevalidatedEntries(_ entries: [String: String], namesKey: String) {
        guard let folder else { return }
        guard !entries.isEmpty else {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("revalidated").appendingPathComponent(namesKey))
            return
        }
        let keys = entries.keys.sorted()
        var encoder = CacheEncoder()
        encoder.array(keys) { $0.string($1) }
        encoder.array(keys.map { entries[$0]! }) { $0.string($1) }
        storeMemo(encoder, kind: "revalidated", name: namesKey)
    }
}
