/// What a successful build knew, kept in memory by `dossier serve` so that the pages
/// made from an edited file can be written again before the next full build
/// (`LiveUpdate`). Every value is the build's own, not a copy made for this.
public struct LiveState: Sendable {
    var project: LoadedProject
    var index: EntityIndex
    var linked: [DocumentID: LinkedDocument]
    var model: SiteModel
    var theme: Theme
    var urls: SiteURLs
    var settings: LinkSettings
    var drafts: Bool
    /// Files whose linking reported something: `LinkMemo` links them again after any
    /// change of names, and so does the fast path.
    var pathsWithLinkDiagnostics: Set<String>
    /// The inputs of "Related briefings", by the model's briefing positions.
    var related: RelatedInputs
    /// Positions in the model's lists, by slug.
    var briefingPositions: [String: Int] = [:], actorPositions: [String: Int] = [:], pagePositions: [String: Int] = [:]

    init(project: LoadedProject, index: EntityIndex, linked: [DocumentID: LinkedDocument], model: SiteModel, theme: Theme,
         urls: SiteURLs, settings: LinkSettings, drafts: Bool, linkDiagnostics: [Diagnostic]) {
        self.project = project
        self.index = index
        self.linked = linked
        self.model = model
        self.theme = theme
        self.urls = urls
        self.settings = settings
        self.drafts = drafts
        pathsWithLinkDiagnostics = Set(linkDiagnostics.map(\.location.path))
        related = RelatedInputs(briefings: model.briefings.map(\.briefing), linked: linked)
        related.prepareForUpdates()
        // By index: iterating the lists would copy every entry.
        for position in model.briefings.indices { briefingPositions[model.briefings[position].briefing.slug] = position }
        for position in model.actors.indices { actorPositions[model.actors[position].actor.slug] = position }
        for position in model.pages.indices { pagePositions[model.pages[position].page.slug] = position }
    }
}
