import Foundation

/// The model stage's orders (`SiteOrder`) behind the build cache, kept per project
/// under a key over exactly what sorting reads: each briefing's slug and date in the
/// project's order, and each event's date and title in the order `SiteOrder` lists
/// them (briefings' events by briefing, then the actors'). Hashing those fields is a
/// fraction of sorting them and naming every event's anchor again; whatever else
/// changed (a body, a summary, an alias, an event's actors) gives the same key.
///
/// One memo file per project, replaced when the key changes. A file that does not read
/// back whole, or whose positions do not fit the project, is sorted again, never guessed.
enum ModelOrderMemo {
    /// The orders, from the memo when their inputs are unchanged; `reused` says which.
    static func order(briefings: [Briefing], actors: [Actor], cache: BuildCache, root: URL) -> (order: SiteOrder, reused: Bool) {
        let key = key(briefings: briefings, actors: actors)
        let eventCount = SiteOrder.eventCount(briefings: briefings, actors: actors)
        if let kept = cache.modelOrder(key: key, root: root), kept.fits(briefingCount: briefings.count, eventCount: eventCount) {
            return (kept, true)
        }
        let order = SiteOrder(briefings: briefings, actors: actors)
        cache.storeModelOrder(order, key: key, root: root)
        return (order, false)
    }

    static func key(briefings: [Briefing], actors: [Actor]) -> String {
        var hasher = StableHasher()
        // Names the memo's layout and the anchors' wording too.
        hasher.combine("site order: briefings newest first, events oldest first with anchors")
        hasher.combine(BuildIdentity.current)
        hasher.combine(briefings.count)
        // By index: iterating would copy every briefing and actor.
        for position in briefings.indices {
            hasher.combine(briefings[position].slug)
            combine(briefings[position].date, into: &hasher)
            combine(briefings[position].events, into: &hasher)
        }
        hasher.combine(actors.count)
        for position in actors.indices {
            hasher.combine(actors[position].slug)
            combine(actors[position].events, into: &hasher)
        }
        return hasher.finalize()
    }

    private static func combine(_ events: [Event], into hasher: inout StableHasher) {
        hasher.combine(events.count)
        for event in events {
            combine(event.date, into: &hasher)
            hasher.combine(event.title)
        }
    }

    /// Every field of the date: sorting compares them all (`PartialDate.<`, `==`).
    private static func combine(_ date: PartialDate, into hasher: inout StableHasher) {
        hasher.combine(date.year)
        for part in [date.month, date.day, date.secondsOfDay, date.utcOffsetMinutes] {
            hasher.combine(part != nil)
            hasher.combine(part ?? 0)
        }
        hasher.combine(date.text)
    }
}

extension BuildCache {
    func modelOrder(key: String, root: URL) -> SiteOrder? {
        guard var decoder = memo(kind: "model-order", name: Self.modelOrderName(root)), (try? decoder.string()) == key,
              let briefingOrder = try? decoder.int32s(), let eventOrder = try? decoder.int32s(),
              let anchors = try? decoder.array({ try $0.string() }), decoder.isAtEnd
        else { return nil }
        return SiteOrder(briefingOrder: briefingOrder, eventOrder: eventOrder, eventAnchors: anchors)
    }

    func storeModelOrder(_ order: SiteOrder, key: String, root: URL) {
        guard folder != nil else { return }
        var encoder = CacheEncoder()
        encoder.string(key)
        encoder.int32s(order.briefingOrder)
        encoder.int32s(order.eventOrder)
        encoder.array(order.eventAnchors) { $0.string($1) }
        storeMemo(encoder, kind: "model-order", name: Self.modelOrderName(root))
    }

    /// One per project folder, replaced whenever its key changes.
    private static func modelOrderName(_ root: URL) -> String {
        projectMemoName("model-order", root)
    }
}
