import Foundation
import Mustache

/// Renders the site model into the files of the site: every page through the
/// theme's templates, the pictures, feeds, sitemap, search index and data export.
/// Every file is one job; jobs run in parallel and write into the sink as soon as
/// they are done.
public enum SiteRenderer {
    enum Job: Sendable {
        case home, briefings, briefing(Int), actor(Int), actors, tags, tag(Int), timeline, graph, sources, search, page(Int), notFound
        /// Page 2 or later of a paginated list.
        case listPage(PagedList, Int)
        case atomFeed, jsonFeed, sitemap, entities, searchIndex, asset(String), image(PublishedImage)
        /// `data/graph.graphml`, then `data/graph.gexf`, in one job.
        case graphExports
        case mentionsCSV, relationsCSV
        /// `data/mentions/SLUG.json` for the actor at this position.
        case actorMentions(Int)
        /// `data/passages/KIND/SLUG.json` for the document at this position of `ExportPassages.documents`.
        case documentPassages(Int)
        /// `actors/SLUG/card.html`, the preview card pages fetch on demand (`ActorCards`).
        case actorCard(Int)

        var isFeed: Bool {
            switch self {
            case .atomFeed, .jsonFeed: true
            default: false
            }
        }

        /// The data export the job writes a file of; nil for every other file.
        var export: DataExport? {
            switch self {
            case .entities: .entities
            case .relationsCSV: .relations
            case .actorMentions, .documentPassages: .mentions
            case .mentionsCSV: .csv
            case .graphExports: .graph
            default: nil
            }
        }
    }

    /// Renders every file into `sink`; returns the diagnostics.
    public static func render(_ model: SiteModel, theme: Theme, urls: SiteURLs, into sink: OutputSink) -> [Diagnostic] {
        render(model, theme: theme, urls: urls, into: sink, fingerprints: .none)
    }

