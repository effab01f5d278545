import Foundation
import Testing
@testable import DossierCore

/// A briefing page's inputs key (`PageContexts.briefingInputs`) must change with
/// everything its page shows, including what comes from other documents, and must not
/// change with what it does not show; with an unchanged key the page is reused before
/// its context is built.
@Suite struct PageInputsTests {
    static let projectText = """
    -- dossier.yml --
    title: Inputs test
    base_url: https://dossier.test/
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
    summary: A northern state.
    relations:
      - type: partner
        target: brevia
    ---
    A state.
    -- content/actors/brevia.md --
    ---
    title: Brevia
    kind: state
    ---
    Another state.
    -- content/actors/corvo.md --
    ---
    title: Corvo
    kind: state
    ---
    A third state.
    -- content/pages/about.md --
    ---
    title: About
    ---
    About this site.
    -- content/briefings/first.md --
    ---
    title: First
    date: 2025-01-02
    tags: [trade]
    actors: [aldoria]
    events:
      - date: 2025-01-01
        title: Aldoria votes
        actors: [aldoria]
    ---
    Aldoria voted with Brevia.
    -- content/briefings/second.md --
    ---
    title: Second
    date: 2025-01-03
    ---
    Aldoria and Brevia abstained.
    -- content/briefings/third.md --
    ---
    title: Third
    date: 2025-01-04
    ---
    Corvo had rain.
    """

    /// Every briefing's inputs key, by slug, as the build computes them. The link
    /// memo is shared between the builds compared, as `serve` and the disk cache share it.
    static func keys(_ project: TestProject, cache: BuildCache) throws -> [String: String] {
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let settings = LinkSettings(mode: loaded.config.linking.mode, urlStyle: loaded.config.urlStyle)
        let (documents, _, linkFingerprints) = LinkMemo.linkAll(loaded, index: index, settings: settings, cache: cache, root: project.root)
        let (model, diagnostics) = SiteModelBuilder.build(project: loaded, index: index, linked: documents)
        #expect(!diagnostics.hasErrors)
        let fingerprints = DocumentFingerprints(project: loaded, index: index, linked: linkFingerprints, drafts: false, root: project.root)
        let contexts = PageContexts(model: model, urls: SiteURLs(style: loaded.config.urlStyle))
        var keys: [String: String] = [:]
        for briefing in model.briefings {
            let key = try #require(contexts.briefingInputs(briefing, fingerprints: fingerprints, templates: "t"))
            keys[briefing.briefing.slug] = key
        }
        return keys
    }

    /// Applies `edit` and returns the briefings whose key changed.
    static func changed(by edit: (TestProject) throws -> Void) throws -> Set<String> {
        let project = try TestProject(projectText)
        defer { project.remove() }
        let cache = BuildCache(folder: nil)
        let before = try keys(project, cache: cache)
        try edit(project)
        let after = try keys(project, cache: cache)
        return Set(before.keys.filter { before[$0] != after[$0] })
    }

    @Test func theKeyIsTheSameWhenNothingChanged() throws {
        #expect(try Self.changed { _ in }.isEmpty)
    }

    @Test func anUnrelatedBodyEditChangesNoOtherBriefingsKey() throws {
        let changed = try Self.changed { try $0.write("content/briefings/third.md", "---\ntitle: Third\ndate: 2025-01-04\n---\nCorvo had snow.\n") }
        #expect(changed == ["third"])
    }

    /// First and second share Aldoria and Brevia: each lists the other as related.
    @Test func aRelatedBriefingsTitleChangesTheKey() throws {
        let changed = try Self.changed { try $0.write("content/briefings/second.md", "---\ntitle: Second, retitled\ndate: 2025-01-03\n---\nAldoria and Brevia abstained.\n") }
        #expect(changed.contains("first"))
        #expect(!changed.contains("third"))
    }

