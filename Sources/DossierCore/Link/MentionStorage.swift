/// A mention's fields as the public API gives them.
struct MentionFields: Sendable, Hashable {
    var actor: String
    var document: DocumentID
    var anchor: String?
    var text: String
    var snippet: MentionSnippet
    var linked: Bool
    var explicit: Bool
    var snippetMatch: Range<Int>
    var otherMatches: [Range<Int>]
    var section: String?
}

/// Where a `Mention` keeps its fields. A linked document's mentions are compact: seven
/// million of them at 100,000 briefings, each a box of about 190 bytes of strings and
/// 64-bit ranges, were 1.2 GB of the peak. A mention made on its own (a test, the
/// linker before it hands the document over) is wide: its fields as given.
enum MentionStorage: Sendable {
    case compact(CompactMention)
    case wide(WideMention)

    var fields: MentionFields {
        switch self {
        case .compact(let mention): mention.fields
        case .wide(let mention): mention.fields
        }
    }

    func isSameBox(as other: MentionStorage) -> Bool {
        switch (self, other) {
        case (.compact(let left), .compact(let right)): left === right
        case (.wide(let left), .wide(let right)): left === right
        default: false
        }
    }
}

final class WideMention: Sendable {
    let fields: MentionFields
    init(_ fields: MentionFields) { self.fields = fields }
}

/// What one document's mentions share, held once for all of them: the document, the
/// text their snippets quote, and each distinct string they name (actor slugs,
/// anchors, section titles, names as written, a snippet that quotes anything else).
final class MentionOrigin: Sendable {
    let document: DocumentID
    /// Shared with the document and its search passages (`SpillableText`).
    let textStorage: SpillableText
    let strings: [String]

    init(document: DocumentID, textStorage: SpillableText, strings: [String]) {
        self.document = document
        self.textStorage = textStorage
        self.strings = strings
    }

    /// The one origin every mention of `mentions` is compact over; nil when there are
    /// none, or when any is wide or over another origin. Read by index: iterating
    /// would copy every mention.
    static func common<Mentions: RandomAccessCollection<Mention>>(to mentions: Mentions) -> MentionOrigin? {
        guard let first = mentions.first, case .compact(let firstMention) = first.storage else { return nil }
        let origin = firstMention.origin
        for index in mentions.indices {
            guard case .compact(let mention) = mentions[index].storage, mention.origin === origin else { return nil }
        }
        return origin
    }

    convenience init(document: DocumentID, text: String, strings: [String]) {
        self.init(document: document, textStorage: SpillableText(text), strings: strings)
    }

    var text: String { textStorage.string }
}

/// A mention as positions in its `MentionOrigin`: 64 bytes where the wide form takes
/// about 190, and the strings it names are shared with the document's other mentions.
final class CompactMention: Sendable {
    /// No string: an anchor or section that is absent, or a snippet quoting the origin's text.
    static let none = UInt32.max

    let origin: MentionOrigin
    let actor: UInt32
    let anchor: UInt32
    let section: UInt32
    let text: UInt32
    let snippetSource: UInt32
    let snippetStart: UInt32
    let snippetEnd: UInt32
    let matchStart: UInt32
    let matchEnd: UInt32
    /// The other matches' bounds laid end to end; empty, which allocates nothing, for
    /// most mentions.
    let otherMatches: [UInt32]
    let flags: Flags

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let linked = Flags(rawValue: 1)
        static let explicit = Flags(rawValue: 2)
        static let cutBefore = Flags(rawValue: 4)
        static let cutAfter = Flags(rawValue: 8)
    }

    init(origin: MentionOrigin, actor: UInt32, anchor: UInt32, section: UInt32, text: UInt32, snippetSource: UInt32,
         snippet: (start: UInt32, end: UInt32), match: (start: UInt32, end: UInt32), otherMatches: [UInt32], flags: Flags) {
        self.origin = origin
        self.actor = actor
        self.anchor = anchor
        self.section = section
        self.text = text
        self.snippetSource = snippetSource
        self.snippetStart = snippet.start
        self.snippetEnd = snippet.end
        self.matchStart = match.start
        self.matchEnd = match.end
        self.otherMatches = otherMatches
        self.flags = flags
    }

    var actorSlug: String { origin.strings[Int(actor)] }
    var anchorString: String? { anchor == Self.none ? nil : origin.strings[Int(anchor)] }
    var sectionTitle: String? { section == Self.none ? nil : origin.strings[Int(section)] }
    var textAsWritten: String { origin.strings[Int(text)] }
    var snippetMatch: Range<Int> { Int(matchStart)..<Int(matchEnd) }

    var quotedSnippet: MentionSnippet {
        MentionSnippet(quoting: snippetSource == Self.none ? .document(origin.textStorage) : .own(origin.strings[Int(snippetSource)]),
                       bytes: Int(snippetStart)..<Int(snippetEnd), cutBefore: flags.contains(.cutBefore), cutAfter: flags.contains(.cutAfter))
    }

    var otherMatchRanges: [Range<Int>] {
        stride(from: 0, to: otherMatches.count - 1, by: 2).map { Int(otherMatches[$0])..<Int(otherMatches[$0 + 1]) }
    }

    var fields: MentionFields {
        MentionFields(actor: actorSlug, document: origin.document, anchor: anchorString, text: textAsWritten, snippet: quotedSnippet,
                      linked: flags.contains(.linked), explicit: flags.contains(.explicit), snippetMatch: snippetMatch,
                      otherMatches: otherMatchRanges, section: sectionTitle)
    }
}

