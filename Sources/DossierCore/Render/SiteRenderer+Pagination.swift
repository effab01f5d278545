extension SiteRenderer {
    /// Pages 2 and later of every paginated list, in a fixed order (for the sitemap).
    /// `actorRekeying` knows the "Mentioned in" page counts of the actors it does not key.
    static func laterPages(_ model: SiteModel, contexts: PageContexts, sourceCount: Int, actorRekeying: ActorPageRekeying = .everyActor) -> [Job] {
        var lists: [(PagedList, Int)] = [(.briefings, model.briefings.count), (.sources, sourceCount), (.tags, model.tags.count), (.actors, model.actors.count),
                                         (.timeline, model.timeline.count)]
        lists += model.tags.map { (PagedList.tag($0.tag), $0.briefings.count) }
        var pageCounts = lists.map { list, count in (list, contexts.pager(list, count: count).pageCount) }
        pageCounts += model.actors.compactMap { actor in
            let count = actorRekeying.mentionPageCount(of: actor, contexts: contexts)
            return count < 2 ? nil : (PagedList.actorMentions(actor.actor.slug), count)
        }
        return pageCounts.flatMap { list, pageCount -> [Job] in
            pageCount < 2 ? [] : (2...pageCount).map { Job.listPage(list, $0) }
        }
    }

    /// Whether an actor's "Mentioned in" fits on its own page however its mentions
    /// fall into passages: no more documents than a page holds, and no more mentions
    /// than its passage budget (a document weighs its passages, at most its mentions).
    /// Most actors do, and paging them counted the passages of every group each build.
    static func fitsOnePage(_ actor: ActorModel, contexts: PageContexts) -> Bool {
        let size = contexts.model.config.paginateBy
        let groups = actor.mentionGroups.groups
        guard groups.count <= size else { return false }
        var mentions = 0
        // Only quoted documents show their passages; the budget is theirs.
        for group in groups.prefix(contexts.quotedMentionGroups(of: actor)) { mentions += group.count }
        return mentions <= size * PageContexts.passagesPerDocumentOnAverage
    }

    /// The template and context of page `number` ≥ 2 of `list`; nil if the list is gone.
    static func laterPage(
        _ list: PagedList, _ number: Int, model: SiteModel, contexts: PageContexts, sourceEntries: [SourceEntry]
    ) -> (String, [String: Any])? {
        switch list {
        case .briefings: return ("briefings", contexts.briefingsIndex(pageNumber: number))
        case .sources: return ("sources", contexts.sources(sourceEntries, pageNumber: number))
        case .tags: return ("tags", contexts.tagsIndex(pageNumber: number))
        case .actors: return ("actors", contexts.actorsIndex(pageNumber: number))
        case .timeline: return ("timeline", contexts.timeline(pageNumber: number))
        case .tag(let tag):
            guard let briefings = model.tags.first(where: { $0.tag == tag })?.briefings else { return nil }
            return ("tag", contexts.tag(tag, briefings: briefings, pageNumber: number))
        case .actorMentions(let slug):
            guard let actor = contexts.actorsBySlug[slug] else { return nil }
            return ("actor-mentions", contexts.actorMentions(actor, pageNumber: number))
        }
    }

    /// The inputs key of page `number` ≥ 2 of `list`, for the lists that have one
    /// (`PageContexts+Inputs`, `PageContexts+ListInputs`); nil for the others, whose
    /// pages are keyed on their context.
    static func listPageInputs(
        _ list: PagedList, _ number: Int, model: SiteModel, contexts: PageContexts, fingerprints: DocumentFingerprints, templates: String
    ) -> String? {
        switch list {
        case .actorMentions(let slug):
            guard let actor = contexts.actorsBySlug[slug] else { return nil }
            return contexts.actorMentionsInputs(actor, pageNumber: number, fingerprints: fingerprints, templates: templates)
        case .briefings:
            return contexts.briefingListInputs(.briefings, count: model.briefings.count, pageNumber: number, fingerprints: fingerprints,
                                               templates: templates) { Array($0) }
        case .tag(let tag):
            guard let slugs = model.tags.first(where: { $0.tag == tag })?.briefings else { return nil }
            return contexts.briefingListInputs(list, count: slugs.count, pageNumber: number, fingerprints: fingerprints, templates: templates) {
                contexts.briefingPositions(slugs[$0])
            }
        case .timeline:
            return contexts.timelineInputs(pageNumber: number, fingerprints: fingerprints, templates: templates)
        case .sources, .tags, .actors:
            return nil
        }
    }
}
