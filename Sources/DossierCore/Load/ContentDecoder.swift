import Yams

/// Decodes one content file (briefing, actor or page) from its text.
/// Parsing is separate from reading the disk: every function takes the text and
/// the path to show in diagnostics.
public enum ContentDecoder {
    public struct Decoded<Value: Sendable>: Sendable {
        public var value: Value?
        public var diagnostics: [Diagnostic]
    }

    /// Splits and composes the front matter. Returns the mapping's entries (nil
    /// when unusable), the body, and a reader holding the diagnostics so far.
    private static func prepare(
        _ text: String, path: String, frontMatterRequired: Bool
    ) -> (entries: [(key: String, keyNode: Node, value: Node)]?, body: Body, reader: YAMLReader) {
        var reader = YAMLReader(path: path, firstLine: 2)
        let start = SourceLocation(path: path)
        // Stops at the first visible character instead of trimming a copy of the whole
        // file. White_Space is the set `.whitespacesAndNewlines` trimmed.
        if text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            reader.diagnostics.append(.error("file is empty", at: start))
            return (nil, Body(text: "", firstLine: 1), reader)
        }
        switch FrontMatterSplitter.split(text) {
        case .failure(.unterminated(let line)):
            reader.diagnostics.append(.error("front matter opened with '---' is never closed", at: SourceLocation(path: path, line: line)))
            return (nil, Body(text: "", firstLine: 1), reader)
        case .success(let frontMatter):
            guard let yaml = frontMatter.yaml else {
                if frontMatterRequired {
                    reader.diagnostics.append(.error("missing front matter: start the file with '---', the YAML fields, then '---'", at: start))
                }
                return (frontMatterRequired ? nil : [], frontMatter.body, reader)
            }
            reader = YAMLReader(path: path, firstLine: frontMatter.yamlFirstLine)
            guard let root = reader.compose(yaml) else { return (nil, frontMatter.body, reader) }
            if case .scalar(let scalar) = root, scalar.string.isEmpty { return ([], frontMatter.body, reader) }
            return (reader.entries(root, what: "the front matter"), frontMatter.body, reader)
        }
    }

    private static func slug(fileSlug: String, override: Located<String>?, path: String, into reader: inout YAMLReader) -> String? {
        if let override {
            guard SlugRules.isValid(override.value) else {
                reader.diagnostics.append(.error("invalid slug '\(override.value)': use lowercase letters, digits and '-'", at: override.location))
                return nil
            }
            // A file name from disk is already short enough; a written slug may not be.
            let bytes = override.value.utf8.count
            guard bytes <= SlugRules.maxBytes else {
                reader.diagnostics.append(.error(
                    "slug '\(override.value)' is \(bytes) bytes long: a file name holds at most \(SlugRules.maxBytes); choose a shorter 'slug:'",
                    at: override.location))
                return nil
            }
            return override.value
        }
        guard SlugRules.isValid(fileSlug) else {
            reader.diagnostics.append(.error(
                "invalid slug '\(fileSlug)' from the file name: rename the file or set 'slug:' (lowercase letters, digits and '-')",
                at: SourceLocation(path: path)))
            return nil
        }
        return fileSlug
    }

    private static func missing(_ keys: [String], in entries: [(key: String, keyNode: Node, value: Node)], path: String, reader: inout YAMLReader) {
        for key in keys where !entries.contains(where: { $0.key == key }) {
            reader.diagnostics.append(.error("missing required field '\(key)'", at: SourceLocation(path: path)))
        }
    }

    public static func briefing(_ text: String, path: String, fileSlug: String) -> Decoded<Briefing> {
        var (entries, body, reader) = prepare(text, path: path, frontMatterRequired: true)
        guard let entries else { return Decoded(value: nil, diagnostics: reader.diagnostics) }
        missing(["title", "date"], in: entries, path: path, reader: &reader)
        var title: String?, date: PartialDate?, updated: PartialDate?, summary: String?
        var authors: [String] = [], actors: [Located<String>] = [], tags: [Located<String>] = []
        var draft = false, sources: [Source] = [], events: [Event] = [], params: [ParamEntry] = []
        var slugOverride: Located<String>?, language: LanguageTag?
        for (key, _, value) in entries {
            switch key {
            case "title": title = reader.title(value, key: key)
            case "language": language = reader.languageTag(value, key: key)
            case "date": date = reader.date(value, key: key)
            case "updated": updated = reader.date(value, key: key)
            case "summary": summary = reader.string(value, key: key)
            case "authors": authors = reader.strings(value, key: key)
            case "actors": actors = reader.locatedStrings(value, key: key)
            case "tags": tags = reader.locatedStrings(value, key: key)
            case "draft": draft = reader.bool(value, key: key) ?? false
            case "sources": sources = reader.sources(value)
            case "events": events = reader.events(value)
            case "slug": slugOverride = reader.string(value, key: key).map { Located($0, at: reader.location(value)) }
            default:
                reader.checkLinks(inParam: key, value)
                params.append(ParamEntry(key: key, value: reader.param(value)))
            }
        }
        reader.checkSourceReferences(events.compactMap { event in event.source.map { ($0, event.location) } }, sources: sources)
        let slug = slug(fileSlug: fileSlug, override: slugOverride, path: path, into: &reader)
        // A title or date that is present but invalid has its error already; keep the
        // briefing with a stand-in so later stages still report their own problems.
        if title == nil, entries.contains(where: { $0.key == "title" }) { title = fileSlug }
        if date == nil, entries.contains(where: { $0.key == "date" }) { date = PartialDate("1970") }
        guard let title, let date, let slug else { return Decoded(value: nil, diagnostics: reader.diagnostics) }
        let briefing = Briefing(
            slug: slug, path: path, title: title, date: date, updated: updated, summary: summary,
            authors: authors, actors: actors, tags: TagName.pageNames(tags, into: &reader), draft: draft,
            language: language, sources: sources, events: events, params: params, body: body, slugLocation: slugOverride?.location)
        return Decoded(value: briefing, diagnostics: reader.diagnostics)
    }

    public static func actor(_ text: String, path: String, fileSlug: String) -> Decoded<Actor> {
        var (entries, body, reader) = prepare(text, path: path, frontMatterRequired: true)
        guard let entries else { return Decoded(value: nil, diagnostics: reader.diagnostics) }
        missing(["title", "kind"], in: entries, path: path, reader: &reader)
        var title: String?, titleLocation = SourceLocation(path: path), kind: ActorKind?
        var aliases: [Located<String>] = [], autolink = true, summary: String?
        var relations: [RelationDeclaration] = [], sources: [Source] = [], events: [Event] = []
        var params: [ParamEntry] = [], slugOverride: Located<String>?, language: LanguageTag?
        for (key, _, value) in entries {
            switch key {
            case "title":
                title = reader.title(value, key: key)
                titleLocation = reader.location(value)
            case "language": language = reader.languageTag(value, key: key)
            case "kind":
                if let text = reader.requiredString(value, key: key) {
                    kind = ActorKind(spelling: text)
                    if kind == nil {
                        let kinds = ActorKind.allCases.map(\.rawValue)
                        reader.error("unknown kind '\(text)'\(Suggestion.didYouMean(text, in: kinds)); expected one of \(kinds.joined(separator: ", "))", at: value)
                    }
                }
            case "aliases":
                aliases = reader.locatedStrings(value, key: key).filter { alias in
                    if NameLimits.fits(alias.value) { return true }
                    reader.diagnostics.append(.error(NameLimits.problem(alias.value, what: "the alias"), at: alias.location))
                    return false
                }
            case "autolink": autolink = reader.bool(value, key: key) ?? true
            case "summary": summary = reader.string(value, key: key)
            case "relations": relations = reader.relations(value)
            case "sources": sources = reader.sources(value)
            case "events": events = reader.events(value)
            case "slug": slugOverride = reader.string(value, key: key).map { Located($0, at: reader.location(value)) }
            default:
                reader.checkLinks(inParam: key, value)
                params.append(ParamEntry(key: key, value: reader.param(value)))
            }
        }
        reader.checkSourceReferences(
            events.compactMap { event in event.source.map { ($0, event.location) } }
                + relations.compactMap { relation in relation.source.map { ($0, relation.location) } },
            sources: sources)
        let slug = slug(fileSlug: fileSlug, override: slugOverride, path: path, into: &reader)
        // As for briefings: an invalid (not missing) title or kind is already an error.
        if title == nil, entries.contains(where: { $0.key == "title" }) { title = fileSlug }
        if kind == nil, entries.contains(where: { $0.key == "kind" }) { kind = .group }
        guard let title, let kind, let slug else { return Decoded(value: nil, diagnostics: reader.diagnostics) }
        let actor = Actor(
            slug: slug, path: path, title: title, kind: kind, aliases: aliases, autolink: autolink,
            summary: summary, language: language, relations: relations, sources: sources, events: events, params: params,
            body: body, titleLocation: titleLocation, slugLocation: slugOverride?.location)
        return Decoded(value: actor, diagnostics: reader.diagnostics)
    }

    /// Pages may have no front matter; a page without a title takes its first
    /// heading's text or, failing that, its file name, with a warning.
    public static func page(_ text: String, path: String, fileSlug: String) -> Decoded<Page> {
        var (entries, body, reader) = prepare(text, path: path, frontMatterRequired: false)
        guard let entries else { return Decoded(value: nil, diagnostics: reader.diagnostics) }
        var title: String?, summary: String?, draft = false, params: [ParamEntry] = []
        var slugOverride: Located<String>?, language: LanguageTag?
        for (key, _, value) in entries {
            switch key {
            case "title": title = reader.title(value, key: key, required: false)
            case "language": language = reader.languageTag(value, key: key)
            case "summary", "description": summary = reader.string(value, key: key) ?? summary
            case "draft": draft = reader.bool(value, key: key) ?? false
            case "slug": slugOverride = reader.string(value, key: key).map { Located($0, at: reader.location(value)) }
            default:
                reader.checkLinks(inParam: key, value)
                params.append(ParamEntry(key: key, value: reader.param(value)))
            }
        }
        if title?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            reader.diagnostics.append(.warning("page has no 'title'; using '\(fileSlug)'", at: SourceLocation(path: path)))
            title = fileSlug
        }
        guard let slug = slug(fileSlug: fileSlug, override: slugOverride, path: path, into: &reader), let title else {
            return Decoded(value: nil, diagnostics: reader.diagnostics)
        }
        if SlugRules.reservedPageSlugs.contains(slug) {
            let advice = slugOverride == nil ? "rename the file or set 'slug:'" : "choose another 'slug:'"
            reader.diagnostics.append(.error(
                "a page cannot be named '\(slug)': the site's \(slug) section is written there; \(advice)",
                at: slugOverride?.location ?? SourceLocation(path: path)))
            return Decoded(value: nil, diagnostics: reader.diagnostics)
        }
        let page = Page(
            slug: slug, path: path, title: title, summary: summary, draft: draft, language: language, params: params,
            body: body, slugLocation: slugOverride?.location)
        return Decoded(value: page, diagnostics: reader.diagnostics)
    }
}

