/// Turns the site model into the inputs of the SVG pictures.
enum Pictures {
    /// Co-mentioned actors drawn around an actor besides its relations.
    static let neighbourhoodCoMentions = 6

    static func neighbourhood(of actor: ActorModel, contexts: PageContexts) -> String {
        let center = actor.actor.slug
        let page = SiteURLs.Page.actor(center)
        var slugs: [String] = [center]
        var edges: [GraphEdge] = []
        for end in actor.relations {
            if !slugs.contains(end.other) { slugs.append(end.other) }
            edges.append(GraphEdge(from: end.relation.from, to: end.relation.to, type: end.relation.type.name,
                                   label: end.relation.type.label))
        }
        for pair in actor.coMentions.prefix(neighbourhoodCoMentions) where pair.sameBlock > 0 {
            if !slugs.contains(pair.other) { slugs.append(pair.other) }
            edges.append(GraphEdge(from: center, to: pair.other, type: "co-mention",
                                   label: "mentioned together in \(pair.sameBlock) passage\(pair.sameBlock == 1 ? "" : "s")",
                                   strength: pair.sameBlock))
        }
        let nodes = slugs.compactMap { slug -> GraphNode? in
            contexts.actorsBySlug.read(slug) { other in
                GraphNode(id: slug, label: other.actor.title, kind: other.actor.kind,
                          href: contexts.urls.link(from: page, to: .actor(slug)), weight: other.mentionCount,
                          isCenter: slug == center)
            }
        }
        return GraphPicture.svg(nodes: nodes, edges: edges, title: "Relations and co-mentions of \(actor.actor.title)",
                                width: 760, height: 560)
    }

    /// Beyond this many actors a whole-network picture is unreadable and slow to lay
    /// out (the layout is quadratic), so the graph page shows the best-connected ones.
    static let networkLimit = 150

    /// The graph page's picture and the counts of what it draws, for the text beside it.
    struct NetworkPicture {
        var svg: String
        var actorCount: Int
        var relationCount: Int
        /// The relations the picture draws, for the table that says in text what it shows.
        var drawnEdges: [GraphEdge]
    }

    /// Every actor that takes part in a relation (up to `networkLimit`, by number of
    /// relations, then mentions), and every relation between them.
    static func network(contexts: PageContexts) -> NetworkPicture {
        let model = contexts.model
        var degree: [String: Int] = [:]
        for relation in model.relations { degree[relation.from, default: 0] += 1; degree[relation.to, default: 0] += 1 }
        let chosen = Set(model.actors.filter { degree[$0.actor.slug] != nil }
            .sorted { (degree[$0.actor.slug]!, $0.mentionCount, $1.actor.slug) > (degree[$1.actor.slug]!, $1.mentionCount, $0.actor.slug) }
            .prefix(networkLimit).map(\.actor.slug))
        let nodes = model.actors.filter { chosen.contains($0.actor.slug) }.map { actor in
            GraphNode(id: actor.actor.slug, label: actor.actor.title, kind: actor.actor.kind,
                      href: contexts.urls.link(from: .graph, to: .actor(actor.actor.slug)), weight: actor.mentionCount)
        }
        let edges = model.relations.filter { chosen.contains($0.from) && chosen.contains($0.to) }.map { GraphEdge(from: $0.from, to: $0.to, type: $0.type.name, label: $0.type.label) }
        let svg = GraphPicture.svg(nodes: nodes, edges: edges, title: "Relation network of \(model.config.title)",
                                   width: 1100, height: 760)
        let drawnNodes = Set(GraphPictureLayout.normalizedNodes(nodes).map(\.id))
        let drawnEdges = GraphPictureLayout.normalizedEdges(edges, nodeIDs: drawnNodes)
        return NetworkPicture(svg: svg, actorCount: drawnNodes.count, relationCount: drawnEdges.count, drawnEdges: drawnEdges)
    }

    /// The picture of `events` (one page of the timeline).
    static func timeline(_ model: SiteModel, events: [TimelineEvent]) -> String {
        let entries = events.map { TimelineEntry(date: $0.event.date, title: $0.event.title, href: "#" + $0.anchor) }
        // Both layouts are written; the theme's CSS shows the vertical one on narrow screens.
        return TimelinePicture.svg(entries: entries, title: "Timeline of events", language: model.config.languageTag)
            + TimelineVerticalPicture.svg(entries: entries, title: "Timeline of events", id: "timeline-vertical",
                                          language: model.config.languageTag)
    }
}
