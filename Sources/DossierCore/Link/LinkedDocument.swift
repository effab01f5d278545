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
public struct Mention: Sendable, Hashable {
    public var actor: String
    public var document: DocumentID
    /// The id of the innermost block (paragraph, list item, table, quote, heading).
    public var anchor: String?
    /// The text as written: "Tehran", "Iran's" without the possessive.
    public var text: String
    /// About 200 characters of the block around the mention, cut at word boundaries.
    public var snippet: String
    public var linked: Bool
    /// Written as `[text](@slug)`.
    public var explicit: Bool
    /// Where `text` lies in `snippet`, in Unicode scalars.
    public var snippetMatch: Range<Int> = 0..<0
    /// The same actor's other mentions quoted in `snippet`, in order.
    public var otherMatches: [Range<Int>] = []
    /// The title of the heading the passage sits under, if any.
    public var section: String?
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
    public var html: String
    public var tableOfContents: [TableOfContentsEntry]
    public var mentions: [Mention]
    /// The text without markup, block by block (search reads `searchPassages`).
    public var plainText: String
    public var wordCount: Int
    /// Each block's own text with its anchor, for full-text search.
    public var searchPassages: [SearchPassage] = []
    /// The images it shows, which the site publishes beside its page.
    public var images: [PublishedImage] = []
    /// Its prose as `dossier suggest` reads it, when the build was asked to keep it
    /// (`BuildOptions.keepsProseForSuggestions`), so the names are not parsed twice.
    var prose: ScannedDocument?
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
