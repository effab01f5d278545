import Foundation
import Testing
@testable import DossierCore

/// A cached build keys again only the actor pages (with their later "Mentioned in"
/// pages and mentions files) that can read a changed document or a changed actor
/// (`ActorPageRekeying`); the others keep their previous key without their mention
/// list being read. One test per dependency of an actor page: the page that depends on
/// the edit is keyed, and the site equals a clean build byte for byte.
@Suite struct ActorPageRekeyingTests {
    /// One document a page of "Mentioned in" (`paginate_by: 1`); timeline pages hold
    /// four events, so b5's four January events fill the first and b3's March event
    /// (Corvo, at Dunmark) is on the second. Aldoria is a member of Corvo; Aldoria and
    /// Brevia are co-mentioned in b1, Brevia and Farland in b4; Estoria's profile
    /// mentions Brevia; b2 names Dunmark in front matter.
    static let projectText = """
    -- dossier.yml --
    title: Actor rekeying test
    exports: all
    base_url: https://dossier.test/
    paginate_by: 1
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
    relations:
      - type: member-of
        target: corvo
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
    kind: organization
    ---
    An alliance.
    -- content/actors/dunmark.md --
    ---
    title: Dunmark
    kind: place
    ---
    A harbour.
    -- content/actors/estoria.md --
    ---
    title: Estoria
    kind: state
    ---
    Estoria borders Brevia.
    -- content/actors/farland.md --
    ---
    title: Farland
    kind: state
    ---
    A far land.
    -- content/briefings/b1.md --
    ---
    title: One
    date: 2025-01-01
    ---
    Aldoria and Brevia met.
    -- content/briefings/b2.md --
    ---
    title: Two
    date: 2025-01-02
    actors: [dunmark]
    ---
    Aldoria voted.
    -- content/briefings/b3.md --
    ---
    title: Three
    date: 2025-01-03
    events:
      - date: 2024-03-01
        title: Harbour opens
        actors: [corvo]
        place: dunmark
    ---
    A quiet day.
    -- content/briefings/b4.md --
    ---
    title: Four
    date: 2025-01-04
    ---
    Brevia spoke. Farland listened.
    -- content/briefings/b5.md --
    ---
    title: Five
    date: 2025-01-05
    events:
      - date: 2024-01-01
        title: First
      - date: 2024-01-02
        title: Second
      - date: 2024-01-03
        title: Third
      - date: 2024-01-04
        title: Fourth
    ---
    Farland slept.
    """

    static let actors = ["aldoria", "brevia", "corvo", "dunmark", "estoria", "farland"]

    /// Builds the project, applies `edit`, builds again through the cache, and compares
    /// the result with a clean build.
    static func rebuild(_ edit: (TestProject) throws -> Void) throws -> RekeyedPages {
        let project = try TestProject(projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let before = try #require(BriefingPageRekeyingTests.keying(project))
        #expect(before.actors.count == actors.count)
        let inputsBefore = Self.actorInputs(project)
        try edit(project)
        let report = project.cachedBuild()
        #expect(report.succeeded)
        let after = try #require(BriefingPageRekeyingTests.keying(project))
        let model = try #require(report.model)
        let contexts = PageContexts(model: model, urls: SiteURLs(style: model.config.urlStyle))
        let shapes = model.actors.map { ActorPageRekeying.shape(of: $0, contexts: contexts) }
        let keyed = after.changedDocuments(since: before).map {
            ActorPageRekeying.actorsReached(by: $0, seen: $0, shapes: shapes, previous: before.actors, contexts: contexts)
        }
        #expect(try project.differenceFromCleanBuild() == nil)
        return RekeyedPages(folder: "actors", keyed: keyed, report: report, inputsBefore: inputsBefore, inputsAfter: Self.actorInputs(project))
    }

    static func actorInputs(_ project: TestProject) -> [String: String] {
        RekeyedPages.inputs(of: actors, in: "actors", project)
    }

    @Test func theProjectIsRelatedAndPagedAsTheTestsAssume() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let report = project.build()
        let model = try #require(report.model)
        let actors = Dictionary(uniqueKeysWithValues: model.actors.map { ($0.actor.slug, $0) })
        #expect(actors["aldoria"]?.relations.map(\.other) == ["corvo"])
        #expect(Set(actors["aldoria"]?.coMentions.map(\.other) ?? []) == ["brevia"])
        #expect(Set(actors["farland"]?.coMentions.map(\.other) ?? []) == ["brevia"])
        #expect(actors["estoria"]?.profile.mentions.map(\.actor).contains("brevia") == true)
        #expect(actors["dunmark"]?.events.first?.event.actors.map(\.value) == ["corvo"])
        #expect(report.paths.contains("actors/brevia/mentions/2/index.html"))
        #expect(try project.read("timeline/page/2/index.html").contains("Harbour opens"))
    }

