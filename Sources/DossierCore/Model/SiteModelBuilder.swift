import Foundation

/// Builds the site graph from the loaded project, the index and the linked documents.
///
/// Each kind of entry (a briefing, an actor, a page) is made by its own function from
/// explicit inputs, so that `dossier serve`'s fast path (`LiveUpdate`) patches one
/// entry through the same code that builds the whole model.
public enum SiteModelBuilder {
    /// Related briefings shown per briefing.
    static let relatedLimit = 5
    /// Co-mentioned actors kept per actor, strongest first: more than its page shows
    /// (12 chips, 6 in its picture). All of them, each pair twice, were about a
    /// gigabyte at 100,000 briefings; the site's every pair stays in `SiteModel.coMentions`.
    static let coMentionsPerActor = 25

    /// With a `cache`, the counts over all mentions come from the model memo when what
    /// they count is unchanged (`ModelMemo`); `linkedForms` (`LinkMemo.linkAll`) spare
    /// hashing the mentions of documents linked as in the last build.
    public static func build(
        project: LoadedProject, index: EntityIndex, linked: [DocumentID: LinkedDocument], linkedForms: [DocumentID: String] = [:],
        cache: BuildCache? = nil, root: URL? = nil
    ) -> (model: SiteModel, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let order = if let cache, let root {
            ModelOrderMemo.order(briefings: project.briefings, actors: index.actors, cache: cache, root: root).order
        } else {
            SiteOrder(briefings: project.briefings, actors: index.actors)
        }
        let sortedBriefings = order.sortedBriefings(project.briefings)
        // The timeline and the actors' groups depend on no count over the mentions: they
        // are made beside the aggregates, which a cached build reads from its memo.
        let timelineWork = BackgroundWork { order.timelineByOrigin(sortedBriefings: sortedBriefings, actors: index.actors) }
        let eventsByActorWork = BackgroundWork { eventsByActor(timelineWork.value.timeline) }

        // All mentions in site order: briefings newest first, then actors, then pages.
        let documentOrder: [DocumentID] = sortedBriefings.map { DocumentID(.briefing, $0.slug) }
            + index.actors.map { DocumentID(.actor, $0.slug) }
            + project.pages.sorted { $0.slug < $1.slug }.map { DocumentID(.page, $0.slug) }
        // Looked up once: each lookup copies the whole document out of the dictionary.
        let mentionLists = documentOrder.map { linked[$0]?.mentionList }
        let groupsWork = BackgroundWork { siteOrderGroups(documentOrder: documentOrder, mentionLists: mentionLists) }
        // Made into one list only if the aggregates are counted again or an export reads it.
        let siteMentions = SiteMentionList(documentOrder: documentOrder, mentionLists: mentionLists)

        let aggregates: MentionAggregates
        // Aggregates counted again are written to the cache while the entries below are made.
        let memoWrite: ModelMemoWrite
        if let cache, let root {
            let found = ModelMemo.aggregatesWritingBeside(
                mentions: siteMentions, documentOrder: documentOrder, briefings: sortedBriefings, linked: linked,
                linkedForms: linkedForms, cache: cache, root: root)
            aggregates = found.result.aggregates
            memoWrite = found.write
        } else {
            aggregates = MentionAggregates(mentions: siteMentions, briefings: sortedBriefings, linked: linked)
            memoWrite = ModelMemoWrite(nil)
        }
        let coMentions = aggregates.coMentions
        let related = aggregates.related
        let (timeline, eventsByOrigin) = timelineWork.value
        // By index: iterating would copy every briefing.
        for position in sortedBriefings.indices {
            // The actors the text mentions, from the document's summaries, without reading its mentions.
            let mentioned = mentionLists[position]?.actors ?? []
            for reference in sortedBriefings[position].actors where index.position(of: reference.value) != nil
                && !mentioned.contains(where: { $0.actor == reference.value }) {
                diagnostics.append(.warning(
                    "principal actor '\(reference.value)' is never mentioned in the text of this briefing", at: reference.location))
            }
        }
        let briefingSlugs = sortedBriefings.map(\.slug)
        // By position: an array of (position, briefing) pairs would copy every briefing once more.
        let briefingModels = Array(sortedBriefings.indices).parallelMap { position -> BriefingModel in
            let briefing = sortedBriefings[position]
            let id = DocumentID(.briefing, briefing.slug)
            return briefingModel(
                briefing, linked: linked[id], index: index,
                related: related[position].map { (slug: briefingSlugs[$0.position], shared: $0.shared) },
                events: eventsByOrigin[position])
        }

        // Actors.
        let relationEnds = relationEnds(index.relations)
        let rankedCoMentions = aggregates.rankedCoMentions
        let documentTitle = documentTitles(project: project, index: index)
        // Frozen for the parallel map.
        let eventsOf = eventsByActorWork.value
        let groupsOf = groupsWork.value
        let actors = index.actors
        let actorModels = Array(actors.indices).parallelMap { position -> ActorModel in
            let actor = actors[position]
            // A profile's own mentions are not listed.
            let profile = DocumentID(.actor, actor.slug)
            return actorModel(
                actor, profile: linked[profile], siteOrderGroups: groupsOf.groups(of: actor.slug, leavingOut: profile), in: groupsOf,
                relations: relationEnds[actor.slug] ?? [],
                events: eventsOf[actor.slug] ?? [], coMentions: rankedCoMentions[actor.slug] ?? [], documentTitle: documentTitle)
        }

        let pageModels = project.pages.sorted { $0.slug < $1.slug }.map { page in
            pageModel(page, linked: linked[DocumentID(.page, page.slug)])
        }

        var tagMap: [String: [String]] = [:]
        for briefing in sortedBriefings {
            for tag in Set(briefing.tags) where !tag.isEmpty { tagMap[tag, default: []].append(briefing.slug) }
        }
        let tags = tagMap.keys.sorted().map { (tag: $0, briefings: tagMap[$0]!) }

        let model = SiteModel(
            config: project.config, briefings: briefingModels, actors: actorModels, pages: pageModels,
            relations: index.relations, relationTypes: index.relationTypes, timeline: timeline, mentionList: siteMentions,
            coMentions: coMentions, tags: tags)
        // The cache is read and tidied after this stage.
        memoWrite.wait()
        return (model, diagnostics)
    }