    /// `fingerprints` key the data files memoised across builds (`AggregateKeys`);
    /// `releasingHTML`: each document's HTML is released once its readers are done (`HTMLReaders`).
    /// `keepingUntilExit`: the contexts are left to the process's exit (`ExitWithoutTeardown`).
    static func render(
        _ model: SiteModel, theme: Theme, urls: SiteURLs, into sink: OutputSink, fingerprints: DocumentFingerprints, releasingHTML: Bool = false,
        keepingUntilExit: Bool = false
    ) -> [Diagnostic] {
        let contexts = PageContexts(model: model, urls: urls, theme: theme)
        let sourceEntries = contexts.sourceEntries()
        let keyingSink = sink as? PageKeyingSink
        // Each document as others see it, in the keys of what is made from many (`MentionView`).
        let fingerprints = keyingSink.map { fingerprints.withMentionViews(contexts, previous: $0.previousKeying) } ?? fingerprints
        let rekeying = keyingSink.map {
            BriefingPageRekeying(contexts: contexts, fingerprints: fingerprints, templates: theme.templatesFingerprint, previous: $0.previousKeying)
        } ?? .everyPage
        // The changed documents others see changed: the rest reach no actor, mentions or passages file, nor the CSV.
        let seenChanged = rekeying.seenChanged
        let actorRekeying = keyingSink.map {
            ActorPageRekeying(contexts: contexts, changed: rekeying.changed, seenChanged: seenChanged, previous: $0.previousKeying?.actors)
        } ?? .everyActor
        let listRekeying = keyingSink.map { _ in ListPageRekeying(contexts: contexts, changed: rekeying.changed, seenChanged: seenChanged) } ?? .everyPage
        let siteRekeying = keyingSink.map { _ in SitePageRekeying(changed: rekeying.changed, seenChanged: seenChanged) } ?? .everyPage
        keyingSink?.keep(rekeying.current.map { keying in
            var keying = keying
            keying.actors = actorRekeying.current
            keying.viewsRead = fingerprints.site
            return keying
        })
        var pageJobs: [Job] = [.home, .briefings, .actors, .tags, .timeline, .graph, .sources, .search]
        pageJobs += model.briefings.indices.map(Job.briefing)
        pageJobs += model.actors.indices.map(Job.actor)
        pageJobs += model.tags.indices.map(Job.tag)
        pageJobs += model.pages.indices.map(Job.page)
        pageJobs += laterPages(model, contexts: contexts, sourceCount: sourceEntries.count, actorRekeying: actorRekeying)
        let sitemapPages = pageJobs.compactMap { page(for: $0, model: model) }
        // Only the actors whose mentions file is keyed read it: none when nothing changed.
        let coMentionRangesMemo = ComputedOnce<[Range<Int>]>()
        @Sendable func coMentionRanges() -> [Range<Int>] { coMentionRangesMemo.value { EntitiesExport.coMentionRanges(model) } }
        let exports = model.config.exports
        // Hashes every document: only for the exports that read the documents' mentions.
        let mentionDocuments = exports.contains(.mentions) || exports.contains(.csv)
            ? AggregateKeys.MentionDocuments(model, fingerprints: fingerprints) : .none
        // The large data files go first so they overlap with the pages. The two graph
        // files are written one after the other, so only one is in memory at a time.
        // An export that is off has no job: the writer removes its previous files.
        let jobs: [Job] = ([.entities, .searchIndex, .graphExports, .mentionsCSV, .relationsCSV, .atomFeed, .jsonFeed, .sitemap, .notFound]
            + theme.assets.keys.sorted().map(Job.asset) + PublishedImages.all(in: model).map(Job.image) + pageJobs
            + model.actors.indices.map(Job.actorMentions) + mentionDocuments.ids.indices.map(Job.documentPassages)
            + model.actors.indices.map(Job.actorCard)).filter { $0.export.map(exports.contains) ?? true }

        let exportTables = ExportTables(model, documents: mentionDocuments, perDocument: rekeying.isSmallChange)
        let readers = releasingHTML ? HTMLReaders(model) : nil
        defer { if keepingUntilExit { ExitWithoutTeardown.keep((contexts, sourceEntries, exportTables, coMentionRangesMemo, mentionDocuments, sitemapPages, jobs)) } }
        let failures = jobs.parallelMap { job -> Diagnostic? in
            if let refusal = readers?.refusal(of: job) { return refusal }
            defer { readers?.finished(job) }
            switch job {
            case .entities:
                // In two parts, its layout kept for the next build (`EntitiesExportWriter`).
                return EntitiesExportWriter.write(model, urls: urls, to: sink, fingerprints: fingerprints, unchanged: siteRekeying.nothingChanged)
            case .atomFeed, .jsonFeed, .sitemap:
                // Made from the model alone, which no change reached (a feed with no entries reads the environment).
                if siteRekeying.nothingChanged, !(model.briefings.isEmpty && job.isFeed), let path = dataFilePath(job, urls: urls),
                   reusePrevious(path, sink: sink) { return nil }
                return makeSiteDataFile(job, model: model, urls: urls, sink: sink, fingerprints: fingerprints, sitemapPages: sitemapPages)
            case .actorMentions(let index):
                let actor = model.actors[index], slug = actor.actor.slug
                if !actorRekeying.keys(slug), reusePrevious(urls.file(EntitiesExport.mentionsFile(slug)), sink: sink) { return nil }
                let key = AggregateKeys.actorMentions(
                    slug, mentionList: contexts.mentionListDigest(of: actor, fingerprints: fingerprints),
                    profileNamesActor: actor.profile.mentionedActors.contains { $0.actor == slug }, coMentions: coMentionRanges()[index], in: model,
                    fingerprints: fingerprints)
                return memoised(urls.file(EntitiesExport.mentionsFile(slug)), key: key, sink: sink) {
                    exportTables.mentionsFile(actor: index, coMentions: coMentionRanges()[index])
                }
            case .documentPassages(let index):
                let path = urls.file(EntitiesExport.passagesFile(mentionDocuments.ids[index]))
                // The file reads its own document as others see it, and the site.
                if seenChanged?.contains(mentionDocuments.ids[index]) == false, reusePrevious(path, sink: sink) { return nil }
                let key = ExportPassages.fileKey(index, documents: mentionDocuments, fingerprints: fingerprints)
                return memoised(path, key: key, sink: sink) { exportTables.passagesFile(index) }
            case .actorCard(let index):
                let actor = model.actors[index].actor
                return ActorCards.write(actor, language: actor.language ?? model.config.languageTag, theme: theme, to: sink)
            case .graphExports:
                return GraphExportWriter.write(model, urls: urls, to: sink, fingerprints: fingerprints)
            case .mentionsCSV:
                return CSVExportWriter.write(model, urls: urls, path: urls.file(.data("mentions.csv")), to: sink, fingerprints: fingerprints,
                                             changed: seenChanged, documents: mentionDocuments)
            case .relationsCSV:
                return write(OutputFile(path: urls.file(.data("relations.csv")), contents: CSVExport.relations(model)), to: sink)
            case .searchIndex:
                return SearchIndexWriter.write(model, urls: urls, to: sink, fingerprints: fingerprints, changed: rekeying.changed)
            case .asset(let name):
                guard OutputFile.isSafe("assets/" + name), let contents = theme.assets[name] else { return nil }
                return write(OutputFile(path: "assets/" + name, contents: contents), to: sink)
            case .image(let image):
                return PublishedImages.publish(image, to: sink)
            default:
                return renderPage(job, model: model, contexts: contexts, sourceEntries: sourceEntries, theme: theme, urls: urls, sink: sink,
                                  fingerprints: fingerprints, rekeying: rekeying, actorRekeying: actorRekeying, listRekeying: listRekeying,
                                  siteRekeying: siteRekeying)
            }
        }
        return failures.compactMap { $0 }
    }

