import Foundation
import Testing
@testable import DossierCore

/// The model memo (`ModelMemo`): the counts over all mentions are taken from the cache
/// exactly when what they count is unchanged, and are then what counting gives.
@Suite struct ModelMemoTests {
    static let projectText = """
    -- dossier.yml --
    title: Model memo test
    base_url: https://dossier.test/
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
    ---
    A state near Brevia.
    -- content/actors/brevia.md --
    ---
    title: Brevia
    kind: state
    ---
    Another state.
    -- content/actors/corvel.md --
    ---
    title: Corvel
    kind: state
    ---
    A third.
    -- content/briefings/harbour.md --
    ---
    title: Harbour
    date: 2025-01-02
    actors: [aldoria]
    ---
    Aldoria and Brevia opened the harbour.

    Corvel watched.
    -- content/briefings/talks.md --
    ---
    title: Talks
    date: 2025-01-03
    actors: [brevia]
    ---
    Brevia and Aldoria talked. Corvel too.
    -- content/briefings/weather.md --
    ---
    title: Weather
    date: 2025-01-04
    ---
    Brevia had rain.
    """

    struct Inputs {
        var mentions: [Mention]
        var order: [DocumentID]
        var briefings: [Briefing]
        var linked: [DocumentID: LinkedDocument]
    }

    /// Loads and links the project, and gathers the mentions as `SiteModelBuilder` does.
    static func inputs(_ project: TestProject) -> Inputs {
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let (linked, _) = ProjectLinker.linkAll(loaded, index: index, settings: LinkSettings(mode: .first, urlStyle: .disk))
        let briefings = loaded.briefings.sorted { $0.date != $1.date ? $0.date > $1.date : $0.slug < $1.slug }
        let order = briefings.map { DocumentID(.briefing, $0.slug) } + index.actors.map { DocumentID(.actor, $0.slug) }
        return Inputs(mentions: order.flatMap { linked[$0]?.mentions ?? [] }, order: order, briefings: briefings, linked: linked)
    }

    static func memoized(_ inputs: Inputs, cache: BuildCache, root: URL) -> (aggregates: MentionAggregates, reused: Bool) {
        ModelMemo.aggregates(mentions: inputs.mentions, documentOrder: inputs.order, briefings: inputs.briefings, linked: inputs.linked,
                             cache: cache, root: root)
    }

    static func same(_ lhs: MentionAggregates, _ rhs: MentionAggregates) -> Bool {
        lhs.coMentions.slugs == rhs.coMentions.slugs && lhs.coMentions == rhs.coMentions && lhs.rankedCoMentions == rhs.rankedCoMentions
            && lhs.related.map { $0.map { [$0.position, $0.shared] } } == rhs.related.map { $0.map { [$0.position, $0.shared] } }
    }

    @Test func unchangedMentionsAreTakenFromTheMemoAndEqualACount() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let cache = BuildCache(folder: project.root.appendingPathComponent(".dossier/cache"))
        let inputs = Self.inputs(project)
        let first = Self.memoized(inputs, cache: cache, root: project.root)
        #expect(!first.reused)
        let second = Self.memoized(inputs, cache: BuildCache(folder: project.root.appendingPathComponent(".dossier/cache")), root: project.root)
        #expect(second.reused)
        let counted = MentionAggregates(mentions: inputs.mentions, briefings: inputs.briefings, linked: inputs.linked)
        #expect(Self.same(second.aggregates, counted))
        #expect(!counted.coMentions.isEmpty)
        #expect(counted.related.contains { !$0.isEmpty })
    }

    @Test func aBodyEditThatChangesNoMentionKeepsTheMemoAndOneThatDoesNot() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let cache = BuildCache(folder: project.root.appendingPathComponent(".dossier/cache"))
        _ = Self.memoized(Self.inputs(project), cache: cache, root: project.root)

        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had rain.\n\nIt was cold.\n")
        #expect(Self.memoized(Self.inputs(project), cache: cache, root: project.root).reused)

        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had rain, and Corvel snow.\n")
        let inputs = Self.inputs(project)
        let changed = Self.memoized(inputs, cache: cache, root: project.root)
        #expect(!changed.reused)
        #expect(Self.same(changed.aggregates, MentionAggregates(mentions: inputs.mentions, briefings: inputs.briefings, linked: inputs.linked)))
        #expect(changed.aggregates.coMentions.contains { $0.actor == "brevia" && $0.other == "corvel" && $0.sameDocument == 3 && $0.sameBlock == 2 })
    }

    @Test func aNewPrincipalActorMissesTheMemo() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let cache = BuildCache(folder: project.root.appendingPathComponent(".dossier/cache"))
        _ = Self.memoized(Self.inputs(project), cache: cache, root: project.root)
        // Related briefings count principal actors too.
        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\nactors: [corvel]\n---\nBrevia had rain.\n")
        let inputs = Self.inputs(project)
        let changed = Self.memoized(inputs, cache: cache, root: project.root)
        #expect(!changed.reused)
        #expect(Self.same(changed.aggregates, MentionAggregates(mentions: inputs.mentions, briefings: inputs.briefings, linked: inputs.linked)))
    }

    @Test func aMemoThatDoesNotFitTheMentionsIsNotUsed() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let cache = BuildCache(folder: project.root.appendingPathComponent(".dossier/cache"))
        let inputs = Self.inputs(project)
        // Kept under the right key, but counted over fewer briefings than there are.
        let short = MentionAggregates(mentions: inputs.mentions, briefings: Array(inputs.briefings.dropLast()), linked: inputs.linked)
        let key = ModelMemo.key(documentOrder: inputs.order, briefings: inputs.briefings, linked: inputs.linked)
        cache.storeModelAggregates(short, key: key, root: project.root)

        let result = Self.memoized(inputs, cache: cache, root: project.root)
        #expect(!result.reused)
        #expect(result.aggregates.related.count == inputs.briefings.count)
    }

    @Test func cachedBuildsAfterMentionEditsMatchCleanBuilds() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had rain, and Corvel snow.\n")
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had rain, and Corvel snow.\n\nA calm day.\n")
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}
