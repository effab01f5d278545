import Mustache

/// Builds the values each template sees. Contexts are plain dictionaries built once
/// per page: swift-mustache reads them without reflection, which is about three
/// times faster than handing it structs (STACK-NOTES.md).
///
/// Names are snake_case. Every value is escaped by `{{…}}` in templates; the only
/// raw values end in `_html` or `_svg`, so one grep finds every raw sink.
///
/// A class: its two dozen fields are fixed once made, and every closure and helper
/// that took the struct copied it, retaining each field (0.4 % of a 100,000-briefing
/// build, in `briefingCard`, `briefing` and `mentionSections`); a reference is one.
final class PageContexts: Sendable {
    typealias Context = [String: Any]

    let model: SiteModel
    let urls: SiteURLs
    let actorsBySlug: SlugLookup<ActorModel>
    let briefingsBySlug: SlugLookup<BriefingModel>
    let pagesBySlug: SlugLookup<PageModel>
    /// Actor slug → positions in `model.briefings` (newest first) of the briefings that
    /// name it in their front-matter `actors`.
    let principalBriefingsByActor: [String: [Int]]
    /// The timeline page each event is on, by its anchor: links to an event go there.
    let timelinePageByAnchor: [String: Int]
    /// Chips rendered once per build through the theme's chip partials.
    let chips: ActorChips
    /// Links to a document (an event's origin, a source's citing documents, an infobox's
    /// first and last mention), once per depth and language.
    let documentLinks = BuildMemo<DocumentLinkKey, DocumentLinkValues>()
    /// Whether a passage's `segments` are built: only when a template may read them
    /// (the built-in theme shows `snippet_html`), since half a million passages at
    /// 10,000 briefings made a dictionary per piece of every snippet.
    let includesSnippetSegments: Bool
    /// Whether "Mentioned in" groups are written as HTML, and whether their values are still needed.
    let mentionSectionsHTML: MentionSectionsHTML
    let actorsIndexOrderMemo = ComputedOnce<ActorsIndexOrder>()
    /// Whole-site parts of the index pages' shapes, hashed once (`SitePageRekeying`).
    let actorsShapeDigestMemo = ComputedOnce<String>()
    let tagsShapeDigestMemo = ComputedOnce<String>()
    /// Each briefing's actors as numbers, for the related briefings' shared actors (`PageContexts+Related`).
    let briefingActorNumbersMemo = ComputedOnce<BriefingActorNumbers>()
    /// The header and footer rendered apart, and the library that renders them (nil
    /// without a theme: the contexts then carry no HTML for them).
    let layoutPartials: LayoutPartials
    let partialsLibrary: MustacheLibrary?
    let layoutValuesMemo = BuildMemo<LayoutKey, Context>()
    /// "Mentioned in" group headings rendered once per document, depth and language.
    let mentionHeadings: MentionGroupHeadings
    /// Each actor's mention list hashed for the inputs keys, once for its page and all
    /// its "Mentioned in" pages (`PageContexts+Inputs`).
    let mentionListDigests = BuildMemo<String, String?>()
    /// The documents of the mention lists as others see them, by position (`hashMentionList`).
    let seenDocuments = SeenDocuments()

    /// Without a theme (tests of the contexts alone), chips carry their values but no HTML.
    init(model: SiteModel, urls: SiteURLs, theme: Theme? = nil) {
        self.model = model
        self.urls = urls
        chips = ActorChips(library: theme?.library, actorCount: model.actors.count)
        layoutPartials = theme?.layoutPartials ?? LayoutPartials(spliced: [])
        partialsLibrary = theme?.library
        includesSnippetSegments = theme?.mayRead("segments") ?? true
        mentionSectionsHTML = theme?.mentionSectionsHTML ?? .inactive
        mentionHeadings = MentionGroupHeadings(library: theme?.library, keepsValues: mentionSectionsHTML.groupValuesMayBeRead)
        actorsBySlug = SlugLookup(model.actors) { $0.actor.slug }
        briefingsBySlug = SlugLookup(model.briefings) { $0.briefing.slug }
        pagesBySlug = SlugLookup(model.pages) { $0.page.slug }
        var principal: [String: [Int]] = [:]
        for position in model.briefings.indices {
            for slug in Set(model.briefings[position].principalActors) { principal[slug, default: []].append(position) }
        }
        principalBriefingsByActor = principal
        let eventsPerPage = PagedList.pageSize(of: .timeline, config: model.config)
        timelinePageByAnchor = Dictionary(model.timeline.enumerated().map { ($1.anchor, $0 / eventsPerPage + 1) },
                                          uniquingKeysWith: { first, _ in first })
    }

