import Foundation

/// `dossier serve`'s fast path: after edits of existing Markdown files, the pages
/// made from those files (a briefing's page, an actor's page — its first page of
/// mentions —, a static page), rendered from the previous build's `LiveState`
/// patched with the edits, through the same loader, linker, model functions and
/// renderer as a build. The full build always follows and is the source of truth.
///
/// Covered: edits of briefing, actor and page files that keep the file's slug, a
/// briefing's date, and the events either states. Anything else (a file added,
/// removed or renamed, dossier.yml, a template, a static file, an image, an error
/// anywhere) returns nil, and only the full build runs.
public enum LiveUpdate {
    /// The pages made from the files at `paths` (relative to `root`), or nil when the
    /// edits are not covered.
    public static func pages(afterEditing paths: Set<String>, root: URL, state: LiveState) -> [OutputFile]? {
        guard let edited = editedMarkdownFiles(paths, state: state), !edited.isEmpty,
              let loaded = ProjectLoader.loadEdited(edited, root: root, drafts: state.drafts),
              !loaded.diagnostics.hasErrors, loaded.draftsLeftOut == 0,
              loaded.briefings.count + loaded.actors.count + loaded.pages.count == edited.count,
              let project = replacing(in: state.project, with: loaded) else { return nil }

        var index = state.index
        if !loaded.actors.isEmpty {
            let (rebuilt, diagnostics) = EntityIndexer.build(project)
            guard !diagnostics.hasErrors else { return nil }
            index = rebuilt
        } else if loaded.briefings.contains(where: { $0.actors.contains { index.actor($0.value) == nil } }) {
            // The index reports an unknown principal actor as an error.
            return nil
        }

        guard let relinked = documentsToRelink(project: project, index: index, edited: loaded, state: state) else { return nil }
        var linked = LinkedOverlay(base: state.linked)
        let positions = jobPositions(of: relinked, project: project, index: index)
        for (document, diagnostics) in ProjectLinker.linkEach(project, index: index, settings: state.settings, only: positions) {
            guard !diagnostics.hasErrors else { return nil }
            linked.changed[document.id] = document
        }

        let model = patchedModel(state: state, project: project, index: index, loaded: loaded, linked: linked, relinked: relinked)
        return render(loaded, model: model, state: state)
    }

    /// Positions in `ProjectLinker.jobs` order (briefings, the index's actors, pages)
    /// without making every job.
    private static func jobPositions(of ids: Set<DocumentID>, project: LoadedProject, index: EntityIndex) -> [Int] {
        let slugs = { (kind: DocumentID.Kind) in Set(ids.filter { $0.kind == kind }.map(\.slug)) }
        let briefings = slugs(.briefing), actors = slugs(.actor), pages = slugs(.page)
        var positions: [Int] = []
        for position in project.briefings.indices where briefings.contains(project.briefings[position].slug) { positions.append(position) }
        var offset = project.briefings.count
        for position in index.actors.indices where actors.contains(index.actors[position].slug) { positions.append(offset + position) }
        offset += index.actors.count
        for position in project.pages.indices where pages.contains(project.pages[position].slug) { positions.append(offset + position) }
        return positions
    }

    /// The Markdown files among `paths` the fast path can take, or nil when a path is
    /// one it cannot (outside content/, an image, a Markdown file the last build did not read).
    static func editedMarkdownFiles(_ paths: Set<String>, state: LiveState) -> [String]? {
        var edited: [String] = []
        for path in paths.sorted() {
            guard path.hasPrefix(ProjectLoader.contentFolder + "/") else { return nil }
            if path.hasSuffix(".md") {
                guard state.project.markdownPaths.contains(path) else { return nil }
                edited.append(path)
            } else if MediaInventory.isImage(path) {
                return nil
            }
            // Other files under content/ are nothing a build reads: editors' temporary
            // and backup files (`sedXXXXXX`, `4913`, `file.md~`, `.file.md.swp`).
        }
        return edited
    }

