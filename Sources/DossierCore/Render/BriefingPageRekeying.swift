/// Which briefing pages a cached build keys again, and which keep the inputs key the
/// previous build computed for them (10,000 pages at 10,000 briefings, most of the
/// cost of the inputs keys after a one-file edit).
///
/// A briefing page's inputs key (`PageContexts.briefingInputs`) reads:
/// 1. what every page reads — templates, site, navigation (`PageKeying.common`);
/// 2. its own fingerprint, which also decides its principal and secondary actors and
///    the actors its mentions and events name;
/// 3. those actors as others see them (`DocumentFingerprints.asSeen`);
/// 4. the fingerprints of its related briefings;
/// 5. values the model derives from the whole site: its related briefings and shared
///    counts, its events' anchors and timeline pages.
///
/// Items 1–4 are compared through the documents that changed since the previous
/// build: if 1 changed, or a document was added or removed, every page is keyed; else
/// a page is keyed if its briefing changed, if it names an actor others see changed
/// (found from the actor's side: the briefings that mention it, name it in front
/// matter, or name it in an event; an alias edit reaches none) or if a related
/// briefing changed. Item 5 is the page's `shape`,
/// computed for every page and kept at the end of its inputs key: a page whose shape
/// differs from the previous key's end is keyed.
struct BriefingPageRekeying: Sendable {
    /// Slugs of the briefings whose pages are keyed; nil: every page is.
    private let keyed: Set<String>?
    /// This build's keying, for the next build's manifest.
    let current: PageKeying?
    /// The documents that changed since the previous build; nil when unknown (every page is keyed).
    let changed: Set<DocumentID>?
    /// Those of `changed` that others may see changed (`DocumentFingerprints.viewChanged`); nil when unknown.
    let seenChanged: Set<DocumentID>?

    /// How many documents changed since the previous build; nil when unknown.
    var changedCount: Int? { changed?.count }

    /// Few documents changed: the files made from them are few too (`ExportTables`).
    var isSmallChange: Bool { changedCount.map { $0 <= 16 } ?? false }

    /// Every page keyed: for a build with no previous manifest, and for `dossier serve`'s fast path.
    static let everyPage = BriefingPageRekeying(keyed: nil, current: nil)

    private init(keyed: Set<String>?, current: PageKeying?, changed: Set<DocumentID>? = nil, seenChanged: Set<DocumentID>? = nil) {
        self.keyed = keyed
        self.current = current
        self.changed = changed
        self.seenChanged = seenChanged
    }

    init(contexts: PageContexts, fingerprints: DocumentFingerprints, templates: String, previous: PageKeying?) {
        guard !fingerprints.isEmpty else {
            self.init(keyed: nil, current: nil)
            return
        }
        var common = StableHasher()
        common.combine("page keying")
        common.combine(templates)
        common.combine(fingerprints.site)
        guard contexts.combineNavigation(into: &common, fingerprints) else {
            self.init(keyed: nil, current: nil)
            return
        }
        let current = PageKeying(common: common.finalize(), documents: fingerprints.all)
        // A document with no fingerprint is in no comparison: what reads it is keyed.
        let model = contexts.model
        guard fingerprints.all.count == model.briefings.count + model.actors.count + model.pages.count,
              let changed = current.changedDocuments(since: previous) else {
            self.init(keyed: nil, current: current)
            return
        }
        let seen = changed.filter { fingerprints.viewChanged($0, since: previous) }
        self.init(keyed: Self.pagesReading(changed, seen: seen, contexts: contexts), current: current, changed: changed, seenChanged: seen)
    }

    /// The briefings whose pages read a changed document (items 2–4); `seen`: those of
    /// `changed` others may see changed, nil: all of them. A changed actor others see
    /// as before reaches no page but its own, which is not a briefing's.
    static func pagesReading(_ changed: Set<DocumentID>, seen: Set<DocumentID>? = nil, contexts: PageContexts) -> Set<String> {
        let model = contexts.model
        var keyed: Set<String> = []
        var changedActors: Set<String> = [], changedBriefings: Set<String> = []
        for id in changed {
            switch id.kind {
            case .briefing: changedBriefings.insert(id.slug)
            case .actor: if seen?.contains(id) ?? true { changedActors.insert(id.slug) }
            // A free page is in the navigation, hence in `common`: never reached.
            case .page: break
            }
        }
        keyed.formUnion(changedBriefings)
        for slug in changedActors {
            if let actor = contexts.actorsBySlug[slug] {
                for group in actor.mentionGroups.groups where group.document.kind == .briefing { keyed.insert(group.document.slug) }
            }
            for position in contexts.principalBriefingsByActor[slug] ?? [] { keyed.insert(model.briefings[position].briefing.slug) }
        }
        guard !changedActors.isEmpty || !changedBriefings.isEmpty else { return keyed }
        for briefing in model.briefings {
            let slug = briefing.briefing.slug
            if keyed.contains(slug) { continue }
            if !changedBriefings.isEmpty, briefing.related.contains(where: { changedBriefings.contains($0.slug) }) {
                keyed.insert(slug)
                continue
            }
            if !changedActors.isEmpty, briefing.events.contains(where: { item in
                item.event.actors.contains { changedActors.contains($0.value) } || item.event.place.map { changedActors.contains($0.value) } == true
            }) {
                keyed.insert(slug)
            }
        }
        return keyed
    }

    /// Whether the page of the briefing `slug` must be keyed (it may read a changed document).
    func keys(_ slug: String) -> Bool {
        keyed?.contains(slug) ?? true
    }

    /// The end of a briefing page's inputs key: what the model derives for it from the
    /// whole site (item 5), so that a page whose key is not computed is still keyed
    /// again when one of them changed.
    static func shape(of briefing: BriefingModel, contexts: PageContexts) -> String {
        var hasher = StableHasher()
        hasher.combine(briefing.related.count)
        for related in briefing.related {
            hasher.combine(related.slug)
            hasher.combine(related.shared)
        }
        hasher.combine(briefing.events.count)
        for item in briefing.events {
            hasher.combine(item.anchor)
            hasher.combine(contexts.timelinePageByAnchor[item.anchor] ?? 1)
        }
        return "." + hasher.finalize()
    }
}
