/// Which of the pages made from the whole site — home, the actors, tags and sources
/// indexes (page 1 and later), the relation graph, search, 404 and the free pages — a
/// cached build takes from the previous output without building their context. Until
/// now each was keyed on its finished context every build: the graph page's network
/// picture alone laid out every related actor.
///
/// Each page's inputs key is its *shape*: what it reads that the model derives from
/// many documents (mention counts, which briefings and events it shows, tags and their
/// counts). The rest it reads is what every page reads (`PageKeying.common`) and the
/// documents themselves, compared through the documents that changed since the
/// previous build (`BriefingPageRekeying.changed`; nil: every page is keyed). A page is
/// taken if its shape is the previous key's and no changed document is one it reads:
/// - search and 404: only what every page reads, never reached by a document;
/// - the tags index: tag names and counts, all in its shape;
/// - the actors index: every actor's chip, aliases (its filter box) and mention count
///   (in the shape) — reached by any changed actor;
/// - the graph page: every actor's chip and mention count and every relation as the
///   model holds it (both in the shape) — reached by an actor others see changed
///   (`MentionView`), not by an alias edit;
/// - home: the newest briefings, the most mentioned actors with their counts and the
///   latest events with their timeline pages (in the shape), each with its document
///   and its actors' — reached by an actor others see changed, a free page or a
///   changed briefing among those it shows;
/// - the sources index and free pages: only when nothing changed at all.
struct SitePageRekeying: Sendable {
    /// The pages this type keys.
    enum Page: Sendable {
        case home, actors(pageNumber: Int), tags(pageNumber: Int), sources(pageNumber: Int), graph, search, notFound, free(Int)
    }

    private let changed: Set<DocumentID>?
    private let actorChanged: Bool
    /// An actor changed as others see it: its chip, events or passages.
    private let actorSeenChanged: Bool
    private let pageChanged: Bool

    /// Every page keyed: for sinks without a manifest.
    static let everyPage = SitePageRekeying(changed: nil)

    /// `changed`: the documents that changed since the previous build (`BriefingPageRekeying`), nil if unknown;
    /// `seenChanged`: those of them others may see changed, nil: all of them.
    init(changed: Set<DocumentID>?, seenChanged: Set<DocumentID>? = nil) {
        self.changed = changed
        actorChanged = changed?.contains { $0.kind == .actor } ?? true
        actorSeenChanged = (seenChanged ?? changed)?.contains { $0.kind == .actor } ?? true
        pageChanged = changed?.contains { $0.kind == .page } ?? true
    }

    /// No document changed and nothing every page reads did: every file made from the
    /// model alone is as the previous build made it.
    var nothingChanged: Bool { changed?.isEmpty == true }

    /// The page's inputs key (its shape) and whether it may keep its previous file if
    /// that was made under the same key.
    func shape(_ page: Page, contexts: PageContexts) -> (inputs: String, unreached: Bool) {
        let model = contexts.model
        var hasher = StableHasher()
        hasher.combine("site page")
        let unreached: Bool
        switch page {
        case .search:
            hasher.combine("search")
            unreached = changed != nil
        case .notFound:
            hasher.combine("404")
            unreached = changed != nil
        case .tags(let number):
            hasher.combine("tags")
            hasher.combine(number)
            hasher.combine(contexts.tagsShapeDigest)
            unreached = changed != nil
        case .graph, .actors:
            if case .actors(let number) = page {
                hasher.combine("actors")
                hasher.combine(number)
            } else {
                hasher.combine("graph")
            }
            hasher.combine(contexts.actorsShapeDigest)
            if case .graph = page {
                // Declared in actor files but not in their views: the graph reads them as the model holds them.
                hasher.combine(model.relations.count)
                for relation in model.relations {
                    hasher.combine(relation.from)
                    hasher.combine(relation.to)
                    RelationFields.combine(relation, into: &hasher)
                }
                unreached = !actorSeenChanged
            } else {
                unreached = !actorChanged
            }
        case .home:
            hasher.combine("home")
            let newest = model.briefings.prefix(10)
            hasher.combine(model.briefings.count > 10)
            for briefing in newest { hasher.combine(briefing.briefing.slug) }
            for actor in contexts.homeTopActors {
                hasher.combine(actor.actor.slug)
                hasher.combine(actor.mentionCount)
            }
            let events = model.timeline.suffix(8)
            for item in events {
                hasher.combine(item.anchor)
                hasher.combine(item.origin.description)
                // Each event links to its timeline page, which earlier events elsewhere move.
                hasher.combine(contexts.timelinePageByAnchor[item.anchor] ?? 1)
            }
            unreached = !actorSeenChanged && !pageChanged && !(changed ?? []).contains { id in
                id.kind == .briefing && (newest.contains { $0.briefing.slug == id.slug } || events.contains { $0.origin == id })
            }
        case .sources(let number):
            hasher.combine("sources")
            hasher.combine(number)
            unreached = nothingChanged
        case .free(let index):
            hasher.combine("page")
            hasher.combine(model.pages[index].page.slug)
            unreached = nothingChanged
        }
        return ("." + hasher.finalize(), unreached)
    }
}

