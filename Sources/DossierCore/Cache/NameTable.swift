/// Everything the linker reads from the entity index, as sorted lines: the names
/// the matcher looks for (and their actors), the phrases it ignores, whether case
/// counts, and each actor's title (every link to the actor shows it). Comparing two
/// tables says which names changed, so a changed alias re-links only the documents
/// that contain the old or the new name.
struct NameTable: Equatable {
    let entries: [String]
    let key: String

    init(entries: [String]) {
        self.entries = entries
        var hasher = StableHasher()
        for entry in entries { hasher.combine(entry) }
        key = hasher.finalize()
    }

    init(index: EntityIndex, linking: LinkingConfig) {
        var entries = ["case\u{0}\(linking.caseSensitive)"]
        for actor in index.actors {
            entries.append("title\u{0}\(actor.slug)\u{0}\(actor.title)")
            guard actor.autolink else { continue }
            for name in [actor.title] + actor.aliases.map(\.value) {
                entries.append("name\u{0}\(actor.slug)\u{0}\(name)")
            }
        }
        for phrase in linking.ignore { entries.append("ignore\u{0}\u{0}\(phrase)") }
        self.init(entries: Array(Set(entries)).sorted())
    }

    /// What differs between `old` and `self`; nil when a change (of case
    /// sensitivity) can affect every document.
    func changes(since old: [String]) -> NameChanges? {
        let differing = Set(entries).symmetricDifference(old)
        var changes = NameChanges()
        for entry in differing {
            let parts = entry.split(separator: "\u{0}", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 else { return nil }
            switch parts[0] {
            case "name", "ignore":
                changes.names.insert(parts[2])
                if !parts[1].isEmpty { changes.actors.insert(parts[1]) }
            case "title":
                changes.actors.insert(parts[1])
                changes.retitled.insert(parts[1])
            default:
                return nil
            }
        }
        return changes
    }
}

struct NameChanges {
    /// Names (and ignored phrases) added or removed.
    var names: Set<String> = []
    /// Actors whose names or title changed.
    var actors: Set<String> = []
    /// Actors whose title changed: every link to them shows it as its title.
    var retitled: Set<String> = []
}
