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
    ///   the page shows (chips, mention previews in the body, event actors and places)
    ///   as others see it (`DocumentFingerprints.asSeen`: title, kind, summary,
    ///   language) — or that it does not exist;
    /// - each event's anchor and the timeline page it is on (both depend on the whole
    ///   timeline, so they are hashed as computed);
    /// - each related briefing with its shared count and fingerprint (title, date,
    ///   language, and its actors, which decide the shared ones named).
    ///
    /// Nil when a document it reads has no fingerprint: the page then falls back to its
    /// context's key. A page whose inputs key changed can still be reused when its
    /// context's key did not (a related briefing's body edit changes its fingerprint, not its link).
    func briefingInputs(_ briefing: BriefingModel, fingerprints: DocumentFingerprints, templates: String) -> String? {
        guard !fingerprints.isEmpty, let own = fingerprints(DocumentID(.briefing, briefing.briefing.slug)) else { return nil }
        var hasher = StableHasher()
        hasher.combine("briefing page")
        hasher.combine(templates)
        hasher.combine(fingerprints.site)
        hasher.combine(own)
        guard combineNavigation(into: &hasher, fingerprints) else { return nil }
        Self.combineLines(briefing.principalActors, into: &hasher)
        Self.combineLines(briefing.secondaryActors, into: &hasher)
        // The actors shown, by their positions in the model, sorted by slug through the
        // slugs' ranks: a set of slugs hashed and a sort of them comparing strings, per
        // page, grew with the site (the slugs of a page are cold at 100,000 briefings).
        var shown = ShownActors(actorsBySlug)
        shown.add(briefing.principalActors)
        shown.add(briefing.secondaryActors)
        let mentioned = briefing.linked.mentionedActors
        for index in mentioned.indices { shown.add(mentioned[index].actor) }
        for item in briefing.events {
            for actor in item.event.actors { shown.add(actor.value) }
            if let place = item.event.place { shown.add(place.value) }
            hasher.combine(item.anchor)
            hasher.combine(timelinePageByAnchor[item.anchor] ?? 1)
            hasher.combine(item.origin.description)
        }
        let seen = seenDocuments.actors(of: model, fingerprints)
        shown.inSlugOrder(ranks: seenDocuments.slugRanks(of: model)) { actor in
            switch actor {
            case .actor(let position):
                hasher.combine(model.actors[position].actor.slug)
                hasher.combine(seen[position] ?? "no such actor")
            case .unknown(let slug):
                hasher.combine(slug)
                hasher.combine(fingerprints.asSeen(DocumentID(.actor, slug)) ?? "no such actor")
            }
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
    /// document in its mention list, in order, as others see it (its link's title,
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
        guard combineMentionList(of: actor, into: &hasher, fingerprints) else { return nil }
        return hasher.finalize()
    }

    /// The inputs key of an actor's page, following `actor(_:graphSVG:)`, the
    /// neighbourhood picture and the infobox:
    ///
    /// - the navigation and the actor's own fingerprint (profile, aliases, sources,
    ///   params, relations it declares);
    /// - its mention count and every document in its mention list, in order, as others
    ///   see it (`MentionView`: first page of "Mentioned in", first and last mention);
    /// - the briefings that name it in front matter, in order, as others see them (infobox);
    /// - each relation end with every field it shows (`RelationFields`, whichever end
    ///   declares it), the other actor as others see it (its chip) and its mention
    ///   count (its node's weight in the picture);
    /// - each co-mention pair as counted, with the other actor as others see it and its
    ///   mention count (chips and picture);
    /// - each event with its anchor, timeline page, origin as others see it and its
    ///   actors and place as others see them;
    /// - the actors its profile mentions (mention previews).
    func actorInputs(_ actor: ActorModel, fingerprints: DocumentFingerprints, templates: String) -> String? {
        guard !fingerprints.isEmpty, let own = fingerprints(DocumentID(.actor, actor.actor.slug)) else { return nil }
        var hasher = StableHasher()
        hasher.combine("actor page")
        hasher.combine(templates)
        hasher.combine(fingerprints.site)
        hasher.combine(own)
        guard combineNavigation(into: &hasher, fingerprints) else { return nil }
        guard combineMentionList(of: actor, into: &hasher, fingerprints) else { return nil }
        let principal = principalBriefingsByActor[actor.actor.slug] ?? []
        hasher.combine(principal.count)
        for position in principal {
            let id = DocumentID(.briefing, model.briefings[position].briefing.slug)
            guard let fingerprint = fingerprints.asSeen(id) else { return nil }
            hasher.combine(id.slug)
            hasher.combine(fingerprint)
        }
        // Another actor as its chip, mention link and picture node show it: its alias edit keeps this page's key.
        func combineActor(_ slug: String) {
            hasher.combine(slug)
            hasher.combine(actorAsSeen(slug, fingerprints) ?? "no such actor")
            hasher.combine(actorsBySlug.read(slug, \.mentionCount) ?? -1)
        }
        hasher.combine(actor.relations.count)
        for end in actor.relations {
            hasher.combine(end.direction.rawValue)
            hasher.combine(end.relation.from)
            hasher.combine(end.relation.to)
            RelationFields.combine(end.relation, into: &hasher)
            combineActor(end.other)
        }
        hasher.combine(actor.coMentions.count)
        for pair in actor.coMentions {
            hasher.combine(pair.sameBlock)
            hasher.combine(pair.sameDocument)
            combineActor(pair.other)
        }
        hasher.combine(actor.events.count)
        for item in actor.events {
            hasher.combine(item.anchor)
            hasher.combine(timelinePageByAnchor[item.anchor] ?? 1)
            hasher.combine(item.origin.description)
            hasher.combine(fingerprints.asSeen(item.origin) ?? "no such document")
            for slug in item.event.actors.map(\.value) + [item.event.place?.value].compactMap({ $0 }) { combineActor(slug) }
        }
        for slug in Set(actor.profile.mentionedActors.map(\.actor)).sorted() { combineActor(slug) }
        return hasher.finalize()
    }

    /// The actor's mention count and every document of its mention list, in order, as
    /// others see it; false when one has no fingerprint. Hashed once per actor and build
    /// (`mentionListDigests`): an actor with many "Mentioned in" pages hashed its whole
    /// list for each of them.
    private func combineMentionList(of actor: ActorModel, into hasher: inout StableHasher, _ fingerprints: DocumentFingerprints) -> Bool {
        guard let digest = mentionListDigest(of: actor, fingerprints: fingerprints) else { return false }
        hasher.combine(digest)
        return true
    }

    /// The actor's mention count and every document of its mention list, in order, as
    /// others see it (`DocumentFingerprints.asSeen`), hashed; nil when one has no
    /// fingerprint. Shared with the key of the
    /// actor's mentions file (`AggregateKeys.actorMentions`).
    func mentionListDigest(of actor: ActorModel, fingerprints: DocumentFingerprints) -> String? {
        mentionListDigests.value(for: actor.actor.slug) {
            var list = StableHasher()
            return hashMentionList(of: actor, into: &list, fingerprints) ? list.finalize() : nil
        }
    }

    private func hashMentionList(of actor: ActorModel, into hasher: inout StableHasher, _ fingerprints: DocumentFingerprints) -> Bool {
        hasher.combine(actor.mentionCount)
        // The documents only (`ActorMentionGroups`): the mentions are made for pages that are rendered.
        let groups = actor.mentionGroups.groups
        hasher.combine(groups.count)
        // A long list reads each document from the table of the documents as seen, by
        // position: each group cost a lookup of its `DocumentID` in the site's
        // fingerprints and two strings made (the view, the id's description), about four
        // million of each at 100,000 briefings. A short one reads them as before,
        // sparing a small rebuild the whole table.
        if groups.count >= SeenDocuments.listLengthWorthTheTable {
            let seen = seenDocuments.table(of: groups.documentTable, fingerprints)
            for position in groups.indices {
                guard let document = seen[groups.source(at: position)] else { return false }
                hasher.combine(document.description)
                hasher.combine(document.fingerprint)
            }
            return true
        }
        for group in groups {
            guard let fingerprint = fingerprints.asSeen(group.document) else { return false }
            hasher.combine(group.document.description)
            hasher.combine(fingerprint)
        }
        return true
    }

    /// The actor `slug` as others see it (`DocumentFingerprints.asSeen`), from the table
    /// of the actors as seen, by position (`SeenDocuments.actors`): the inputs keys read
    /// a few actors for every page, and each read looked its `DocumentID` up in the
    /// site's fingerprints and made a string of its view.
    func actorAsSeen(_ slug: String, _ fingerprints: DocumentFingerprints) -> String? {
        guard let position = actorsBySlug.position(of: slug) else { return fingerprints.asSeen(DocumentID(.actor, slug)) }
        return seenDocuments.actors(of: model, fingerprints)[position]
    }

    /// `common`'s list of pages: each page's title and language, in order.
    func combineNavigation(into hasher: inout StableHasher, _ fingerprints: DocumentFingerprints) -> Bool {
        hasher.combine(model.pages.count)
        for page in model.pages {
            guard let fingerprint = fingerprints(DocumentID(.page, page.page.slug)) else { return false }
            hasher.combine(page.page.slug)
            hasher.combine(fingerprint)
        }
        return true
    }

    /// `hasher.combine(lines.joined(separator: "\n"))`, the bytes joined in a buffer of
    /// the stack rather than a string made on the heap for every briefing page.
    static func combineLines(_ lines: [String], into hasher: inout StableHasher) {
        var count = max(0, lines.count - 1)
        for index in lines.indices { count += lines[index].utf8.count }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            var offset = 0
            for index in lines.indices {
                if index > 0 {
                    buffer[offset] = UInt8(ascii: "\n")
                    offset += 1
                }
                for byte in lines[index].utf8 {
                    buffer[offset] = byte
                    offset += 1
                }
            }
            hasher.combine(count)
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[0..<offset])))
        }
    }
}

