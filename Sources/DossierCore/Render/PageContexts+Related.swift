extension PageContexts {
    /// Shared actors named on a related briefing before the rest is only counted.
    static let sharedActorsShown = 4

    /// A related briefing as the briefing page lists it: title, date and why it is
    /// related ("Shares: Iran · Qatar"), the shared actors in the order this briefing
    /// presents them (principal actors, then others in reading order).
    func relatedBriefing(_ other: BriefingModel, sharing actors: RelatedActorOrder, from page: SiteURLs.Page) -> Context {
        let shared = actors.shared(with: other)
        // Each language looked up once, the actors read where they lie: each lookup hashed
        // a slug, and reading `Actor` whole copied it, for about 200,000 names at 10,000 briefings.
        let pageLanguage = language(of: page)
        let named = shared.prefix(Self.sharedActorsShown).compactMap { slug -> Context? in
            guard let position = actorsBySlug.position(of: slug) else { return nil }
            return actorsBySlug.read(at: position) { entry in
                let actorLanguage = entry.actor.language ?? siteLanguage
                return ["title": entry.actor.title, "kind": entry.actor.kind.rawValue,
                        "lang_dir_html": langDirHTML(actorLanguage, pageLanguage: pageLanguage),
                        "bdi_lang_dir_html": otherLanguageDirHTML(actorLanguage, pageLanguage: pageLanguage)] as Context
            }
        }
        let unnamed = shared.count - named.count
        let value = other.briefing
        return [
            "title": value.title, "url": urls.link(from: page, to: .briefing(value.slug)),
            "date": date(value.date, in: pageLanguage), "lang_dir_html": langDirHTML(value.language ?? siteLanguage, pageLanguage: pageLanguage),
            "shared_actors": named, "shared": shared.count,
            "shared_more": unnamed > 0 ? "+" + DisplayFormat.number(unnamed, in: pageLanguage) + " more" as Any : false,
        ]
    }
}

/// A briefing's actors in the order its page presents them (principal actors, then
/// others in reading order), each once, made once for all its related briefings: each
/// related briefing's actors are then looked up in it, where a set of them was made
/// for each and every actor of the briefing looked up in that.
struct RelatedActorOrder {
    private let slugs: [String]
    private let positions: [String: Int]

    init(_ briefing: BriefingModel) {
        self.init(principal: briefing.principalActors, secondary: briefing.secondaryActors)
    }

    init(principal: [String], secondary: [String]) {
        var slugs: [String] = []
        var positions: [String: Int] = [:]
        for slug in principal + secondary where positions[slug] == nil {
            positions[slug] = slugs.count
            slugs.append(slug)
        }
        self.slugs = slugs
        self.positions = positions
    }

    /// The actors `other` shares with the briefing, in the briefing's order.
    func shared(with other: BriefingModel) -> [String] {
        shared(principal: other.principalActors, secondary: other.secondaryActors)
    }

    func shared(principal: [String], secondary: [String]) -> [String] {
        var found: [Int] = []
        for slug in principal { if let position = positions[slug] { found.append(position) } }
        for slug in secondary { if let position = positions[slug] { found.append(position) } }
        found.sort()
        var shared: [String] = []
        shared.reserveCapacity(found.count)
        for (index, position) in found.enumerated() where index == 0 || found[index - 1] != position { shared.append(slugs[position]) }
        return shared
    }
}