    @Test func nothingChangedKeysNoActor() throws {
        let rebuild = try Self.rebuild { _ in }
        #expect(rebuild.keyed == [])
        #expect(rebuild.report.changedPaths.isEmpty)
        #expect(rebuild.rekeyedPages.isEmpty && rebuild.inputsAfter.count == Self.actors.count)
    }

    /// Farland's first page lists b5 with its passage, and so does its mentions file.
    @Test func aBodyEditKeysTheActorsTheBriefingNames() throws {
        let rebuild = try Self.rebuild { try $0.write("content/briefings/b5.md", Self.b5(body: "Farland slept soundly.")) }
        #expect(rebuild.keyed == ["farland"])
        #expect(rebuild.changedPages == ["farland"])
        #expect(rebuild.report.changedPaths.contains("data/mentions/farland.json"))
        #expect(!rebuild.report.changedPaths.contains("data/mentions/brevia.json"))
    }

    /// Brevia is not keyed, and its later "Mentioned in" pages and mentions file are
    /// taken from the previous output as they were.
    @Test func anActorNotKeyedKeepsItsLaterPagesAndMentionsFile() throws {
        let rebuild = try Self.rebuild { try $0.write("content/briefings/b5.md", Self.b5(body: "Farland slept soundly.")) }
        let reused = Set(rebuild.report.reusedRenders)
        #expect(reused.isSuperset(of: ["actors/brevia/index.html", "actors/brevia/mentions/2/index.html", "actors/brevia/mentions/3/index.html"]))
        #expect(rebuild.report.reusedDataFiles.contains("data/mentions/brevia.json"))
    }

    /// b5 stops naming Farland: no changed document names it now, but its mention list
    /// lost a document, which its shape shows.
    @Test func aBriefingThatStopsNamingAnActorReachesItThroughItsShape() throws {
        let rebuild = try Self.rebuild { try $0.write("content/briefings/b5.md", Self.b5(body: "Nobody slept.")) }
        #expect(rebuild.keyed?.contains("farland") == true)
        #expect(rebuild.changedPages.contains("farland"))
        #expect(rebuild.report.changedPaths.contains("data/mentions/farland.json"))
    }

    /// Dunmark's infobox lists b2, which names it in front matter.
    @Test func aBriefingNamingAnActorInFrontMatterKeysThatActor() throws {
        let rebuild = try Self.rebuild { try $0.write("content/briefings/b2.md", "---\ntitle: Two, retitled\ndate: 2025-01-02\nactors: [dunmark]\n---\nAldoria voted.\n") }
        #expect(try #require(rebuild.keyed).isSuperset(of: ["aldoria", "dunmark"]))
        #expect(rebuild.changedPages.contains("dunmark"))
        #expect(try #require(rebuild.keyed).isDisjoint(with: ["brevia", "estoria", "farland"]))
    }

    /// b2 stops naming Dunmark in front matter: its principal briefings, in its shape.
    @Test func aBriefingThatStopsNamingAnActorInFrontMatterReachesItThroughItsShape() throws {
        let rebuild = try Self.rebuild { try $0.write("content/briefings/b2.md", "---\ntitle: Two\ndate: 2025-01-02\n---\nAldoria voted.\n") }
        #expect(rebuild.keyed?.contains("dunmark") == true)
        #expect(rebuild.changedPages.contains("dunmark"))
    }

    @Test func anActorsOwnEditKeysItsPage() throws {
        let rebuild = try Self.rebuild { try $0.write("content/actors/farland.md", "---\ntitle: Farland\nkind: state\n---\nA land far away.\n") }
        #expect(rebuild.keyed?.contains("farland") == true)
        #expect(rebuild.changedPages.contains("farland"))
        #expect(rebuild.keyed?.contains("dunmark") == false)
    }

    /// Aldoria is a member of Corvo: its relations show Corvo's chip.
    @Test func aRelationEndKeysTheActorAtTheOtherEnd() throws {
        let rebuild = try Self.rebuild { try $0.write("content/actors/corvo.md", "---\ntitle: Corvo Pact\nkind: organization\n---\nAn alliance.\n") }
        #expect(rebuild.keyed?.contains("aldoria") == true)
        #expect(rebuild.changedPages.contains("aldoria"))
    }

    /// A relation dropped by the actor that declared it: the other end's relations, in its shape.
    @Test func aRelationRemovedReachesTheOtherEnd() throws {
        let rebuild = try Self.rebuild { try $0.write("content/actors/aldoria.md", "---\ntitle: Aldoria\nkind: state\n---\nA state.\n") }
        #expect(rebuild.keyed?.contains("corvo") == true)
        #expect(rebuild.changedPages.isSuperset(of: ["aldoria", "corvo"]))
    }

