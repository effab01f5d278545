import Foundation
import Testing
@testable import DossierCore

/// The model stage of a cached build after each kind of edit its memo depends on, and
/// with its memo damaged: every result equals a clean build, byte for byte.
@Suite struct ModelMemoStalenessTests {
    static let projectText = """
    -- dossier.yml --
    title: Model memo staleness
    base_url: https://dossier.test/
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
    relations:
      - type: member-of
        target: league
    ---
    A state near Brevia.
    -- content/actors/brevia.md --
    ---
    title: Brevia
    kind: state
    relations:
      - type: partner
        target: aldoria
    ---
    Another state.
    -- content/actors/corvel.md --
    ---
    title: Corvel
    kind: state
    ---
    A third.
    -- content/actors/league.md --
    ---
    title: Northern League
    kind: organization
    aliases: [League]
    ---
    A league of states.
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
    Brevia had rain. The League met.
    -- content/briefings/summit.md --
    ---
    title: Summit
    date: 2025-01-04
    actors: [league]
    ---
    The League met Corvel and Aldoria.
    """

    /// One edit after a first cached build, named for the test's output.
    struct Edit: Sendable, CustomTestStringConvertible {
        let name: String
        let apply: @Sendable (TestProject) throws -> Void
        var testDescription: String { name }
    }

    static func delete(_ path: String, in project: TestProject) throws {
        try FileManager.default.removeItem(at: project.root.appendingPathComponent(path))
    }

    static let edits: [Edit] = [
        Edit(name: "briefing added") { project in
            try project.write("content/briefings/border.md", "---\ntitle: Border\ndate: 2025-01-05\nactors: [corvel]\n---\nCorvel and Brevia closed the border.\n")
        },
        Edit(name: "briefing removed") { project in try delete("content/briefings/talks.md", in: project) },
        Edit(name: "briefing renamed") { project in
            let text = try String(contentsOf: project.root.appendingPathComponent("content/briefings/harbour.md"), encoding: .utf8)
            try delete("content/briefings/harbour.md", in: project)
            try project.write("content/briefings/port.md", text)
        },
        Edit(name: "briefing's date changed, reordering the site") { project in
            try project.write("content/briefings/harbour.md", "---\ntitle: Harbour\ndate: 2025-01-09\nactors: [aldoria]\n---\nAldoria and Brevia opened the harbour.\n\nCorvel watched.\n")
        },
        Edit(name: "date tie broken by slug") { project in
            try project.write("content/briefings/talks.md", "---\ntitle: Talks\ndate: 2025-01-04\nactors: [brevia]\n---\nBrevia and Aldoria talked. Corvel too.\n")
        },
        Edit(name: "principal actor added") { project in
            try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\nactors: [corvel]\n---\nBrevia had rain. The League met.\n")
        },
        Edit(name: "actor renamed") { project in
            let text = try String(contentsOf: project.root.appendingPathComponent("content/actors/corvel.md"), encoding: .utf8)
            try delete("content/actors/corvel.md", in: project)
            try project.write("content/actors/korvel.md", text)
        },
        Edit(name: "actor deleted") { project in try delete("content/actors/corvel.md", in: project) },
        Edit(name: "actor's title changed, reordering its groups") { project in
            try project.write("content/actors/league.md", "---\ntitle: Aardvark League\nkind: organization\naliases: [League]\n---\nA league of states.\n")
        },
        Edit(name: "relation changed") { project in
            try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\nrelations:\n  - type: member-of\n    target: league\n---\nAnother state.\n")
        },
        Edit(name: "relation removed") { project in
            try project.write("content/actors/aldoria.md", "---\ntitle: Aldoria\nkind: state\n---\nA state near Brevia.\n")
        },
        Edit(name: "alias found in another briefing") { project in
            try project.write("content/actors/corvel.md", "---\ntitle: Corvel\nkind: state\naliases: [the harbour]\n---\nA third.\n")
        },
        Edit(name: "body edit that changes no mention") { project in
            try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had rain. The League met.\n\nIt was cold.\n")
        },
    ]

