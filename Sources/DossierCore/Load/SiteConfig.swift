import Foundation
import Yams

public enum LinkingMode: String, Sendable, Hashable, CaseIterable {
    /// Link the first mention of each actor in each document (Wikipedia style).
    case first
    case all
    case none
}

public struct LinkingConfig: Sendable, Hashable {
    public var mode: LinkingMode = .first
    public var caseSensitive = true
    /// Phrases that take part in longest match and are never mentions ("Niger River").
    public var ignore: [String] = []
    public init() {}
}

public struct CustomRelationType: Sendable, Hashable {
    public var name: String
    public var label: String
    public var inverseLabel: String
    public var symmetric: Bool
    public var location: SourceLocation
}

/// How internal links are written. `.disk` links name `index.html` explicitly so the
/// site works opened from disk (file://); `.pretty` links end in a folder (`actors/iran/`)
/// for a web server that serves `index.html` itself.
public enum URLStyle: String, Sendable, Hashable, CaseIterable {
    case disk
    case pretty
}

/// How many of the documents that mention an actor, in the order its "Mentioned in"
/// lists them, have their passages quoted on the actor's pages; the rest are listed as
/// one link each (issue 10: an actor page shows its newest passages and links the rest).
public enum ActorQuotes: Sendable, Hashable {
    /// Every document quoted: the pages as they were before `actor_quotes`.
    case all
    case first(Int)

    /// How many of `documents` documents are quoted.
    func quoted(of documents: Int) -> Int {
        switch self {
        case .all: documents
        case .first(let count): min(count, documents)
        }
    }
}

/// `dossier.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title = "Dossier"
    public var description: String?
    /// The site's language: of every page that does not set its own, and of feeds.
    public var languageTag = LanguageTag.english
    /// `languageTag` as written in `<html lang>` and feeds.
    public var language: String { languageTag.tag }
    /// Absolute URL of the published site, ending in "/"; used only by feeds, the
    /// sitemap and canonical links.
    public var baseURL = "https://example.org/"
    /// Where dossier.yml sets `base_url`, for the placeholder warning; nil when it does not.
    public var baseURLLocation: SourceLocation?
    public var author: String?
    public var linking = LinkingConfig()
    public var relationTypes: [CustomRelationType] = []
    public var allowRawHTML = false
    public var urlStyle = URLStyle.disk
    /// Items per page of every list that grows with the site (Zola's `paginate_by`).
    public var paginateBy = SiteConfig.defaultPaginateBy
    /// How many documents of an actor's "Mentioned in" quote their passages (`actor_quotes`).
    public var actorQuotes = ActorQuotes.first(SiteConfig.defaultActorQuotes)
    /// Co-mention edges the graph exports keep per actor (docs/graph-export.md).
    public var graphCoMentionsPerActor = SiteConfig.defaultGraphCoMentionsPerActor
    /// The data files written under `data/` (`exports`).
    public var exports = DataExport.defaults
    /// `search.passages`: the search index's document parts carry every passage's text,
    /// so that results quote passages on a site opened from disk (docs/search-index.md).
    public var searchPassages = false
    public var params: [ParamEntry] = []

    public init() {}

    public static let fileName = "dossier.yml"
    public static let defaultPaginateBy = 50
    public static let defaultGraphCoMentionsPerActor = 25
    public static let defaultActorQuotes = 10
    /// Far above any useful page, and low enough that ten times it (the tags index) stays an Int.
    public static let maxPaginateBy = 100_000

    /// Decodes `dossier.yml`. A missing file is allowed (all defaults).
    public static func decode(_ text: String, path: String = fileName) -> (SiteConfig, [Diagnostic]) {
        var reader = YAMLReader(path: path, firstLine: 1)
        var config = SiteConfig()
        guard let root = reader.compose(text) else { return (config, reader.diagnostics) }
        if case .scalar(let scalar) = root, scalar.string.isEmpty { return (config, reader.diagnostics) }
        guard let entries = reader.entries(root, what: path) else { return (config, reader.diagnostics) }
        for (key, _, value) in entries {
            switch key {
            case "title": config.title = reader.title(value, key: key) ?? config.title
            case "description": config.description = reader.string(value, key: key)
            case "language": config.languageTag = reader.languageTag(value, key: key) ?? config.languageTag
            case "author": config.author = reader.string(value, key: key)
            case "base_url":
                if let url = reader.requiredString(value, key: key) {
                    if let problem = LinkURL.baseURLProblem(url) { reader.error(problem, at: value) }
                    config.baseURL = url.hasSuffix("/") ? url : url + "/"
                    config.baseURLLocation = reader.location(value)
                }
            case "url_style":
                if let text = reader.requiredString(value, key: key) {
                    if let style = URLStyle(rawValue: text) { config.urlStyle = style } else {
                        reader.error("unknown url_style '\(text)': expected disk or pretty", at: value)
                    }
                }
            case "paginate_by": config.paginateBy = reader.pageSize(value, key: key) ?? config.paginateBy
            case "actor_quotes": config.actorQuotes = reader.actorQuotes(value, key: key) ?? config.actorQuotes
            case "graph_co_mentions_per_actor":
                config.graphCoMentionsPerActor = reader.edgeLimit(value, key: key) ?? config.graphCoMentionsPerActor
            case "exports": config.exports = reader.exports(value, key: key) ?? config.exports
            case "linking": config.linking = reader.linking(value)
            case "relation_types": config.relationTypes = reader.relationTypes(value)
            case "search":
                for (field, keyNode, fieldValue) in reader.entries(value, what: "'search'") ?? [] {
                    if field == "passages" { config.searchPassages = reader.bool(fieldValue, key: field) ?? false } else {
                        reader.warning("unknown key '\(field)' in 'search' (expected passages)", at: keyNode)
                    }
                }
            case "markdown":
                for (field, keyNode, fieldValue) in reader.entries(value, what: "'markdown'") ?? [] {
                    if field == "unsafe_html" { config.allowRawHTML = reader.bool(fieldValue, key: field) ?? false } else {
                        reader.warning("unknown key '\(field)' in 'markdown' (expected unsafe_html)", at: keyNode)
                    }
                }
            default:
                reader.checkLinks(inParam: key, value)
                config.params.append(ParamEntry(key: key, value: reader.param(value)))
            }
        }
        return (config, reader.diagnostics)
    }
}