    // MARK: Shared pieces

    /// Keys every page has: site, navigation, and where the page is.
    func common(_ page: SiteURLs.Page, title: String?, description: String?, section: String) -> Context {
        var context = layoutValues(page, section: section)
        context["page_title"] = title.map { "\($0) · \(model.config.title)" } ?? model.config.title
        context["meta_description"] = description ?? model.config.description ?? ""
        context["canonical_url"] = urls.absolute(page, baseURL: model.config.baseURL)
        return context
    }

    /// The values of `common` that depend only on the page's depth, language and
    /// section (`LayoutPartials.layoutValueNames`), with the header and footer
    /// rendered from them: made once per (depth, language, section).
    func layoutValues(_ page: SiteURLs.Page, section: String) -> Context {
        let key = LayoutKey(rootPrefix: urls.rootPrefix(from: page), language: language(of: page), section: section)
        return layoutValuesMemo.value(for: key) {
            withLayoutPartials(makeLayoutValues(page, section: section))
        }
    }

    /// `context` with the spliced header and footer rendered from its own values: for
    /// a page whose layout values are not those of its depth (the 404 page's links).
    func withLayoutPartials(_ context: Context) -> Context {
        guard let partialsLibrary else { return context }
        return merge(context, layoutPartials.render(context, with: partialsLibrary))
    }

    private func makeLayoutValues(_ page: SiteURLs.Page, section: String) -> Context {
        let root = urls.rootPrefix(from: page)
        let navigation: [(String, SiteURLs.Page, String)] = [
            ("Briefings", .briefings, "briefings"), ("Actors", .actors, "actors"), ("Timeline", .timeline, "timeline"),
            ("Graph", .graph, "graph"), ("Sources", .sources, "sources"), ("Tags", .tags, "tags"), ("Search", .search, "search"),
        ]
        return merge(languageKeys(page), [
            "site_title": model.config.title,
            "site_description": optional(model.config.description),
            "home_url": urls.link(from: page, to: .home),
            "css_url": root + urls.path(.asset("dossier.css")),
            "favicon_url": root + urls.path(.asset("favicon.svg")),
            "shortcuts_script_url": root + urls.path(.asset("shortcuts.js")),
            "feed_url": root + urls.path(.feed("feed.xml")),
            "json_feed_url": root + urls.path(.feed("feed.json")),
            "search_url": urls.link(from: page, to: .search),
            "pages": model.pages.map {
                ["title": $0.page.title, "url": urls.link(from: page, to: .page($0.page.slug)),
                 "lang_dir_html": langDirHTML(language(of: .page($0.page.slug)), on: page)] as Context
            },
            "navigation": navigation.map { label, target, key in
                ["label": label, "url": urls.link(from: page, to: target), "current": key == section] as Context
            },
        ])
    }

    /// A missing value must still be set: Mustache looks a missing key up in the
    /// enclosing contexts (a source without `url` would take the page's), and an
    /// empty string still opens a section. `false` does neither.
    func optional(_ value: String?) -> Any {
        guard let value, !value.isEmpty else { return false }
        return value
    }

