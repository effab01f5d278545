/// A typed relation between two actors, resolved against the vocabulary.
public struct Relation: Sendable, Hashable {
    public var type: RelationType
    public var from: String
    public var to: String
    public var since: PartialDate?
    public var until: PartialDate?
    public var note: String?
    public var source: Source?
    public var location: SourceLocation
}

/// Everything known about the actors before any prose is read: slugs, names,
/// relations, and the automaton that finds names in text.
public struct EntityIndex: Sendable {
    /// Sorted by slug.
    public let actors: [Actor]
    public let relations: [Relation]
    public let relationTypes: [String: RelationType]
    public let matcher: MentionMatcher
    /// Matcher owner for phrases from `linking.ignore`.
    public static let ignoredOwner = -1
    private let positions: [String: Int]
    /// Made the first time a reference is unknown: most builds have none, and it
    /// slugifies every name (a tenth of the index stage at 2,000 actors).
    private let suggestion: ComputedOnce<ActorSuggestion>
    var actorSuggestion: ActorSuggestion { suggestion.value { ActorSuggestion(actors) } }

    public func actor(_ slug: String) -> Actor? {
        positions[slug].map { actors[$0] }
    }

    /// The position of an actor in `actors`, which is also its owner id in `matcher`.
    public func position(of slug: String) -> Int? { positions[slug] }

    public var slugs: [String] { actors.map(\.slug) }

    init(actors: [Actor], relations: [Relation], relationTypes: [String: RelationType], matcher: MentionMatcher,
         actorSuggestion: ComputedOnce<ActorSuggestion> = ComputedOnce()) {
        self.actors = actors
        self.relations = relations
        self.relationTypes = relationTypes
        self.matcher = matcher
        self.positions = Dictionary(uniqueKeysWithValues: actors.enumerated().map { ($1.slug, $0) })
        self.suggestion = actorSuggestion
    }
}

public enum EntityIndexer {
    public static func build(_ project: LoadedProject) -> (index: EntityIndex, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        let actors = project.actors.filter { seen.insert($0.slug).inserted }.sorted { $0.slug < $1.slug }
        let slugs = actors.map(\.slug)
        let slugSet = Set(slugs)
        let positions = Dictionary(uniqueKeysWithValues: slugs.enumerated().map { ($1, $0) })
        let types = RelationVocabulary.types(custom: project.config.relationTypes)
        let caseSensitive = project.config.linking.caseSensitive

        let actorSuggestion = ComputedOnce<ActorSuggestion>()
        func checkActor(_ reference: Located<String>, what: String) {
            guard !slugSet.contains(reference.value) else { return }
            diagnostics.append(.error(
                "unknown actor '\(reference.value)' in \(what)\(actorSuggestion.value { ActorSuggestion(actors) }.didYouMean(reference.value))",
                at: reference.location))
        }

        func checkEvent(_ event: Event) {
            for reference in event.actors { checkActor(reference, what: "event actors") }
            if let place = event.place {
                checkActor(place, what: "event place")
                if let position = positions[place.value], actors[position].kind != .place {
                    diagnostics.append(.warning("event place '\(place.value)' is \(actors[position].kind == .organization || actors[position].kind == .agreement ? "an" : "a") \(actors[position].kind.rawValue), not a place", at: place.location))
                }
            }
        }

        // Names: every title and alias, and where it was written.
        struct NameClaim { var actor: Int; var name: String; var location: SourceLocation; var isTitle: Bool }
        var claims: [[UInt32]: [NameClaim]] = [:]
        var names: [(name: String, owner: Int)] = []
        for (position, actor) in actors.enumerated() {
            var own: Set<[UInt32]> = []
            let entries = [(actor.title, actor.titleLocation, true)] + actor.aliases.map { ($0.value, $0.location, false) }
            for (name, location, isTitle) in entries {
                let key = NameFolding.key(name, caseSensitive: caseSensitive)
                guard !key.isEmpty else {
                    diagnostics.append(.error("empty name", at: location))
                    continue
                }
                guard own.insert(key).inserted else {
                    if !isTitle { diagnostics.append(.warning("alias '\(name)' repeats a name of this actor", at: location)) }
                    continue
                }
                claims[key, default: []].append(NameClaim(actor: position, name: name, location: location, isTitle: isTitle))
                if actor.autolink { names.append((name, position)) }
                if actor.autolink, let weakness = WeakName.weakness(of: name, caseSensitive: caseSensitive) {
                    diagnostics.append(.warning(weakness.message(name: name, isTitle: isTitle, slug: actor.slug), at: location))
                }
            }
        }
        for phrase in project.config.linking.ignore {
            names.append((phrase, EntityIndex.ignoredOwner))
        }
        // Its automaton made on the other core while the names' claims, the relations
        // and the briefings' references are checked, which it does not depend on.
        let matcherWork = BackgroundWork { [names] in MentionMatcher(names: names, caseSensitive: caseSensitive) }

        for key in claims.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let claimants = claims[key]!
            guard claimants.count > 1 else { continue }
            // An actor that opts out of auto-linking cannot be found in prose, so it may share a name.
            let linked = claimants.filter { actors[$0.actor].autolink }
            guard linked.count > 1 else { continue }
            for claim in linked.dropFirst() {
                let first = linked[0]
                let firstActor = actors[first.actor]
                let what = claim.isTitle ? "the name" : "the alias"
                let theirs = first.isTitle ? "the name" : "an alias"
                diagnostics.append(.error(
                    "\(what) '\(claim.name)' of '\(actors[claim.actor].slug)' is also \(theirs) of '\(firstActor.slug)' (\(firstActor.path)); "
                        + "remove one, or set 'autolink: false' on one of them",
                    at: claim.location))
            }
        }