    /// The project with the edited documents in place of the old ones; nil when an edit
    /// changes what the fast path does not patch.
    private static func replacing(in project: LoadedProject, with loaded: LoadedProject) -> LoadedProject? {
        var project = project
        for briefing in loaded.briefings {
            guard let position = project.briefings.indices.first(where: { project.briefings[$0].path == briefing.path }) else { return nil }
            let old = project.briefings[position]
            // The date orders the briefings (related briefings break ties by that order);
            // events are numbered across the whole timeline.
            guard old.slug == briefing.slug, old.date == briefing.date, old.events == briefing.events else { return nil }
            project.briefings[position] = briefing
        }
        for actor in loaded.actors {
            guard let position = project.actors.indices.first(where: { project.actors[$0].path == actor.path }) else { return nil }
            let old = project.actors[position]
            guard old.slug == actor.slug, old.events == actor.events else { return nil }
            project.actors[position] = actor
        }
        for page in loaded.pages {
            guard let position = project.pages.firstIndex(where: { $0.path == page.path }) else { return nil }
            guard project.pages[position].slug == page.slug else { return nil }
            project.pages[position] = page
        }
        return project
    }

    /// The edited documents and, when an actor's names changed, the documents the build
    /// cache would link again for it (`LinkMemo`): those in which an old or new name
    /// occurs, those linking to the actor explicitly or showing its changed title, and
    /// those whose linking reported something.
    private static func documentsToRelink(project: LoadedProject, index: EntityIndex, edited: LoadedProject, state: LiveState) -> Set<DocumentID>? {
        var relinked = Set(edited.briefings.map { DocumentID(.briefing, $0.slug) } + edited.actors.map { DocumentID(.actor, $0.slug) }
            + edited.pages.map { DocumentID(.page, $0.slug) })
        guard !edited.actors.isEmpty else { return relinked }
        let linking = project.config.linking
        let oldNames = NameTable(index: state.index, linking: linking), newNames = NameTable(index: index, linking: linking)
        guard oldNames != newNames else { return relinked }
        guard let changes = newNames.changes(since: oldNames.entries) else { return nil }
        let occurrence = NameOccurrence(names: changes.names, caseSensitive: linking.caseSensitive)
        let pathsWithDiagnostics = state.pathsWithLinkDiagnostics
        let paths = Dictionary(ProjectLinker.jobs(project, index: index).map { ($0.id, $0.path) }, uniquingKeysWith: { first, _ in first })
        let documents = Array(state.linked.values)
        let affected = documents.parallelMap { document -> Bool in
            if document.id.kind == .actor, changes.actors.contains(document.id.slug) { return true }
            if let path = paths[document.id], pathsWithDiagnostics.contains(path) { return true }
            if document.mentions.contains(where: { ($0.explicit && changes.actors.contains($0.actor)) || changes.retitled.contains($0.actor) }) {
                return true
            }
            return occurrence.occurs(in: document.plainText)
        }
        for (document, relink) in zip(documents, affected) where relink { relinked.insert(document.id) }
        return relinked
    }

