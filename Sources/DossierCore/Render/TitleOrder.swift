import Foundation

/// The order of titles on index pages: as a reader looks for them, not by slug.
/// Case, accents and letter widths are folded and digit runs compare as numbers
/// ("Côte d’Ivoire" beside "Cuba", "Resolution 598" before "Resolution 2231"),
/// with no locale, so every machine sorts the same site the same way.
enum TitleOrder {
    static func key(_ title: String) -> String {
        title.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// `items` by title; `tie` (a slug, a URL) decides between equal titles, so the
    /// order is total. Keys are folded once per item, not once per comparison.
    static func sorted<Item>(_ items: [Item], title: (Item) -> String, tie: (Item) -> String) -> [Item] {
        let keyed = items.map { (item: $0, key: key(title($0)), title: title($0), tie: tie($0)) }
        return keyed.sorted { left, right in
            switch left.key.compare(right.key, options: [.numeric]) {
            case .orderedAscending: true
            case .orderedDescending: false
            case .orderedSame: (left.title, left.tie) < (right.title, right.tie)
            }
        }.map(\.item)
    }
}