    // MARK: One entry each

    /// A briefing's entry, given its related briefings (see `RelatedInputs`) and the
    /// timeline events it states.
    static func briefingModel(
        _ briefing: Briefing, linked: LinkedDocument?, index: EntityIndex,
        related: [(slug: String, shared: Int)], events: [TimelineEvent]
    ) -> BriefingModel {
        let document = linked ?? emptyDocument(DocumentID(.briefing, briefing.slug))
        // By position: `index.actor` would copy the actor only to test that it exists.
        let principal = briefing.actors.map(\.value).filter { index.position(of: $0) != nil }
        // The summaries name each actor once, so only the few principal ones are left out:
        // a set of them per briefing cost more than looking through them.
        let secondary = document.mentionedActors.compactMap { principal.contains($0.actor) ? nil : $0.actor }
        return BriefingModel(
            briefing: briefing, linked: document, principalActors: principal, secondaryActors: secondary,
            related: related, events: events)
    }

    /// An actor's entry. `mentions` are all of the actor's mentions in site order (its
    /// own profile's included); `actorsByPassage` must cover at least the passages of
    /// the documents that mention it.
    static func actorModel(
        _ actor: Actor, profile: LinkedDocument?, mentions: [Mention], relations: [RelationEnd], events: [TimelineEvent],
        actorsByPassage: [ActorMentions.PassageKey: Set<String>], documentTitle: (DocumentID) -> String
    ) -> ActorModel {
        let id = DocumentID(.actor, actor.slug)
        // Counted over the passages "Mentioned in" lists, so the two sections agree.
        let ranked = ActorMentions.coMentions(of: actor.slug, mentions: mentions.filter { $0.document != id }, actorsByPassage: actorsByPassage)
        return actorModel(actor, profile: profile, mentions: mentions, relations: relations, events: events, coMentions: ranked,
                          documentTitle: documentTitle)
    }

