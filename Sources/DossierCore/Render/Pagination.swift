/// A list that grows with the site and is split over numbered pages, so that no page
/// grows without bound (issue 10: no HTML page over 1 MiB at 10,000 briefings).
/// Page 1 is the list's own page; the others sit below it, as Hugo and Zola put them.
public enum PagedList: Sendable, Hashable {
    case briefings
    case sources
    case tags
    case tag(String)
    /// Every actor, grouped by kind and by title within a kind.
    case actors
    /// Every event, oldest first.
    case timeline
    /// An actor's "Mentioned in": page 1 is the actor page itself.
    case actorMentions(String)

    /// The page showing page `number` (1-based) of the list.
    public func page(_ number: Int) -> SiteURLs.Page {
        if number > 1 { return .listPage(self, number) }
        switch self {
        case .briefings: return .briefings
        case .sources: return .sources
        case .tags: return .tags
        case .tag(let tag): return .tag(tag)
        case .actors: return .actors
        case .timeline: return .timeline
        case .actorMentions(let slug): return .actor(slug)
        }
    }

    /// The folder of page `number` ≥ 2: `briefings/page/2/`, `tags/nuclear/page/2/`,
    /// `actors/iran/mentions/2/`.
    func folder(ofPage number: Int) -> String {
        switch self {
        case .briefings: "briefings/page/\(number)/"
        case .sources: "sources/page/\(number)/"
        case .tags: "tags/page/\(number)/"
        case .tag(let tag): "tags/\(tag)/page/\(number)/"
        case .actors: "actors/page/\(number)/"
        case .timeline: "timeline/page/\(number)/"
        case .actorMentions(let slug): "actors/\(slug)/mentions/\(number)/"
        }
    }
}

/// Splits `count` items into pages; an empty list still has one page.
struct Pager: Sendable, Hashable {
    var count: Int
    /// The offset of each page's first item.
    private(set) var starts: [Int]

    /// Pages of `size` items.
    init(count: Int, size: Int) {
        self.count = count
        starts = Array(stride(from: 0, to: max(1, count), by: max(1, size)))
    }

    /// Pages of at most `size` items whose `weights` add up to at most `budget`; an item
    /// heavier than the budget has a page to itself. Used where items vary a lot in
    /// size (a document with one passage, another with sixty), so that no page does.
    init(weights: [Int], size: Int, budget: Int) {
        count = weights.count
        starts = [0]
        var items = 0, weight = 0
        for (offset, itemWeight) in weights.enumerated() {
            if items > 0, items >= size || weight + itemWeight > budget {
                starts.append(offset)
                items = 0
                weight = 0
            }
            items += 1
            weight += itemWeight
        }
    }

    /// Pages of quoted documents as `init(weights:size:budget:)` pages them, then `links`
    /// documents listed as links: the last page of quotes is filled with links up to
    /// `size` documents, and each later page holds `linksPerPage` links. The budget
    /// exists because of quotes, so it does not close a page of links.
    init(weights: [Int], size: Int, budget: Int, thenLinks links: Int, linksPerPage: Int) {
        self.init(weights: weights, size: size, budget: budget)
        count = weights.count + links
        guard links > 0 else { return }
        let quotedOnLastPage = weights.count - starts[starts.count - 1]
        var next = weights.count + max(0, max(1, size) - quotedOnLastPage)
        while next < count {
            starts.append(next)
            next += max(1, linksPerPage)
        }
    }

    var pageCount: Int { starts.count }

    /// The page (1-based) that shows the item at `offset`.
    func page(containing offset: Int) -> Int {
        var low = 0, high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle } else { high = middle }
        }
        return low + 1
    }

    /// The items of page `number` (1-based), as offsets into the list.
    func range(ofPage number: Int) -> Range<Int> {
        guard (1...starts.count).contains(number) else { return count..<count }
        return starts[number - 1]..<(number < starts.count ? starts[number] : count)
    }

    /// Page numbers for the navigation: the first, the last, and two either side of
    /// the current one; nil stands for the numbers left out between them.
    func shownNumbers(around current: Int) -> [Int?] {
        let kept = Set([1, pageCount] + Array(max(1, current - 2)...min(pageCount, current + 2)))
        var result: [Int?] = []
        for number in kept.sorted() {
            if let last = result.last ?? nil, number > last + 1 { result.append(nil) }
            result.append(number)
        }
        return result
    }
}

