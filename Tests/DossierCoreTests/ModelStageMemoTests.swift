import Foundation
import Testing
@testable import DossierCore

/// The model stage's orders memo (`ModelOrderMemo`: briefings newest first, the
/// timeline oldest first with its anchors) and its flat site-order groups
/// (`SiteOrderGroups`): after each edit of an input they read, a cached build equals a
/// clean one byte for byte; an edit of anything else reuses the memo; a memo that does
/// not read back, or does not fit, is sorted again.
@Suite struct ModelStageMemoTests {
    static let projectText = """
    -- dossier.yml --
    title: Model stage memo
    base_url: https://dossier.test/
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
    events:
      - date: 2024-06
        title: Aldoria joins the League
        actors: [league]
    relations:
      - type: member-of
        target: league
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
    events:
      - date: 2025-01-02
        title: Harbour opened
        actors: [aldoria, brevia]
      - date: 2025-01-02
        title: Ships arrive
    ---
    Aldoria and Brevia opened the harbour.

    Corvel watched.
    -- content/briefings/talks.md --
    ---
    title: Talks
    date: 2025-01-03
    actors: [brevia]
    events:
      - date: 2025-01-02
        title: Harbour opened
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
    events:
      - date: 2025
        title: Summit season
    ---
    The League met Corvel and Aldoria.
    """

    static let harbour = """
    ---
    title: Harbour
    date: 2025-01-02
    actors: [aldoria]
    events:
      - date: 2025-01-02
        title: Harbour opened
        actors: [aldoria, brevia]
      - date: 2025-01-02
        title: Ships arrive
    ---
    Aldoria and Brevia opened the harbour.

    Corvel watched.

    """

    static func delete(_ path: String, in project: TestProject) throws {
        try FileManager.default.removeItem(at: project.root.appendingPathComponent(path))
    }

    static func harbour(replacing old: String, with new: String) -> String {
        harbour.replacingOccurrences(of: old, with: new)
    }