    /// Front-matter keys Dossier does not interpret, for templates as `params.KEY`
    /// (Hugo's convention). Null becomes `false` so a section on it does not open.
    func params(_ entries: [ParamEntry]) -> Context {
        func value(_ param: ParamValue) -> Any {
            switch param {
            case .string(let text): return text
            case .bool(let flag): return flag
            case .int(let number): return number
            case .double(let number): return number
            case .null: return false
            case .list(let items): return items.map(value)
            case .map(let entries): return params(entries)
            }
        }
        return Dictionary(entries.map { ($0.key, value($0.value)) }, uniquingKeysWith: { first, _ in first })
    }

    func merge(_ base: Context, _ extra: Context) -> Context {
        base.merging(extra) { _, new in new }
    }

    /// A date as `page` shows it, in the page's language.
    func date(_ date: PartialDate, on page: SiteURLs.Page) -> Context {
        self.date(date, in: language(of: page))
    }

    /// `date` on a page whose language the caller has looked up.
    func date(_ date: PartialDate, in pageLanguage: LanguageTag) -> Context {
        ["display": DisplayFormat.date(date, in: pageLanguage), "machine": DisplayFormat.machineDate(date)]
    }

    /// An actor's chip: its values, and its HTML as `variant`'s partial renders it.
    func actorChip(_ slug: String, from page: SiteURLs.Page, as variant: ActorChips.Variant? = nil) -> Context? {
        guard let position = actorsBySlug.position(of: slug) else { return nil }
        // The actor's and the page's languages looked up once, not once for each attribute.
        // Fields read in place (`model.actors` is the list `actorsBySlug` positions into): a copy of the entry retained each of its fields.
        let actorLanguage = model.actors[position].actor.language ?? siteLanguage
        let pageLanguage = language(of: page)
        let langDir = langDirHTML(actorLanguage, pageLanguage: pageLanguage)
        let rootPrefix = urls.rootPrefix(from: page)
        if let made = chips.chip(position, rootPrefix: rootPrefix, langDir: langDir, variant: variant) { return made }
        let actor = model.actors[position].actor
        let values: Context = [
            "title": actor.title, "url": urls.link(from: page, to: .actor(slug)), "kind": actor.kind.rawValue,
            "kind_label": actor.kind.label, "summary": optional(actor.summary), "lang_dir_html": langDir,
            "bdi_lang_dir_html": otherLanguageDirHTML(actorLanguage, pageLanguage: pageLanguage),
        ]
        return chips.make(position, rootPrefix: rootPrefix, langDir: langDir, variant: variant, values: values)
    }

    func briefingCard(_ briefing: BriefingModel, from page: SiteURLs.Page) -> Context {
        // The chips in a loop, not a closure: a closure that calls back into the contexts
        // took a copy of them (a retain of each of their fields) for every card.
        let principal = briefing.principalActors
        var chips: [Context] = []
        chips.reserveCapacity(principal.count)
        for index in principal.indices {
            if let chip = actorChip(principal[index], from: page, as: .compact) { chips.append(chip) }
        }
        // The briefing's fields read in place: `Briefing` copied whole retained each of its fields.
        let slug = briefing.briefing.slug
        return [
            "title": briefing.briefing.title, "url": urls.link(from: page, to: .briefing(slug)),
            "date": date(briefing.briefing.date, on: page), "summary": optional(briefing.briefing.summary),
            "lang_dir_html": langDirHTML(language(of: .briefing(slug)), on: page),
            "actors": chips,
            "has_actors": !principal.isEmpty,
            "tags": briefing.briefing.tags.map { ["name": $0, "url": urls.link(from: page, to: .tag($0))] as Context },
        ]
    }

    /// A link to a document with its title, kind and date. About 200,000 groups of
    /// "Mentioned in" at 10,000 briefings link 12,000 documents, so each link is made
    /// once per page depth and language.
    func documentLink(_ id: DocumentID, from page: SiteURLs.Page) -> Context {
        documentLinks.value(for: DocumentLinkKey(id: id, rootPrefix: urls.rootPrefix(from: page), language: language(of: page))) {
            DocumentLinkValues(newDocumentLink(id, from: page))
        }.context
    }