        // Relations.
        var relations: [Relation] = []
        var declared: [String: SourceLocation] = [:]
        for actor in actors {
            for declaration in actor.relations {
                guard let type = types[declaration.type.value] else {
                    diagnostics.append(.error(
                        "unknown relation type '\(declaration.type.value)'"
                            + (Suggestion.closestTerm(to: declaration.type.value, in: types.keys.sorted()).map { " (did you mean '\($0)'?)" } ?? "")
                            + "; add it under 'relation_types' in dossier.yml",
                        at: declaration.type.location))
                    continue
                }
                guard slugSet.contains(declaration.target.value) else {
                    checkActor(declaration.target, what: "relation target")
                    continue
                }
                guard declaration.target.value != actor.slug else {
                    diagnostics.append(.error("an actor cannot be related to itself", at: declaration.target.location))
                    continue
                }
                let ends = type.symmetric ? [actor.slug, declaration.target.value].sorted() : [actor.slug, declaration.target.value]
                let key = type.name + " " + ends.joined(separator: " ") + " " + (declaration.since?.text ?? "")
                if let first = declared[key] {
                    diagnostics.append(.warning(
                        "relation '\(type.name)' between '\(ends[0])' and '\(ends[1])' is already declared at \(first); declare it at one end only",
                        at: declaration.location))
                    continue
                }
                declared[key] = declaration.location
                let source = declaration.source.flatMap { id in actor.sources.first { $0.id == id } }
                relations.append(Relation(
                    type: type, from: actor.slug, to: declaration.target.value, since: declaration.since,
                    until: declaration.until, note: declaration.note, source: source, location: declaration.location))
            }
            for event in actor.events { checkEvent(event) }
        }

        for briefing in project.briefings {
            for reference in briefing.actors { checkActor(reference, what: "actors") }
            for event in briefing.events { checkEvent(event) }
        }
        let index = EntityIndex(actors: actors, relations: relations, relationTypes: types, matcher: matcherWork.value,
                                actorSuggestion: actorSuggestion)
        return (index, diagnostics)
    }
}