    /// Edits of what the orders are computed from: each changes the key.
    static let orderEdits: [ModelMemoStalenessTests.Edit] = [
        .init(name: "briefing's date changed, reordering the briefings") { try $0.write("content/briefings/harbour.md", harbour(replacing: "date: 2025-01-02\nactors", with: "date: 2025-01-09\nactors")) },
        .init(name: "briefing's date written differently for the same day") { try $0.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04T00:00:00Z\n---\nBrevia had rain. The League met.\n") },
        .init(name: "date tie broken by slug: briefing renamed") { project in
            let text = try String(contentsOf: project.root.appendingPathComponent("content/briefings/weather.md"), encoding: .utf8)
            try delete("content/briefings/weather.md", in: project)
            try project.write("content/briefings/storm.md", text)
        },
        .init(name: "briefing added") { try $0.write("content/briefings/border.md", "---\ntitle: Border\ndate: 2025-01-05\nevents:\n  - date: 2025-01-02\n    title: Harbour opened\n---\nCorvel and Brevia closed the border.\n") },
        .init(name: "briefing removed") { try delete("content/briefings/talks.md", in: $0) },
        .init(name: "event's date changed, reordering the timeline") { try $0.write("content/briefings/harbour.md", harbour(replacing: "  - date: 2025-01-02\n    title: Ships", with: "  - date: 2024-12-30\n    title: Ships")) },
        .init(name: "event's title changed, its anchor and place with it") { try $0.write("content/briefings/harbour.md", harbour(replacing: "Ships arrive", with: "Anchors dropped")) },
        .init(name: "event's title made the same as another's, its anchor numbered") { try $0.write("content/briefings/harbour.md", harbour(replacing: "Ships arrive", with: "Harbour opened")) },
        .init(name: "event added") { try $0.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\nevents:\n  - date: 2025-01-04\n    title: Storm\n    actors: [brevia]\n---\nBrevia had rain. The League met.\n") },
        .init(name: "event removed") { try $0.write("content/briefings/summit.md", "---\ntitle: Summit\ndate: 2025-01-04\nactors: [league]\n---\nThe League met Corvel and Aldoria.\n") },
        .init(name: "actor's event changed") { try $0.write("content/actors/aldoria.md", "---\ntitle: Aldoria\nkind: state\nevents:\n  - date: 2023\n    title: Aldoria joins the League\n    actors: [league]\nrelations:\n  - type: member-of\n    target: league\n---\nA state near Brevia.\n") },
        .init(name: "actor with events deleted") { project in
            try delete("content/actors/aldoria.md", in: project)
            try project.write("content/briefings/harbour.md", harbour(replacing: "actors: [aldoria]\n", with: "").replacingOccurrences(of: "[aldoria, brevia]", with: "[brevia]"))
        },
        .init(name: "actor added with an event") { try $0.write("content/actors/delmar.md", "---\ntitle: Delmar\nkind: state\nevents:\n  - date: 2025-01-02\n    title: Harbour opened\n---\nA fourth.\n") },
    ]

    /// Edits of what the orders do not read: the key stays, and the memo is reused.
    static let otherEdits: [ModelMemoStalenessTests.Edit] = [
        .init(name: "body edited") { try $0.write("content/briefings/harbour.md", harbour + "It was a fine day.\n") },
        .init(name: "event's actors changed") { try $0.write("content/briefings/harbour.md", harbour(replacing: "actors: [aldoria, brevia]", with: "actors: [corvel]")) },
        .init(name: "briefing's title changed") { try $0.write("content/briefings/harbour.md", harbour(replacing: "title: Harbour\n", with: "title: New harbour\n")) },
        .init(name: "alias added") { try $0.write("content/actors/corvel.md", "---\ntitle: Corvel\nkind: state\naliases: [the harbour]\n---\nA third.\n") },
        .init(name: "relation changed") { try $0.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\nrelations:\n  - type: member-of\n    target: league\n---\nAnother state.\n") },
    ]

    /// The orders as the next cached build finds them.
    static func orderAsABuild(_ project: TestProject) -> (order: SiteOrder, reused: Bool) {
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        return ModelOrderMemo.order(briefings: loaded.briefings, actors: index.actors, cache: cache, root: project.root)
    }

    static func sortedAgain(_ project: TestProject) -> SiteOrder {
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        return SiteOrder(briefings: loaded.briefings, actors: index.actors)
    }

    @Test(arguments: orderEdits)
    func anEditOfWhatTheOrdersReadSortsAgainAndMatchesACleanBuild(_ edit: ModelMemoStalenessTests.Edit) throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let before = Self.orderAsABuild(project)
        #expect(before.reused)
        try edit.apply(project)
        let edited = Self.orderAsABuild(project)
        #expect(!edited.reused)
        #expect(edited.order == Self.sortedAgain(project))
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        // And once more with nothing changed, from the memo the edit left.
        #expect(Self.orderAsABuild(project).reused)
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test(arguments: otherEdits)
    func anEditOfAnythingElseReusesTheOrdersAndMatchesACleanBuild(_ edit: ModelMemoStalenessTests.Edit) throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try edit.apply(project)
        let edited = Self.orderAsABuild(project)
        #expect(edited.reused)
        #expect(edited.order == Self.sortedAgain(project))
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func theOrdersAreTheSortedOnes() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let order = SiteOrder(briefings: loaded.briefings, actors: index.actors)
        let sorted = order.sortedBriefings(loaded.briefings)
        #expect(sorted.map(\.slug) == ["summit", "weather", "talks", "harbour"])
        #expect(sorted.map(\.slug) == SiteModelBuilder.newestFirst(loaded.briefings).map(\.slug))
        let timeline = order.timeline(sortedBriefings: sorted, actors: index.actors)
        // Oldest first; the same date and title ordered by their document, the second anchor numbered.
        #expect(timeline.map(\.event.title) == ["Aldoria joins the League", "Summit season", "Harbour opened", "Harbour opened", "Ships arrive"])
        #expect(timeline.map(\.origin.slug) == ["aldoria", "summit", "harbour", "talks", "harbour"])
        #expect(timeline.map(\.anchor) == [
            "event-2024-06-01-aldoria-joins-the-league", "event-2025-01-01-summit-season", "event-2025-01-02-harbour-opened",
            "event-2025-01-02-harbour-opened-2", "event-2025-01-02-ships-arrive",
        ])
    }

