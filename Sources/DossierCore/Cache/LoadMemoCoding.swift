import Foundation

/// The load memo's layout for one decoded content file: every field of the briefing,
/// actor or page as the decoder made it, and its body as a reference to the file
/// (its first line and its hash), never its text (`BodyText`).
extension CacheEncoder {
    mutating func decodedFile(_ file: ProjectLoader.DecodedFile) {
        switch file.value {
        case .briefing(let briefing):
            int(0)
            bool(briefing != nil)
            if let briefing { self.briefing(briefing) }
        case .actor(let actor):
            int(1)
            bool(actor != nil)
            if let actor { self.actor(actor) }
        case .page(let page):
            int(2)
            bool(page != nil)
            if let page { self.page(page) }
        }
        array(file.diagnostics) { $0.diagnostic($1) }
    }

    private mutating func briefing(_ briefing: Briefing) {
        string(briefing.slug)
        string(briefing.path)
        string(briefing.title)
        date(briefing.date)
        bool(briefing.updated != nil)
        if let updated = briefing.updated { date(updated) }
        optional(briefing.summary)
        array(briefing.authors) { $0.string($1) }
        array(briefing.actors) { $0.located($1) }
        array(briefing.tags) { $0.string($1) }
        bool(briefing.draft)
        language(briefing.language)
        array(briefing.sources) { $0.source($1) }
        array(briefing.events) { $0.event($1) }
        array(briefing.params) { $0.param($1) }
        body(briefing.body)
        optionalLocation(briefing.slugLocation)
    }

    private mutating func actor(_ actor: Actor) {
        string(actor.slug)
        string(actor.path)
        string(actor.title)
        string(actor.kind.rawValue)
        array(actor.aliases) { $0.located($1) }
        bool(actor.autolink)
        optional(actor.summary)
        language(actor.language)
        array(actor.relations) { encoder, relation in
            encoder.located(relation.type)
            encoder.located(relation.target)
            encoder.bool(relation.since != nil)
            if let since = relation.since { encoder.date(since) }
            encoder.bool(relation.until != nil)
            if let until = relation.until { encoder.date(until) }
            encoder.optional(relation.note)
            encoder.optional(relation.source)
            encoder.location(relation.location)
        }
        array(actor.sources) { $0.source($1) }
        array(actor.events) { $0.event($1) }
        array(actor.params) { $0.param($1) }
        body(actor.body)
        location(actor.titleLocation)
        optionalLocation(actor.slugLocation)
    }

    private mutating func page(_ page: Page) {
        string(page.slug)
        string(page.path)
        string(page.title)
        optional(page.summary)
        bool(page.draft)
        language(page.language)
        array(page.params) { $0.param($1) }
        body(page.body)
        optionalLocation(page.slugLocation)
    }

    private mutating func body(_ body: Body) {
        int(body.firstLine)
        string(body.fingerprint)
    }

    private mutating func date(_ date: PartialDate) {
        int(date.year)
        optionalInt(date.month)
        optionalInt(date.day)
        optionalInt(date.secondsOfDay)
        optionalInt(date.utcOffsetMinutes)
        string(date.text)
    }

    private mutating func language(_ tag: LanguageTag?) {
        bool(tag != nil)
        guard let tag else { return }
        string(tag.tag)
        string(tag.language)
        optional(tag.script)
        optional(tag.region)
        string(tag.direction.rawValue)
    }

    private mutating func source(_ source: Source) {
        optional(source.id)
        string(source.title)
        optional(source.publisher)
        optional(source.url)
        bool(source.date != nil)
        if let published = source.date { date(published) }
        location(source.location)
    }

    private mutating func event(_ event: Event) {
        date(event.date)
        string(event.title)
        array(event.actors) { $0.located($1) }
        bool(event.place != nil)
        if let place = event.place { located(place) }
        optional(event.source)
        location(event.location)
    }

    private mutating func param(_ entry: ParamEntry) {
        string(entry.key)
        paramValue(entry.value)
    }

    private mutating func paramValue(_ value: ParamValue) {
        switch value {
        case .string(let text):
            int(0)
            string(text)
        case .bool(let flag):
            int(1)
            bool(flag)
        case .int(let number):
            int(2)
            int(number)
        case .double(let number):
            int(3)
            int(Int(bitPattern: UInt(number.bitPattern)))
        case .null:
            int(4)
        case .list(let values):
            int(5)
            array(values) { $0.paramValue($1) }
        case .map(let entries):
            int(6)
            array(entries) { $0.param($1) }
        }
    }

    private mutating func located(_ value: Located<String>) {
        string(value.value)
        location(value.location)
    }

    mutating func location(_ location: SourceLocation) {
        string(location.path)
        int(location.line)
        int(location.column)
    }

    private mutating func optionalLocation(_ location: SourceLocation?) {
        bool(location != nil)
        if let location { self.location(location) }
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        string(diagnostic.severity.rawValue)
        location(diagnostic.location)
        string(diagnostic.message)
    }
}

extension CacheDecoder {
    /// `rootPath`: the project folder the file is in (`URL.path`), which a deferred
    /// body is read from. `path`: the file's, which its fields and diagnostics name
    /// again and again: they share this string rather than each making its own.
    mutating func decodedFile(rootPath: String, path shared: String, sourceFingerprint: String) throws -> ProjectLoader.DecodedFile {
        let body = { (decoder: inout CacheDecoder, path: String) throws -> Body in
            try decoder.body(path: rootPath.hasSuffix("/") ? rootPath + path : rootPath + "/" + path, sourceFingerprint: sourceFingerprint)
        }
        let value: ProjectLoader.DecodedFile.Value
        switch try int() {
        case 0: value = .briefing(try bool() ? try briefing(body, shared) : nil)
        case 1: value = .actor(try bool() ? try actor(body, shared) : nil)
        case 2: value = .page(try bool() ? try page(body, shared) : nil)
        default: throw Malformed()
        }
        return ProjectLoader.DecodedFile(value: value, diagnostics: try array { try $0.diagnostic(shared) })
    }