enum TagName {
    /// Tags are compared and linked as slugs: "Nuclear Deal" → "nuclear-deal".
    static func normalize(_ tag: String) -> String {
        Slugify.slug(tag)
    }

    /// The tags as slugs, each of which names a folder under `tags/`; a tag that
    /// cannot (no letter or digit, or too long for a file name) is an error at the tag.
    static func pageNames(_ tags: [Located<String>], into reader: inout YAMLReader) -> [String] {
        if tags.count > NameLimits.maxTagsPerDocument {
            reader.diagnostics.append(.error(
                "\(tags.count) tags; a document may have at most \(NameLimits.maxTagsPerDocument), since each is listed on every card of every tag page",
                at: tags[NameLimits.maxTagsPerDocument].location))
        }
        return tags.prefix(NameLimits.maxTagsPerDocument).compactMap { tag in
            let slug = normalize(tag.value)
            if slug.isEmpty {
                reader.diagnostics.append(.error("tag '\(tag.value)' has no letter or digit to make a page name from", at: tag.location))
                return nil
            }
            if slug.utf8.count > SlugRules.maxBytes {
                reader.diagnostics.append(.error(
                    "tag '\(tag.value)' makes a page name of \(slug.utf8.count) bytes ('\(slug.prefix(20))…'): "
                        + "a file name holds at most \(SlugRules.maxBytes); shorten the tag",
                    at: tag.location))
                return nil
            }
            return slug
        }
    }
}