extension YAMLReader {
    /// A whole number from 0 (no co-mention edges) through `SiteConfig.maxPaginateBy`.
    mutating func edgeLimit(_ node: Node, key: String) -> Int? {
        guard case .scalar(let scalar) = node, let limit = Int(scalar.string) else {
            error("expected a whole number for '\(key)', found \(Self.describe(node))", at: node)
            return nil
        }
        guard (0...SiteConfig.maxPaginateBy).contains(limit) else {
            error("'\(key)' must be between 0 and \(SiteConfig.maxPaginateBy), found \(limit)", at: node)
            return nil
        }
        return limit
    }

    /// `all`, or a whole number of documents from 0 through `SiteConfig.maxPaginateBy`.
    mutating func actorQuotes(_ node: Node, key: String) -> ActorQuotes? {
        guard case .scalar(let scalar) = node, scalar.string == "all" || Int(scalar.string) != nil else {
            error("expected a whole number or 'all' for '\(key)', found \(Self.describe(node))", at: node)
            return nil
        }
        guard let count = Int(scalar.string) else { return .all }
        guard (0...SiteConfig.maxPaginateBy).contains(count) else {
            error("'\(key)' must be 'all' or between 0 and \(SiteConfig.maxPaginateBy), found \(count)", at: node)
            return nil
        }
        return .first(count)
    }

    /// A whole number of items per page, 1 through `SiteConfig.maxPaginateBy`.
    mutating func pageSize(_ node: Node, key: String) -> Int? {
        guard case .scalar(let scalar) = node, let size = Int(scalar.string) else {
            error("expected a whole number for '\(key)', found \(Self.describe(node))", at: node)
            return nil
        }
        guard (1...SiteConfig.maxPaginateBy).contains(size) else {
            error("'\(key)' must be between 1 and \(SiteConfig.maxPaginateBy), found \(size)", at: node)
            return nil
        }
        return size
    }

    mutating func linking(_ node: Node) -> LinkingConfig {
        var linking = LinkingConfig()
        for (key, keyNode, value) in entries(node, what: "'linking'") ?? [] {
            switch key {
            case "mode":
                if let text = requiredString(value, key: key) {
                    if let mode = LinkingMode(rawValue: text) { linking.mode = mode } else {
                        error("unknown linking mode '\(text)': expected first, all or none", at: value)
                    }
                }
            case "case_sensitive": linking.caseSensitive = bool(value, key: key) ?? true
            case "ignore": linking.ignore = strings(value, key: key)
            default: warning("unknown key '\(key)' in 'linking' (expected mode, case_sensitive, ignore)", at: keyNode)
            }
        }
        return linking
    }

    mutating func relationTypes(_ node: Node) -> [CustomRelationType] {
        var result: [CustomRelationType] = []
        for (name, keyNode, value) in entries(node, what: "'relation_types'") ?? [] {
            guard SlugRules.isValid(name) else {
                error("invalid relation type name '\(name)': use lowercase letters, digits and '-'", at: keyNode)
                continue
            }
            var label: String?, inverse: String?, symmetric = false
            for (key, fieldKey, field) in entries(value, what: "relation type '\(name)'") ?? [] {
                switch key {
                case "label": label = requiredString(field, key: key)
                case "inverse": inverse = requiredString(field, key: key)
                case "symmetric": symmetric = bool(field, key: key) ?? false
                default: warning("unknown key '\(key)' in relation type '\(name)' (expected label, inverse, symmetric)", at: fieldKey)
                }
            }
            let resolvedLabel = label ?? name.replacingOccurrences(of: "-", with: " ")
            if inverse == nil, !symmetric {
                error("relation type '\(name)' needs an 'inverse' label, or 'symmetric: true'", at: keyNode)
            }
            result.append(CustomRelationType(
                name: name, label: resolvedLabel, inverseLabel: inverse ?? resolvedLabel, symmetric: symmetric,
                location: location(keyNode)))
        }
        return result
    }
}
