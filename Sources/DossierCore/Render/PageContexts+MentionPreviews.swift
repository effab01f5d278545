extension PageContexts {
    /// A page body with its actor links resolved into mention links marked for their
    /// preview cards, followed by the script that fetches and shows the cards
    /// (`assets/mentions.js`) on pages that have any: a body that links an actor, a
    /// briefing's actor chips, an actor's "Mentioned alongside". The cards themselves
    /// are files of their own (`ActorCards`), so the page holds none. Without the
    /// script, or opened from disk, the links are plain links and the page reads the same.
    func bodyWithMentionPreviews(_ html: String, from page: SiteURLs.Page) -> String {
        let root = urls.rootPrefix(from: page)
        let result = MentionLinks.resolve(html, rootPrefix: root) { slug in
            actorsBySlug.read(slug) { MentionLinks.Target(title: $0.actor.title, kind: $0.actor.kind) }
        }
        guard !result.linked.isEmpty || showsChipsWithCards(page) else { return result.html }
        return result.html + "\n<script src=\"" + root + urls.path(.asset("mentions.js")) + "\" defer></script>\n"
    }

    /// Whether the page shows chips drawn by the partials that open a card
    /// (`actor-chip` and `actor-chip-principal`), whose body is where the script goes.
    private func showsChipsWithCards(_ page: SiteURLs.Page) -> Bool {
        switch page {
        case .briefing(let slug):
            return briefingsBySlug.read(slug) { !$0.principalActors.isEmpty || !$0.secondaryActors.isEmpty } ?? false
        case .actor(let slug):
            return actorsBySlug.read(slug) { $0.coMentions.contains { $0.sameBlock > 0 } } ?? false
        default:
            return false
        }
    }
}