    /// The previous model with the entries the rendered pages read made again through
    /// `SiteModelBuilder`'s per-entry functions. Entries no rendered page reads are left
    /// as they were (other briefings' related lists, actors when no actor page is
    /// rendered): the full build that follows makes them all.
    private static func patchedModel(
        state: LiveState, project: LoadedProject, index: EntityIndex, loaded: LoadedProject,
        linked: LinkedOverlay, relinked: Set<DocumentID>
    ) -> SiteModel {
        var model = state.model
        var related = state.related
        let editedBriefings = Dictionary(loaded.briefings.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let briefingPositions = relinked.filter { $0.kind == .briefing }.compactMap { state.briefingPositions[$0.slug] }.sorted()
        for position in briefingPositions {
            let slug = model.briefings[position].briefing.slug
            let briefing = editedBriefings[slug] ?? model.briefings[position].briefing
            related.setActors(RelatedInputs.actors(of: briefing, linked: linked[DocumentID(.briefing, slug)]), ofBriefingAt: position)
        }
        for position in briefingPositions {
            let old = model.briefings[position]
            let slug = old.briefing.slug
            let briefing = editedBriefings[slug] ?? old.briefing
            let relatedList = editedBriefings[slug] == nil ? old.related
                : related.related(ofBriefingAt: position).map { (slug: model.briefings[$0.position].briefing.slug, shared: $0.shared) }
            model.briefings[position] = SiteModelBuilder.briefingModel(
                briefing, linked: linked[DocumentID(.briefing, slug)], index: index, related: relatedList, events: old.events)
        }

        if !loaded.actors.isEmpty {
            model.relations = index.relations
            patchActors(&model, index: index, project: project, loaded: loaded, linked: linked, relinked: relinked)
        }

        for page in loaded.pages {
            guard let position = state.pagePositions[page.slug] else { continue }
            model.pages[position] = SiteModelBuilder.pageModel(page, linked: linked[DocumentID(.page, page.slug)])
        }
        return model
    }

    /// Makes again the edited actors and every actor whose mentions changed in a
    /// re-linked document: an actor page shows its neighbours' mention counts.
    private static func patchActors(
        _ model: inout SiteModel, index: EntityIndex, project: LoadedProject, loaded: LoadedProject,
        linked: LinkedOverlay, relinked: Set<DocumentID>
    ) {
        var affected = Set(loaded.actors.map(\.slug))
        for id in relinked {
            let old = linked.base[id]?.mentions ?? [], new = linked[id]?.mentions ?? []
            guard old != new else { continue }
            let oldByActor = Dictionary(grouping: old, by: \.actor), newByActor = Dictionary(grouping: new, by: \.actor)
            for actor in Set(oldByActor.keys).union(newByActor.keys) where oldByActor[actor] != newByActor[actor] { affected.insert(actor) }
        }
        // Their mentions in site order, and every passage of the documents they are mentioned in.
        // By index: iterating the lists would copy every entry.
        let documentOrder = model.briefings.indices.map { DocumentID(.briefing, model.briefings[$0].briefing.slug) }
            + model.actors.indices.map { DocumentID(.actor, model.actors[$0].actor.slug) }
            + model.pages.indices.map { DocumentID(.page, model.pages[$0].page.slug) }
        var mentionsOf: [String: [Mention]] = [:]
        var sharedPassages: [Mention] = []
        for id in documentOrder {
            guard let mentions = linked[id]?.mentions, mentions.contains(where: { affected.contains($0.actor) }) else { continue }
            for mention in mentions where affected.contains(mention.actor) { mentionsOf[mention.actor, default: []].append(mention) }
            sharedPassages += mentions
        }
        let actorsByPassage = ActorMentions.actorsByPassage(sharedPassages)
        let relationEnds = SiteModelBuilder.relationEnds(index.relations)
        let documentTitle = SiteModelBuilder.documentTitles(project: project, index: index)
        for position in model.actors.indices where affected.contains(model.actors[position].actor.slug) {
            let old = model.actors[position]
            guard let actor = index.actor(old.actor.slug) else { continue }
            model.actors[position] = SiteModelBuilder.actorModel(
                actor, profile: linked[DocumentID(.actor, actor.slug)], mentions: mentionsOf[actor.slug] ?? [],
                relations: relationEnds[actor.slug] ?? [], events: old.events, actorsByPassage: actorsByPassage, documentTitle: documentTitle)
        }
    }

    private static func render(_ loaded: LoadedProject, model: SiteModel, state: LiveState) -> [OutputFile]? {
        let jobs: [SiteRenderer.Job] = loaded.briefings.compactMap { state.briefingPositions[$0.slug] }.sorted().map { .briefing($0) }
            + loaded.actors.compactMap { state.actorPositions[$0.slug] }.sorted().map { .actor($0) }
            + loaded.pages.compactMap { state.pagePositions[$0.slug] }.sorted().map { .page($0) }
        let contexts = PageContexts(model: model, urls: state.urls)
        let sink = CapturingSink()
        for job in jobs {
            let failure = SiteRenderer.renderPage(job, model: model, contexts: contexts, sourceEntries: [], theme: state.theme, urls: state.urls, sink: sink)
            guard failure == nil else { return nil }
        }
        return sink.files
    }
}

/// The previous build's linked documents with the re-linked ones in their place,
/// without copying the others.
struct LinkedOverlay {
    let base: [DocumentID: LinkedDocument]
    var changed: [DocumentID: LinkedDocument] = [:]

    subscript(_ id: DocumentID) -> LinkedDocument? { changed[id] ?? base[id] }
}

/// Keeps the rendered files in memory, in the order they came.
final class CapturingSink: OutputSink, @unchecked Sendable {
    private var captured: [OutputFile] = []
    private let lock = NSLock()

    func write(_ file: OutputFile) {
        lock.lock()
        captured.append(file)
        lock.unlock()
    }

    var files: [OutputFile] {
        lock.lock()
        defer { lock.unlock() }
        return captured
    }

    var writtenPaths: [String] { files.map(\.path).sorted() }
}
