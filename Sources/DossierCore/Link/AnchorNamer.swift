import DossierMarkdown
import Foundation

/// Gives every block a readable id that depends only on the block's own text (and
/// on earlier blocks with the same text), so editing one paragraph never moves the
/// anchors of the others: "## Nuclear file" → `nuclear-file`, a paragraph starting
/// "Iran joined the SCO in 2023" → `p-iran-joined-the-sco-in`.
struct AnchorNamer {
    private var used: Set<String> = []

    /// Ids the theme or cmark-gfm use on the same page.
    init(reserved: [String] = []) {
        used = Set(reserved)
    }

    mutating func name(for kind: MarkdownBlock.Kind, text: String) -> String {
        let base: String
        switch kind {
        case .heading: base = Self.slug(text, words: 8, fallbackPrefix: "section")
        case .paragraph: base = "p-" + Self.slug(text, words: 5, fallbackPrefix: "")
        case .listItem: base = "li-" + Self.slug(text, words: 5, fallbackPrefix: "")
        case .table: base = "table-" + Self.slug(text, words: 4, fallbackPrefix: "")
        case .blockQuote: base = "quote-" + Self.slug(text, words: 5, fallbackPrefix: "")
        }
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = base + "-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// Lowercase ASCII words joined by '-'; text with no Latin letters gets a short
    /// hash of itself instead, which is just as stable.
    static func slug(_ text: String, words: Int, fallbackPrefix: String) -> String {
        // Foundation's folding is slow on Linux; most text is ASCII and needs only lowercasing.
        let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased()
            : text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var parts: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue
            } else if !current.isEmpty {
                parts.append(current)
                current = ""
                if parts.count == words { break }
            }
        }
        if !current.isEmpty, parts.count < words { parts.append(current) }
        if parts.isEmpty {
            var hash: UInt32 = 2_166_136_261
            for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            let hex = String(hash, radix: 16)
            return (fallbackPrefix.isEmpty ? "" : fallbackPrefix + "-") + String(repeating: "0", count: 8 - hex.count) + hex
        }
        return parts.joined(separator: "-")
    }
}
