import Synchronization

/// The parts of a build cache entry's linked document that only the pages made again
/// read — its table of contents, its mentions, its search passages, and the table of
/// strings the last two share — kept as the entry's bytes and decoded the first time
/// one is asked for, once, under a lock, then kept. After one edit a cached build
/// renders a handful of pages; decoding these parts of all 12,000 entries at 10,000
/// briefings made about 40 strings and arrays a document that nothing read, and was
/// most of the cached link stage.
///
/// The bytes are those the entry was read from (its shard's pack, `LinkedEntryPack`,
/// or its file's light part), shared, not copied. `CacheDecoder.linkResult` checked
/// every part when it read the entry (lengths, table positions, ranges of the text),
/// and the bytes passed their checksum: decoding them later cannot fail, so a
/// failure is a defect in the coding, never a damaged file (which is a miss).
final class EncodedLinkEntry: Sendable {
    let document: DocumentID
    /// Shared with the document: what its mentions' snippets and its passages quote.
    let textStorage: SpillableText
    private let bytes: [UInt8]
    private let textLength: Int
    private let mentionCount: Int
    private let tableOfContentsPart: Range<Int>
    private let stringsPart: Range<Int>
    private let mentionsPart: Range<Int>
    private let passagesPart: Range<Int>

    private struct Decoded {
        var strings: [String]?
        var tableOfContents: [TableOfContentsEntry]?
        var mentions: [Mention]?
        var passages: [SearchPassage]?
    }

    private let decoded = Mutex(Decoded())

    /// Each part is a range of `bytes`, checked to decode: `tableOfContents`, `strings`,
    /// `mentions` and `passages` as `CacheEncoder.linkResult` writes them, each an array.
    init(bytes: [UInt8], document: DocumentID, textStorage: SpillableText, textLength: Int, mentionCount: Int,
         tableOfContents: Range<Int>, strings: Range<Int>, mentions: Range<Int>, passages: Range<Int>) {
        self.bytes = bytes
        self.document = document
        self.textStorage = textStorage
        self.textLength = textLength
        self.mentionCount = mentionCount
        tableOfContentsPart = tableOfContents
        stringsPart = strings
        mentionsPart = mentions
        passagesPart = passages
    }

    var tableOfContents: [TableOfContentsEntry] {
        decoded.withLock { state in
            if let known = state.tableOfContents { return known }
            let entries = decode(tableOfContentsPart, "table of contents") { decoder in
                try decoder.array { decoder in
                    TableOfContentsEntry(level: try decoder.int(), title: try decoder.string(), anchor: try decoder.string())
                }
            }
            state.tableOfContents = entries
            return entries
        }
    }

    var mentions: [Mention] {
        decoded.withLock { state in
            if let known = state.mentions { return known }
            let origin = MentionOrigin(document: document, textStorage: textStorage, strings: strings(&state))
            let mentions = decode(mentionsPart, "mentions") { decoder in try decoder.mentions(over: origin, textLength: textLength) }
            precondition(mentions.count == mentionCount, "the mentions of \(document) in the build cache do not decode")
            state.mentions = mentions
            return mentions
        }
    }

    var passages: [SearchPassage] {
        decoded.withLock { state in
            if let known = state.passages { return known }
            let table = strings(&state)
            let passages = decode(passagesPart, "search passages") { decoder in try decoder.passages(text: textStorage, table: table) }
            state.passages = passages
            return passages
        }
    }

    var areMentionsDecoded: Bool { decoded.withLock { $0.mentions != nil } }

    var arePassagesDecoded: Bool { decoded.withLock { $0.passages != nil } }

    /// Under the lock: the table of strings the mentions and passages refer to by position.
    private func strings(_ state: inout Decoded) -> [String] {
        if let known = state.strings { return known }
        let strings = decode(stringsPart, "strings") { decoder in try decoder.array { try $0.string() } }
        state.strings = strings
        return strings
    }

    private func decode<Value>(_ part: Range<Int>, _ what: String, _ body: (inout CacheDecoder) throws -> Value) -> Value {
        var decoder = CacheDecoder(bytes, from: part.lowerBound, to: part.upperBound)
        guard let value = try? body(&decoder), decoder.isAtEnd else {
            preconditionFailure("the \(what) of \(document) in the build cache do not decode")
        }
        return value
    }
}