    @Test(arguments: edits)
    func aCachedBuildAfterTheEditMatchesACleanBuild(_ edit: Edit) throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try edit.apply(project)
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        // And once more with nothing changed, now from the memo the edit left.
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func anEditUndoneDoesNotReadTheMemoOfTheEditedState() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let original = "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had rain. The League met.\n"
        #expect(project.cachedBuild().succeeded)
        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\nactors: [corvel]\n---\nCorvel had rain.\n")
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        try project.write("content/briefings/weather.md", original)
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    static func memoFile(_ project: TestProject) throws -> URL {
        let folder = BuildCache.defaultFolder(projectRoot: project.root).appendingPathComponent("v\(BuildCache.formatVersion)/model")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.count == 1)
        return folder.appendingPathComponent(try #require(names.first))
    }

    @Test(arguments: ["damaged", "truncated by its checksum", "truncated to a third", "empty"])
    func aDamagedMemoIsCountedAgainAndTheBuildMatchesACleanOne(_ damage: String) throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let file = try Self.memoFile(project)
        let whole = try Data(contentsOf: file)
        var damaged = whole
        switch damage {
        case "damaged": damaged[damaged.count / 2] ^= 0xFF
        case "truncated by its checksum": damaged = whole.prefix(whole.count - 8)
        case "truncated to a third": damaged = whole.prefix(whole.count / 3)
        default: damaged = Data()
        }
        try damaged.write(to: file)