/// Makes a document's mentions compact, sharing one `MentionOrigin` per document.
enum MentionSharing {
    /// `mentions` with the same fields, compact where every range and position fits in
    /// 32 bits. Snippets that quote `string` (compared by identity first, so the usual
    /// case costs nothing) quote `text`, which reads the same; any other source is kept
    /// as a string.
    static func share(_ mentions: [Mention], text: SpillableText, sameAs string: String) -> [Mention] {
        guard !mentions.isEmpty else { return mentions }
        if isShared(mentions, text: text) { return mentions }
        var tables: [Table] = []
        var tableOfDocument: [DocumentID: Int] = [:]
        var planned: [(table: Int, fields: MentionFields, strings: StringPlaces)?] = []
        planned.reserveCapacity(mentions.count)
        for mention in mentions {
            let fields = mention.storage.fields
            guard fits(fields) else {
                planned.append(nil)
                continue
            }
            let table: Int
            if let known = tableOfDocument[fields.document] {
                table = known
            } else {
                table = tables.count
                tableOfDocument[fields.document] = table
                tables.append(Table(document: fields.document))
            }
            let strings = StringPlaces(
                actor: tables[table].position(fields.actor),
                anchor: fields.anchor.map { tables[table].position($0) } ?? CompactMention.none,
                section: fields.section.map { tables[table].position($0) } ?? CompactMention.none,
                text: tables[table].position(fields.text),
                snippetSource: fields.snippet.quoting.isText(text, sameAs: string) ? CompactMention.none : tables[table].position(fields.snippet.source))
            planned.append((table, fields, strings))
        }
        guard tables.allSatisfy({ $0.strings.count < Int(CompactMention.none) }) else { return mentions }
        let origins = tables.map { MentionOrigin(document: $0.document, textStorage: text, strings: $0.strings) }
        return zip(mentions, planned).map { mention, plan in
            guard let plan else { return mention }
            return compact(plan.fields, origin: origins[plan.table], strings: plan.strings)
        }
    }

    /// Where a mention's strings are in its origin's table (`CompactMention.none` for none).
    fileprivate struct StringPlaces {
        var actor: UInt32
        var anchor: UInt32
        var section: UInt32
        var text: UInt32
        var snippetSource: UInt32
    }

    /// `fields` as a compact mention over `origin`, its strings at `strings` in its table.
    fileprivate static func compact(_ fields: MentionFields, origin: MentionOrigin, strings: StringPlaces) -> Mention {
        var flags: CompactMention.Flags = []
        if fields.linked { flags.insert(.linked) }
        if fields.explicit { flags.insert(.explicit) }
        if fields.snippet.cutBefore { flags.insert(.cutBefore) }
        if fields.snippet.cutAfter { flags.insert(.cutAfter) }
        var others: [UInt32] = []
        if !fields.otherMatches.isEmpty {
            others.reserveCapacity(2 * fields.otherMatches.count)
            for range in fields.otherMatches {
                others.append(UInt32(range.lowerBound))
                others.append(UInt32(range.upperBound))
            }
        }
        return Mention(storage: .compact(CompactMention(
            origin: origin, actor: strings.actor, anchor: strings.anchor, section: strings.section, text: strings.text,
            snippetSource: strings.snippetSource,
            snippet: (UInt32(fields.snippet.bytes.lowerBound), UInt32(fields.snippet.bytes.upperBound)),
            match: (UInt32(fields.snippetMatch.lowerBound), UInt32(fields.snippetMatch.upperBound)), otherMatches: others, flags: flags)))
    }

