/// Which actors' pages a cached build keys again — with their later "Mentioned in"
/// pages and their mentions files (`data/mentions/SLUG.json`) — and which keep what
/// the previous build made for them without their mention lists being read: at
/// 10,000 briefings, hashing 2,000 actors' lists and paging them was most of what an
/// unchanged site's actor pages cost.
///
/// An actor page's inputs key (`PageContexts.actorInputs`) reads:
/// 1. what every page reads (`PageKeying.common`);
/// 2. the actor's fingerprint;
/// 3. every document of its mention list, in order, as others see it (`MentionView`:
///    title, date, language, passages and mentions…), and its mention count; the
///    briefings naming it in front matter, as others see them;
/// 4. its events' anchors, timeline pages, origins as others see them; its relation
///    ends; its co-mention pairs as counted;
/// 5. for each actor it shows — at a relation end, among its co-mentions, in one of
///    its events, in its profile — that actor as others see it (`MentionView`: slug,
///    kind, title, summary, language) and its mention count; each relation end with
///    every field the page shows, whichever actor declares it.
///
/// The mentions file reads a subset of the same (its own fingerprint, 3, and its
/// co-mention pairs), and the count of "Mentioned in" pages follows from 3.
///
/// If 1 changed or a document was added or removed, every actor is keyed. Otherwise
/// an actor is keyed when
/// - it changed, or a changed document that others see changed (`seenChanged`) names
///   it now (prose, front matter, an event) — a body edit outside every passage
///   reaches none, nor does an actor's edit others do not see (an alias);
/// - its `shape` differs from the previous build's: the counts of its mention list,
///   mentions, principal briefings and co-mentions, its relation ends, its events with
///   their timeline pages. Every document that names it now is unchanged or reached
///   above, so a document that stopped naming it changed one of these counts; its
///   co-mention pairs change only with a document that names it, now or before;
/// - an actor it shows (5) changed as others see it or changed shape (a mention count
///   and the relation ends with all their fields are in the shape).
///   Found from that actor's side: its relation ends, the actors that rank it among
///   their co-mentions, its events' actors and places, the profiles that mention it.
struct ActorPageRekeying: Sendable {
    /// Slugs of the actors whose pages and files are keyed; nil: every actor is.
    private let keyed: Set<String>?
    /// Each actor's shape and page count, for the next build's manifest; empty when
    /// the build keeps no manifest.
    let current: [String: ActorPageKeying]

    /// Every actor keyed, nothing kept: for sinks without a manifest (`dossier check`,
    /// `serve`'s fast path).
    static let everyActor = ActorPageRekeying(keyed: nil, current: [:])

    private init(keyed: Set<String>?, current: [String: ActorPageKeying]) {
        self.keyed = keyed
        self.current = current
    }

    /// `changed`: the documents that changed since the previous build (`BriefingPageRekeying`), nil if unknown;
    /// `seenChanged`: those of them whose view changed (`DocumentFingerprints.viewChanged`), nil: all of them.
    init(contexts: PageContexts, changed: Set<DocumentID>?, seenChanged: Set<DocumentID>? = nil, previous: [String: ActorPageKeying]?) {
        let model = contexts.model
        let shapes = model.actors.parallelMap { Self.shape(of: $0, contexts: contexts) }
        let keyed: Set<String>?
        if let changed, let previous, previous.count == model.actors.count {
            keyed = Self.actorsReached(by: changed, seen: seenChanged ?? changed, shapes: shapes, previous: previous, contexts: contexts)
        } else {
            keyed = nil
        }
        let pageCounts = Array(model.actors.indices).parallelMap { index -> Int in
            let actor = model.actors[index]
            if let keyed, !keyed.contains(actor.actor.slug), let before = previous?[actor.actor.slug] { return before.mentionPages }
            return Self.mentionPageCount(of: actor, contexts: contexts)
        }
        var current: [String: ActorPageKeying] = [:]
        current.reserveCapacity(model.actors.count)
        for (index, actor) in model.actors.enumerated() {
            current[actor.actor.slug] = ActorPageKeying(shape: shapes[index], mentionPages: pageCounts[index])
        }
        self.init(keyed: keyed, current: current)
    }

    /// Whether the actor `slug`'s page, later "Mentioned in" pages and mentions file must be keyed.
    func keys(_ slug: String) -> Bool {
        keyed?.contains(slug) ?? true
    }

