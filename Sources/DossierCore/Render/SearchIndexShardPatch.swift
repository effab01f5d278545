/// The postings a few documents changed, applied to the previous build's term shards:
/// only the shards that hold (or will hold) a changed term are read, and the shards
/// after them are cut again only as far as the cuts differ from the previous ones.
///
/// The cuts between shards depend only on the terms from the previous cut on
/// (`SearchIndex.ShardCutter`), so cutting again from the first term of the first shard
/// that changed gives the cuts a clean build gives; once a cut falls where the previous
/// build's fell, at the same shard number, every shard up to the next changed one is
/// the previous one, byte for byte, and is not opened.
struct SearchIndexShardPatch: Sendable {
    /// One document's posting under one term: the field it had in the previous build
    /// and has now (nil: the document did not or does not hold the term).
    struct Change: Sendable, Equatable {
        var number: Int
        var before: SearchIndex.Field?
        var after: SearchIndex.Field?
    }

    /// The changes by term; a term whose postings stay the same is not here.
    private(set) var changes: [String: [Change]] = [:]

    init() {}

    /// The difference between a document's terms before and now (`SearchIndex.termFields`).
    mutating func add(number: Int, before: [(term: String, field: SearchIndex.Field)], after: [(term: String, field: SearchIndex.Field)]) {
        let old = Dictionary(before, uniquingKeysWith: max), new = Dictionary(after, uniquingKeysWith: max)
        for (term, field) in old where new[term] != field {
            changes[term, default: []].append(Change(number: number, before: field, after: new[term]))
        }
        for (term, field) in new where old[term] == nil {
            changes[term, default: []].append(Change(number: number, before: nil, after: field))
        }
    }

    var isEmpty: Bool { changes.isEmpty }

    /// The shard `term` belongs in: the last one whose first term is not after it (the
    /// first, for a term before all of them), as `search.js` looks terms up.
    static func shard(of term: String, firstTerms: [String]) -> Int {
        var low = 0, high = firstTerms.count
        // The first shard whose first term is after `term`.
        while low < high {
            let middle = (low + high) / 2
            if term.utf16.lexicographicallyPrecedes(firstTerms[middle].utf16) {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return max(low - 1, 0)
    }

    /// The shards the changes touch, by number, before cutting again.
    func touchedShards(firstTerms: [String]) -> [Int] {
        Set(changes.keys.map { Self.shard(of: $0, firstTerms: firstTerms) }).sorted()
    }

    /// The shards that differ from the previous build's, by number, with their entries;
    /// every other shard is the previous one. `readShard` hands over a previous shard's
    /// entries (nil: it cannot be read). Nil when the patch cannot be applied: a shard
    /// unreadable, a posting not as `before` says, or the number of shards changing
    /// (every later shard's name would change: the index is made whole then).
    func apply(firstTerms: [String], readShard: (Int) -> [SearchIndex.Postings]?) -> [Int: [SearchIndex.Postings]]? {
        let shardCount = firstTerms.count
        guard shardCount > 0 else { return nil }
        var termsByShard: [Int: [String]] = [:]
        for term in changes.keys { termsByShard[Self.shard(of: term, firstTerms: firstTerms), default: []].append(term) }
        let touched = termsByShard.keys.sorted()
        guard let first = touched.first else { return [:] }

        var made: [Int: [SearchIndex.Postings]] = [:]
        var cutter = SearchIndex.ShardCutter()
        var number = first, previous = first
        var nextTouched = 1
        while true {
            guard var entries = readShard(previous) else { return nil }
            if let terms = termsByShard[previous] {
                guard let patched = patch(entries, terms: terms) else { return nil }
                entries = patched
            }
            for entry in entries {
                if let shard = cutter.add(entry) {
                    made[number] = shard
                    number += 1
                }
            }
            if previous == shardCount - 1 {
                if !cutter.current.isEmpty || number == 0 {
                    made[number] = cutter.current
                    number += 1
                }
                return number == shardCount ? made : nil
            }
            if cutter.current.isEmpty {
                // A cut where the previous build cut, at the same number: the shards up to
                // the next touched one are the previous build's.
                guard number == previous + 1 else { return nil }
                while nextTouched < touched.count, touched[nextTouched] <= previous { nextTouched += 1 }
                guard nextTouched < touched.count else { return made }
                previous = touched[nextTouched]
                number = previous
            } else {
                previous += 1
            }
        }
    }

    /// A previous shard's entries with the changes to `terms` made; nil if a posting
    /// it should hold is not there as `before` says.
    private func patch(_ entries: [SearchIndex.Postings], terms: [String]) -> [SearchIndex.Postings]? {
        var entries = entries
        var positions: [String: Int] = [:]
        for (position, entry) in entries.enumerated() where changes[entry.term] != nil { positions[entry.term] = position }
        var added: [SearchIndex.Postings] = []
        for term in terms {
            let termChanges = changes[term]!
            if let position = positions[term] {
                guard let packed = Self.patch(entries[position].packed, termChanges) else { return nil }
                entries[position].packed = packed
            } else {
                guard termChanges.allSatisfy({ $0.before == nil }), let packed = Self.patch([], termChanges) else { return nil }
                added.append(SearchIndex.Postings(term: term, packed: packed))
            }
        }
        entries.removeAll { $0.packed.isEmpty }
        added.removeAll { $0.packed.isEmpty }
        guard !added.isEmpty else { return entries }
        added.sort { $0.term.utf16.lexicographicallyPrecedes($1.term.utf16) }
        return SearchIndexPostings.merge(entries, added)
    }

    /// One term's document list with `changes` made, still ascending.
    private static func patch(_ packed: [UInt32], _ changes: [Change]) -> [UInt32]? {
        var packed = packed
        for change in changes {
            let start = packed.partitioningIndex { Int($0 >> 2) >= change.number }
            let holds = start < packed.count && Int(packed[start] >> 2) == change.number
            switch change.before {
            case nil:
                guard !holds else { return nil }
            case let field?:
                guard holds, packed[start] == SearchIndex.pack(change.number, field) else { return nil }
                packed.remove(at: start)
            }
            if let after = change.after { packed.insert(SearchIndex.pack(change.number, after), at: start) }
        }
        return packed
    }
}

extension Array {
    /// The first index whose element `belongs` to the upper part, in an array that
    /// holds all its lower part first.
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}
