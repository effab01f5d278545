extension PageContexts {
    /// Page 2 or later of an actor's "Mentioned in" (`actors/iran/mentions/2/`): the
    /// documents the actor page has no room for, under the same kind headings: quoted
    /// while within `actor_quotes`, a line each after it.
    func actorMentions(_ actor: ActorModel, pageNumber: Int) -> Context {
        let value = actor.actor
        let list = PagedList.actorMentions(value.slug)
        let pager = mentionPager(actor)
        let page = list.page(pageNumber)
        let title = pagedTitle("\(value.title): mentioned in", list, pager: pager, current: pageNumber)
        return merge(common(page, title: title, description: value.summary, section: "actors"), [
            "title": value.title, "kind": value.kind.rawValue, "kind_label": value.kind.label,
            "actor_url": urls.link(from: page, to: .actor(value.slug)),
            "mentions_label": DisplayFormat.count(actor.mentionCount, "mention", in: language(of: page)) + " elsewhere on the site",
            "mention_sections": mentionSections(actor, documents: pager.range(ofPage: pageNumber), on: page),
            "mentions_pagination": paginationContext(list, pager: pager, current: pageNumber),
        ])
    }
}