    /// `share` over a text object of its own: for mentions whose document holds none.
    static func share(_ mentions: [Mention], text: String) -> [Mention] {
        share(mentions, text: SpillableText(text), sameAs: text)
    }

    /// The text object of `mentions` when they are compact over one origin whose text
    /// reads `string`, as the build cache decodes an entry's mentions: the document
    /// then shares it rather than holding a second one.
    static func sharedText(of mentions: [Mention], sameAs string: String) -> SpillableText? {
        guard let first = mentions.first, case .compact(let compact) = first.storage, compact.origin.text == string,
              isShared(mentions, text: compact.origin.textStorage)
        else { return nil }
        return compact.origin.textStorage
    }

    /// Whether `mentions` are already compact over one origin that quotes `text`.
    private static func isShared(_ mentions: [Mention], text: SpillableText) -> Bool {
        MentionOrigin.common(to: mentions)?.textStorage === text
    }

    /// Whether every range lies in 0..<`CompactMention.none`: a document of more than
    /// 4 GiB keeps its mentions wide rather than cut.
    fileprivate static func fits(_ fields: MentionFields) -> Bool {
        func fits(_ range: Range<Int>) -> Bool { range.lowerBound >= 0 && range.upperBound < Int(CompactMention.none) }
        return fits(fields.snippet.bytes) && fits(fields.snippetMatch) && fields.otherMatches.allSatisfy(fits)
    }

    fileprivate struct Table {
        let document: DocumentID
        var strings: [String] = []
        var positions: [String: UInt32] = [:]

        init(document: DocumentID) { self.document = document }

        mutating func position(_ string: String) -> UInt32 {
            if let known = positions[string] { return known }
            let position = UInt32(truncatingIfNeeded: strings.count)
            positions[string] = position
            strings.append(string)
            return position
        }
    }
}

/// One document's mentions made compact as the linker finds them: the mentions, the
/// table of strings and the text object `MentionSharing.share` would make of the same
/// mentions, without first making each one wide and then hashing its four strings
/// again. A mention's actor, anchor and section are found in the table by the actor's
/// and the block's numbers, which name the same string every time.
struct CompactMentionsBuilder {
    private let document: DocumentID
    private let text: SpillableText
    private let string: String
    private var table: MentionSharing.Table
    private var planned: [(fields: MentionFields, strings: MentionSharing.StringPlaces?)] = []
    private var actorPositions: [Int: UInt32] = [:]
    private var anchorPositions: [Int: UInt32] = [:]
    private var sectionPositions: [Int: UInt32] = [:]

    /// Mentions in `document` whose snippets quote `text`, which reads `string`.
    init(document: DocumentID, text: SpillableText, sameAs string: String) {
        self.document = document
        self.text = text
        self.string = string
        table = MentionSharing.Table(document: document)
    }

    /// Adds a mention of `fields` (whose document is this builder's) naming the actor
    /// numbered `actor`, in the block numbered `block`, if any.
    mutating func add(_ fields: MentionFields, actor: Int, block: Int?) {
        guard MentionSharing.fits(fields) else {
            planned.append((fields, nil))
            return
        }
        func position(_ string: String, known: inout [Int: UInt32], key: Int?) -> UInt32 {
            guard let key else { return table.position(string) }
            if let position = known[key] { return position }
            let position = table.position(string)
            known[key] = position
            return position
        }
        let strings = MentionSharing.StringPlaces(
            actor: position(fields.actor, known: &actorPositions, key: actor),
            anchor: fields.anchor.map { position($0, known: &anchorPositions, key: block) } ?? CompactMention.none,
            section: fields.section.map { position($0, known: &sectionPositions, key: block) } ?? CompactMention.none,
            text: table.position(fields.text),
            snippetSource: fields.snippet.quoting.isText(text, sameAs: string) ? CompactMention.none : table.position(fields.snippet.source))
        planned.append((fields, strings))
    }

    /// The mentions added, in order.
    var mentions: [Mention] {
        guard table.strings.count < Int(CompactMention.none) else {
            return planned.map { Mention(storage: .wide(WideMention($0.fields))) }
        }
        let origin = MentionOrigin(document: document, textStorage: text, strings: table.strings)
        return planned.map { fields, strings in
            guard let strings else { return Mention(storage: .wide(WideMention(fields))) }
            return MentionSharing.compact(fields, origin: origin, strings: strings)
        }
    }
}