    /// An actor's entry with its co-mentions ranked already, as
    /// `ActorMentions.coMentionsOfEveryActor` ranks every actor's at once in a full build.
    static func actorModel(
        _ actor: Actor, profile: LinkedDocument?, mentions: [Mention], relations: [RelationEnd], events: [TimelineEvent],
        coMentions: [CoMention], documentTitle: (DocumentID) -> String
    ) -> ActorModel {
        let id = DocumentID(.actor, actor.slug)
        let others = mentions.filter { $0.document != id }
        return actorModel(actor, profile: profile, siteOrderGroups: ActorMentions.siteOrderGroups(others),
                          mentionCount: others.count, relations: relations, events: events, coMentions: coMentions, documentTitle: documentTitle)
    }

    /// An actor's entry from its mentions in other documents, one group per document in site order.
    static func actorModel(
        _ actor: Actor, profile: LinkedDocument?, siteOrderGroups: [(document: DocumentID, mentions: [Mention])], mentionCount: Int,
        relations: [RelationEnd], events: [TimelineEvent], coMentions: [CoMention], documentTitle: (DocumentID) -> String
    ) -> ActorModel {
        let groups = ActorMentionGroups(ActorMentions.inReadingOrder(siteOrderGroups, document: \.document, title: documentTitle))
        return actorModel(actor, profile: profile, groups: groups, mentionCount: mentionCount, relations: relations, events: events,
                          coMentions: coMentions)
    }

    /// An actor's entry from the groups of the documents that mention it, in site order,
    /// whose mentions are made only when a page reads them.
    static func actorModel(
        _ actor: Actor, profile: LinkedDocument?, siteOrderGroups: [ActorMentionGroups.StoredGroup], in site: SiteOrderGroups,
        relations: [RelationEnd], events: [TimelineEvent], coMentions: [CoMention], documentTitle: (DocumentID) -> String
    ) -> ActorModel {
        let inReadingOrder = ActorMentions.inReadingOrder(siteOrderGroups, document: site.document(of:), title: documentTitle)
        let groups = ActorMentionGroups(actor: actor.slug, sources: site.sources, groups: inReadingOrder)
        return actorModel(actor, profile: profile, groups: groups, mentionCount: siteOrderGroups.reduce(0) { $0 + Int($1.count) },
                          relations: relations, events: events, coMentions: coMentions)
    }

    private static func actorModel(
        _ actor: Actor, profile: LinkedDocument?, groups: ActorMentionGroups, mentionCount: Int, relations: [RelationEnd],
        events: [TimelineEvent], coMentions: [CoMention]
    ) -> ActorModel {
        let id = DocumentID(.actor, actor.slug)
        let ends = relations.sorted { lhs, rhs in
            (lhs.label, lhs.other, lhs.relation.since?.text ?? "") < (rhs.label, rhs.other, rhs.relation.since?.text ?? "")
        }
        return ActorModel(
            actor: actor, profile: profile ?? emptyDocument(id), relations: ends, mentionGroups: groups,
            mentionCount: mentionCount, coMentions: Array(coMentions.prefix(coMentionsPerActor)), events: events)
    }

    /// Each actor's groups, one per document that mentions it, in site order, from the
    /// documents' summaries (`MentionedActor`): no mention is decoded or copied.
    static func siteOrderGroups(
        documentOrder: [DocumentID], linked: [DocumentID: LinkedDocument]
    ) -> SiteOrderGroups {
        siteOrderGroups(documentOrder: documentOrder, mentionLists: documentOrder.map { linked[$0]?.mentionList })
    }

    /// `siteOrderGroups` from each document's mention list, by position in `documentOrder`.
    static func siteOrderGroups(documentOrder: [DocumentID], mentionLists: [MentionList?]) -> SiteOrderGroups {
        var documents: [DocumentID] = []
        var lists: [MentionList] = []
        var numbering = FirstSeenNumbering()
        var actors: [Int32] = []
        var groups: [ActorMentionGroups.StoredGroup] = []
        for (id, list) in zip(documentOrder, mentionLists) {
            guard let list, !list.actors.isEmpty else { continue }
            let source = documents.count
            documents.append(id)
            lists.append(list)
            // By index: iterating would copy every summary.
            let named = list.actors
            for position in named.indices {
                actors.append(Int32(numbering.id(of: named[position].actor)))
                groups.append(ActorMentionGroups.StoredGroup(source: source, count: named[position].count, passages: named[position].passages))
            }
        }
        return SiteOrderGroups(sources: MentionSources(documents: documents, lists: lists), slugs: numbering.strings, actors: actors, groups: groups)
    }

