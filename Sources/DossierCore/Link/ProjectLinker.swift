import DossierMarkdown

/// Parses and links every document (briefings, actor profiles, pages) in parallel.
/// Each document is parsed, rewritten and rendered inside one task, so no cmark
/// tree is ever shared between threads.
public enum ProjectLinker {
    struct Job: Sendable {
        var id: DocumentID
        var path: String
        var body: Body
    }

    public static func linkAll(
        _ project: LoadedProject, index: EntityIndex, settings: LinkSettings
    ) -> (documents: [DocumentID: LinkedDocument], diagnostics: [Diagnostic]) {
        let jobs = project.briefings.map { Job(id: DocumentID(.briefing, $0.slug), path: $0.path, body: $0.body) }
            + index.actors.map { Job(id: DocumentID(.actor, $0.slug), path: $0.path, body: $0.body) }
            + project.pages.map { Job(id: DocumentID(.page, $0.slug), path: $0.path, body: $0.body) }
        let options = MarkdownOptions(allowRawHTML: project.config.allowRawHTML)
        let results = jobs.parallelMap { job in
            let document = MarkdownParser.parse(job.body.text, options: options)
            return DocumentLinker.link(document, id: job.id, path: job.path, body: job.body, index: index, settings: settings)
        }
        var documents: [DocumentID: LinkedDocument] = [:]
        var diagnostics: [Diagnostic] = []
        for result in results {
            documents[result.document.id] = result.document
            diagnostics += result.diagnostics
        }
        return (documents, diagnostics)
    }
}
