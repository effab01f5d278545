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
    /// edits are not covered. `state` is patched in place, so that a large model is not
    /// copied, and is spent: entries no rendered page reads are left as they were, so
    /// it must not serve another update (the full build that follows makes a new one).
    ///
    /// With the build's `cache`, an edit of an actor file is linked through the build's
    /// own memo (`LinkMemo`): the full build that follows then finds every document
    /// already linked under the new names, and neither scans the documents for the
    /// changed names nor links any of them again.
    public static func pages(afterEditing paths: Set<String>, root: URL, state: inout LiveState, cache: BuildCache? = nil) -> [OutputFile]? {
        guard let edited = editedMarkdownFiles(paths, state: state), !edited.isEmpty,
              let loaded = ProjectLoader.loadEdited(edited, root: root, drafts: state.drafts),
              !loaded.diagnostics.hasErrors, loaded.draftsLeftOut == 0,
              loaded.briefings.count + loaded.actors.count + loaded.pages.count == edited.count,
              replace(in: &state.project, with: loaded) else { return nil }

        let previousIndex = state.index
        if !loaded.actors.isEmpty {
            let (rebuilt, diagnostics) = EntityIndexer.build(state.project)
            guard !diagnostics.hasErrors else { return nil }
            state.index = rebuilt
        } else if loaded.briefings.contains(where: { $0.actors.contains { previousIndex.actor($0.value) == nil } }) {
            // The index reports an unknown principal actor as an error.
            return nil
        }

        var linked = LinkedOverlay(base: state.linked)
        let relinked: Set<DocumentID>
        if let cache, !loaded.actors.isEmpty {
            guard let memoized = linkThroughMemo(edited: loaded, root: root, state: state, cache: cache, into: &linked) else { return nil }
            relinked = memoized
        } else {
            guard let toRelink = documentsToRelink(edited: loaded, previousIndex: previousIndex, state: state) else { return nil }
            relinked = toRelink
            let positions = jobPositions(of: relinked, project: state.project, index: state.index)
            for (document, diagnostics) in ProjectLinker.linkEach(state.project, index: state.index, settings: state.settings, only: positions) {
                guard !diagnostics.hasErrors else { return nil }
                linked.changed[document.id] = document
            }
        }

        patchModel(&state, loaded: loaded, linked: linked, relinked: relinked)
        return render(loaded, state: state)
    }

    /// Links the patched project as the build will (`LinkMemo`, which stores what it
    /// links in `cache`) and puts in `linked` the documents that differ from the last
    /// build's; returns them with the edited ones, or nil when linking reports an error.
    private static func linkThroughMemo(
        edited: LoadedProject, root: URL, state: LiveState, cache: BuildCache, into linked: inout LinkedOverlay
    ) -> Set<DocumentID>? {
        let (documents, diagnostics, _) = LinkMemo.linkAll(state.project, index: state.index, settings: state.settings, cache: cache, root: root)
        guard !diagnostics.hasErrors else { return nil }
        var relinked = Set(edited.briefings.map { DocumentID(.briefing, $0.slug) } + edited.actors.map { DocumentID(.actor, $0.slug) }
            + edited.pages.map { DocumentID(.page, $0.slug) })
        // Documents reused from the memo share their storage with the last build's, so
        // most of these comparisons end at the first field.
        for (id, document) in documents where state.linked[id] != document {
            relinked.insert(id)
        }
        for id in relinked { linked.changed[id] = documents[id] }
        return relinked
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
        }
        return edited
    }

    /// Whether a build may read the file at `path` (relative to `root`): false for a
    /// file under content/ that is neither Markdown nor an image nor a link, such as
    /// editors' temporary and backup files (`sedXXXXXX`, `4913`, `file.md~`,
    /// `.file.md.swp`), whether or not it is still there.
    public static func buildMayRead(_ path: String, root: URL) -> Bool {
        guard path.hasPrefix(ProjectLoader.contentFolder + "/"), !path.hasSuffix(".md"), !MediaInventory.isImage(path) else { return true }
        var status = stat()
        guard lstat(root.appendingPathComponent(path).path, &status) == 0 else { return false }
        return status.st_mode & S_IFMT != S_IFREG
    }

    /// Puts the edited documents in place of the old ones; false when an edit changes
    /// what the fast path does not patch.
    private static func replace(in project: inout LoadedProject, with loaded: LoadedProject) -> Bool {
        for briefing in loaded.briefings {
            guard let position = project.briefings.indices.first(where: { project.briefings[$0].path == briefing.path }) else { return false }
            let old = project.briefings[position]
            // The date orders the briefings (related briefings break ties by that order);
            // events are numbered across the whole timeline.
            guard old.slug == briefing.slug, old.date == briefing.date, old.events == briefing.events else { return false }
            project.briefings[position] = briefing
        }
        for actor in loaded.actors {
            guard let position = project.actors.indices.first(where: { project.actors[$0].path == actor.path }) else { return false }
            let old = project.actors[position]
            guard old.slug == actor.slug, old.events == actor.events else { return false }
            project.actors[position] = actor
        }
        for page in loaded.pages {
            guard let position = project.pages.firstIndex(where: { $0.path == page.path }) else { return false }
            guard project.pages[position].slug == page.slug else { return false }
            project.pages[position] = page
        }
        return true
    }

    /// The edited documents and, when an actor's names changed, the documents the build
    /// cache would link again for it (`LinkMemo`): those in which an old or new name
    /// occurs, those linking to the actor explicitly or showing its changed title, and
    /// those whose linking reported something.
    private static func documentsToRelink(edited: LoadedProject, previousIndex: EntityIndex, state: LiveState) -> Set<DocumentID>? {
        let project = state.project, index = state.index
        var relinked = Set(edited.briefings.map { DocumentID(.briefing, $0.slug) } + edited.actors.map { DocumentID(.actor, $0.slug) }
            + edited.pages.map { DocumentID(.page, $0.slug) })
        guard !edited.actors.isEmpty else { return relinked }
        let linking = project.config.linking
        let oldNames = NameTable(index: previousIndex, linking: linking), newNames = NameTable(index: index, linking: linking)
        guard oldNames != newNames else { return relinked }
        guard let changes = newNames.changes(since: oldNames.entries) else { return nil }
        let occurrence = NameOccurrence(names: changes.names, caseSensitive: linking.caseSensitive)
        let pathsWithDiagnostics = state.pathsWithLinkDiagnostics
        let paths = Dictionary(ProjectLinker.jobs(project, index: index).map { ($0.id, $0.path) }, uniquingKeysWith: { first, _ in first })
        let documents = Array(state.linked.values)
        let affected = documents.parallelMap { document -> Bool in
            if document.id.kind == .actor, changes.actors.contains(document.id.slug) { return true }
            if let path = paths[document.id], pathsWithDiagnostics.contains(path) { return true }
            // The actors it names, without decoding its mentions (`MentionList`).
            for named in document.mentionedActors {
                if named.explicit, changes.actors.contains(named.actor) { return true }
                if !changes.retitled.isEmpty, changes.retitled.contains(named.actor) { return true }
            }
            return occurrence.occurs(in: document.plainText)
        }
        for (document, relink) in zip(documents, affected) where relink { relinked.insert(document.id) }
        return relinked
    }

    /// Makes again, in the state's model, the entries the rendered pages read, through
    /// `SiteModelBuilder`'s per-entry functions. Entries no rendered page reads are left
    /// as they were (other briefings' related lists, actors when no actor page is
    /// rendered): the full build that follows makes them all.
    private static func patchModel(_ state: inout LiveState, loaded: LoadedProject, linked: LinkedOverlay, relinked: Set<DocumentID>) {
        let index = state.index
        let editedBriefings = Dictionary(loaded.briefings.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let briefingPositions = relinked.filter { $0.kind == .briefing }.compactMap { state.briefingPositions[$0.slug] }.sorted()
        for position in briefingPositions {
            let slug = state.model.briefings[position].briefing.slug
            let briefing = editedBriefings[slug] ?? state.model.briefings[position].briefing
            state.related.setActors(RelatedInputs.actors(of: briefing, linked: linked[DocumentID(.briefing, slug)]), ofBriefingAt: position)
        }
        for position in briefingPositions {
            let old = state.model.briefings[position]
            let slug = old.briefing.slug
            let briefing = editedBriefings[slug] ?? old.briefing
            let relatedList = editedBriefings[slug] == nil ? old.related
                : state.related.related(ofBriefingAt: position).map { (slug: state.model.briefings[$0.position].briefing.slug, shared: $0.shared) }
            state.model.briefings[position] = SiteModelBuilder.briefingModel(
                briefing, linked: linked[DocumentID(.briefing, slug)], index: index, related: relatedList, events: old.events)
        }

        if !loaded.actors.isEmpty {
            state.model.relations = index.relations
            patchActors(&state.model, index: index, project: state.project, loaded: loaded, linked: linked, relinked: relinked)
        }

        for page in loaded.pages {
            guard let position = state.pagePositions[page.slug] else { continue }
            state.model.pages[position] = SiteModelBuilder.pageModel(page, linked: linked[DocumentID(.page, page.slug)])
        }
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
            // Only the documents that name an affected actor are decoded (`MentionList`).
            guard let document = linked[id], document.mentionedActors.contains(where: { affected.contains($0.actor) }) else { continue }
            let mentions = document.mentions
            var mentionsAffected = false
            for position in mentions.indices where affected.contains(mentions[position].actor) {
                mentionsOf[mentions[position].actor, default: []].append(mentions[position])
                mentionsAffected = true
            }
            if mentionsAffected { sharedPassages += mentions }
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

    private static func render(_ loaded: LoadedProject, state: LiveState) -> [OutputFile]? {
        let model = state.model
        let jobs: [SiteRenderer.Job] = loaded.briefings.compactMap { state.briefingPositions[$0.slug] }.sorted().map { .briefing($0) }
            + loaded.actors.compactMap { state.actorPositions[$0.slug] }.sorted().map { .actor($0) }
            + loaded.pages.compactMap { state.pagePositions[$0.slug] }.sorted().map { .page($0) }
        let contexts = PageContexts(model: model, urls: state.urls, theme: state.theme)
        let sink = CapturingSink()
        for job in jobs {
            let failure = SiteRenderer.renderPage(job, model: model, contexts: contexts, sourceEntries: [], theme: state.theme, urls: state.urls, sink: sink,
                                                    fingerprints: .none)
            guard failure == nil else { return nil }
        }
        return sink.files
    }
}

/// The previous build's linked documents with the re-linked ones in their place,
/// without copying the others.
private struct LinkedOverlay {
    let base: [DocumentID: LinkedDocument]
    var changed: [DocumentID: LinkedDocument] = [:]

    subscript(_ id: DocumentID) -> LinkedDocument? { changed[id] ?? base[id] }
}

/// Keeps the rendered files in memory, in the order they came.
private final class CapturingSink: OutputSink, @unchecked Sendable {
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
