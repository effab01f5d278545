/// A value together with where it was written.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// A front-matter value that Dossier does not interpret, kept for templates as
/// `params` (Hugo's convention).
public indirect enum ParamValue: Sendable, Hashable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case null
    case list([ParamValue])
    case map([ParamEntry])
}

public struct ParamEntry: Sendable, Hashable {
    public var key: String
    public var value: ParamValue
}

public struct Source: Sendable, Hashable {
    /// What `[^id]` notes and `source:` fields cite it by; a source nothing cites needs none.
    public var id: String?
    public var title: String
    public var publisher: String?
    public var url: String?
    public var date: PartialDate?
    public var location: SourceLocation
}

public struct Event: Sendable, Hashable {
    public var date: PartialDate
    public var title: String
    /// Actor slugs as written; the index checks that each exists.
    public var actors: [Located<String>]
    public var place: Located<String>?
    public var source: String?
    public var location: SourceLocation
}

public enum ActorKind: String, Sendable, Hashable, CaseIterable {
    case state, organization, person, place, agreement, group

    /// The kind as every page names it ("Organisation"): badges, tooltips, the graph's legend.
    public var label: String {
        switch self {
        case .state: "State"
        case .organization: "Organisation"
        case .person: "Person"
        case .place: "Place"
        case .agreement: "Agreement"
        case .group: "Group"
        }
    }

    /// Plural heading used on the actors index.
    public var pluralLabel: String {
        switch self {
        case .state: "States"
        case .organization: "Organisations"
        case .person: "People"
        case .place: "Places"
        case .agreement: "Agreements"
        case .group: "Groups"
        }
    }
}

public struct RelationDeclaration: Sendable, Hashable {
    public var type: Located<String>
    public var target: Located<String>
    public var since: PartialDate?
    public var until: PartialDate?
    public var note: String?
    public var source: String?
    public var location: SourceLocation
}

/// The Markdown part of a file and where it starts, so positions that cmark reports
/// inside the body map back to the file.
///
/// A document taken from the load memo (`LoadMemo`) holds no text until something
/// reads it: most cached builds link nothing, and the file is read only if its
/// document must be linked again (see `BodyText`).
public struct Body: Sendable, Hashable {
    public var text: String {
        get { storage.text }
        set { storage = BodyText(newValue) }
    }
    /// 1-based line of the file on which the body's first line stands.
    public var firstLine: Int
    private var storage: BodyText

    public init(text: String, firstLine: Int) {
        storage = BodyText(text)
        self.firstLine = firstLine
    }

    init(_ storage: BodyText, firstLine: Int) {
        self.storage = storage
        self.firstLine = firstLine
    }

    /// `DocumentFingerprints.hash` of the text, known without reading a deferred body.
    var fingerprint: String { storage.fingerprint }

    /// False for a deferred body whose file no longer holds what was loaded: the file
    /// changed during the build, and `text` is empty.
    var isReadable: Bool { storage.isReadable }

    var storageForMemo: BodyText { storage }

    public func location(path: String, line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: firstLine + max(line, 1) - 1, column: max(column, 1))
    }

    public static func == (lhs: Body, rhs: Body) -> Bool {
        lhs.firstLine == rhs.firstLine && (lhs.storage === rhs.storage || lhs.text == rhs.text)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(firstLine)
        hasher.combine(text)
    }
}

public struct Briefing: Sendable, Hashable {
    public var slug: String
    public var path: String
    public var title: String
    public var date: PartialDate
    public var updated: PartialDate?
    public var summary: String?
    public var authors: [String]
    public var actors: [Located<String>]
    public var tags: [String]
    public var draft: Bool
    /// `language:` when set; nil means the site's language.
    public var language: LanguageTag?
    public var sources: [Source]
    public var events: [Event]
    public var params: [ParamEntry]
    public var body: Body
    /// Where `slug:` is written; nil when the slug is the file name.
    public var slugLocation: SourceLocation?
    public var location: SourceLocation { SourceLocation(path: path) }
}

public struct Actor: Sendable, Hashable {
    public var slug: String
    public var path: String
    public var title: String
    public var kind: ActorKind
    public var aliases: [Located<String>]
    public var autolink: Bool
    public var summary: String?
    /// `language:` when set; nil means the site's language.
    public var language: LanguageTag?
    public var relations: [RelationDeclaration]
    public var sources: [Source]
    public var events: [Event]
    public var params: [ParamEntry]
    public var body: Body
    /// Where the title is written, for diagnostics about the name.
    public var titleLocation: SourceLocation
    /// Where `slug:` is written; nil when the slug is the file name.
    public var slugLocation: SourceLocation?
    public var location: SourceLocation { SourceLocation(path: path) }
}

public struct Page: Sendable, Hashable {
    public var slug: String
    public var path: String
    public var title: String
    public var summary: String?
    public var draft: Bool
    /// `language:` when set; nil means the site's language.
    public var language: LanguageTag?
    public var params: [ParamEntry]
    public var body: Body
    /// Where `slug:` is written; nil when the slug is the file name.
    public var slugLocation: SourceLocation?
}
