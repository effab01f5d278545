/// One source on the sources page: the same source (same URL, or same title without
/// one) cited by several files is listed once, with every file that cites it.
struct SourceEntry {
    var source: Source
    var citedBy: [DocumentID]
    /// Unique across the whole list, not only its page, so a link to it never changes
    /// when the list is paginated differently.
    var anchor = ""
}

extension PageContexts {
    /// Every source of the site, sorted by title, with its anchor; built once and shared
    /// by every page of the sources list.
    func sourceEntries() -> [SourceEntry] {
        var entries: [String: SourceEntry] = [:]
        func key(_ source: Source) -> String { source.url ?? source.title }
        for briefing in model.briefings {
            for source in briefing.briefing.sources {
                entries[key(source), default: SourceEntry(source: source, citedBy: [])].citedBy.append(DocumentID(.briefing, briefing.briefing.slug))
            }
        }
        for actor in model.actors {
            for source in actor.actor.sources {
                entries[key(source), default: SourceEntry(source: source, citedBy: [])].citedBy.append(DocumentID(.actor, actor.actor.slug))
            }
        }
        var sorted = TitleOrder.sorted(Array(entries.values), title: \.source.title, tie: { key($0.source) })
        let anchors = sourceList(sorted.map(\.source), on: .sources).map { $0["anchor"] as? String ?? "" }
        for index in sorted.indices { sorted[index].anchor = anchors[index] }
        return sorted
    }
}
