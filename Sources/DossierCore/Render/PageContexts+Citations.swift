/// Each citation is shown once on a page. A source the text cites is a numbered
/// note already, so the Sources list under it keeps only the sources no note shows
/// in full; an event on its own document's page points at its note or source, not
/// back at the page it is on.
extension PageContexts {
    /// The sources that no footnote of `html` shows in full.
    func sourcesOutsideNotes(_ sources: [Source], html: String) -> [Source] {
        sources.filter { !Self.noteShowsSource($0, in: html) }
    }

    /// A note with the source's id (`<li id="fn-ID">`) that carries its link, or its
    /// title when it has no link. An author's own note with that id ("Al Jazeera, 7
    /// March 2023") may leave the link out, and then the source stays listed.
    static func noteShowsSource(_ source: Source, in html: String) -> Bool {
        guard let id = source.id, let start = html.range(of: "<li id=\"fn-" + id + "\">") else { return false }
        let note = html[start.upperBound...]
        let end = note.range(of: "</li>")?.lowerBound ?? note.endIndex
        let text = note[..<end]
        if let url = source.url { return text.contains("href=\"" + HTMLEscaping.escape(url, apostrophe: false) + "\"") }
        return text.contains(HTMLEscaping.escape(source.title, apostrophe: false))
    }

    func isOwnPage(of id: DocumentID, _ page: SiteURLs.Page) -> Bool {
        switch id.kind {
        case .briefing: page == .briefing(id.slug)
        case .actor: page == .actor(id.slug)
        case .page: page == .page(id.slug)
        }
    }

    /// On the event's own document's page: the source it names, linked to its note
    /// (or its entry in the Sources list); nil elsewhere or when it names none.
    func eventSource(_ item: TimelineEvent, on page: SiteURLs.Page) -> Context? {
        guard isOwnPage(of: item.origin, page), let id = item.event.source else { return nil }
        let origin: (sources: [Source], html: String)? = switch item.origin.kind {
        case .briefing: briefingsBySlug[item.origin.slug].map { ($0.briefing.sources, $0.linked.html) }
        case .actor: actorsBySlug[item.origin.slug].map { ($0.actor.sources, $0.profile.html) }
        case .page: nil
        }
        guard let origin, let source = origin.sources.first(where: { $0.id == id }) else { return nil }
        let anchor = Self.noteShowsSource(source, in: origin.html) ? "#fn-" + id : "#source-" + id
        return ["title": source.title, "url": anchor, "lang_dir_html": " dir=\"auto\""]
    }
}