    /// Aldoria and Farland rank Brevia among their co-mentions.
    @Test func aCoMentionedActorKeysTheActorsThatRankIt() throws {
        let rebuild = try Self.rebuild { try $0.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: organization\n---\nAnother state.\n") }
        #expect(try #require(rebuild.keyed).isSuperset(of: ["aldoria", "farland"]))
        #expect(rebuild.changedPages.isSuperset(of: ["aldoria", "farland"]))
    }

    /// Estoria's profile mentions Brevia: its preview and chip show Brevia's fields.
    @Test func anActorMentionedInAProfileKeysThatProfilesPage() throws {
        let rebuild = try Self.rebuild { try $0.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\nsummary: A small state.\n---\nAnother state.\n") }
        #expect(rebuild.keyed?.contains("estoria") == true)
        #expect(rebuild.rekeyedPages.contains("estoria"))
    }

    /// Dunmark's event names Corvo.
    @Test func anEventsActorKeysTheOtherActorsOfTheEvent() throws {
        let rebuild = try Self.rebuild { try $0.write("content/actors/corvo.md", "---\ntitle: Corvo Pact\nkind: organization\n---\nAn alliance.\n") }
        #expect(rebuild.keyed?.contains("dunmark") == true)
        #expect(rebuild.changedPages.contains("dunmark"))
    }

    /// b4 starts naming Corvo, whose mention count Aldoria's page shows at the relation's
    /// end: Aldoria reads no changed document, Corvo's shape changed.
    @Test func aNeighboursMentionCountKeysThePagesShowingIt() throws {
        let rebuild = try Self.rebuild { try $0.write("content/briefings/b4.md", "---\ntitle: Four\ndate: 2025-01-04\n---\nBrevia spoke. Farland listened. Corvo watched.\n") }
        #expect(try #require(rebuild.keyed).isSuperset(of: ["aldoria", "corvo", "dunmark"]))
        #expect(rebuild.rekeyedPages.isSuperset(of: ["aldoria", "corvo"]))
    }

    /// b5's first event moves to December: b3's event, Corvo's and Dunmark's, moves to the
    /// timeline's first page, which their pages link to, though neither reads b5.
    @Test func anEventMovingAcrossTimelinePagesReachesItsActorsThroughTheirShape() throws {
        let rebuild = try Self.rebuild {
            let text = try String(contentsOf: $0.root.appendingPathComponent("content/briefings/b5.md"), encoding: .utf8)
            try $0.write("content/briefings/b5.md", text.replacingOccurrences(of: "2024-01-01", with: "2024-12-01"))
        }
        #expect(try #require(rebuild.keyed).isSuperset(of: ["corvo", "dunmark"]))
        #expect(rebuild.rekeyedPages.isSuperset(of: ["corvo", "dunmark"]))
    }

    @Test func aConfigEditKeysEveryActor() throws {
        let rebuild = try Self.rebuild { try $0.write("dossier.yml", "title: Actor rekeying test, renamed\nbase_url: https://dossier.test/\npaginate_by: 1\nexports: all\n") }
        #expect(rebuild.keyed == nil)
        #expect(rebuild.changedPages == Set(Self.actors))
    }

    @Test func aNewBriefingKeysEveryActor() throws {
        let rebuild = try Self.rebuild { try $0.write("content/briefings/b6.md", "---\ntitle: Six\ndate: 2025-01-06\n---\nCorvo arrived.\n") }
        #expect(rebuild.keyed == nil)
    }

    /// A manifest cut short or overwritten is read as none: every page is keyed from
    /// scratch, never taken on a shape or a page count that was not stored whole.
    @Test(arguments: ["truncated", "overwritten"])
    func aDamagedManifestIsReadAsNone(_ damage: String) throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let folder = try #require(BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root)).folder).appendingPathComponent("rendered")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == 1)
        for name in files {
            let url = folder.appendingPathComponent(name)
            var bytes = try Data(contentsOf: url)
            if damage == "truncated" {
                bytes = bytes.prefix(bytes.count - 40)
            } else {
                for offset in stride(from: bytes.count / 2, to: bytes.count, by: 7) { bytes[offset] ^= 0x5A }
            }
            try bytes.write(to: url)
        }
        #expect(BriefingPageRekeyingTests.keying(project) == nil)
        try project.write("content/briefings/b5.md", Self.b5(body: "Nobody slept."))
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        #expect(BriefingPageRekeyingTests.keying(project)?.actors.count == Self.actors.count)
    }

    static func b5(body: String) -> String {
        """
        ---
        title: Five
        date: 2025-01-05
        events:
          - date: 2024-01-01
            title: First
          - date: 2024-01-02
            title: Second
          - date: 2024-01-03
            title: Third
          - date: 2024-01-04
            title: Fourth
        ---
        \(body)

        """
    }
}
