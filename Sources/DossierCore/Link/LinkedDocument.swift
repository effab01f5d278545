import Foundation

/// Which collection a Markdown document belongs to.
public struct DocumentID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Comparable {
        case briefing, actor, page
        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var kind: Kind
    public var slug: String

    public init(_ kind: Kind, _ slug: String) {
        self.kind = kind
        self.slug = slug
    }

    public static func < (lhs: DocumentID, rhs: DocumentID) -> Bool {
        (lhs.kind, lhs.slug) < (rhs.kind, rhs.slug)
    }

    public var description: String { "\(kind.rawValue)/\(slug)" }
}

/// One occurrence of an actor in a document's prose, linked or not.
///
/// A value type whose fields live in one shared, immutable box: the model lists every
/// mention again by actor and by document, and a copy is then a reference (8 bytes).
/// A linked document's mentions are compact (`MentionStorage`): integers into strings
/// the document's mentions share. Setting a field makes a new box.
public struct Mention: Sendable, Hashable {
    public init(
        actor: String, document: DocumentID, anchor: String? = nil, text: String, snippet: String, linked: Bool, explicit: Bool,
        snippetMatch: Range<Int> = 0..<0, otherMatches: [Range<Int>] = [], section: String? = nil
    ) {
        self.init(actor: actor, document: document, anchor: anchor, text: text, quoting: MentionSnippet(snippet), linked: linked,
                  explicit: explicit, snippetMatch: snippetMatch, otherMatches: otherMatches, section: section)
    }

    /// With the snippet as a range of the document's text, made into a string only
    /// where it is shown.
    init(
        actor: String, document: DocumentID, anchor: String?, text: String, quoting snippet: MentionSnippet, linked: Bool, explicit: Bool,
        snippetMatch: Range<Int>, otherMatches: [Range<Int>], section: String?
    ) {
        storage = .wide(WideMention(MentionFields(
            actor: actor, document: document, anchor: anchor, text: text, snippet: snippet, linked: linked,
            explicit: explicit, snippetMatch: snippetMatch, otherMatches: otherMatches, section: section)))
    }

    init(storage: MentionStorage) { self.storage = storage }

    public var actor: String {
        get {
            switch storage {
            case .compact(let mention): mention.actorSlug
            case .wide(let mention): mention.fields.actor
            }
        }
        set { update { $0.actor = newValue } }
    }
    public var document: DocumentID {
        get {
            switch storage {
            case .compact(let mention): mention.origin.document
            case .wide(let mention): mention.fields.document
            }
        }
        set { update { $0.document = newValue } }
    }
    /// The id of the innermost block (paragraph, list item, table, quote, heading).
    public var anchor: String? {
        get {
            switch storage {
            case .compact(let mention): mention.anchorString
            case .wide(let mention): mention.fields.anchor
            }
        }
        set { update { $0.anchor = newValue } }
    }
    /// The text as written: "Tehran", "Iran's" without the possessive.
    public var text: String {
        get {
            switch storage {
            case .compact(let mention): mention.textAsWritten
            case .wide(let mention): mention.fields.text
            }
        }
        set { update { $0.text = newValue } }
    }
    /// About 200 characters of the block around the mention, cut at word boundaries.
    /// Made from the document's text each time it is read.
    public var snippet: String {
        get { quotedSnippet.string }
        set { update { $0.snippet = MentionSnippet(newValue) } }
    }
    /// Where `snippet` lies, for the build cache.
    var quotedSnippet: MentionSnippet {
        switch storage {
        case .compact(let mention): mention.quotedSnippet
        case .wide(let mention): mention.fields.snippet
        }
    }
    public var linked: Bool {
        get {
            switch storage {
            case .compact(let mention): mention.flags.contains(.linked)
            case .wide(let mention): mention.fields.linked
            }
        }
        set { update { $0.linked = newValue } }
    }
    /// Written as `[text](@slug)`.
    public var explicit: Bool {
        get {
            switch storage {
            case .compact(let mention): mention.flags.contains(.explicit)
            case .wide(let mention): mention.fields.explicit
            }
        }
        set { update { $0.explicit = newValue } }
    }
    /// Where `text` lies in `snippet`, in Unicode scalars.
    public var snippetMatch: Range<Int> {
        get {
            switch storage {
            case .compact(let mention): mention.snippetMatch
            case .wide(let mention): mention.fields.snippetMatch
            }
        }
        set { update { $0.snippetMatch = newValue } }
    }
    /// The same actor's other mentions quoted in `snippet`, in order.
    public var otherMatches: [Range<Int>] {
        get {
            switch storage {
            case .compact(let mention): mention.otherMatchRanges
            case .wide(let mention): mention.fields.otherMatches
            }
        }
        set { update { $0.otherMatches = newValue } }
    }
    /// The title of the heading the passage sits under, if any.
    public var section: String? {
        get {
            switch storage {
            case .compact(let mention): mention.sectionTitle
            case .wide(let mention): mention.fields.section
            }
        }
        set { update { $0.section = newValue } }
    }

