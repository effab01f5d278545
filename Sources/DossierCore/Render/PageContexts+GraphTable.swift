extension PageContexts {
    /// The graph page's relations as table rows — the picture's text equivalent, for
    /// readers who cannot see it — ordered by the first actor's name, then the relation
    /// and the other actor's name.
    func graphTableRows(_ edges: [GraphEdge], on page: SiteURLs.Page) -> [Context] {
        func title(_ slug: String) -> String { actorsBySlug.read(slug) { $0.actor.title } ?? slug }
        let sorted = TitleOrder.sorted(edges, title: { title($0.from) }, tie: { $0.label + "\u{1}" + title($0.to) + "\u{1}" + $0.to })
        return sorted.compactMap { edge -> Context? in
            guard let from = actorChip(edge.from, from: page), let to = actorChip(edge.to, from: page) else { return nil }
            return ["from": from, "label": edge.label.isEmpty ? edge.type : edge.label, "to": to]
        }
    }
}
