/// Which pages of the briefings index, the tags' lists and the timeline a cached build
/// keys again, and which keep the inputs key the previous build computed for them.
///
/// A briefing list page's inputs key (`PageContexts.briefingListInputs`) reads what
/// every page reads, the list's length, and for each briefing on the page its card's
/// fields and its principal actors' fingerprints; a timeline page's
/// (`timelineInputs`) the number of events and, for each event on the page, its
/// origin's fingerprint and its actors' and place's. With what every page reads
/// unchanged and no document added or removed (else every page is keyed), a page is
/// keyed if one of its briefings changed or names in front matter an actor others see
/// changed (one of its events comes from a document others see changed or names such
/// an actor: the timeline reads its origin and actors as others see them), or if its
/// `shape` — the list's length and which briefings (events) are on the page, in order,
/// kept at the end of its inputs key — differs: a briefing that moved, or left a tag,
/// changed, but the pages it left are reached through their shape.
struct ListPageRekeying: Sendable {
    /// Briefings whose card may show something new; nil: every list page is keyed.
    private let reachedBriefings: Set<String>?
    /// The changed documents others may see changed: the timeline reads its events' origins as others see them.
    private let changed: Set<DocumentID>
    /// The actors among them.
    private let changedActors: Set<String>
    /// Each tag's briefings, newest first.
    private let tagBriefings: [String: [String]]

    /// Every page keyed: for sinks without a manifest.
    static let everyPage = ListPageRekeying(reachedBriefings: nil, changed: [], changedActors: [], tagBriefings: [:])

    private init(reachedBriefings: Set<String>?, changed: Set<DocumentID>, changedActors: Set<String>, tagBriefings: [String: [String]]) {
        self.reachedBriefings = reachedBriefings
        self.changed = changed
        self.changedActors = changedActors
        self.tagBriefings = tagBriefings
    }

    /// `changed`: the documents that changed since the previous build (`BriefingPageRekeying`), nil if unknown;
    /// `seenChanged`: those of them others may see changed, nil: all of them.
    init(contexts: PageContexts, changed: Set<DocumentID>?, seenChanged: Set<DocumentID>? = nil) {
        let model = contexts.model
        let tagBriefings = Dictionary(model.tags.map { ($0.tag, $0.briefings) }, uniquingKeysWith: { first, _ in first })
        guard let changed else {
            self.init(reachedBriefings: nil, changed: [], changedActors: [], tagBriefings: tagBriefings)
            return
        }
        // A card shows a briefing's summary and tags, which are not in its view.
        var reached = Set(changed.filter { $0.kind == .briefing }.map(\.slug))
        let seen = seenChanged ?? changed
        let changedActors = Set(seen.filter { $0.kind == .actor }.map(\.slug))
        for slug in changedActors {
            for position in contexts.principalBriefingsByActor[slug] ?? [] { reached.insert(model.briefings[position].briefing.slug) }
        }
        self.init(reachedBriefings: reached, changed: seen, changedActors: changedActors, tagBriefings: tagBriefings)
    }

    /// The shape of page `number` of `list`, to end its inputs key, and whether the page
    /// may keep its previous key if that ends with it; nil for lists keyed otherwise.
    func shape(_ list: PagedList, _ number: Int, contexts: PageContexts) -> (shape: String, unreached: Bool)? {
        let model = contexts.model
        var hasher = StableHasher()
        let unreached: Bool
        switch list {
        case .briefings:
            let range = contexts.pager(list, count: model.briefings.count).range(ofPage: number)
            hasher.combine(model.briefings.count)
            // By position: iterating the briefings copied each one whole for its slug.
            for position in range { hasher.combine(model.briefings[position].briefing.slug) }
            unreached = reachedBriefings.map { reached in !range.contains { reached.contains(model.briefings[$0].briefing.slug) } } ?? false
        case .tag(let tag):
            guard let slugs = tagBriefings[tag] else { return nil }
            let range = contexts.pager(list, count: slugs.count).range(ofPage: number)
            hasher.combine(slugs.count)
            for slug in slugs[range] { hasher.combine(slug) }
            unreached = reachedBriefings.map { reached in !slugs[range].contains(where: reached.contains) } ?? false
        case .timeline:
            let range = contexts.pager(list, count: model.timeline.count).range(ofPage: number)
            hasher.combine(model.timeline.count)
            for item in model.timeline[range] {
                hasher.combine(item.anchor)
                hasher.combine(item.origin.description)
            }
            unreached = reachedBriefings != nil && !model.timeline[range].contains { item in
                changed.contains(item.origin) || item.event.actors.contains { changedActors.contains($0.value) }
                    || item.event.place.map { changedActors.contains($0.value) } == true
            }
        case .sources, .tags, .actors, .actorMentions:
            return nil
        }
        return ("." + hasher.finalize(), unreached)
    }
}

extension SiteRenderer {
    /// Takes page `number` of `list` from the previous output if no change reaches it
    /// (`ListPageRekeying`); else the end its inputs key must have, if any.
    static func reuseUnreachedListPage(
        _ list: PagedList, _ number: Int, rekeying: ListPageRekeying, contexts: PageContexts, urls: SiteURLs, sink: OutputSink
    ) -> (reused: Bool, shape: String?) {
        guard let shaped = rekeying.shape(list, number, contexts: contexts) else { return (false, nil) }
        if shaped.unreached, let keyingSink = sink as? PageKeyingSink, keyingSink.reuse(urls.file(list.page(number)), inputsEndingWith: shaped.shape) {
            return (true, shaped.shape)
        }
        return (false, shaped.shape)
    }
}
