/// Entries of one of the model's lists by slug, as positions into the list itself:
/// building it copies no entry (a `BriefingModel` is large), which matters when
/// `dossier serve` builds contexts for a single page of a big site.
struct SlugLookup<Entry> {
    private let positions: [String: Int]
    private let entries: [Entry]

    /// The first entry of each slug.
    init(_ entries: [Entry], slug: (Entry) -> String) {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(entries.count)
        // By index, not by element: iterating would copy every entry.
        for position in entries.indices {
            let key = slug(entries[position])
            if positions[key] == nil { positions[key] = position }
        }
        self.positions = positions
        self.entries = entries
    }

    subscript(_ slug: String) -> Entry? {
        positions[slug].map { entries[$0] }
    }

    /// What `read` takes of the entry of `slug`, the entry read where it lies. The
    /// subscript copies the whole entry, retaining and releasing each of its fields (1 %
    /// of a 10,000-briefing build's `swift_retain` was `BriefingModel`'s copy), where
    /// the pages' chips, links and languages read one field or two. `entries[position]`
    /// passed on still copied it (`Array.withElement(at:_:)`).
    func read<Value>(_ slug: String, _ read: (Entry) -> Value) -> Value? {
        guard let position = positions[slug] else { return nil }
        return entries.withElement(at: position, read)
    }

    /// What `read` takes of the entry at `position` (from `position(of:)`), read where it lies.
    func read<Value>(at position: Int, _ read: (Entry) -> Value) -> Value {
        entries.withElement(at: position, read)
    }

    /// Where the entry of `slug` is in the list.
    func position(of slug: String) -> Int? { positions[slug] }
}

extension SlugLookup: Sendable where Entry: Sendable {}