    /// The page a job renders, for the sitemap; nil for jobs that are not pages listed there.
    static func page(for job: Job, model: SiteModel) -> SiteURLs.Page? {
        switch job {
        case .home: .home
        case .briefings: .briefings
        case .briefing(let index): .briefing(model.briefings[index].briefing.slug)
        case .actor(let index): .actor(model.actors[index].actor.slug)
        case .actors: .actors
        case .tags: .tags
        case .tag(let index): .tag(model.tags[index].tag)
        case .timeline: .timeline
        case .graph: .graph
        case .sources: .sources
        case .search: .search
        case .page(let index): .page(model.pages[index].page.slug)
        case .listPage(let list, let number): list.page(number)
        default: nil
        }
    }

    static func renderPage(
        _ job: Job, model: SiteModel, contexts: PageContexts, sourceEntries: [SourceEntry], theme: Theme, urls: SiteURLs, sink: OutputSink,
        fingerprints: DocumentFingerprints, rekeying: BriefingPageRekeying = .everyPage, actorRekeying: ActorPageRekeying = .everyActor,
        listRekeying: ListPageRekeying = .everyPage, siteRekeying: SitePageRekeying = .everyPage
    ) -> Diagnostic? {
        func reuseUnreached(_ list: PagedList, _ number: Int) -> (reused: Bool, shape: String?) {
            reuseUnreachedListPage(list, number, rekeying: listRekeying, contexts: contexts, urls: urls, sink: sink)
        }
        let (page, template, context): (SiteURLs.Page, String, [String: Any])
        // Nothing changed: every page is what the previous build made, whatever its shape.
        if siteRekeying.nothingChanged, let path = pagePath(job, model: model, urls: urls), reusePreviousPage(path, sink: sink) { return nil }
        let site = reuseUnreachedSitePage(job, model: model, urls: urls, rekeying: siteRekeying, contexts: contexts, sink: sink)
        if site.reused { return nil }
        var inputs: String? = site.inputs
        var keyedByBytes = false
        switch job {
        case .home: (page, template, context) = (.home, "home", contexts.home())
        case .briefings:
            page = .briefings
            let unreached = reuseUnreached(.briefings, 1)
            if unreached.reused { return nil }
            inputs = contexts.briefingListInputs(.briefings, briefings: Array(model.briefings.indices), pageNumber: 1, fingerprints: fingerprints,
                                                 templates: theme.templatesFingerprint).map { $0 + (unreached.shape ?? "") }
            if let inputs, sink.reuse(urls.file(page), inputs: inputs) { return nil }
            (template, context) = ("briefings", contexts.briefingsIndex())
        case .briefing(let index):
            let briefing = model.briefings[index]
            page = .briefing(briefing.briefing.slug)
            // The page's shape ends its key: kept, it says the page's other inputs are as before.
            let shape = BriefingPageRekeying.shape(of: briefing, contexts: contexts)
            if !rekeying.keys(briefing.briefing.slug), let keyingSink = sink as? PageKeyingSink,
               keyingSink.reuse(urls.file(page), inputsEndingWith: shape) { return nil }
            inputs = contexts.briefingInputs(briefing, fingerprints: fingerprints, templates: theme.templatesFingerprint).map { $0 + shape }
            if let inputs, sink.reuse(urls.file(page), inputs: inputs) { return nil }
            (template, context) = ("briefing", contexts.briefing(briefing))
            keyedByBytes = true
        case .actor(let index):
            let actor = model.actors[index]
            page = .actor(actor.actor.slug)
            // Not keyed: nothing the page reads changed, so its previous inputs key stands.
            if !actorRekeying.keys(actor.actor.slug), let keyingSink = sink as? PageKeyingSink,
               keyingSink.reuse(urls.file(page), inputsEndingWith: "") { return nil }
            inputs = contexts.actorInputs(actor, fingerprints: fingerprints, templates: theme.templatesFingerprint)
            if let inputs, sink.reuse(urls.file(page), inputs: inputs) { return nil }
            let svg = Pictures.neighbourhood(of: actor, contexts: contexts)
            (template, context) = ("actor", contexts.actor(actor, graphSVG: svg))
        case .actors: (page, template, context) = (.actors, "actors", contexts.actorsIndex())
        case .tags: (page, template, context) = (.tags, "tags", contexts.tagsIndex())
        case .tag(let index):
            let tag = model.tags[index]
            page = .tag(tag.tag)
            let unreached = reuseUnreached(.tag(tag.tag), 1)
            if unreached.reused { return nil }
            inputs = contexts.briefingPositions(tag.briefings).flatMap {
                contexts.briefingListInputs(.tag(tag.tag), briefings: $0, pageNumber: 1, fingerprints: fingerprints, templates: theme.templatesFingerprint)
            }.map { $0 + (unreached.shape ?? "") }
            if let inputs, sink.reuse(urls.file(page), inputs: inputs) { return nil }
            (template, context) = ("tag", contexts.tag(tag.tag, briefings: tag.briefings))
        case .timeline:
            page = .timeline
            let unreached = reuseUnreached(.timeline, 1)
            if unreached.reused { return nil }
            inputs = contexts.timelineInputs(pageNumber: 1, fingerprints: fingerprints, templates: theme.templatesFingerprint).map { $0 + (unreached.shape ?? "") }
            if let inputs, sink.reuse(urls.file(page), inputs: inputs) { return nil }
            (template, context) = ("timeline", contexts.timeline())
        case .graph: (page, template, context) = (.graph, "graph", contexts.graph(network: Pictures.network(contexts: contexts)))
        case .sources: (page, template, context) = (.sources, "sources", contexts.sources(sourceEntries))
        case .listPage(let list, let number):
            if case .actorMentions(let slug) = list, !actorRekeying.keys(slug), let keyingSink = sink as? PageKeyingSink,
               keyingSink.reuse(urls.file(list.page(number)), inputsEndingWith: "") { return nil }
            // A whole-site list's inputs key is its shape alone (`SitePageRekeying`): never matched without its reach.
            if inputs == nil {
                let unreached = reuseUnreached(list, number)
                if unreached.reused { return nil }
                inputs = listPageInputs(list, number, model: model, contexts: contexts, fingerprints: fingerprints, templates: theme.templatesFingerprint)
                    .map { $0 + (unreached.shape ?? "") }
                if let inputs, sink.reuse(urls.file(list.page(number)), inputs: inputs) { return nil }
            }
            guard let (template, listContext) = laterPage(list, number, model: model, contexts: contexts, sourceEntries: sourceEntries) else { return nil }
            return renderTemplate(template, context: listContext, page: list.page(number), theme: theme, urls: urls, sink: sink, inputs: inputs)
        case .search: (page, template, context) = (.search, "search", contexts.search())
        case .page(let index):
            let value = model.pages[index]
            (page, template, context) = (.page(value.page.slug), "page", contexts.page(value))
        case .notFound: (page, template, context) = (.notFound, "404", contexts.notFound())
        default: return nil
        }
        return renderTemplate(template, context: context, page: page, theme: theme, urls: urls, sink: sink, inputs: inputs,
                              keyedByBytes: keyedByBytes)
    }