    public static func == (lhs: Mention, rhs: Mention) -> Bool {
        lhs.storage.isSameBox(as: rhs.storage) || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }

    private(set) var storage: MentionStorage

    private mutating func update(_ change: (inout MentionFields) -> Void) {
        var fields = storage.fields
        change(&fields)
        storage = .wide(WideMention(fields))
    }
}

/// A mention's snippet as a range of the text it quotes (its document's text,
/// shared by all the document's mentions), with "…" where the block was cut.
/// Equal when the snippets read the same.
struct MentionSnippet: Sendable, Hashable {
    /// The text quoted from: the document's text, or the snippet itself.
    var quoting: QuotedSource
    /// The quoted part of the source, in UTF-8 bytes.
    var bytes: Range<Int>
    var cutBefore: Bool
    var cutAfter: Bool

    init(quoting: QuotedSource, bytes: Range<Int>, cutBefore: Bool, cutAfter: Bool) {
        self.quoting = quoting
        self.bytes = bytes
        self.cutBefore = cutBefore
        self.cutAfter = cutAfter
    }

    init(source: String, bytes: Range<Int>, cutBefore: Bool, cutAfter: Bool) {
        self.init(quoting: .own(source), bytes: bytes, cutBefore: cutBefore, cutAfter: cutAfter)
    }

    /// A snippet that is its own source.
    init(_ snippet: String) {
        self.init(source: snippet, bytes: 0..<snippet.utf8.count, cutBefore: false, cutAfter: false)
    }

    /// The whole text quoted from, for the build cache.
    var source: String { quoting.string }

    var string: String {
        DocumentText.string(quoting, bytes, before: cutBefore ? Snippet.ellipsis : "", after: cutAfter ? Snippet.ellipsis : "")
    }

    static func == (lhs: MentionSnippet, rhs: MentionSnippet) -> Bool { lhs.string == rhs.string }
    func hash(into hasher: inout Hasher) { hasher.combine(string) }
}

public struct TableOfContentsEntry: Sendable, Hashable {
    public var level: Int
    public var title: String
    public var anchor: String
}

/// A document after linking: HTML with actor links (as placeholders the renderer
/// resolves per page), its table of contents, and every mention in reading order.
public struct LinkedDocument: Sendable, Hashable {
    public var id: DocumentID
    /// Read only while it is held: a one-shot build spills it to a file after linking
    /// and releases it after its pages (`ReleasableHTML`); the renderer checks
    /// `isHTMLReleased` before a page reads it.
    public var html: String {
        get {
            guard let html = htmlStorage.string else {
                assertionFailure("the HTML of \(id) was read after it was released")
                return ""
            }
            return html
        }
        set { htmlStorage = ReleasableHTML(newValue) }
    }
    private var htmlStorage: ReleasableHTML
    public var tableOfContents: [TableOfContentsEntry] {
        get {
            switch contentsStorage {
            case .decoded(let entries): entries
            case .encoded(let entry): entry.tableOfContents
            }
        }
        set { contentsStorage = .decoded(newValue) }
    }
    /// Decoded when first read, for a document from the build cache (`EncodedLinkEntry`):
    /// only its own page shows it.
    private var contentsStorage: EntryPart<[TableOfContentsEntry]>
    public var mentions: [Mention] {
        get { mentionList.mentions }
        set { mentionList = MentionList(newValue) }
    }
    /// Decoded when first read, for a document from the build cache (`MentionList`).
    private(set) var mentionList: MentionList
    /// The actors its mentions name, in the order of their first mention, without decoding the mentions.
    var mentionedActors: [MentionedActor] { mentionList.actors }
    var mentionCount: Int { mentionList.count }
    /// The text without markup, one top-level block a line: what the mentions' snippets
    /// and the search passages quote, held once for all of them (`textStorage`).
    public var text: String {
        get { textStorage.string }
        set { textStorage = SpillableText(newValue) }
    }
    /// Shared with the mentions' origin and the search passages, so that spilling it
    /// (`spillText`) takes it out of memory for every one of them.
    private var textStorage: SpillableText
    /// `text`, under the name the build cache reads it by.
    public var plainText: String { text }
    public var wordCount: Int
    /// Each block's own text with its anchor, for full-text search.
    public var searchPassages: [SearchPassage] {
        get {
            switch passageStorage {
            case .decoded(let passages): passages
            case .encoded(let entry): entry.passages
            }
        }
        set { passageStorage = .decoded(newValue) }
    }
    /// Decoded when first read, for a document from the build cache (`EncodedLinkEntry`):
    /// only the search index reads them, for the parts of it a build makes again. A
    /// freshly linked document holds its array as before, with no object of its own:
    /// 100,000 more of them would raise a clean build's peak.
    private var passageStorage: EntryPart<[SearchPassage]>

