/// Builds the site graph from the loaded project, the index and the linked documents.
public enum SiteModelBuilder {
    public static func build(
        project: LoadedProject, index: EntityIndex, linked: [DocumentID: LinkedDocument]
    ) -> (model: SiteModel, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []

        // Events, oldest first, each with a stable anchor.
        var timeline: [TimelineEvent] = []
        var eventNamer = AnchorNamer()
        let sortedBriefings = project.briefings.sorted {
            $0.date != $1.date ? $0.date > $1.date : $0.slug < $1.slug
        }
        var rawEvents: [(Event, DocumentID)] = []
        for briefing in sortedBriefings { rawEvents += briefing.events.map { ($0, DocumentID(.briefing, briefing.slug)) } }
        for actor in index.actors { rawEvents += actor.events.map { ($0, DocumentID(.actor, actor.slug)) } }
        rawEvents.sort { lhs, rhs in
            if lhs.0.date != rhs.0.date { return lhs.0.date < rhs.0.date }
            if lhs.0.title != rhs.0.title { return lhs.0.title < rhs.0.title }
            return lhs.1 < rhs.1
        }
        for (event, origin) in rawEvents {
            let anchor = eventNamer.name(for: .heading(level: 3), text: "event " + event.date.isoDay + " " + event.title)
            timeline.append(TimelineEvent(event: event, origin: origin, anchor: anchor))
        }

        // All mentions in site order: briefings newest first, then actors, then pages.
        let documentOrder: [DocumentID] = sortedBriefings.map { DocumentID(.briefing, $0.slug) }
            + index.actors.map { DocumentID(.actor, $0.slug) }
            + project.pages.sorted { $0.slug < $1.slug }.map { DocumentID(.page, $0.slug) }
        let mentions = documentOrder.flatMap { linked[$0]?.mentions ?? [] }

        let coMentions = CoMentionCounter.count(mentions)

        // Briefings: actors as integer ids (unknown slugs too, so that they count
        // as shared exactly like known ones), related briefings ranked in parallel.
        var actorIDs: [String: Int] = [:]
        for (position, actor) in index.actors.enumerated() { actorIDs[actor.slug] = position }
        let actorSets = sortedBriefings.map { briefing -> [Int] in
            let id = DocumentID(.briefing, briefing.slug)
            var ids: Set<Int> = []
            for slug in briefing.actors.map(\.value) + (linked[id]?.mentions ?? []).map(\.actor) {
                if let known = actorIDs[slug] {
                    ids.insert(known)
                } else {
                    actorIDs[slug] = actorIDs.count
                    ids.insert(actorIDs.count - 1)
                }
            }
            return ids.sorted()
        }
        let related = RelatedBriefings.rank(actorSets, actorCount: actorIDs.count, limit: 5)
        let eventsByOrigin = Dictionary(grouping: timeline, by: \.origin)
        for briefing in sortedBriefings {
            let mentioned = Set((linked[DocumentID(.briefing, briefing.slug)]?.mentions ?? []).map(\.actor))
            for reference in briefing.actors where index.actor(reference.value) != nil && !mentioned.contains(reference.value) {
                diagnostics.append(.warning(
                    "principal actor '\(reference.value)' is never mentioned in the text of this briefing", at: reference.location))
            }
        }
        let briefingSlugs = sortedBriefings.map(\.slug)
        let briefingModels = Array(sortedBriefings.enumerated()).parallelMap { position, briefing -> BriefingModel in
            let id = DocumentID(.briefing, briefing.slug)
            let document = linked[id] ?? emptyDocument(id)
            let principal = briefing.actors.map(\.value).filter { index.actor($0) != nil }
            var seenSecondary: Set<String> = Set(principal)
            let secondary = document.mentions.map(\.actor).filter { seenSecondary.insert($0).inserted }
            return BriefingModel(
                briefing: briefing, linked: document, principalActors: principal, secondaryActors: secondary,
                related: related[position].map { (slug: briefingSlugs[$0.position], shared: $0.shared) },
                events: eventsByOrigin[id] ?? [])
        }

        // Actors.
        var relationEnds: [String: [RelationEnd]] = [:]
        for relation in index.relations {
            relationEnds[relation.from, default: []].append(
                RelationEnd(relation: relation, direction: .outgoing, other: relation.to, label: relation.type.label))
            relationEnds[relation.to, default: []].append(
                RelationEnd(relation: relation, direction: .incoming, other: relation.from, label: relation.type.inverseLabel))
        }
        var eventsByActor: [String: [TimelineEvent]] = [:]
        for item in timeline {
            let involved = Set(item.event.actors.map(\.value) + [item.event.place?.value].compactMap { $0 })
            for slug in involved { eventsByActor[slug, default: []].append(item) }
        }
        var mentionsByActor: [String: [Mention]] = [:]
        for mention in mentions { mentionsByActor[mention.actor, default: []].append(mention) }
        let actorsByPassage = ActorMentions.actorsByPassage(mentions)
        let pageTitles = Dictionary(project.pages.map { ($0.slug, $0.title) }, uniquingKeysWith: { first, _ in first })
        let documentTitle = { @Sendable (id: DocumentID) -> String in
            switch id.kind {
            case .actor: index.actor(id.slug)?.title ?? id.slug
            case .page: pageTitles[id.slug] ?? id.slug
            case .briefing: id.slug
            }
        }
        // Frozen for the parallel map.
        let mentionsOf = mentionsByActor, endsOf = relationEnds, eventsOf = eventsByActor
        let actorModels = index.actors.parallelMap { actor -> ActorModel in
            let id = DocumentID(.actor, actor.slug)
            let others = (mentionsOf[actor.slug] ?? []).filter { $0.document != id }
            let groups = ActorMentions.groups(others, title: documentTitle)
            let ends = (endsOf[actor.slug] ?? []).sorted { lhs, rhs in
                (lhs.label, lhs.other, lhs.relation.since?.text ?? "") < (rhs.label, rhs.other, rhs.relation.since?.text ?? "")
            }
            // Counted over the passages "Mentioned in" lists, so the two sections agree.
            let ranked = ActorMentions.coMentions(of: actor.slug, mentions: others, actorsByPassage: actorsByPassage)
            let events = eventsOf[actor.slug] ?? []
            return ActorModel(
                actor: actor, profile: linked[id] ?? emptyDocument(id), relations: ends, mentionsByDocument: groups,
                mentionCount: others.count, coMentions: ranked, events: events)
        }

        let pageModels = project.pages.sorted { $0.slug < $1.slug }.map { page in
            PageModel(page: page, linked: linked[DocumentID(.page, page.slug)] ?? emptyDocument(DocumentID(.page, page.slug)))
        }

        var tagMap: [String: [String]] = [:]
        for briefing in sortedBriefings {
            for tag in Set(briefing.tags) where !tag.isEmpty { tagMap[tag, default: []].append(briefing.slug) }
        }
        let tags = tagMap.keys.sorted().map { (tag: $0, briefings: tagMap[$0]!) }

        let model = SiteModel(
            config: project.config, briefings: briefingModels, actors: actorModels, pages: pageModels,
            relations: index.relations, relationTypes: index.relationTypes, timeline: timeline, mentions: mentions,
            coMentions: coMentions, tags: tags)
        return (model, diagnostics)
    }

    /// What a document that was not linked (it failed to load or parse) shows.
    private static func emptyDocument(_ id: DocumentID) -> LinkedDocument {
        LinkedDocument(id: id, html: "", tableOfContents: [], mentions: [], plainText: "", wordCount: 0)
    }
}
