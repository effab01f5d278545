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
    /// The records with the changes applied, in the order of their paths: the
    /// listing's order, so that the load memo finds each file's record at the file's
    /// own position without a dictionary of 12,000 records (`LoadMemo.load`).
    var ordered: [LoadMemo.Record] = []
    /// The whole file's checksum; nil when there is no whole file.
    var baseChecksum: UInt64?
    /// The whole file's records, in its order (shared with `ordered` when nothing changed).
    var base: [LoadMemo.Record] = []
    /// The paths the changes file holds records of.
    var changedPaths: Set<String> = []

    /// The records by path.
    var records: [String: LoadMemo.Record] {
        Dictionary(ordered.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Made only when the memo is stored again: a build that changed nothing needs none.
    var basePaths: Set<String> { Set(base.lazy.map(\.path)) }

    /// Changes kept beside the whole file, at most: a sixteenth of the records, or 64.
    static func changesLimit(recordCount: Int) -> Int { max(64, recordCount / 16) }
}

extension LoadMemoChanges {
    /// `base` (sorted by path) with each changed record in place of its path's and the
    /// removed paths left out, still sorted by path; one record per path.
    static func applying(_ changed: [LoadMemo.Record], removing removed: [String], to base: [LoadMemo.Record]) -> [LoadMemo.Record] {
        guard !changed.isEmpty || !removed.isEmpty else { return base }
        var replacements = Dictionary(changed.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
        let removedPaths = Set(removed)
        var seen: Set<String> = []
        var result: [LoadMemo.Record] = []
        result.reserveCapacity(base.count + replacements.count)
        for record in base where !removedPaths.contains(record.path) && seen.insert(record.path).inserted {
            result.append(replacements.removeValue(forKey: record.path) ?? record)
        }
        guard !replacements.isEmpty else { return result }
        result += replacements.values
        result.sort { $0.path < $1.path }
        return result
    }
}

extension BuildCache {
    func loadMemo(root: URL) -> LoadMemoChanges {
        guard let (base, checksum) = loadRecordsFile(root: root) else { return LoadMemoChanges() }
        var memo = LoadMemoChanges()
        memo.baseChecksum = checksum
        memo.ordered = base
        memo.base = base
        let name = Self.loadMemoName(root)
        guard let bytes = read(loadChangesFile(name)), var decoder = Self.open(bytes, kind: "loaded-changes", key: name),
              (try? decoder.string()) == BuildIdentity.current, (try? decoder.string()) == String(checksum),
              let removed = try? decoder.array({ try $0.string() }), let changed = try? decoder.loadRecords(root: root), decoder.isAtEnd
        else { return memo }
        memo.ordered = LoadMemoChanges.applying(changed, removing: removed, to: base)
        memo.changedPaths = Set(changed.map(\.path))
        return memo
    }

    /// Stores `records` (every file's, in listing order), of which those at `changed`
    /// differ from `previous`: as changes to the whole file while they are few, else
    /// as a new whole file. Nothing is written when nothing changed. `sameFiles`: the
    /// records are known to be of `previous`'s paths, in its order.
    func storeLoadMemo(_ records: [LoadMemo.Record], changed: Set<String>, previous: LoadMemoChanges, sameFiles: Bool = false, root: URL) {
        guard folder != nil else { return }
        // Both in the listing's order: the same paths are the same list.
        guard !changed.isEmpty || !(sameFiles || records.map(\.path).elementsEqual(previous.ordered.map(\.path))) else { return }
        let current = Set(records.map(\.path))
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
