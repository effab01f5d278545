import Foundation
import Mustache

/// Renders the site model into the files of the site: every page through the
/// theme's templates, the pictures, feeds, sitemap, search index and data export.
public enum SiteRenderer {
    /// Renders every file into `sink` as soon as it is made; returns the diagnostics.
    public static func render(_ model: SiteModel, theme: Theme, urls: SiteURLs, into sink: OutputSink) -> [Diagnostic] {
        let contexts = PageContexts(model: model, urls: urls)

        enum Job: Sendable {
            case home, briefings, briefing(Int), actor(Int), actors, tags, tag(Int), timeline, graph, sources, search, page(Int), notFound
        }
        var jobs: [Job] = [.home, .briefings, .actors, .tags, .timeline, .graph, .sources, .search, .notFound]
        jobs += model.briefings.indices.map(Job.briefing)
        jobs += model.actors.indices.map(Job.actor)
        jobs += model.tags.indices.map(Job.tag)
        jobs += model.pages.indices.map(Job.page)

        let rendered = jobs.parallelMap { job -> (page: SiteURLs.Page, template: String, failure: Diagnostic?) in
            let (page, template, context): (SiteURLs.Page, String, [String: Any])
            switch job {
            case .home: (page, template, context) = (.home, "home", contexts.home())
            case .briefings: (page, template, context) = (.briefings, "briefings", contexts.briefingsIndex())
            case .briefing(let index):
                let briefing = model.briefings[index]
                (page, template, context) = (.briefing(briefing.briefing.slug), "briefing", contexts.briefing(briefing))
            case .actor(let index):
                let actor = model.actors[index]
                let svg = Pictures.neighbourhood(of: actor, contexts: contexts)
                (page, template, context) = (.actor(actor.actor.slug), "actor", contexts.actor(actor, graphSVG: svg))
            case .actors: (page, template, context) = (.actors, "actors", contexts.actorsIndex())
            case .tags: (page, template, context) = (.tags, "tags", contexts.tagsIndex())
            case .tag(let index):
                let tag = model.tags[index]
                (page, template, context) = (.tag(tag.tag), "tag", contexts.tag(tag.tag, briefings: tag.briefings))
            case .timeline: (page, template, context) = (.timeline, "timeline", contexts.timeline(svg: Pictures.timeline(model)))
            case .graph: (page, template, context) = (.graph, "graph", contexts.graph(svg: Pictures.network(contexts: contexts)))
            case .sources: (page, template, context) = (.sources, "sources", contexts.sources())
            case .search: (page, template, context) = (.search, "search", contexts.search())
            case .page(let index):
                let value = model.pages[index]
                (page, template, context) = (.page(value.page.slug), "page", contexts.page(value))
            case .notFound: (page, template, context) = (.notFound, "404", contexts.notFound())
            }
            guard let html = theme.library.render(context, withTemplate: template) else {
                return (page, template, .error("missing template '\(template).mustache'", at: SourceLocation(path: "templates/\(template).mustache")))
            }
            return (page, template, write(OutputFile(path: urls.file(page), text: html), to: sink))
        }

        var diagnostics = rendered.compactMap(\.failure)
        let pages = rendered.filter { $0.failure == nil && $0.page != .notFound }.map(\.page)

        var lastModified: [SiteURLs.Page: PartialDate] = [:]
        for briefing in model.briefings {
            lastModified[.briefing(briefing.briefing.slug)] = briefing.briefing.updated ?? briefing.briefing.date
        }
        var files = [
            OutputFile(path: urls.file(.feed("feed.xml")), text: Feeds.atom(model, urls: urls, contexts: contexts)),
            OutputFile(path: urls.file(.feed("feed.json")), contents: Feeds.jsonFeed(model, urls: urls)),
            OutputFile(path: urls.file(.feed("sitemap.xml")), text: Feeds.sitemap(pages, model: model, urls: urls, lastModified: lastModified)),
            OutputFile(path: urls.file(.data("entities.json")), contents: EntitiesExport.json(model, urls: urls)),
            OutputFile(path: urls.file(.asset("search-index.js")), text: SearchIndex.script(model, urls: urls)),
        ]
        for name in theme.assets.keys.sorted() where OutputFile.isSafe("assets/" + name) {
            files.append(OutputFile(path: "assets/" + name, contents: theme.assets[name]!))
        }
        diagnostics += files.compactMap { write($0, to: sink) }
        return diagnostics
    }

    private static func write(_ file: OutputFile, to sink: OutputSink) -> Diagnostic? {
        do {
            try sink.write(file)
            return nil
        } catch {
            return .error("\(error)", at: SourceLocation(path: file.path))
        }
    }
}
