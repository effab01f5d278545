/// The two orders the model sorts the project into — briefings newest first, and every
/// event of the briefings and actors oldest first with its anchor — as positions, so
/// that a cached build can keep them (`ModelOrderMemo`): they depend only on each
/// briefing's slug and date and on each event's date and title, which a body edit or a
/// new alias leaves as they were, and sorting 10,000 briefings and their events with
/// the anchors named again was a third of a cached build's model stage.
struct SiteOrder: Sendable, Equatable {
    /// Positions in the project's briefings, newest first, then by slug.
    let briefingOrder: [Int32]
    /// Positions among the events as `rawEvents` lists them, oldest first.
    let eventOrder: [Int32]
    /// Each of `eventOrder`'s events' anchor, in the same order.
    let eventAnchors: [String]

    init(briefingOrder: [Int32], eventOrder: [Int32], eventAnchors: [String]) {
        self.briefingOrder = briefingOrder
        self.eventOrder = eventOrder
        self.eventAnchors = eventAnchors
    }

    /// Sorts `briefings` and the events of them and of `actors`.
    init(briefings: [Briefing], actors: [Actor]) {
        let briefingOrder = SiteModelBuilder.newestFirstPositions(briefings)
        var events: [(date: PartialDate, title: String, origin: DocumentID)] = []
        Self.forEachEvent(briefings: briefings, newestFirst: briefingOrder, actors: actors) { event, origin in
            events.append((event.date, event.title, origin))
        }
        let eventOrder = events.indices.sorted { lhs, rhs in
            if events[lhs].date != events[rhs].date { return events[lhs].date < events[rhs].date }
            if events[lhs].title != events[rhs].title { return events[lhs].title < events[rhs].title }
            return events[lhs].origin < events[rhs].origin
        }
        // Each anchor's base name on every core; only making them unique needs one pass in order.
        let listed = events
        let bases = eventOrder.chunkedParallelMap { position in
            AnchorNamer.base(for: .heading(level: 3), text: "event " + listed[position].date.isoDay + " " + listed[position].title)
        }
        var namer = AnchorNamer()
        let anchors = bases.map { namer.unique($0) }
        self.init(briefingOrder: briefingOrder.map { Int32($0) }, eventOrder: eventOrder.map { Int32($0) }, eventAnchors: anchors)
    }

    /// Every event in the order `eventOrder` counts them: the briefings' (newest first)
    /// in their order, then the actors' (the order `timelineByOrigin` numbers them in).
    /// `newestFirst`: the positions of `briefings` in that order, read through so that no briefing is copied.
    static func forEachEvent(briefings: [Briefing], newestFirst: [Int], actors: [Actor], _ body: (Event, DocumentID) -> Void) {
        for position in newestFirst where !briefings[position].events.isEmpty {
            let origin = DocumentID(.briefing, briefings[position].slug)
            for event in briefings[position].events { body(event, origin) }
        }
        for position in actors.indices where !actors[position].events.isEmpty {
            let origin = DocumentID(.actor, actors[position].slug)
            for event in actors[position].events { body(event, origin) }
        }
    }

    /// Whether these positions can be applied to `briefingCount` briefings and
    /// `eventCount` events: what the cache gives back is checked before use.
    func fits(briefingCount: Int, eventCount: Int) -> Bool {
        briefingOrder.count == briefingCount && eventOrder.count == eventCount && eventAnchors.count == eventCount
            && Self.isPermutation(briefingOrder) && Self.isPermutation(eventOrder)
    }

    private static func isPermutation(_ positions: [Int32]) -> Bool {
        var seen = [Bool](repeating: false, count: positions.count)
        for position in positions {
            guard position >= 0, Int(position) < positions.count, !seen[Int(position)] else { return false }
            seen[Int(position)] = true
        }
        return true
    }

    /// `briefings` newest first.
    func sortedBriefings(_ briefings: [Briefing]) -> [Briefing] {
        briefingOrder.map { briefings[Int($0)] }
    }

    /// The timeline, oldest first, of `sortedBriefings` (as `sortedBriefings(_:)` gives them) and `actors`.
    func timeline(sortedBriefings: [Briefing], actors: [Actor]) -> [TimelineEvent] {
        timelineByOrigin(sortedBriefings: sortedBriefings, actors: actors).timeline
    }

    /// `timeline`, and each briefing's events in it by the briefing's position in
    /// `sortedBriefings`: grouped by document id, they took a hash and a copy per event.
    func timelineByOrigin(sortedBriefings: [Briefing], actors: [Actor]) -> (timeline: [TimelineEvent], ofBriefing: [[TimelineEvent]]) {
        // Each event as its document's position and its own, so that it is copied once, into the timeline.
        var documents: [Int32] = [], ownPositions: [Int32] = []
        documents.reserveCapacity(eventOrder.count)
        ownPositions.reserveCapacity(eventOrder.count)
        for position in sortedBriefings.indices {
            for own in sortedBriefings[position].events.indices {
                documents.append(Int32(position))
                ownPositions.append(Int32(own))
            }
        }
        for position in actors.indices {
            for own in actors[position].events.indices {
                documents.append(Int32(sortedBriefings.count + position))
                ownPositions.append(Int32(own))
            }
        }
        var ofBriefing = [[TimelineEvent]](repeating: [], count: sortedBriefings.count)
        var timeline: [TimelineEvent] = []
        timeline.reserveCapacity(eventOrder.count)
        for (position, anchor) in zip(eventOrder, eventAnchors) {
            let document = Int(documents[Int(position)]), own = Int(ownPositions[Int(position)])
            let item: TimelineEvent
            if document < sortedBriefings.count {
                item = TimelineEvent(event: sortedBriefings[document].events[own], origin: DocumentID(.briefing, sortedBriefings[document].slug), anchor: anchor)
                ofBriefing[document].append(item)
            } else {
                let actor = document - sortedBriefings.count
                item = TimelineEvent(event: actors[actor].events[own], origin: DocumentID(.actor, actors[actor].slug), anchor: anchor)
            }
            timeline.append(item)
        }
        return (timeline, ofBriefing)
    }

    /// How many events `forEachEvent` visits.
    static func eventCount(briefings: [Briefing], actors: [Actor]) -> Int {
        briefings.reduce(0) { $0 + $1.events.count } + actors.reduce(0) { $0 + $1.events.count }
    }
}
