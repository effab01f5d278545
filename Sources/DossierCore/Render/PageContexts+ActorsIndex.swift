/// The actors index: every actor grouped by kind, by title within a kind, split over
/// pages of 10 × `paginate_by` actors (20,000 actors made one 7.6 MiB page). Pages
/// cut through the kinds where they fall, so every page is as long as the others; a
/// kind that goes on from the page before is headed again, marked as continued.
struct ActorsIndexOrder: Sendable {
    /// Positions in `model.actors`, in the order the index lists them.
    let positions: [Int]
    /// Each kind that has actors, with the offset of its first actor in `positions`.
    let kinds: [(kind: ActorKind, range: Range<Int>)]

    init(_ model: SiteModel) {
        var positions: [Int] = []
        var kinds: [(ActorKind, Range<Int>)] = []
        let byKind = Dictionary(grouping: model.actors.indices) { model.actors[$0].actor.kind }
        for kind in ActorKind.allCases {
            guard let members = byKind[kind] else { continue }
            let sorted = TitleOrder.sorted(members, title: { model.actors[$0].actor.title }, tie: { model.actors[$0].actor.slug })
            kinds.append((kind, positions.count..<positions.count + sorted.count))
            positions += sorted
        }
        self.positions = positions
        self.kinds = kinds
    }
}

extension PageContexts {
    /// Sorted once per render, the first time a page of the index needs it.
    var actorsIndexOrder: ActorsIndexOrder { actorsIndexOrderMemo.value { ActorsIndexOrder(model) } }

    func actorsIndex(pageNumber: Int = 1) -> Context {
        let list = PagedList.actors
        let order = actorsIndexOrder
        let pager = pager(list, count: order.positions.count)
        let page = list.page(pageNumber)
        let shown = pager.range(ofPage: pageNumber)
        let kinds = order.kinds.map { kind, range -> Context in
            // The kind's heading is on the page of its first actor; on that page the link is the bare anchor.
            let firstPage = pager.page(containing: range.lowerBound)
            return ["label": kind.pluralLabel, "kind": kind.rawValue, "count": number(range.count, on: page),
                    "page_url": firstPage == pageNumber ? "" : urls.link(from: page, to: list.page(firstPage))]
        }
        let groups = order.kinds.compactMap { kind, range -> Context? in
            let members = range.clamped(to: shown)
            guard !members.isEmpty else { return nil }
            return ["label": kind.pluralLabel, "kind": kind.rawValue, "count": number(range.count, on: page),
                    "continued": members.lowerBound > range.lowerBound,
                    "actors": order.positions[members].map { actorIndexEntry(model.actors[$0], on: page) }]
        }
        return merge(common(page, title: pagedTitle("Actors", list, pager: pager, current: pageNumber), description: nil, section: "actors"), [
            "kinds": kinds, "groups": groups, "count": number(model.actors.count, on: page),
            "script_url": urls.rootPrefix(from: page) + urls.path(.asset("actors.js")),
            "pagination": paginationContext(list, pager: pager, current: pageNumber),
        ])
    }

    /// An actor on the actors index, with what its filter box and sort read:
    /// every name it is known by, and its mention count as a plain integer.
    func actorIndexEntry(_ actor: ActorModel, on page: SiteURLs.Page) -> Context {
        let names = ([actor.actor.title] + actor.actor.aliases.map(\.value)).joined(separator: "\n")
        return merge(actorChip(actor.actor.slug, from: page) ?? [:], [
            "mention_count": number(actor.mentionCount, on: page),
            "mentions_label": DisplayFormat.count(actor.mentionCount, "mention", in: language(of: page)),
            "mentions": actor.mentionCount, "names": names,
        ])
    }
}
