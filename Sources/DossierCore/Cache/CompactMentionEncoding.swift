/// A linked document's mentions written into its cache entry from their compact form
/// (`CompactMention`), the bytes `mention(_:text:table:)` writes for the same mentions.
/// Each string a mention names is a place in its origin's table, which holds it once:
/// the entry's table position of each place is looked up the first time the place is
/// met and then read from an array, so a document's strings are hashed once each, not
/// five times per mention, and no mention's strings are copied out and retained.
struct CompactMentionEncoding {
    private let origin: MentionOrigin
    private let text: String
    /// The entry table's position of each of the origin's strings; -1 until first asked.
    private var positions: [Int]
    private var documentKind = -1
    private var documentSlug = -1
    /// Whether a snippet quoting the origin's text quotes the document's (the same object
    /// for a linked document: the entry then writes no source of its own).
    private let originQuotesText: Bool

    /// For the mentions over `origin` of a document whose text is `text`.
    init(origin: MentionOrigin, text: String) {
        self.origin = origin
        self.text = text
        positions = Array(repeating: -1, count: origin.strings.count)
        originQuotesText = origin.text == text
    }

    /// Writes `mention` as `CacheEncoder.mention` would, asking `table` for positions in
    /// the same order, so the table and the bytes are the same.
    mutating func encode(_ mention: CompactMention, into encoder: inout CacheEncoder, table: inout CacheEncoder.StringTable) {
        encoder.int(position(mention.actor, table: &table))
        if documentKind < 0 { documentKind = table.position(origin.document.kind.rawValue) }
        encoder.int(documentKind)
        if documentSlug < 0 { documentSlug = table.position(origin.document.slug) }
        encoder.int(documentSlug)
        encoder.int(mention.anchor == CompactMention.none ? -1 : position(mention.anchor, table: &table))
        encoder.int(position(mention.text, table: &table))
        if mention.snippetSource == CompactMention.none {
            encoder.bool(originQuotesText)
            if !originQuotesText { encoder.string(origin.text) }
        } else {
            let source = origin.strings[Int(mention.snippetSource)]
            let quotesText = source == text
            encoder.bool(quotesText)
            if !quotesText { encoder.string(source) }
        }
        encoder.int(Int(mention.snippetStart))
        encoder.int(Int(mention.snippetEnd))
        encoder.bool(mention.flags.contains(.cutBefore))
        encoder.bool(mention.flags.contains(.cutAfter))
        encoder.bool(mention.flags.contains(.linked))
        encoder.bool(mention.flags.contains(.explicit))
        encoder.int(Int(mention.matchStart))
        encoder.int(Int(mention.matchEnd))
        // As `CompactMention.otherMatchRanges` pairs them.
        let bounds = mention.otherMatches
        encoder.int(bounds.count / 2)
        for index in stride(from: 0, to: bounds.count - 1, by: 2) {
            encoder.int(Int(bounds[index]))
            encoder.int(Int(bounds[index + 1]))
        }
        encoder.int(mention.section == CompactMention.none ? -1 : position(mention.section, table: &table))
    }

    private mutating func position(_ place: UInt32, table: inout CacheEncoder.StringTable) -> Int {
        let index = Int(place)
        if positions[index] < 0 { positions[index] = table.position(origin.strings[index]) }
        return positions[index]
    }
}