    private typealias BodyReader = (inout CacheDecoder, String) throws -> Body

    private mutating func briefing(_ body: BodyReader, _ shared: String) throws -> Briefing {
        let slug = try string(), path = try string(sharing: shared), title = try string(), date = try date()
        let updated = try bool() ? try self.date() : nil
        let summary = try optional()
        let authors = try array { try $0.string() }
        let actors = try array { try $0.located(shared) }
        let tags = try array { try $0.string() }
        let draft = try bool()
        let language = try language()
        let sources = try array { try $0.source(shared) }
        let events = try array { try $0.event(shared) }
        let params = try array { try $0.param() }
        return Briefing(
            slug: slug, path: path, title: title, date: date, updated: updated, summary: summary, authors: authors, actors: actors,
            tags: tags, draft: draft, language: language, sources: sources, events: events, params: params, body: try body(&self, path),
            slugLocation: try optionalLocation(shared))
    }

    private mutating func actor(_ body: BodyReader, _ shared: String) throws -> Actor {
        let slug = try string(), path = try string(sharing: shared), title = try string()
        guard let kind = ActorKind(rawValue: try string()) else { throw Malformed() }
        let aliases = try array { try $0.located(shared) }
        let autolink = try bool()
        let summary = try optional()
        let language = try language()
        let relations = try array { decoder in
            RelationDeclaration(
                type: try decoder.located(shared), target: try decoder.located(shared), since: try decoder.bool() ? try decoder.date() : nil,
                until: try decoder.bool() ? try decoder.date() : nil, note: try decoder.optional(), source: try decoder.optional(),
                location: try decoder.location(shared))
        }
        let sources = try array { try $0.source(shared) }
        let events = try array { try $0.event(shared) }
        let params = try array { try $0.param() }
        return Actor(
            slug: slug, path: path, title: title, kind: kind, aliases: aliases, autolink: autolink, summary: summary, language: language,
            relations: relations, sources: sources, events: events, params: params, body: try body(&self, path),
            titleLocation: try location(shared), slugLocation: try optionalLocation(shared))
    }

    private mutating func page(_ body: BodyReader, _ shared: String) throws -> Page {
        let slug = try string(), path = try string(sharing: shared), title = try string()
        let summary = try optional()
        let draft = try bool()
        let language = try language()
        let params = try array { try $0.param() }
        return Page(
            slug: slug, path: path, title: title, summary: summary, draft: draft, language: language, params: params,
            body: try body(&self, path), slugLocation: try optionalLocation(shared))
    }

    private mutating func body(path: String, sourceFingerprint: String) throws -> Body {
        let firstLine = try int()
        let fingerprint = try string()
        let deferred = BodyText.Deferred(path: path, sourceFingerprint: sourceFingerprint, firstLine: firstLine)
        return Body(BodyText(deferred: deferred, fingerprint: fingerprint), firstLine: firstLine)
    }

    private mutating func date() throws -> PartialDate {
        PartialDate(
            year: try int(), month: try optionalInt(), day: try optionalInt(), secondsOfDay: try optionalInt(),
            utcOffsetMinutes: try optionalInt(), text: try string())
    }

    private mutating func language() throws -> LanguageTag? {
        guard try bool() else { return nil }
        let tag = try string(), language = try string(), script = try optional(), region = try optional()
        guard let direction = TextDirection(rawValue: try string()) else { throw Malformed() }
        return LanguageTag(tag: tag, language: language, script: script, region: region, direction: direction)
    }

    private mutating func source(_ shared: String) throws -> Source {
        Source(
            id: try optional(), title: try string(), publisher: try optional(), url: try optional(),
            date: try bool() ? try date() : nil, location: try location(shared))
    }

    private mutating func event(_ shared: String) throws -> Event {
        Event(
            date: try date(), title: try string(), actors: try array { try $0.located(shared) },
            place: try bool() ? try located(shared) : nil, source: try optional(), location: try location(shared))
    }

    private mutating func param() throws -> ParamEntry {
        ParamEntry(key: try string(), value: try paramValue())
    }

    private mutating func paramValue() throws -> ParamValue {
        switch try int() {
        case 0: return .string(try string())
        case 1: return .bool(try bool())
        case 2: return .int(try int())
        case 3: return .double(Double(bitPattern: UInt64(UInt(bitPattern: try int()))))
        case 4: return .null
        case 5: return .list(try array { try $0.paramValue() })
        case 6: return .map(try array { try $0.param() })
        default: throw Malformed()
        }
    }

    private mutating func located(_ shared: String) throws -> Located<String> {
        Located(try string(), at: try location(shared))
    }

    mutating func location(_ shared: String) throws -> SourceLocation {
        SourceLocation(path: try string(sharing: shared), line: try int(), column: try int())
    }

    private mutating func optionalLocation(_ shared: String) throws -> SourceLocation? {
        try bool() ? try location(shared) : nil
    }

    mutating func diagnostic(_ shared: String) throws -> Diagnostic {
        guard let severity = Diagnostic.Severity(rawValue: try string()) else { throw Malformed() }
        let location = try location(shared)
        return Diagnostic(severity, try string(), at: location)
    }
}
