/// Links one document again after the link stage, for HTML or text that its build
/// cache entry no longer gives back intact (`CachedHTML`, `CachedText`). It keeps the project as the
/// link stage saw it: a body the load memo deferred is read then, and checked
/// against the file as it was loaded.
final class DocumentRelinker: Sendable {
    private let project: LoadedProject
    private let index: EntityIndex
    private let settings: LinkSettings

    init(project: LoadedProject, index: EntityIndex, settings: LinkSettings) {
        self.project = project
        self.index = index
        self.settings = settings
    }

    /// The HTML and text of the document at `position` in `ProjectLinker.jobs`; nil
    /// when its file no longer holds what was loaded.
    func relinked(at position: Int) -> LinkedEntryFile.Relinked? {
        let linked = ProjectLinker.linkEach(project, index: index, settings: settings, only: [position])
        guard let (document, diagnostics) = linked.first, !diagnostics.hasErrors else { return nil }
        return (document.html, document.text)
    }
}