    /// The summary shows in the chip and in the mention preview of the body.
    @Test func anActorsSummaryChangesTheKeysOfBriefingsShowingIt() throws {
        let changed = try Self.changed { try $0.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\nsummary: A southern state.\n---\nAnother state.\n") }
        #expect(changed == ["first", "second"])
    }

    /// A relation's other end: Aldoria declares the relation, Brevia's title is shown on
    /// Aldoria's page and on every briefing page that shows Brevia.
    @Test func aRelationsOtherEndsTitleChangesTheKeysOfBriefingsShowingIt() throws {
        let changed = try Self.changed { try $0.write("content/actors/brevia.md", "---\ntitle: Brevia Republic\nkind: state\n---\nAnother state.\n") }
        #expect(changed.isSuperset(of: ["first", "second"]))
        #expect(!changed.contains("third"))
    }

    /// An event elsewhere moves this briefing's event to another place on the
    /// timeline; its anchor and timeline page are in the key.
    @Test func anEventDateChangesTheKey() throws {
        let changed = try Self.changed {
            try $0.write("content/briefings/first.md", """
            ---
            title: First
            date: 2025-01-02
            tags: [trade]
            actors: [aldoria]
            events:
              - date: 2024-12-31
                title: Aldoria votes
                actors: [aldoria]
            ---
            Aldoria voted with Brevia.
            """)
        }
        #expect(changed.contains("first"))
    }

    /// Second lists first as related, keyed on first's whole fingerprint: it changes too.
    @Test func aTagChangesTheKey() throws {
        let changed = try Self.changed {
            try $0.write("content/briefings/first.md", """
            ---
            title: First
            date: 2025-01-02
            tags: [energy]
            actors: [aldoria]
            events:
              - date: 2025-01-01
                title: Aldoria votes
                actors: [aldoria]
            ---
            Aldoria voted with Brevia.
            """)
        }
        #expect(changed.contains("first"))
        #expect(!changed.contains("third"))
    }

    /// The navigation lists every page: a page's title is on every briefing page.
    @Test func aPagesTitleChangesEveryKey() throws {
        let changed = try Self.changed { try $0.write("content/pages/about.md", "---\ntitle: About us\n---\nAbout this site.\n") }
        #expect(changed == ["first", "second", "third"])
    }

    @Test func dossierYmlChangesEveryKey() throws {
        let changed = try Self.changed { try $0.write("dossier.yml", "title: Inputs test, renamed\nbase_url: https://dossier.test/\n") }
        #expect(changed == ["first", "second", "third"])
    }

    /// End to end: an unchanged briefing page is reused, an edited one rendered, and
    /// the site equals a clean build after an edit that reaches other pages.
    @Test func aCachedBuildAfterASummaryEditEqualsACleanBuild() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        var options = BuildOptions(root: project.root)
        options.cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        _ = SiteBuilder.build(options)
        try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\nsummary: A southern state.\n---\nAnother state.\n")
        let report = SiteBuilder.build(options)
        RetiredOutputs.waitUntilRemoved()
        #expect(report.succeeded)
        #expect(report.reusedRenders.contains("briefings/third/index.html"))
        #expect(!report.reusedRenders.contains("briefings/first/index.html"))
        #expect(try project.read("briefings/first/index.html").contains("href=\"../../actors/brevia/index.html\" data-card"))
        #expect(try project.read("actors/brevia/card.html").contains("A southern state."))
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}

/// An actor page's inputs key (`PageContexts.actorInputs`): it must change with what
/// the page shows from other documents — a relation's other end, a co-mentioned
/// actor, a neighbour's mention count (its node's size in the picture), a briefing
/// that names the actor, an event elsewhere — and not with what it does not show.
@Suite struct ActorPageInputsTests {
    static let projectText = """
    -- dossier.yml --
    title: Actor inputs test
    base_url: https://dossier.test/
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
    relations:
      - type: partner
        target: brevia
    ---
    A state near Corvo.
    -- content/actors/brevia.md --
    ---
    title: Brevia
    kind: state
    ---
    Another state.
    -- content/actors/corvo.md --
    ---
    title: Corvo
    kind: state
    ---
    A third state.
    -- content/actors/dunmark.md --
    ---
    title: Dunmark
    kind: state
    ---
    A fourth state.
    -- content/briefings/first.md --
    ---
    title: First
    date: 2025-01-02
    actors: [aldoria]
    ---
    Aldoria and Corvo met.
    -- content/briefings/second.md --
    ---
    title: Second
    date: 2025-01-03
    events:
      - date: 2025-01-01
        title: Aldoria votes
        actors: [aldoria]
    ---
    Brevia abstained.
    -- content/briefings/third.md --
    ---
    title: Third
    date: 2025-01-04
    ---
    Dunmark had rain.
    """