    static func memoFile(_ project: TestProject) throws -> URL {
        let folder = BuildCache.defaultFolder(projectRoot: project.root).appendingPathComponent("v\(BuildCache.formatVersion)/model-order")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.count == 1)
        return folder.appendingPathComponent(try #require(names.first))
    }

    @Test(arguments: ["damaged", "truncated by its checksum", "truncated to a third", "empty", "from another memo's layout"])
    func aMemoThatDoesNotReadBackIsSortedAgainAndTheBuildMatchesACleanOne(_ damage: String) throws {
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
        case "empty": damaged = Data()
        default:
            // A whole, checksummed cache file of another layout: the model key's.
            let keys = BuildCache.defaultFolder(projectRoot: project.root).appendingPathComponent("v\(BuildCache.formatVersion)/model-key")
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: keys.path).first)
            damaged = try Data(contentsOf: keys.appendingPathComponent(name))
        }
        try damaged.write(to: file)
        #expect(!Self.orderAsABuild(project).reused)
        try damaged.write(to: file)

        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        // Written again whole by the build that could not read it.
        #expect(try Data(contentsOf: Self.memoFile(project)) == whole)
        try damaged.write(to: file)
        try project.write("content/briefings/harbour.md", Self.harbour(replacing: "Ships arrive", with: "Anchors dropped"))
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test(arguments: ["a position repeated", "a position out of range", "one event too few", "one briefing too many"])
    func positionsThatDoNotFitTheProjectAreSortedAgain(_ misfit: String) throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        let right = SiteOrder(briefings: loaded.briefings, actors: index.actors)
        var briefings = right.briefingOrder, events = right.eventOrder, anchors = right.eventAnchors
        switch misfit {
        case "a position repeated": events[1] = events[0]
        case "a position out of range": briefings[0] = Int32(briefings.count)
        case "one event too few":
            events.removeLast()
            anchors.removeLast()
        default: briefings.append(Int32(briefings.count))
        }
        // Filed under the project's own key, as a memo from a wrong build would be.
        let key = ModelOrderMemo.key(briefings: loaded.briefings, actors: index.actors)
        cache.storeModelOrder(SiteOrder(briefingOrder: briefings, eventOrder: events, eventAnchors: anchors), key: key, root: project.root)
        let found = ModelOrderMemo.order(briefings: loaded.briefings, actors: index.actors, cache: cache, root: project.root)
        #expect(!found.reused)
        #expect(found.order == right)
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func eachActorsGroupsKeepSiteOrderAndLeaveOutItsOwnProfile() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\n---\nBrevia borders Aldoria.\n")
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let (linked, _) = ProjectLinker.linkAll(loaded, index: index, settings: LinkSettings(mode: .first, urlStyle: .disk))
        let order = SiteModelBuilder.newestFirst(loaded.briefings).map { DocumentID(.briefing, $0.slug) }
            + index.actors.map { DocumentID(.actor, $0.slug) }
        let groups = SiteModelBuilder.siteOrderGroups(documentOrder: order, linked: linked)
        let brevia = groups.groups(of: "brevia", leavingOut: DocumentID(.actor, "brevia"))
        // Weather and talks (newest first), then harbour, then Aldoria's profile, which names Brevia.
        #expect(brevia.map { groups.document(of: $0) } == [
            DocumentID(.briefing, "weather"), DocumentID(.briefing, "talks"), DocumentID(.briefing, "harbour"), DocumentID(.actor, "aldoria"),
        ])
        let aldoria = groups.groups(of: "aldoria", leavingOut: DocumentID(.actor, "aldoria"))
        #expect(aldoria.map { groups.document(of: $0) } == [
            DocumentID(.briefing, "summit"), DocumentID(.briefing, "talks"), DocumentID(.briefing, "harbour"), DocumentID(.actor, "brevia"),
        ])
        #expect(aldoria.allSatisfy { $0.count >= 1 && $0.passages >= 1 })
        #expect(groups.groups(of: "nobody", leavingOut: DocumentID(.actor, "nobody")).isEmpty)
    }

    @Test func eachBriefingsEventsAreItsOwnInTheTimelinesOrder() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let order = SiteOrder(briefings: loaded.briefings, actors: index.actors)
        let sorted = order.sortedBriefings(loaded.briefings)
        let (timeline, ofBriefing) = order.timelineByOrigin(sortedBriefings: sorted, actors: index.actors)
        #expect(ofBriefing.count == sorted.count)
        for (position, briefing) in sorted.enumerated() {
            #expect(ofBriefing[position] == timeline.filter { $0.origin == DocumentID(.briefing, briefing.slug) })
        }
        #expect(ofBriefing.map(\.count) == [1, 0, 1, 2])
        let byActor = SiteModelBuilder.eventsByActor(timeline)
        #expect(byActor["aldoria"]?.map(\.event.title) == ["Harbour opened"])
        #expect(byActor["league"]?.map(\.event.title) == ["Aldoria joins the League"])
        #expect(byActor["brevia"]?.map(\.event.title) == ["Harbour opened", "Harbour opened"])
    }

    @Test(arguments: [[Int32](), [0, 7, 2], [Int32.max, 0]])
    func columnsOfIdsReadBackAsWritten(_ values: [Int32]) throws {
        var encoder = CacheEncoder()
        encoder.int32s(values)
        var decoder = CacheDecoder(encoder.takeBytes())
        #expect(try decoder.uint32s() == values.map { UInt32($0) })
        #expect(decoder.isAtEnd)
    }

    @Test(arguments: [([Int32]([0, -1, 2]), 10), ([0, 10, 2], 10), ([Int32.min], 10), ([3], 0)])
    func aColumnWithANegativeIdOrOneOutOfBoundsIsMalformed(_ values: [Int32], bound: Int) throws {
        var encoder = CacheEncoder()
        encoder.int32s(values)
        var decoder = CacheDecoder(encoder.takeBytes())
        #expect(throws: CacheDecoder.Malformed.self) { try decoder.uint32s(below: bound) }
    }

    @Test func filedHashesAreFoundAtTheirPositionOrElsewhereAndNeverForAnotherKey() {
        let table = ModelDocumentHashes(keys: ["briefing a 1", "briefing b 1", "actor c 1"], values: ["ha", "hb", "hc"])
        // In place, moved, gone, new, and a document without a linked form.
        #expect(table.hashes(of: ["briefing a 1", "actor c 1", "briefing b 2", nil, "briefing b 1"]) == ["ha", "hc", nil, nil, "hb"])
        #expect(ModelDocumentHashes().hashes(of: ["briefing a 1"]) == [nil])
    }

    @Test(arguments: ["reversed", "sorted", "one entry dropped"])
    func aTableFiledInAnyOrderGivesTheKeyComputedFromEveryMention(_ reorder: String) throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        let filed = cache.modelDocumentHashes(root: project.root)
        #expect(filed.keys.count == 8)
        var pairs = Array(zip(filed.keys, filed.values))
        switch reorder {
        case "reversed": pairs.reverse()
        case "sorted": pairs.sort { $0.0 < $1.0 }
        default: pairs.remove(at: 2)
        }
        cache.storeModelDocumentHashes(ModelDocumentHashes(keys: pairs.map(\.0), values: pairs.map(\.1)), root: project.root)
        // A body edit that changes no mention: the key is computed from the table, and must be the one every mention gives.
        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had rain. The League met.\n\nIt was cold.\n")
        let memo = ModelMemoStalenessTests.memoizedAsABuild(project)
        #expect(memo.reused && !memo.keyByLinkedForms)
        #expect(cache.modelDocumentHashes(root: project.root).keys.count == 8)
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}
