/// Builds the site graph from the loaded project, the index and the linked documents.
public enum SiteModelBuilder {
    public static func build(
        project: LoadedProject, index: EntityIndex, linked: [DocumentID: LinkedDocument]
    ) -> (model: SiteModel, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let empty = { (id: DocumentID) in
            LinkedDocument(id: id, html: "", tableOfContents: [], mentions: [], plainText: "", wordCount: 0)
        }

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

        let coMentions = coMentionCounts(mentions)

        // Briefings.
        var actorSets: [String: Set<String>] = [:]
        var briefingsByActor: [String: [Int]] = [:]
        for (position, briefing) in sortedBriefings.enumerated() {
            let id = DocumentID(.briefing, briefing.slug)
            let actors = Set(briefing.actors.map(\.value)).union((linked[id]?.mentions ?? []).map(\.actor))
            actorSets[briefing.slug] = actors
            for actor in actors { briefingsByActor[actor, default: []].append(position) }
        }
        var eventsByOrigin: [DocumentID: [TimelineEvent]] = [:]
        for item in timeline { eventsByOrigin[item.origin, default: []].append(item) }
        let briefingModels = sortedBriefings.enumerated().map { position, briefing -> BriefingModel in
            let id = DocumentID(.briefing, briefing.slug)
            let document = linked[id] ?? empty(id)
            let mentioned = Set(document.mentions.map(\.actor))
            let principal = briefing.actors.map(\.value).filter { index.actor($0) != nil }
            for reference in briefing.actors where index.actor(reference.value) != nil && !mentioned.contains(reference.value) {
                diagnostics.append(.warning(
                    "principal actor '\(reference.value)' is never mentioned in the text of this briefing", at: reference.location))
            }
            var seenSecondary: Set<String> = Set(principal)
            let secondary = document.mentions.map(\.actor).filter { seenSecondary.insert($0).inserted }
            // Shared actors counted through the actor → briefings index, not by comparing every pair.
            var shared: [Int: Int] = [:]
            for actor in actorSets[briefing.slug] ?? [] {
                for other in briefingsByActor[actor] ?? [] where other != position { shared[other, default: 0] += 1 }
            }
            let related = shared.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(5)
                .map { (slug: sortedBriefings[$0.key].slug, shared: $0.value) }
            return BriefingModel(
                briefing: briefing, linked: document, principalActors: principal, secondaryActors: secondary,
                related: Array(related), events: eventsByOrigin[id] ?? [])
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
        let documentTitle = { (id: DocumentID) -> String in
            switch id.kind {
            case .actor: index.actor(id.slug)?.title ?? id.slug
            case .page: pageTitles[id.slug] ?? id.slug
            case .briefing: id.slug
            }
        }
        let actorModels = index.actors.map { actor -> ActorModel in
            let id = DocumentID(.actor, actor.slug)
            let others = (mentionsByActor[actor.slug] ?? []).filter { $0.document != id }
            let groups = ActorMentions.groups(others, title: documentTitle)
            let ends = (relationEnds[actor.slug] ?? []).sorted { lhs, rhs in
                (lhs.label, lhs.other, lhs.relation.since?.text ?? "") < (rhs.label, rhs.other, rhs.relation.since?.text ?? "")
            }
            // Counted over the passages "Mentioned in" lists, so the two sections agree.
            let ranked = ActorMentions.coMentions(of: actor.slug, mentions: others, actorsByPassage: actorsByPassage)
            let events = eventsByActor[actor.slug] ?? []
            return ActorModel(
                actor: actor, profile: linked[id] ?? empty(id), relations: ends, mentionsByDocument: groups,
                mentionCount: others.count, coMentions: ranked, events: events)
        }

        let pageModels = project.pages.sorted { $0.slug < $1.slug }.map { page in
            PageModel(page: page, linked: linked[DocumentID(.page, page.slug)] ?? empty(DocumentID(.page, page.slug)))
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

    /// Counts, for every pair of actors, the blocks and the documents that mention both.
    static func coMentionCounts(_ mentions: [Mention]) -> [CoMention] {
        struct Pair: Hashable { var a: String; var b: String }
        var blocks: [String: Set<String>] = [:]
        var documents: [DocumentID: Set<String>] = [:]
        for mention in mentions {
            documents[mention.document, default: []].insert(mention.actor)
            if let anchor = mention.anchor { blocks[mention.document.description + "#" + anchor, default: []].insert(mention.actor) }
        }
        var sameBlock: [Pair: Int] = [:]
        var sameDocument: [Pair: Int] = [:]
        func pairs(_ actors: Set<String>) -> [Pair] {
            let sorted = actors.sorted()
            var result: [Pair] = []
            for i in sorted.indices { for j in sorted.indices where j > i { result.append(Pair(a: sorted[i], b: sorted[j])) } }
            return result
        }
        for actors in blocks.values { for pair in pairs(actors) { sameBlock[pair, default: 0] += 1 } }
        for actors in documents.values { for pair in pairs(actors) { sameDocument[pair, default: 0] += 1 } }
        return sameDocument.keys.sorted { ($0.a, $0.b) < ($1.a, $1.b) }.map { pair in
            CoMention(actor: pair.a, other: pair.b, sameBlock: sameBlock[pair] ?? 0, sameDocument: sameDocument[pair]!)
        }
    }
}