    /// `inputs`: the page's inputs key, kept beside its render key for the next build.
    /// `keyedByBytes`: for a briefing page, whose inputs key names all it reads
    /// (`RenderKey.key(page:)`); other pages keep the key of their context.
    private static func renderTemplate(
        _ template: String, context: [String: Any], page: SiteURLs.Page, theme: Theme, urls: SiteURLs, sink: OutputSink, inputs: String? = nil,
        keyedByBytes: Bool = false
    ) -> Diagnostic? {
        let path = urls.file(page)
        let contextKey = keyedByBytes ? nil : RenderKey.key(template: template, context: context, templatesFingerprint: theme.templatesFingerprint)
        if let contextKey, sink.reuse(path, renderedFrom: contextKey, inputs: inputs) { return nil }
        let file: OutputFile
        if let html = theme.compiledPages?.render(context, template: template) {
            file = OutputFile(path: path, contents: Data(html))
        } else if let html = (theme.pageLibrary ?? theme.library).render(context, withTemplate: template) {
            file = OutputFile(path: path, text: html)
        } else {
            return .error("missing template '\(template).mustache'", at: SourceLocation(path: "templates/\(template).mustache"))
        }
        // The same bytes as the previous file keep it (`FileReuse`).
        guard let key = keyedByBytes ? RenderKey.key(page: file.contents) : contextKey else { return write(file, to: sink) }
        do {
            try sink.write(file, renderedFrom: key, inputs: inputs)
            return nil
        } catch {
            return .error("\(error)", at: SourceLocation(path: file.path))
        }
    }

