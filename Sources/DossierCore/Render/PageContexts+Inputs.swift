extension PageContexts {
    /// The inputs key of a briefing's page: a hash of the fingerprints of every model
    /// entity `briefing(_:)` reads, computed without building the context, so an
    /// unchanged page is reused before its context exists. It follows `briefing(_:)`
    /// and the pieces it calls, read for read:
    ///
    /// - `common`: the site (config, binary, URL style), the templates, and every
    ///   page in the navigation (title, language), in order;
    /// - the briefing itself (front matter, linked body with its mentions, table of
    ///   contents, sources, events as written, params, language);
    /// - its principal and secondary actors as the model lists them, and each actor
    ///   the page shows (chips, mention previews in the body, event actors and places):
    ///   title, kind, summary, language — or that it does not exist;
    /// - each event's anchor and the timeline page it is on (both depend on the whole
    ///   timeline, so they are hashed as computed);
    /// - each related briefing with its shared count and fingerprint (title, date,
    ///   language, and its actors, which decide the shared ones named).
    ///
    /// Nil when a document it reads has no fingerprint: the page then falls back to its
    /// context's key. A page whose inputs key changed can still be reused when its
    /// context's key did not (an actor's alias changes the actor's fingerprint, not a chip).
    func briefingInputs(_ briefing: BriefingModel, fingerprints: DocumentFingerprints, templates: String) -> String? {
        guard !fingerprints.isEmpty, let own = fingerprints(DocumentID(.briefing, briefing.briefing.slug)) else { return nil }
        var hasher = StableHasher()
        hasher.combine("briefing page")
        hasher.combine(templates)
        hasher.combine(fingerprints.site)
        hasher.combine(own)
        guard combineNavigation(into: &hasher, fingerprints) else { return nil }
        hasher.combine(briefing.principalActors.joined(separator: "\n"))
        hasher.combine(briefing.secondaryActors.joined(separator: "\n"))
        var shown = briefing.principalActors + briefing.secondaryActors + briefing.linked.mentions.map(\.actor)
        for item in briefing.events {
            shown += item.event.actors.map(\.value)
            if let place = item.event.place { shown.append(place.value) }
            hasher.combine(item.anchor)
            hasher.combine(timelinePageByAnchor[item.anchor] ?? 1)
            hasher.combine(item.origin.description)
        }
        for slug in Set(shown).sorted() {
            hasher.combine(slug)
            hasher.combine(fingerprints(DocumentID(.actor, slug)) ?? "no such actor")
        }
        hasher.combine(briefing.related.count)
        for related in briefing.related {
            hasher.combine(related.slug)
            hasher.combine(related.shared)
            hasher.combine(fingerprints(DocumentID(.briefing, related.slug)) ?? "no such briefing")
        }
        return hasher.finalize()
    }

    /// The inputs key of page `pageNumber` (2 or later) of an actor's "Mentioned in"
    /// list, following `actorMentions(_:pageNumber:)`: the navigation, the actor's own
    /// fingerprint (title, kind, summary, language) and mention count, and every
    /// document in its mention list, in order, with its fingerprint (its link's title,
    /// date and language, the actor's passages in it, which also decide the pages'
    /// ranges). Documents on other pages are in the key too: simpler to keep complete,
    /// and a page whose key changes still falls back to its context's key.
    func actorMentionsInputs(_ actor: ActorModel, pageNumber: Int, fingerprints: DocumentFingerprints, templates: String) -> String? {
        guard !fingerprints.isEmpty, let own = fingerprints(DocumentID(.actor, actor.actor.slug)) else { return nil }
        var hasher = StableHasher()
        hasher.combine("actor mentions page")
        hasher.combine(pageNumber)
        hasher.combine(templates)
        hasher.combine(fingerprints.site)
        hasher.combine(own)
        guard combineNavigation(into: &hasher, fingerprints) else { return nil }
        hasher.combine(actor.mentionCount)
        hasher.combine(actor.mentionsByDocument.count)
        for group in actor.mentionsByDocument {
            guard let fingerprint = fingerprints(group.document) else { return nil }
            hasher.combine(group.document.description)
            hasher.combine(fingerprint)
        }
        return hasher.finalize()
    }

    /// `common`'s list of pages: each page's title and language, in order.
    private func combineNavigation(into hasher: inout StableHasher, _ fingerprints: DocumentFingerprints) -> Bool {
        hasher.combine(model.pages.count)
        for page in model.pages {
            guard let fingerprint = fingerprints(DocumentID(.page, page.page.slug)) else { return false }
            hasher.combine(page.page.slug)
            hasher.combine(fingerprint)
        }
        return true
    }
}