extension PagedList {
    /// The sizes of a site's lists. The tags index lists only short names, the actors
    /// index a name and a one-line summary, and the timeline one line per event, so a
    /// page of them holds more than a page of documents.
    static func pageSize(of list: PagedList, config: SiteConfig) -> Int {
        switch list {
        case .tags, .actors: config.paginateBy * 10
        case .timeline: config.paginateBy * 4
        default: config.paginateBy
        }
    }
}

extension PageContexts {
    func pager(_ list: PagedList, count: Int) -> Pager {
        Pager(count: count, size: PagedList.pageSize(of: list, config: model.config))
    }

    /// An actor's "Mentioned in": `paginate_by` documents a page, and no more than ten
    /// times as many passages, so a run of documents that quote the actor in every
    /// paragraph does not make one page as long as all of them. Only the first
    /// `actor_quotes` documents are quoted; the rest are links, ten times as many a page.
    func mentionPager(_ actor: ActorModel) -> Pager {
        // Counted with the documents' summaries (`MentionedActor.passages`): every build pages every actor.
        let groups = actor.mentionGroups.groups
        let quoted = quotedMentionGroups(of: actor)
        let weights = groups.prefix(quoted).map(\.passages)
        let size = model.config.paginateBy
        return Pager(weights: weights, size: size, budget: size * Self.passagesPerDocumentOnAverage,
                     thenLinks: groups.count - quoted, linksPerPage: size * Self.mentionLinksPerDocument)
    }

    /// How many of the actor's groups, from the first, quote their passages (`actor_quotes`).
    func quotedMentionGroups(of actor: ActorModel) -> Int {
        model.config.actorQuotes.quoted(of: actor.mentionGroups.groups.count)
    }

    /// Links a later page of "Mentioned in" holds per document a page of quotes may hold:
    /// a link is one line, as an entry of the actors index is.
    static let mentionLinksPerDocument = 10

    /// The passage budget of a page of mentions, per document it may hold.
    static let passagesPerDocumentOnAverage = 10

    /// The navigation between the pages of a list, as `partials/pagination` shows it;
    /// `false` when the list fits on one page.
    func paginationContext(_ list: PagedList, pager: Pager, current: Int) -> Any {
        guard pager.pageCount > 1 else { return false }
        let page = list.page(current)
        let language = language(of: page)
        func url(_ number: Int) -> String { urls.link(from: page, to: list.page(number)) }
        let total = DisplayFormat.number(pager.pageCount, in: language)
        let currentText = DisplayFormat.number(current, in: language)
        return [
            "current": currentText, "total": total, "status": "Page \(currentText) of \(total)",
            "prev_url": current > 1 ? url(current - 1) : false,
            "next_url": current < pager.pageCount ? url(current + 1) : false,
            "pages": pager.shownNumbers(around: current).map { number -> Context in
                guard let number else { return ["gap": true, "current": false, "url": false, "number": "…"] }
                return ["gap": false, "current": number == current, "url": url(number),
                        "number": DisplayFormat.number(number, in: language)]
            },
        ] as Context
    }

    /// "Briefings" on page 1, "Briefings, page 2 of 7" after it, for `<title>`.
    func pagedTitle(_ title: String, _ list: PagedList, pager: Pager, current: Int) -> String {
        guard current > 1 else { return title }
        let language = language(of: list.page(current))
        return "\(title), page \(DisplayFormat.number(current, in: language)) of \(DisplayFormat.number(pager.pageCount, in: language))"
    }
}
