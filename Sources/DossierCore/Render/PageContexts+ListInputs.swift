extension PageContexts {
    /// The inputs key of a page of the briefings index or of a tag's list (page 1 or
    /// later), following `briefingsIndex(pageNumber:)`, `tag(_:briefings:pageNumber:)`
    /// and `briefingCard`: the navigation, the list's length (its count and pager),
    /// and each briefing on the page in order with the fields its card shows (slug,
    /// title, date, summary, language, tags) and its principal actors as others see
    /// them (their chips: `DocumentFingerprints.asSeen`). The fields rather than the briefing's fingerprint: a body edit
    /// leaves the lists that show the briefing as they were. Known before the context
    /// is built, so an unchanged list page is neither built nor keyed through its
    /// context; nil when a document it reads has no fingerprint.
    func briefingListInputs(_ list: PagedList, briefings: [Int], pageNumber: Int, fingerprints: DocumentFingerprints, templates: String) -> String? {
        briefingListInputs(list, count: briefings.count, pageNumber: pageNumber, fingerprints: fingerprints, templates: templates) {
            Array(briefings[$0])
        }
    }

    /// `briefingListInputs` of a list of `count` briefings whose positions in
    /// `model.briefings` on a range of the list `positions` gives (nil: one is not
    /// there): a page of a long list finds its own briefings only, where finding the
    /// whole list's for each of its pages grew with the square of the site.
    func briefingListInputs(
        _ list: PagedList, count: Int, pageNumber: Int, fingerprints: DocumentFingerprints, templates: String,
        positions: (Range<Int>) -> [Int]?
    ) -> String? {
        guard !fingerprints.isEmpty else { return nil }
        var hasher = StableHasher()
        hasher.combine("briefing list page")
        hasher.combine(urls.file(list.page(pageNumber)))
        if case .tag(let tag) = list { hasher.combine(tag) }
        hasher.combine(pageNumber)
        hasher.combine(templates)
        hasher.combine(fingerprints.site)
        guard combineNavigation(into: &hasher, fingerprints) else { return nil }
        let pager = pager(list, count: count)
        hasher.combine(count)
        guard let onPage = positions(pager.range(ofPage: pageNumber)) else { return nil }
        for position in onPage {
            // Read where it lies: `let briefing = model.briefings[position]` copied it whole.
            model.briefings.withElement(at: position) { briefing in
                let value = briefing.briefing
                for field in [value.slug, value.title, value.date.text] { hasher.combine(field) }
                hasher.combine(value.summary)
                hasher.combine(value.language?.tag)
                hasher.combine(value.tags.count)
                for tag in value.tags { hasher.combine(tag) }
                hasher.combine(briefing.principalActors.count)
                for slug in briefing.principalActors {
                    hasher.combine(slug)
                    hasher.combine(actorAsSeen(slug, fingerprints) ?? "no such actor")
                }
            }
        }
        return hasher.finalize()
    }

    /// The inputs key of a page of the timeline, following `timeline(pageNumber:)`,
    /// `event` and the timeline picture: the navigation, the number of events (count
    /// and pager), and each event on the page in order with its anchor, the timeline
    /// page it is on, its origin document as others see it (`MentionView`: the event
    /// as written, the origin's link and language) and its actors and place as others
    /// see them (chips).
    func timelineInputs(pageNumber: Int, fingerprints: DocumentFingerprints, templates: String) -> String? {
        guard !fingerprints.isEmpty else { return nil }
        var hasher = StableHasher()
        hasher.combine("timeline page")
        hasher.combine(pageNumber)
        hasher.combine(templates)
        hasher.combine(fingerprints.site)
        guard combineNavigation(into: &hasher, fingerprints) else { return nil }
        let pager = pager(.timeline, count: model.timeline.count)
        hasher.combine(model.timeline.count)
        for item in model.timeline[pager.range(ofPage: pageNumber)] {
            guard let origin = fingerprints.asSeen(item.origin) else { return nil }
            hasher.combine(item.anchor)
            hasher.combine(timelinePageByAnchor[item.anchor] ?? 1)
            hasher.combine(item.origin.description)
            hasher.combine(origin)
            hasher.combine(item.event.actors.count)
            for slug in item.event.actors.map(\.value) + [item.event.place?.value].compactMap({ $0 }) {
                hasher.combine(slug)
                hasher.combine(actorAsSeen(slug, fingerprints) ?? "no such actor")
            }
        }
        return hasher.finalize()
    }

    /// The positions in `model.briefings` of a tag's briefings, in the tag's order;
    /// nil when one of them is not in the model.
    func briefingPositions(_ slugs: some Collection<String>) -> [Int]? {
        var positions: [Int] = []
        positions.reserveCapacity(slugs.count)
        for slug in slugs {
            guard let position = briefingsBySlug.position(of: slug) else { return nil }
            positions.append(position)
        }
        return positions
    }
}