    /// `documentLink` made anew, for a caller that keeps what it needs of it itself.
    func newDocumentLink(_ id: DocumentID, from page: SiteURLs.Page) -> Context {
        let langDir = langDirHTML(language(of: id), on: page)
        switch id.kind {
        case .briefing:
            // The two fields read where they lie: `\.briefing` copied the whole `Briefing`.
            let briefing = briefingsBySlug.read(id.slug) { (title: $0.briefing.title, date: $0.briefing.date) }
            return ["title": briefing?.title ?? id.slug, "url": urls.link(from: page, to: .briefing(id.slug)),
                    "kind": "briefing", "date": briefing.map { date($0.date, on: page) as Any } ?? false,
                    "lang_dir_html": langDir]
        case .actor:
            return ["title": actorsBySlug.read(id.slug) { $0.actor.title } ?? id.slug, "url": urls.link(from: page, to: .actor(id.slug)),
                    "kind": "actor profile", "date": false, "lang_dir_html": langDir]
        case .page:
            let title = pagesBySlug.read(id.slug) { $0.page.title } ?? id.slug
            return ["title": title, "url": urls.link(from: page, to: .page(id.slug)), "kind": "page", "date": false,
                    "lang_dir_html": langDir]
        }
    }

    func event(_ item: TimelineEvent, from page: SiteURLs.Page) -> Context {
        let event = item.event
        var context: Context = [
            "anchor": item.anchor, "date": date(event.date, on: page), "title": event.title,
            "lang_dir_html": langDirHTML(language(of: item.origin), on: page),
            "actors": event.actors.compactMap { actorChip($0.value, from: page, as: .tiny) },
            "origin": isOwnPage(of: item.origin, page) ? false : documentLink(item.origin, from: page),
            "cited_source": eventSource(item, on: page) ?? false,
            "timeline_url": urls.link(from: page, to: PagedList.timeline.page(timelinePageByAnchor[item.anchor] ?? 1)) + "#" + item.anchor,
        ]
        context["place"] = event.place.flatMap { actorChip($0.value, from: page) } ?? false
        return context
    }

    func source(_ source: Source, on page: SiteURLs.Page) -> Context {
        ["id": optional(source.id), "title": source.title, "anchor": source.id.map { "source-" + $0 } ?? false, "publisher": optional(source.publisher),
         "url": optional(source.url), "date": source.date.map { date($0, on: page) as Any } ?? false]
    }

    func bodyHTML(_ document: LinkedDocument, from page: SiteURLs.Page) -> String {
        let root = urls.rootPrefix(from: page)
        return SiteLinkPlaceholder.resolve(bodyWithMentionPreviews(document.html, from: page), rootPrefix: root)
    }
}

/// What the layout values depend on: the page's links' `../` prefix, its language and
/// the section the navigation highlights.
struct LayoutKey: Hashable, Sendable {
    var rootPrefix: String
    var language: LanguageTag
    var section: String
}

/// What a document's link depends on besides the document: where the page is (its
/// links' `../` prefix) and the page's language (dates, language attributes).
struct DocumentLinkKey: Hashable, Sendable {
    var id: DocumentID
    var rootPrefix: String
    var language: LanguageTag
}

/// `PageContexts.documentLink`'s values as its memo keeps them until the end of
/// rendering: a struct of their five values rather than the dictionary, which was
/// about 0.6 KB more for each of the 100,000-briefing build's 200,000 or so links.
struct DocumentLinkValues {
    let title: String
    let url: String
    let kind: String
    /// The date's values (`PageContexts.date`), or false.
    let date: Any
    let langDirHTML: String

    init(_ context: PageContexts.Context) {
        title = context["title"] as? String ?? ""
        url = context["url"] as? String ?? ""
        kind = context["kind"] as? String ?? ""
        date = context["date"] ?? false
        langDirHTML = context["lang_dir_html"] as? String ?? ""
    }

    var context: PageContexts.Context {
        ["title": title, "url": url, "kind": kind, "date": date, "lang_dir_html": langDirHTML]
    }
}
