import DossierMarkdown

/// A name that recurs in the prose but belongs to no actor.
public struct NameSuggestion: Sendable, Hashable {
    public var name: String
    public var occurrences: Int
    /// Distinct briefings and actor profiles it occurs in.
    public var documents: Int
    /// Its first occurrence (briefings newest first, then actor profiles; reading order),
    /// exact to the character.
    public var example: SourceLocation
    /// About 120 characters of the block around the example.
    public var context: String
    /// An actor the name may be another name of: the name is part of its title or an
    /// alias ("Araghchi" of "Abbas Araghchi") or their initials ("UAE"), so it may
    /// belong in that actor's aliases rather than in an actor of its own.
    public var aliasOf: String?
}

/// `dossier suggest`: names that recur in the briefings and actor profiles but
/// belong to no actor, ranked by how often and in how many documents they occur.
///
/// A pure function of the site model: it reads the same prose as the linker (text
/// outside headings, links, code and raw HTML), marks every actor's title and
/// alias — auto-linked or not — and every `linking.ignore` phrase with the mention
/// matcher, and ranks what is left (see `PhraseScanner` and `NameRanker`). Free
/// pages (about, method) describe the site rather than its subject and are not read.
public enum NameSuggester {
    /// A name must occur this often to be suggested: once is not recurring.
    public static let defaultMinimumOccurrences = 2

    public static func suggest(_ model: SiteModel, minimumOccurrences: Int = defaultMinimumOccurrences) -> [NameSuggestion] {
        let documents = read(model)
        let ranked = NameRanker.rank(documents, known: known(model), minimumOccurrences: max(1, minimumOccurrences))
        var locators: [Int: ProseLocator] = [:]
        return ranked.map { name in
            let first = name.occurrences[0]
            let document = documents[first.document]
            if locators[first.document] == nil { locators[first.document] = ProseLocator(source: document.body.text) }
            let run = document.runs[first.run]
            let position = locators[first.document]!.locate(run, offset: first.start)
            let length = first.end - first.start
            let context: String
            if let block = run.blockIndex {
                context = Snippet.around(Array(document.blockTexts[block].unicodeScalars)[...], start: run.offsetInBlock + first.start,
                                         length: length, width: 120)
            } else {
                context = Snippet.around(run.text, start: first.start, length: length, width: 120)
            }
            return NameSuggestion(
                name: name.name, occurrences: name.occurrences.count, documents: name.documents,
                example: document.body.location(path: document.path, line: position.line, column: position.column),
                context: context, aliasOf: name.aliasOf)
        }
    }

    /// How many names `suggest` would list with the default threshold, without
    /// locating examples: the count behind `dossier check`'s note.
    public static func recurringNameCount(_ model: SiteModel) -> Int {
        NameRanker.rank(read(model), known: known(model), minimumOccurrences: defaultMinimumOccurrences).count
    }

    static func known(_ model: SiteModel) -> KnownNames {
        KnownNames(actors: model.actors.map(\.actor), ignored: model.config.linking.ignore)
    }

    /// Every briefing and actor profile scanned, in site order: as the linker kept
    /// them when the build was asked to, otherwise parsed and scanned in parallel.
    static func read(_ model: SiteModel) -> [ScannedDocument] {
        struct Job: Sendable { var id: DocumentID; var path: String; var body: Body; var kept: ScannedDocument? }
        let jobs = model.briefings.map {
            Job(id: DocumentID(.briefing, $0.briefing.slug), path: $0.briefing.path, body: $0.briefing.body, kept: $0.linked.prose)
        } + model.actors.map {
            Job(id: DocumentID(.actor, $0.actor.slug), path: $0.actor.path, body: $0.actor.body, kept: $0.profile.prose)
        }
        if jobs.allSatisfy({ $0.kept != nil }) { return jobs.map { $0.kept! } }
        let matcher = proseMatcher(actors: model.actors.map(\.actor), config: model.config)
        let options = MarkdownOptions(allowRawHTML: model.config.allowRawHTML)
        return jobs.parallelMap { job in
            job.kept ?? ProseReader.read(id: job.id, path: job.path, body: job.body, matcher: matcher, options: options)
        }
    }

    /// Every actor's names, auto-linked or not, and the ignored phrases: a name an
    /// actor owns is never suggested.
    static func proseMatcher(actors: [Actor], config: SiteConfig) -> MentionMatcher {
        var names: [(name: String, owner: Int)] = []
        for (position, actor) in actors.enumerated() {
            names.append((actor.title, position))
            names += actor.aliases.map { ($0.value, position) }
        }
        names += config.linking.ignore.map { ($0, EntityIndex.ignoredOwner) }
        return MentionMatcher(names: names, caseSensitive: config.linking.caseSensitive)
    }
}
