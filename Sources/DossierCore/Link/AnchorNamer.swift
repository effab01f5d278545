import DossierMarkdown

/// Gives every block a readable id that depends only on the block's own text (and
/// on earlier blocks with the same text), so editing one paragraph never moves the
/// anchors of the others: "## Nuclear file" → `nuclear-file`, a paragraph starting
/// "Iran joined the SCO in 2023" → `p-iran-joined-the-sco-in`.
struct AnchorNamer {
    private var used: Set<String> = []
    /// For each base name, the smallest counter not yet tried: 100,000 blocks with
    /// the same text (nested quotes) would otherwise retry every earlier counter.
    private var nextCounter: [String: Int] = [:]

    /// Ids the theme or cmark-gfm use on the same page.
    init(reserved: [String] = []) {
        used = Set(reserved)
    }

    mutating func name(for kind: MarkdownBlock.Kind, text: String) -> String {
        unique(Self.base(for: kind, text: text))
    }

    /// The base name, or the base name with the first free counter: `p-text-2`.
    mutating func unique(_ base: String) -> String {
        guard used.contains(base) else {
            used.insert(base)
            return base
        }
        // Every counter below the remembered one is taken already, since names are never released.
        var counter = nextCounter[base] ?? 2
        while used.contains(base + "-\(counter)") { counter += 1 }
        let candidate = base + "-\(counter)"
        nextCounter[base] = counter + 1
        used.insert(candidate)
        return candidate
    }

    static func base(for kind: MarkdownBlock.Kind, text: String) -> String {
        let words = wordLimit(kind)
        switch kind {
        case .heading: return slug(text, words: words, fallbackPrefix: "section")
        case .paragraph: return "p-" + slug(text, words: words, fallbackPrefix: "")
        case .listItem: return "li-" + slug(text, words: words, fallbackPrefix: "")
        case .table: return "table-" + slug(text, words: words, fallbackPrefix: "")
        case .blockQuote: return "quote-" + slug(text, words: words, fallbackPrefix: "")
        }
    }

    /// The same base name as from the whole text, reading only as much of it as the
    /// name uses when it can: a block's text includes its nested blocks', so each of
    /// a deeply nested block's ancestors holds all of it.
    static func base(for kind: MarkdownBlock.Kind, text: ArraySlice<Unicode.Scalar>) -> String {
        base(for: kind, text: PlainText.string(namingPart(of: text, words: wordLimit(kind))))
    }

    private static func wordLimit(_ kind: MarkdownBlock.Kind) -> Int {
        switch kind {
        case .heading: 8
        case .paragraph, .listItem, .blockQuote: 5
        case .table: 4
        }
    }

    /// The text up to the end of its `words`-th run of characters holding an ASCII
    /// letter or digit, or all of it if it has fewer. Each such run holds at least
    /// one of Slugify's words, so the slug of this part is the slug of the whole.
    /// Text without enough of them (non-Latin scripts) is named by a hash of all of it.
    static func namingPart(of text: ArraySlice<Unicode.Scalar>, words: Int) -> ArraySlice<Unicode.Scalar> {
        var runs = 0, inRun = false
        for index in text.indices {
            let scalar = text[index]
            if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) {
                inRun = true
            } else if scalar.isASCII, scalar != "'" {
                if inRun { runs += 1 }
                inRun = false
                if runs == words { return text[text.startIndex...index] }
            }
        }
        return text
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