        // Both with nothing else changed and after an edit that changes the counts.
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        // Written again whole by the build that could not read it.
        #expect(try Data(contentsOf: Self.memoFile(project)) == whole)
        try damaged.write(to: file)
        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had rain, and Corvel snow.\n")
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func theMemoGivesBackWhatCountingGives() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let inputs = ModelMemoTests.inputs(project)
        let cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        #expect(!ModelMemoTests.memoized(inputs, cache: cache, root: project.root).reused)
        let kept = ModelMemoTests.memoized(inputs, cache: BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root)), root: project.root)
        #expect(kept.reused)
        let counted = MentionAggregates(mentions: inputs.mentions, briefings: inputs.briefings, linked: inputs.linked)
        #expect(ModelMemoTests.same(kept.aggregates, counted))
        // Every actor is ranked, those without a shared passage with an empty list.
        #expect(Set(kept.aggregates.rankedCoMentions.keys) == ["aldoria", "brevia", "corvel", "league"])
    }

    @Test func aPrincipalActorNeverMentionedIsReportedByCachedBuildsToo() throws {
        let project = try TestProject(Self.projectText + """

        -- content/briefings/quiet.md --
        ---
        title: Quiet
        date: 2025-01-01
        actors: [corvel]
        ---
        Nothing happened.
        """)
        defer { project.remove() }
        let warning = "principal actor 'corvel' is never mentioned in the text of this briefing"
        for _ in 0..<2 {
            let report = project.cachedBuild()
            #expect(report.succeeded)
            #expect(report.diagnostics.filter { $0.message == warning }.map(\.location.path) == ["content/briefings/quiet.md"])
        }
        // Principal actors that are mentioned draw no warning.
        #expect(!project.cachedBuild().diagnostics.contains { $0.message.contains("'aldoria' is never mentioned") })
    }

    /// The model memo as a cached build reaches it: linked through the link memo, so
    /// that every document has a linked form.
    static func memoizedAsABuild(_ project: TestProject) -> (aggregates: MentionAggregates, reused: Bool, keyByLinkedForms: Bool) {
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        let (linked, _, forms) = LinkMemo.linkAll(loaded, index: index, settings: LinkSettings(mode: .first, urlStyle: .disk),
                                                  cache: cache, root: project.root)
        let briefings = SiteModelBuilder.newestFirst(loaded.briefings)
        let order = briefings.map { DocumentID(.briefing, $0.slug) } + index.actors.map { DocumentID(.actor, $0.slug) }
        let found = ModelMemo.aggregatesAndKeySource(
            mentions: SiteMentionList(documentOrder: order, linked: linked), documentOrder: order, briefings: briefings, linked: linked,
            linkedForms: forms, cache: cache, root: project.root)
        return (found.result.aggregates, found.result.reused, found.keyByLinkedForms)
    }

    @Test func theKeyIsTakenByLinkedFormsOnlyWhileNoDocumentIsLinkedDifferently() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let first = Self.memoizedAsABuild(project)
        #expect(!first.reused && !first.keyByLinkedForms)
        let again = Self.memoizedAsABuild(project)
        #expect(again.reused && again.keyByLinkedForms)

        // A body edit that changes no mention: the key is computed, and is the same.
        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had rain. The League met.\n\nIt was cold.\n")
        let edited = Self.memoizedAsABuild(project)
        #expect(edited.reused && !edited.keyByLinkedForms)
        #expect(Self.memoizedAsABuild(project).keyByLinkedForms)

        // One that does: computed, and counted again.
        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nCorvel had rain.\n")
        let changed = Self.memoizedAsABuild(project)
        #expect(!changed.reused && !changed.keyByLinkedForms)
        let inputs = ModelMemoTests.inputs(project)
        #expect(ModelMemoTests.same(changed.aggregates, MentionAggregates(mentions: inputs.mentions, briefings: inputs.briefings, linked: inputs.linked)))

        // A principal actor changes no linked form of the briefing's text, but the digest.
        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\nactors: [corvel]\n---\nCorvel had rain.\n")
        let principal = Self.memoizedAsABuild(project)
        #expect(!principal.keyByLinkedForms)
        #expect(!principal.reused)
    }

    @Test(arguments: ["damaged", "truncated", "filed under another digest"])
    func aKeyFileThatDoesNotReadBackOrMatchIsNotUsed(_ damage: String) throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        let filed = try #require(cache.modelKeyByLinkedForms(root: project.root))
        let folder = BuildCache.defaultFolder(projectRoot: project.root).appendingPathComponent("v\(BuildCache.formatVersion)/model-key")
        let file = folder.appendingPathComponent(try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first))
        let whole = try Data(contentsOf: file)
        switch damage {
        case "damaged":
            var damaged = whole
            damaged[damaged.count / 2] ^= 0xFF
            try damaged.write(to: file)
            #expect(cache.modelKeyByLinkedForms(root: project.root) == nil)
        case "truncated":
            try whole.prefix(whole.count - 3).write(to: file)
            #expect(cache.modelKeyByLinkedForms(root: project.root) == nil)
        default:
            // The key of the whole project, filed under a digest no build gives.
            cache.storeModelKeyByLinkedForms(ModelKeyByLinkedForms(digest: "another", key: filed.key), root: project.root)
        }
        let result = Self.memoizedAsABuild(project)
        #expect(!result.keyByLinkedForms)
        #expect(result.reused)
        #expect(cache.modelKeyByLinkedForms(root: project.root) == filed)
        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had rain, and Corvel snow.\n")
        try whole.prefix(whole.count / 2).write(to: file)
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aFiledKeyForOtherInputsIsNeverUsed() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        let filed = try #require(cache.modelKeyByLinkedForms(root: project.root))
        // A mention added: the digest moves, so the filed key (of the old mentions) is not taken.
        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had rain, and Corvel snow.\n")
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        let refiled = try #require(cache.modelKeyByLinkedForms(root: project.root))
        #expect(refiled.digest != filed.digest && refiled.key != filed.key)
    }

    @Test func pairsReadBackAsWrittenWhetherOrNotSortedByTheirFirstActor() throws {
        let sorted: CoMentionPairs = [
            CoMention(actor: "aldoria", other: "brevia", sameBlock: 2, sameDocument: 1),
            CoMention(actor: "aldoria", other: "corvel", sameBlock: 0, sameDocument: 3),
            CoMention(actor: "corvel", other: "league", sameBlock: 1, sameDocument: 1),
        ]
        let unsorted: CoMentionPairs = [
            CoMention(actor: "corvel", other: "league", sameBlock: 1, sameDocument: 1),
            CoMention(actor: "aldoria", other: "brevia", sameBlock: 2, sameDocument: 1),
        ]
        let ranked = ["aldoria": [CoMention(actor: "aldoria", other: "brevia", sameBlock: 2, sameDocument: 1)], "zeta": []]
        for pairs in [sorted, unsorted, []] {
            let aggregates = MentionAggregates(coMentions: pairs, rankedCoMentions: ranked, related: [[(position: 1, shared: 2)], []])
            var encoder = CacheEncoder()
            encoder.mentionAggregates(aggregates)
            var decoder = CacheDecoder(encoder.takeBytes())
            let decoded = try decoder.mentionAggregates()
            #expect(decoder.isAtEnd)
            #expect(decoded.coMentions == pairs)
            #expect(decoded.rankedCoMentions == ranked)
            #expect(decoded.related.map { $0.map { [$0.position, $0.shared] } } == [[[1, 2]], []])
        }
    }
}
