import DossierMarkdown

/// Parses and links every document (briefings, actor profiles, pages) in parallel.
/// Each document is parsed, rewritten and rendered inside one task, so no cmark
/// tree is ever shared between threads.
public enum ProjectLinker {
    struct Job: Sendable {
        var id: DocumentID
        var path: String
        var body: Body
        var sources: [Source] = []
        var language: LanguageTag?
    }

    /// One job per document, with exactly what linking reads of it.
    static func jobs(_ project: LoadedProject, index: EntityIndex) -> [Job] {
        project.briefings.map {
            Job(id: DocumentID(.briefing, $0.slug), path: $0.path, body: $0.body, sources: $0.sources, language: $0.language)
        } + index.actors.map {
            Job(id: DocumentID(.actor, $0.slug), path: $0.path, body: $0.body, sources: $0.sources, language: $0.language)
        } + project.pages.map { Job(id: DocumentID(.page, $0.slug), path: $0.path, body: $0.body, language: $0.language) }
    }

    /// With a `proseMatcher`, each briefing's and actor profile's prose is also read
    /// for name suggestions from the same parse (`LinkedDocument.prose`).
    public static func linkAll(
        _ project: LoadedProject, index: EntityIndex, settings: LinkSettings, proseMatcher: MentionMatcher? = nil
    ) -> (documents: [DocumentID: LinkedDocument], diagnostics: [Diagnostic]) {
        var documents: [DocumentID: LinkedDocument] = [:]
        var diagnostics: [Diagnostic] = []
        for (document, documentDiagnostics) in linkEach(project, index: index, settings: settings, proseMatcher: proseMatcher) {
            documents[document.id] = document
            diagnostics += documentDiagnostics
        }
        return (documents, diagnostics)
    }

    /// Each document with the diagnostics linking it found, for the build cache;
    /// `only` limits the work to those positions in `jobs` (the others are still link
    /// targets); the results are in that order.
    static func linkEach(
        _ project: LoadedProject, index: EntityIndex, settings: LinkSettings, only: [Int]? = nil, proseMatcher: MentionMatcher? = nil
    ) -> [(document: LinkedDocument, diagnostics: [Diagnostic])] {
        linkEach(project, index: index, settings: settings, only: only, proseMatcher: proseMatcher) { _, document, diagnostics in
            (document, diagnostics)
        }
    }

    /// `linkEach`, each document handed to `finish` with its position in `jobs` on the
    /// thread that linked it, as soon as it is linked: the build cache stores it there
    /// and moves its text out of memory (`LinkMemo`), so that the stage never holds
    /// every document's text at once.
    static func linkEach<Finished: Sendable>(
        _ project: LoadedProject, index: EntityIndex, settings: LinkSettings, only: [Int]? = nil, proseMatcher: MentionMatcher? = nil,
        finishing finish: @Sendable (_ position: Int, LinkedDocument, [Diagnostic]) -> Finished
    ) -> [Finished] {
        let allJobs = jobs(project, index: index)
        let options = MarkdownOptions(allowRawHTML: project.config.allowRawHTML)
        let targets = ReferenceTargets(project: project, actors: index.actors, urls: SiteURLs(style: settings.urlStyle))
        return (only ?? Array(allJobs.indices)).parallelMap { position in
            let (document, diagnostics) = link(allJobs[position], project: project, index: index, settings: settings, options: options,
                                               targets: targets, proseMatcher: proseMatcher)
            return finish(position, document, diagnostics)
        }
    }

    private static func link(
        _ job: Job, project: LoadedProject, index: EntityIndex, settings: LinkSettings, options: MarkdownOptions, targets: ReferenceTargets,
        proseMatcher: MentionMatcher?
    ) -> (LinkedDocument, [Diagnostic]) {
        // A body the load memo deferred whose file has changed since the load stage.
        guard job.body.isReadable else {
            let empty = LinkedDocument(id: job.id, html: "", tableOfContents: [], mentions: [], plainText: "", wordCount: 0)
            return (empty, [.error("file changed while this build was reading it: build again", at: SourceLocation(path: job.path))])
        }
        // Notes for the sources go after the body, so nothing the author wrote moves.
        let notes = SourceNotes.definitions(for: job.sources, language: job.language ?? project.config.languageTag)
        let proseLineCount = MarkdownLines.count(job.body.text)
        let document = MarkdownParser.parse(job.body.text + notes, options: options)
        // Before linking rewrites the text runs; the notes are footnotes, which it skips.
        let prose = proseMatcher.flatMap { matcher in
            job.id.kind == .page ? nil : ProseReader.read(id: job.id, path: job.path, body: job.body, document: document, matcher: matcher)
        }
        let references = DocumentReferences.resolve(document, id: job.id, path: job.path, body: job.body, targets: targets)
        let unresolved = SourceNotes.unresolvedReferences(
            in: document, body: job.body, path: job.path, proseLineCount: proseLineCount, sourceIDs: job.sources.compactMap(\.id))
        var result = DocumentLinker.link(
            document, id: job.id, path: job.path, body: job.body, index: index, settings: settings, proseLineCount: proseLineCount,
            actorFileLinks: references.actorFileLinks)
        result.document.images = references.images
        result.document.prose = prose
        // At 100,000 briefings every document's HTML held until the last one is linked
        // was about 1.3 GB of the stage's peak.
        if let spill = settings.htmlSpill { result.document.spillHTML(to: spill) }
        return (result.document, references.diagnostics + unresolved + result.diagnostics)
    }
}