    /// How many pages the actor's "Mentioned in" takes: the previous build's count for an
    /// actor not keyed, whose mention list is as it was.
    func mentionPageCount(of actor: ActorModel, contexts: PageContexts) -> Int {
        if let known = current[actor.actor.slug]?.mentionPages { return known }
        return Self.mentionPageCount(of: actor, contexts: contexts)
    }

    private static func mentionPageCount(of actor: ActorModel, contexts: PageContexts) -> Int {
        SiteRenderer.fitsOnePage(actor, contexts: contexts) ? 1 : contexts.mentionPager(actor).pageCount
    }

    /// `seen`: the documents of `changed` whose view changed; the others reach the
    /// actors they name only through their shapes.
    static func actorsReached(
        by changed: Set<DocumentID>, seen: Set<DocumentID>, shapes: [String], previous: [String: ActorPageKeying], contexts: PageContexts
    ) -> Set<String> {
        let model = contexts.model
        var keyed: Set<String> = []
        // Actors others see changed, or whose shape changed: the pages that show them are keyed too.
        var reaching: Set<String> = []
        for (index, actor) in model.actors.enumerated() where previous[actor.actor.slug]?.shape != shapes[index] {
            reaching.insert(actor.actor.slug)
        }
        for id in changed {
            switch id.kind {
            case .briefing:
                guard seen.contains(id), let briefing = contexts.briefingsBySlug[id.slug] else { continue }
                keyed.formUnion(briefing.linked.mentionedActors.map(\.actor))
                keyed.formUnion(briefing.principalActors)
                keyed.formUnion(briefing.secondaryActors)
            case .actor:
                // Its own page shows all of it; the pages that show it elsewhere show its
                // view only (chip fields, events, passages): an alias edit reaches none.
                keyed.insert(id.slug)
                guard seen.contains(id) else { continue }
                reaching.insert(id.slug)
                if let actor = contexts.actorsBySlug[id.slug] { keyed.formUnion(actor.profile.mentionedActors.map(\.actor)) }
            // A free page is in the navigation, hence in `common`: never reached.
            case .page: break
            }
        }
        if !seen.isEmpty {
            for item in model.timeline where seen.contains(item.origin) { keyed.formUnion(Self.named(in: item)) }
        }
        keyed.formUnion(reaching)
        guard !reaching.isEmpty else { return keyed }
        for slug in reaching {
            guard let actor = contexts.actorsBySlug[slug] else { continue }
            keyed.formUnion(actor.relations.map(\.other))
            for item in actor.events { keyed.formUnion(Self.named(in: item)) }
            for group in actor.mentionGroups.groups where group.document.kind == .actor { keyed.insert(group.document.slug) }
        }
        for actor in model.actors where !keyed.contains(actor.actor.slug) {
            if actor.coMentions.contains(where: { reaching.contains($0.other) }) { keyed.insert(actor.actor.slug) }
        }
        return keyed
    }

    private static func named(in item: TimelineEvent) -> [String] {
        item.event.actors.map(\.value) + [item.event.place?.value].compactMap { $0 }
    }

    /// What the model derives for an actor's page from other documents, other than
    /// through the fingerprints of the documents that name it: read without its
    /// mention list, from counts the model keeps.
    static func shape(of actor: ActorModel, contexts: PageContexts) -> String {
        var hasher = StableHasher()
        hasher.combine(actor.mentionCount)
        hasher.combine(actor.mentionGroups.groups.count)
        hasher.combine(contexts.principalBriefingsByActor[actor.actor.slug]?.count ?? 0)
        hasher.combine(actor.coMentions.count)
        hasher.combine(actor.relations.count)
        for end in actor.relations {
            hasher.combine(end.direction.rawValue)
            hasher.combine(end.relation.from)
            hasher.combine(end.relation.to)
            hasher.combine(end.other)
            hasher.combine(end.label)
            // Shown at both ends, declared at one: the other end sees it here, not through a view.
            RelationFields.combine(end.relation, into: &hasher)
        }
        hasher.combine(actor.events.count)
        for item in actor.events {
            hasher.combine(item.anchor)
            hasher.combine(contexts.timelinePageByAnchor[item.anchor] ?? 1)
            hasher.combine(item.origin.description)
        }
        return hasher.finalize()
    }
}
