import Foundation

/// The one way Dossier turns text into URL-safe words: diacritics folded, lowercase,
/// apostrophes dropped ("Côte d’Ivoire" → ["cote", "divoire"]), every other
/// character a separator. Tags, block anchors and scaffolded file names use it.
enum Slugify {
    static func words(_ text: String, limit: Int = .max) -> [String] {
        // Foundation's folding is slow on Linux; most text is ASCII and needs only lowercasing.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(text, limit: limit) }
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
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

    /// `words` of ASCII text, read as bytes: lowercasing a copy and appending its
    /// scalars one by one to each word cost every block its anchor's worth of time.
    private static func asciiWords(_ text: String, limit: Int) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var words: [String] = []
            var current: [UInt8] = []
            for byte in bytes {
                let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
                if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) {
                    current.append(lower)
                } else if lower == UInt8(ascii: "'") {
                    continue
                } else if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                    if words.count == limit { return words }
                }
            }
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            return words
        }
    }

    /// Words joined by '-': "Nuclear Deal" → "nuclear-deal".
    static func slug(_ text: String) -> String {
        words(text).joined(separator: "-")
    }
}
