extension PageContexts {
    /// Shared actors named on a related briefing before the rest is only counted.
    static let sharedActorsShown = 4

    /// A related briefing as the briefing page lists it: title, date and why it is
    /// related ("Shares: Iran · Qatar"), the shared actors in the order this briefing
    /// presents them (principal actors, then others in reading order).
    func relatedBriefing(_ other: BriefingModel, of briefing: BriefingModel, from page: SiteURLs.Page) -> Context {
        let theirs = Set(other.principalActors + other.secondaryActors)
        var seen: Set<String> = []
        let shared = (briefing.principalActors + briefing.secondaryActors).filter { theirs.contains($0) && seen.insert($0).inserted }
        let named = shared.prefix(Self.sharedActorsShown).compactMap { slug -> Context? in
            guard let actor = actorsBySlug.read(slug, \.actor) else { return nil }
            return ["title": actor.title, "kind": actor.kind.rawValue,
                    "lang_dir_html": langDirHTML(language(of: .actor(slug)), on: page),
                    "bdi_lang_dir_html": otherLanguageDirHTML(language(of: .actor(slug)), on: page)]
        }
        let unnamed = shared.count - named.count
        let value = other.briefing
        return [
            "title": value.title, "url": urls.link(from: page, to: .briefing(value.slug)),
            "date": date(value.date, on: page), "lang_dir_html": langDirHTML(language(of: .briefing(value.slug)), on: page),
            "shared_actors": named, "shared": shared.count,
            "shared_more": unnamed > 0 ? "+" + number(unnamed, on: page) + " more" as Any : false,
        ]
    }
}