    static func pageModel(_ page: Page, linked: LinkedDocument?) -> PageModel {
        PageModel(page: page, linked: linked ?? emptyDocument(DocumentID(.page, page.slug)))
    }

    // MARK: Shared inputs

    /// `briefings` newest first, then by slug. Sorted as positions and copied once:
    /// a merge sort of the values copied every briefing (fifteen references each) at
    /// every merge, a tenth of a cached build's model stage at 10,000 briefings.
    static func newestFirst(_ briefings: [Briefing]) -> [Briefing] {
        newestFirstPositions(briefings).map { briefings[$0] }
    }

    /// The positions of `briefings` in `newestFirst`'s order.
    static func newestFirstPositions(_ briefings: [Briefing]) -> [Int] {
        briefings.indices.sorted { lhs, rhs in
            let left = briefings[lhs].date, right = briefings[rhs].date
            return left != right ? left > right : briefings[lhs].slug < briefings[rhs].slug
        }
    }

    /// The events of `timeline` that name each actor (among its actors or as its
    /// place), by slug, each once and in the timeline's order.
    static func eventsByActor(_ timeline: [TimelineEvent]) -> [String: [TimelineEvent]] {
        var eventsByActor: [String: [TimelineEvent]] = [:]
        // By index, and without a set per event: an event names a few actors.
        for position in timeline.indices {
            let event = timeline[position].event
            var involved: [String] = []
            involved.reserveCapacity(event.actors.count + 1)
            for actor in event.actors where !involved.contains(actor.value) { involved.append(actor.value) }
            if let place = event.place?.value, !involved.contains(place) { involved.append(place) }
            for slug in involved { eventsByActor[slug, default: []].append(timeline[position]) }
        }
        return eventsByActor
    }

    /// Every relation as seen from each of its ends, by actor slug, unsorted.
    static func relationEnds(_ relations: [Relation]) -> [String: [RelationEnd]] {
        var ends: [String: [RelationEnd]] = [:]
        for relation in relations {
            ends[relation.from, default: []].append(
                RelationEnd(relation: relation, direction: .outgoing, other: relation.to, label: relation.type.label))
            ends[relation.to, default: []].append(
                RelationEnd(relation: relation, direction: .incoming, other: relation.from, label: relation.type.inverseLabel))
        }
        return ends
    }

    /// The title an actor page's "Mentioned in" groups are ordered by.
    static func documentTitles(project: LoadedProject, index: EntityIndex) -> @Sendable (DocumentID) -> String {
        let pageTitles = Dictionary(project.pages.map { ($0.slug, $0.title) }, uniquingKeysWith: { first, _ in first })
        return { @Sendable (id: DocumentID) -> String in
            switch id.kind {
            case .actor: index.actor(id.slug)?.title ?? id.slug
            case .page: pageTitles[id.slug] ?? id.slug
            case .briefing: id.slug
            }
        }
    }

    /// What a document that was not linked (it failed to load or parse) shows.
    private static func emptyDocument(_ id: DocumentID) -> LinkedDocument {
        LinkedDocument(id: id, html: "", tableOfContents: [], mentions: [], plainText: "", wordCount: 0)
    }
}

/// What "Related briefings" ranks: each briefing's actors (principal, and mentioned
/// in its text) as integer ids. Unknown slugs get ids too, so that they count as
/// shared exactly like known ones. Kept by `LiveState` and updated one briefing at a
/// time, so a briefing's related list is ranked again without the others'.
struct RelatedInputs: Sendable {
    private(set) var actorIDs: [String: Int] = [:]
    /// By briefing position (newest first), each sorted.
    private(set) var actorSets: [[Int]] = []
    /// Actor id → the positions of the briefings that have it, in no particular order.
    private var briefingsByActor: [[Int32]] = []