    /// A data file keyed on its inputs: linked from the previous output when its key
    /// matches, else made and written under the key for the next build.
    private static func memoised(_ path: String, key: String?, sink: OutputSink, _ make: () -> Data) -> Diagnostic? {
        if let key, sink.reuse(path, madeFrom: key) { return nil }
        let file = OutputFile(path: path, contents: make())
        guard let key else { return write(file, to: sink) }
        return memoisedWrite(file, key: key, to: sink)
    }

    /// The feeds and the sitemap, each keyed on what it reads (`AggregateKeys`).
    private static func makeSiteDataFile(
        _ job: Job, model: SiteModel, urls: SiteURLs, sink: OutputSink, fingerprints: DocumentFingerprints, sitemapPages: [SiteURLs.Page]
    ) -> Diagnostic? {
        switch job {
        case .atomFeed:
            return memoised(urls.file(.feed("feed.xml")), key: AggregateKeys.feed("feed.xml", model, fingerprints: fingerprints), sink: sink) {
                Data(Feeds.atom(model, urls: urls).utf8)
            }
        case .jsonFeed:
            return memoised(urls.file(.feed("feed.json")), key: AggregateKeys.feed("feed.json", model, fingerprints: fingerprints), sink: sink) {
                Feeds.jsonFeed(model, urls: urls)
            }
        case .sitemap:
            var lastModified: [SiteURLs.Page: PartialDate] = [:]
            for briefing in model.briefings {
                lastModified[.briefing(briefing.briefing.slug)] = briefing.briefing.updated ?? briefing.briefing.date
            }
            let key = AggregateKeys.sitemap(sitemapPages, lastModified: lastModified, urls: urls, fingerprints: fingerprints)
            return memoised(urls.file(.feed("sitemap.xml")), key: key, sink: sink) {
                Data(Feeds.sitemap(sitemapPages, model: model, urls: urls, lastModified: lastModified).utf8)
            }
        default:
            return nil
        }
    }

    /// Where `makeSiteDataFile` writes `job`'s file.
    private static func dataFilePath(_ job: Job, urls: SiteURLs) -> String? {
        switch job {
        case .atomFeed: urls.file(.feed("feed.xml"))
        case .jsonFeed: urls.file(.feed("feed.json"))
        case .sitemap: urls.file(.feed("sitemap.xml"))
        default: nil
        }
    }

    /// Takes the previous output's file at `path` under the key it was made from, for a
    /// file nothing of which changed (`ActorPageRekeying`); false if there is none or it
    /// was touched since.
    private static func reusePrevious(_ path: String, sink: OutputSink) -> Bool {
        if let keyingSink = sink as? PageKeyingSink { return keyingSink.reuseUnchanged(path, asPage: false) }
        guard let previous = sink.previousOutput(path) else { return false }
        return sink.reuse(path, madeFrom: previous.key)
    }

    /// The file of the page `job` renders, if it renders one.
    static func pagePath(_ job: Job, model: SiteModel, urls: SiteURLs) -> String? {
        if case .notFound = job { return urls.file(.notFound) }
        return page(for: job, model: model).map(urls.file)
    }

    /// `reusePrevious` for a page: taken under its previous render and inputs keys.
    private static func reusePreviousPage(_ path: String, sink: OutputSink) -> Bool {
        (sink as? PageKeyingSink)?.reuseUnchanged(path, asPage: true) ?? false
    }

    /// Writes `file` under `key`, so that the next build can reuse it.
    private static func memoisedWrite(_ file: OutputFile, key: String, to sink: OutputSink) -> Diagnostic? {
        do {
            try sink.write(file, renderedFrom: key)
            return nil
        } catch {
            return .error("\(error)", at: SourceLocation(path: file.path))
        }
    }

    /// Writes `file`, a failure as a diagnostic at its path.
    static func write(_ file: OutputFile, to sink: OutputSink) -> Diagnostic? {
        do {
            try sink.write(file)
            return nil
        } catch {
            return .error("\(error)", at: SourceLocation(path: file.path))
        }
    }
}