    /// A part of the document as the linker made it, or still in its build cache entry.
    private enum EntryPart<Value: Sendable>: Sendable {
        case decoded(Value)
        case encoded(EncodedLinkEntry)
    }
    /// The images it shows, which the site publishes beside its page.
    public var images: [PublishedImage] = []
    /// Its prose as `dossier suggest` reads it, when the build was asked to keep it
    /// (`BuildOptions.keepsProseForSuggestions`), so the names are not parsed twice.
    var prose: ScannedDocument?

    public init(
        id: DocumentID, html: String, tableOfContents: [TableOfContentsEntry], mentions: [Mention], plainText: String, wordCount: Int,
        searchPassages: [SearchPassage] = [], images: [PublishedImage] = []
    ) {
        self.id = id
        self.htmlStorage = ReleasableHTML(html)
        self.contentsStorage = .decoded(tableOfContents)
        // Shared here, where both the linker's and the build cache's documents pass: one
        // text object for the document, its mentions and its passages.
        let storage = MentionSharing.sharedText(of: mentions, sameAs: plainText) ?? SpillableText(plainText)
        self.mentionList = MentionList(MentionSharing.share(mentions, text: storage, sameAs: plainText))
        self.textStorage = storage
        self.wordCount = wordCount
        self.passageStorage = .decoded(searchPassages.map { $0.quoting(storage, ifSameAs: plainText) })
        self.images = images
    }

    /// A build cache entry's document: its table of contents, mentions and search
    /// passages undecoded in `entry`, its HTML in `htmlStorage` (read from the entry
    /// file when a page asks for it: `CachedHTML`).
    init(id: DocumentID, htmlStorage: ReleasableHTML, entry: EncodedLinkEntry, actors: [MentionedActor], wordCount: Int,
         images: [PublishedImage]) {
        self.id = id
        self.htmlStorage = htmlStorage
        contentsStorage = .encoded(entry)
        mentionList = MentionList(entry: entry, actors: actors)
        // Quoting the entry's text storage already: comparing them with the text here
        // would read every text a cached build leaves in its entry.
        textStorage = entry.textStorage
        self.wordCount = wordCount
        passageStorage = .encoded(entry)
        self.images = images
    }

    /// Lets the HTML go for every copy of this document. Only for a build that will
    /// not render from these documents again.
    func releaseHTML() { htmlStorage.release() }

    var isHTMLReleased: Bool { htmlStorage.isReleased }

    var isHTMLSpilled: Bool { htmlStorage.isSpilled }

    /// Moves the HTML out of memory into `file` for every copy of this document; it
    /// is read back from there each time it is asked for.
    func spillHTML(to file: HTMLSpillFile) { htmlStorage.spill(to: file) }

    /// Moves the text out of memory into `file` for every copy of this document, its
    /// mentions and its search passages; each snippet and passage reads back its bytes.
    func spillText(to file: HTMLSpillFile) { textStorage.spill(to: file) }

    var isTextSpilled: Bool { textStorage.isSpilled }

    var arePassagesDecoded: Bool {
        if case .encoded(let entry) = passageStorage { entry.arePassagesDecoded } else { true }
    }

    /// Whether its text is still in its build cache entry file, unread (`CachedText`).
    var isTextInCacheEntry: Bool { textStorage.isInCacheEntry }

    /// The checksum of its text while that is still in its build cache entry, unread.
    var textChecksumInCacheEntry: UInt64? { textStorage.checksumInCacheEntry }

    /// Whether its text or HTML is held in memory, for `spillHTMLAndText`.
    var holdsTextOrHTMLInMemory: Bool { textStorage.isInMemory || htmlStorage.isInMemory }

    public static func == (lhs: LinkedDocument, rhs: LinkedDocument) -> Bool {
        lhs.id == rhs.id && lhs.htmlStorage.string == rhs.htmlStorage.string && lhs.tableOfContents == rhs.tableOfContents
            && lhs.mentions == rhs.mentions && lhs.text == rhs.text && lhs.wordCount == rhs.wordCount
            && lhs.searchPassages == rhs.searchPassages && lhs.images == rhs.images && lhs.prose == rhs.prose
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(htmlStorage.string)
        hasher.combine(tableOfContents)
        hasher.combine(mentions)
        hasher.combine(text)
        hasher.combine(wordCount)
        hasher.combine(searchPassages)
        hasher.combine(images)
        hasher.combine(prose)
    }
}

/// Actor links leave the linker as `dossier:actors/iran/index.html`; the renderer,
/// which knows where each page lives, turns them into relative links.
public enum ActorLinkPlaceholder {
    public static let scheme = "dossier:"

    public static func url(for slug: String, style: URLStyle) -> String {
        scheme + "actors/" + slug + "/" + (style == .disk ? "index.html" : "")
    }

    /// Rewrites every placeholder in `html` to a link relative to `rootPrefix`
    /// (e.g. "../../") and marks it as a mention.
    public static func resolve(_ html: String, rootPrefix: String) -> String {
        ByteReplacement.replacing("<a href=\"" + scheme, with: "<a class=\"mention\" href=\"" + rootPrefix, in: html)
    }
}