    var actorCount: Int { actorIDs.count }

    /// Each chunk of briefings numbers its actors as it first meets them, on its own
    /// thread; the chunks' numbers then become the site's, in the order one pass over
    /// all briefings would have met them.
    init(briefings: [Briefing], linked: [DocumentID: LinkedDocument]) {
        self.init(briefings: briefings, mentionLists: briefings.indices.map { linked[DocumentID(.briefing, briefings[$0].slug)]?.mentionList })
    }

    /// `mentionLists`: each briefing's, by position (nil for one not linked).
    init(briefings: [Briefing], mentionLists: [MentionList?]) {
        let chunks = ParallelChunks.ranges(briefings.count).parallelMap { range -> (slugs: [String], actorSets: [[Int]]) in
            var numbering = FirstSeenNumbering(), actorSets: [[Int]] = []
            actorSets.reserveCapacity(range.count)
            for position in range {
                // By index, as `actors(of:linked:)` lists them: a briefing or a linked
                // document copied out costs a retain of each of its fields.
                let principal = briefings[position].actors
                let named = mentionLists[position]?.actors ?? []
                var ids: [Int] = []
                ids.reserveCapacity(principal.count + named.count)
                for actor in principal.indices { ids.append(numbering.id(of: principal[actor].value)) }
                for actor in named.indices { ids.append(numbering.id(of: named[actor].actor)) }
                actorSets.append(ids)
            }
            return (numbering.strings, actorSets)
        }
        for chunk in chunks {
            for slug in chunk.slugs where actorIDs[slug] == nil { actorIDs[slug] = actorIDs.count }
        }
        let siteIDs = actorIDs
        actorSets = chunks.parallelMap { chunk in
            let renumbered = chunk.slugs.map { siteIDs[$0]! }
            return chunk.actorSets.map { local in Self.sortedDistinct(local.map { renumbered[$0] }) }
        }.flatMap { $0 }
    }

    private static func sortedDistinct(_ ids: [Int]) -> [Int] {
        var sorted = ids.sorted()
        var end = 0
        for id in sorted where end == 0 || sorted[end - 1] != id {
            sorted[end] = id
            end += 1
        }
        sorted.removeSubrange(end...)
        return sorted
    }

    /// The actors a briefing shares with others: its principal actors and every actor its text mentions.
    static func actors(of briefing: Briefing, linked: LinkedDocument?) -> [String] {
        briefing.actors.map(\.value) + (linked?.mentionedActors ?? []).map(\.actor)
    }

    private mutating func ids(for slugs: [String]) -> [Int] {
        Self.sortedDistinct(slugs.map { slug in
            if let known = actorIDs[slug] { return known }
            actorIDs[slug] = actorIDs.count
            return actorIDs.count - 1
        })
    }

    /// Builds the actor → briefings lists that updates need, ahead of the first one.
    mutating func prepareForUpdates() {
        if briefingsByActor.isEmpty { briefingsByActor = RelatedBriefings.briefingsByActor(actorSets, actorCount: actorCount) }
    }

    /// Replaces the actors of the briefing at `position`.
    mutating func setActors(_ slugs: [String], ofBriefingAt position: Int) {
        prepareForUpdates()
        let old = Set(actorSets[position]), new = ids(for: slugs)
        while briefingsByActor.count < actorCount { briefingsByActor.append([]) }
        for actor in old.subtracting(new) { briefingsByActor[actor].removeAll { $0 == Int32(position) } }
        for actor in Set(new).subtracting(old) { briefingsByActor[actor].append(Int32(position)) }
        actorSets[position] = new
    }

    /// The related briefings of the briefing at `position`, as `RelatedBriefings.rank` ranks them.
    mutating func related(ofBriefingAt position: Int) -> [(position: Int, shared: Int)] {
        prepareForUpdates()
        var shared = [Int32](repeating: 0, count: actorSets.count)
        var touched: [Int] = []
        return RelatedBriefings.best(for: position, actorSets: actorSets, briefingsByActor: briefingsByActor,
                                     limit: SiteModelBuilder.relatedLimit, shared: &shared, touched: &touched)
    }
}