    static func keys(_ project: TestProject, cache: BuildCache) throws -> [String: String] {
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let settings = LinkSettings(mode: loaded.config.linking.mode, urlStyle: loaded.config.urlStyle)
        let (documents, _, linked) = LinkMemo.linkAll(loaded, index: index, settings: settings, cache: cache, root: project.root)
        let (model, diagnostics) = SiteModelBuilder.build(project: loaded, index: index, linked: documents)
        #expect(!diagnostics.hasErrors)
        let fingerprints = DocumentFingerprints(project: loaded, index: index, linked: linked, drafts: false, root: project.root)
        let contexts = PageContexts(model: model, urls: SiteURLs(style: loaded.config.urlStyle))
        var keys: [String: String] = [:]
        for actor in model.actors {
            let key = try #require(contexts.actorInputs(actor, fingerprints: fingerprints, templates: "t"))
            keys[actor.actor.slug] = key
        }
        return keys
    }

    static func changed(by edit: (TestProject) throws -> Void) throws -> Set<String> {
        let project = try TestProject(projectText)
        defer { project.remove() }
        let cache = BuildCache(folder: nil)
        let before = try keys(project, cache: cache)
        try edit(project)
        let after = try keys(project, cache: cache)
        return Set(before.keys.filter { before[$0] != after[$0] })
    }

    @Test func theKeyIsTheSameWhenNothingChanged() throws {
        #expect(try Self.changed { _ in }.isEmpty)
    }

    @Test func aRelationsOtherEndsSummaryChangesTheKey() throws {
        let changed = try Self.changed { try $0.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\nsummary: A southern state.\n---\nAnother state.\n") }
        #expect(changed.contains("aldoria"))
        #expect(!changed.contains("dunmark"))
    }

    @Test func aCoMentionedActorsSummaryChangesTheKey() throws {
        let changed = try Self.changed { try $0.write("content/actors/corvo.md", "---\ntitle: Corvo\nkind: state\nsummary: An island.\n---\nA third state.\n") }
        #expect(changed.contains("aldoria"))
        #expect(!changed.contains("dunmark"))
    }

    /// Third starts mentioning Corvo: Corvo's node in Aldoria's picture grows.
    @Test func aNeighboursMentionCountChangesTheKey() throws {
        let changed = try Self.changed { try $0.write("content/briefings/third.md", "---\ntitle: Third\ndate: 2025-01-04\n---\nDunmark had rain. Corvo too.\n") }
        #expect(changed.contains("aldoria"))
        #expect(changed.contains("corvo"))
    }

    /// First names Aldoria in front matter: its title is in Aldoria's infobox.
    @Test func aPrincipalBriefingsTitleChangesTheKey() throws {
        let changed = try Self.changed { try $0.write("content/briefings/first.md", "---\ntitle: First, retitled\ndate: 2025-01-02\nactors: [aldoria]\n---\nAldoria and Corvo met.\n") }
        #expect(changed.contains("aldoria"))
        #expect(!changed.contains("dunmark"))
    }

    /// Second states an event of Aldoria's without mentioning it in its text.
    @Test func anEventElsewhereChangesTheKey() throws {
        let changed = try Self.changed {
            try $0.write("content/briefings/second.md", """
            ---
            title: Second
            date: 2025-01-03
            events:
              - date: 2024-12-31
                title: Aldoria votes
                actors: [aldoria]
            ---
            Brevia abstained.
            """)
        }
        #expect(changed.contains("aldoria"))
        #expect(!changed.contains("dunmark"))
    }

    /// End to end, after an edit that reaches another actor's page only through a neighbour.
    @Test func aCachedBuildAfterANeighboursEditEqualsACleanBuild() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        var options = BuildOptions(root: project.root)
        options.cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        _ = SiteBuilder.build(options)
        try project.write("content/briefings/third.md", "---\ntitle: Third\ndate: 2025-01-04\n---\nDunmark had rain. Corvo too.\n")
        try project.write("content/actors/brevia.md", "---\ntitle: Brevia Republic\nkind: state\n---\nAnother state.\n")
        let report = SiteBuilder.build(options)
        RetiredOutputs.waitUntilRemoved()
        #expect(report.succeeded)
        #expect(try project.read("actors/aldoria/index.html").contains("Brevia Republic"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}