/// The actors a briefing page shows, each once: an actor by its position in the model,
/// a slug no actor has by itself. Read in the order of their slugs, as a set of the
/// slugs sorted was.
struct ShownActors {
    enum Actor {
        case actor(Int)
        case unknown(String)
    }

    private let actors: SlugLookup<ActorModel>
    private var positions: [Int] = []
    private var unknown: Set<String> = []

    init(_ actors: SlugLookup<ActorModel>) {
        self.actors = actors
    }

    mutating func add(_ slug: String) {
        if let position = actors.position(of: slug) { positions.append(position) } else { unknown.insert(slug) }
    }

    mutating func add(_ slugs: [String]) {
        for index in slugs.indices { add(slugs[index]) }
    }

    /// Each actor once, in the order of the slugs: `ranks` holds each actor's rank among
    /// the actors' slugs sorted (`SeenDocuments.slugRanks`), so positions sort as their
    /// slugs would; the few unknown slugs are merged in by comparing strings.
    func inSlugOrder(ranks: [Int32], _ body: (Actor) -> Void) {
        var ordered = positions.sorted { ranks[$0] < ranks[$1] }
        // Equal positions are adjacent once sorted by rank: each rank is one position's.
        var kept = 0
        for index in ordered.indices where index == 0 || ordered[index] != ordered[kept - 1] {
            ordered[kept] = ordered[index]
            kept += 1
        }
        ordered.removeSubrange(kept...)
        guard !unknown.isEmpty else {
            for position in ordered { body(.actor(position)) }
            return
        }
        let others = unknown.sorted()
        var next = 0
        for position in ordered {
            let slug = actors.read(at: position) { $0.actor.slug }
            while next < others.count, others[next] < slug {
                body(.unknown(others[next]))
                next += 1
            }
            body(.actor(position))
        }
        for slug in others[next...] { body(.unknown(slug)) }
    }
}
