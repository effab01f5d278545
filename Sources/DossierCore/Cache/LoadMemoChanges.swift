import Foundation

/// The load memo as two files: the whole file of records (`BuildCache.loadRecordsFile`,
/// 7 MB at 10,000 briefings) and a small file of what changed since it was written —
/// the records of the files edited or added since, and the paths removed — naming the
/// checksum of the whole file it amends. A build after one edit writes the small file
/// only; the whole file is written again once the changes outgrow `changesLimit`.
/// Changes that name another whole file (one written since by another build) or that
/// do not read back whole are ignored: the files they recorded are then read again and
/// hashed, never taken on a stale record.
struct LoadMemoChanges: Sendable {
    /// The records by path, with the changes applied.
    var records: [String: LoadMemo.Record] = [:]
    /// The whole file's checksum and paths; nil when there is no whole file.
    var baseChecksum: UInt64?
    var basePaths: Set<String> = []
    /// The paths the changes file holds records of.
    var changedPaths: Set<String> = []

    /// Changes kept beside the whole file, at most: a sixteenth of the records, or 64.
    static func changesLimit(recordCount: Int) -> Int { max(64, recordCount / 16) }
}

extension BuildCache {
    func loadMemo(root: URL) -> LoadMemoChanges {
        guard let (base, checksum) = loadRecordsFile(root: root) else { return LoadMemoChanges() }
        var memo = LoadMemoChanges()
        memo.baseChecksum = checksum
        memo.records = Dictionary(base.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        memo.basePaths = Set(memo.records.keys)
        let name = Self.loadMemoName(root)
        guard let bytes = read(loadChangesFile(name)), var decoder = Self.open(bytes, kind: "loaded-changes", key: name),
              (try? decoder.string()) == BuildIdentity.current, (try? decoder.string()) == String(checksum),
              let removed = try? decoder.array({ try $0.string() }), let changed = try? decoder.loadRecords(root: root), decoder.isAtEnd
        else { return memo }
        for path in removed { memo.records[path] = nil }
        for record in changed {
            memo.records[record.path] = record
            memo.changedPaths.insert(record.path)
        }
        return memo
    }

    /// Stores `records` (every file's, in listing order), of which those at `changed`
    /// differ from `previous`: as changes to the whole file while they are few, else
    /// as a new whole file. Nothing is written when nothing changed.
    func storeLoadMemo(_ records: [LoadMemo.Record], changed: Set<String>, previous: LoadMemoChanges, root: URL) {
        guard folder != nil else { return }
        let current = Set(records.map(\.path))
        guard !changed.isEmpty || current != Set(previous.records.keys) else { return }
        let name = Self.loadMemoName(root)
        let changedSinceBase = previous.changedPaths.intersection(current).union(changed)
        let removed = previous.basePaths.subtracting(current)
        guard let checksum = previous.baseChecksum,
              changedSinceBase.count + removed.count <= LoadMemoChanges.changesLimit(recordCount: records.count)
        else {
            storeLoadRecordsFile(records, root: root)
            if let file = loadChangesFile(name) { try? FileManager.default.removeItem(at: file) }
            return
        }
        var encoder = Self.header(kind: "loaded-changes", key: name)
        encoder.string(BuildIdentity.current)
        encoder.string(String(checksum))
        encoder.array(removed.sorted()) { $0.string($1) }
        encoder.loadRecords(records.filter { changedSinceBase.contains($0.path) })
        write(encoder, to: loadChangesFile(name))
    }

    private func loadChangesFile(_ name: String) -> URL? {
        folder?.appendingPathComponent("loaded").appendingPathComponent(name + ".changes")
    }
}