extension SitePageRekeying.Page {
    /// The page a render job makes, if this type keys it.
    init?(_ job: SiteRenderer.Job) {
        switch job {
        case .home: self = .home
        case .actors: self = .actors(pageNumber: 1)
        case .tags: self = .tags(pageNumber: 1)
        case .sources: self = .sources(pageNumber: 1)
        case .graph: self = .graph
        case .search: self = .search
        case .notFound: self = .notFound
        case .page(let index): self = .free(index)
        case .listPage(.actors, let number): self = .actors(pageNumber: number)
        case .listPage(.tags, let number): self = .tags(pageNumber: number)
        case .listPage(.sources, let number): self = .sources(pageNumber: number)
        default: return nil
        }
    }
}

extension SiteRenderer {
    /// Takes the whole-site page `job` makes from the previous output if no change reaches
    /// it (`SitePageRekeying`); else the inputs key to record with it, nil for other jobs.
    static func reuseUnreachedSitePage(
        _ job: Job, model: SiteModel, urls: SiteURLs, rekeying: SitePageRekeying, contexts: PageContexts, sink: OutputSink
    ) -> (reused: Bool, inputs: String?) {
        guard let page = SitePageRekeying.Page(job), let path = pagePath(job, model: model, urls: urls) else { return (false, nil) }
        let shaped = rekeying.shape(page, contexts: contexts)
        if shaped.unreached, let keyingSink = sink as? PageKeyingSink, keyingSink.reuse(path, inputsEndingWith: shaped.inputs) {
            return (true, shaped.inputs)
        }
        return (false, shaped.inputs)
    }
}

extension PageContexts {
    /// Every actor's slug and mention count, hashed once per build for the shapes of the
    /// actors index's pages and the graph page. Hashed into each page's shape, it made
    /// the index's pages cost the square of the actors: 20,000 actors at 100,000 briefings
    /// are 200 pages of 100, each hashing all 20,000 (and copying each `ActorModel`).
    var actorsShapeDigest: String {
        actorsShapeDigestMemo.value {
            var hasher = StableHasher()
            hasher.combine(model.actors.count)
            // By index: iterating would copy every `ActorModel`.
            for position in model.actors.indices {
                hasher.combine(model.actors[position].actor.slug)
                hasher.combine(model.actors[position].mentionCount)
            }
            return hasher.finalize()
        }
    }

    /// Every tag's name and count of briefings, hashed once per build for the shapes of
    /// the tags index's pages (as `actorsShapeDigest`).
    var tagsShapeDigest: String {
        tagsShapeDigestMemo.value {
            var hasher = StableHasher()
            hasher.combine(model.tags.count)
            for position in model.tags.indices {
                hasher.combine(model.tags[position].tag)
                hasher.combine(model.tags[position].briefings.count)
            }
            return hasher.finalize()
        }
    }

    /// The most mentioned actors the home page shows, with their counts: in its shape too.
    var homeTopActors: ArraySlice<ActorModel> {
        model.actors.filter { $0.mentionCount > 0 }
            .sorted { $0.mentionCount != $1.mentionCount ? $0.mentionCount > $1.mentionCount : $0.actor.slug < $1.actor.slug }
            .prefix(12)
    }
}
