import DossierMarkdown

/// Gives every block a readable id that depends only on the block's own text (and
/// on earlier blocks with the same text), so editing one paragraph never moves the
/// anchors of the others: "## Nuclear file" → `nuclear-file`, a paragraph starting
/// "Iran joined the SCO in 2023" → `p-iran-joined-the-sco-in`.
struct AnchorNamer {
    private var used: Set<String> = []
    /// The next suffix to try for each base: probing from 2 every time made 10,000
    /// blocks with the same text take 17 s (quadratic; found while fuzzing).
    private var nextSuffix: [String: Int] = [:]

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
        var counter = nextSuffix[base] ?? 2
        while used.contains(candidate) {
            candidate = base + "-\(counter)"
            counter += 1
        }
        nextSuffix[base] = counter
        used.insert(candidate)
        return candidate
    }

    /// Up to `words` slug words joined by '-'; text with no Latin letters or digits
    /// gets a short hash of itself instead, which is just as stable.
    static func slug(_ text: String, words: Int, fallbackPrefix: String) -> String {
        let parts = Slugify.words(text, limit: words)
        if parts.isEmpty {
            var hash: UInt32 = 2_166_136_261
            for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            let hex = String(hash, radix: 16)
            return (fallbackPrefix.isEmpty ? "" : fallbackPrefix + "-") + String(repeating: "0", count: 8 - hex.count) + hex
        }
        return parts.joined(separator: "-")
    }
}
