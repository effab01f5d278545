import Foundation

/// The one way Dossier turns text into URL-safe words: diacritics folded, lowercase,
/// apostrophes dropped ("Côte d’Ivoire" → ["cote", "divoire"]), every other
/// character a separator. Tags, block anchors and scaffolded file names use it.
enum Slugify {
    static func words(_ text: String, limit: Int = .max) -> [String] {
        // Foundation's folding is slow on Linux; most text is ASCII and needs only lowercasing.
        let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased()
            : text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
                if words.count == limit { return words }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Words joined by '-': "Nuclear Deal" → "nuclear-deal".
    static func slug(_ text: String) -> String {
        words(text).joined(separator: "-")
    }
}
