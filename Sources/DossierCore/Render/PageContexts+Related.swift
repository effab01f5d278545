extension PageContexts {
    /// Shared actors named on a related briefing before the rest is only counted.
    static let sharedActorsShown = 4

    /// A related briefing as the briefing page lists it: title, date and why it is
    /// related ("Shares: Iran · Qatar"), the shared actors in the order this briefing
    /// presents them (principal actors, then others in reading order). `position`: the
    /// related briefing's in the model's briefings.
    func relatedBriefing(at position: Int, sharing actors: RelatedActorOrder<Int32>, numbers: BriefingActorNumbers,
                         from page: SiteURLs.Page) -> Context {
        let shared = actors.shared(principal: numbers.principal(of: position), secondary: numbers.secondary(of: position))
        // Each language looked up once, the actors read in place by their numbers
        // (their positions): each lookup hashed a slug, and reading `Actor` whole
        // copied it, for about 200,000 names at 10,000 briefings.
        // A loop, not a closure: a closure that calls back into the contexts took a copy
        // of them (a retain of each of their fields) for every related card.
        let pageLanguage = language(of: page)
        var named: [Context] = []
        named.reserveCapacity(min(shared.count, Self.sharedActorsShown))
        for number in shared.prefix(Self.sharedActorsShown) where Int(number) < numbers.actorCount {
            let actor = Int(number)
            let actorLanguage = model.actors[actor].actor.language ?? siteLanguage
            named.append(["title": model.actors[actor].actor.title, "kind": model.actors[actor].actor.kind.rawValue,
                          "lang_dir_html": langDirHTML(actorLanguage, pageLanguage: pageLanguage),
                          "bdi_lang_dir_html": otherLanguageDirHTML(actorLanguage, pageLanguage: pageLanguage)])
        }
        let unnamed = shared.count - named.count
        // The briefing's fields read in place: `Briefing` copied whole retained each of its fields.
        let slug = model.briefings[position].briefing.slug
        return [
            "title": model.briefings[position].briefing.title, "url": urls.link(from: page, to: .briefing(slug)),
            "date": date(model.briefings[position].briefing.date, in: pageLanguage),
            "lang_dir_html": langDirHTML(model.briefings[position].briefing.language ?? siteLanguage, pageLanguage: pageLanguage),
            "shared_actors": named, "shared": shared.count,
            "shared_more": unnamed > 0 ? "+" + DisplayFormat.number(unnamed, in: pageLanguage) + " more" as Any : false,
        ]
    }

    /// The numbers of the briefing's actors (`briefingActorNumbers`), in the order its
    /// page presents them, for its related briefings: a slug the table does not have
    /// (a briefing not in the model) is shared with none of them.
    func relatedActorOrder(_ briefing: BriefingModel, numbers: BriefingActorNumbers) -> RelatedActorOrder<Int32> {
        func numbered(_ slugs: [String]) -> [Int32] { slugs.indices.map { numbers.number(of: slugs[$0], actors: actorsBySlug) ?? -1 } }
        return RelatedActorOrder(principal: numbered(briefing.principalActors), secondary: numbered(briefing.secondaryActors))
    }

    /// Each briefing's actors as numbers, made the first time a page asks for them.
    var briefingActorNumbers: BriefingActorNumbers {
        briefingActorNumbersMemo.value { BriefingActorNumbers(briefings: model.briefings, actors: actorsBySlug, actorCount: model.actors.count) }
    }
}

/// A briefing's actors in the order its page presents them (principal actors, then
/// others in reading order), each once, made once for all its related briefings: each
/// related briefing's actors are then looked up in it, where a set of them was made
/// for each and every actor of the briefing looked up in that. The page reads it by
/// actor numbers (`BriefingActorNumbers`); a page has a few actors, so each is found
/// by a scan rather than a hash.
struct RelatedActorOrder<Name: Equatable> {
    private let names: [Name]

    init(principal: some Collection<Name>, secondary: some Collection<Name>) {
        var names: [Name] = []
        names.reserveCapacity(principal.count + secondary.count)
        for name in principal where !names.contains(name) { names.append(name) }
        for name in secondary where !names.contains(name) { names.append(name) }
        self.names = names
    }

    /// The names among `principal` and `secondary` (another briefing's actors) that the
    /// briefing has, each once, in the briefing's order.
    func shared(principal: some Collection<Name>, secondary: some Collection<Name>) -> [Name] {
        var found: [Int] = []
        for name in principal { if let index = names.firstIndex(of: name) { found.append(index) } }
        for name in secondary { if let index = names.firstIndex(of: name) { found.append(index) } }
        found.sort()
        var shared: [Name] = []
        shared.reserveCapacity(found.count)
        for (index, position) in found.enumerated() where index == 0 || found[index - 1] != position { shared.append(names[position]) }
        return shared
    }
}
