import Foundation
import Testing
@testable import DossierCore

/// A cached build keys again only the briefing pages that can read a changed document
/// (`BriefingPageRekeying`); the others keep their previous inputs key without
/// computing it. One test per dependency of a briefing page: the page that depends on
/// the edit is keyed (or reached through its shape), and the site equals a clean build.
@Suite struct BriefingPageRekeyingTests {
    /// Timeline pages hold four events (`paginate_by: 1`): b1's three and b3's on the
    /// first, b5's on the second. Related by shared actors: b1, b2 and b4 (Aldoria),
    /// b4 and b5 (Brevia).
    static let projectText = """
    -- dossier.yml --
    title: Rekeying test
    base_url: https://dossier.test/
    paginate_by: 1
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
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
    -- content/actors/dunmark.md --
    ---
    title: Dunmark
    kind: place
    ---
    A harbour.
    -- content/briefings/b1.md --
    ---
    title: One
    date: 2025-01-01
    events:
      - date: 2024-01-01
        title: First vote
      - date: 2024-01-02
        title: Second vote
      - date: 2024-01-03
        title: Third vote
    ---
    Aldoria voted.
    -- content/briefings/b2.md --
    ---
    title: Two
    date: 2025-01-02
    actors: [corvo]
    ---
    Aldoria watched.
    -- content/briefings/b3.md --
    ---
    title: Three
    date: 2025-01-03
    events:
      - date: 2024-03-01
        title: Harbour opens
        place: dunmark
    ---
    A quiet day.
    -- content/briefings/b4.md --
    ---
    title: Four
    date: 2025-01-04
    ---
    Aldoria and Brevia met.
    -- content/briefings/b5.md --
    ---
    title: Five
    date: 2025-01-05
    events:
      - date: 2024-06-01
        title: Late event
        actors: [brevia]
    ---
    Brevia spoke.
    """

    /// Builds the project, applies `edit`, builds again through the cache, and compares
    /// the result with a clean build.
    static func rebuild(_ edit: (TestProject) throws -> Void) throws -> RekeyedPages {
        let project = try TestProject(projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let before = try #require(Self.keying(project))
        let inputsBefore = Self.briefingInputs(project)
        try edit(project)
        let report = project.cachedBuild()
        #expect(report.succeeded)
        let after = try #require(Self.keying(project))
        let model = try #require(report.model)
        let contexts = PageContexts(model: model, urls: SiteURLs(style: model.config.urlStyle))
        let keyed = after.changedDocuments(since: before).map { BriefingPageRekeying.pagesReading($0, contexts: contexts) }
        #expect(try project.differenceFromCleanBuild() == nil)
        return RekeyedPages(folder: "briefings", keyed: keyed, report: report, inputsBefore: inputsBefore, inputsAfter: Self.briefingInputs(project))
    }

    static func manifest(_ project: TestProject) -> RenderManifest {
        BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root)).renderManifest(for: PhysicalPath.resolve(project.output))
    }

    static func keying(_ project: TestProject) -> PageKeying? { manifest(project).previousKeying }

    static func briefingInputs(_ project: TestProject) -> [String: String] {
        RekeyedPages.inputs(of: ["b1", "b2", "b3", "b4", "b5"], in: "briefings", project)
    }

    @Test func theProjectIsRelatedAndPagedAsTheTestsAssume() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let report = project.build()
        let model = try #require(report.model)
        let related = Dictionary(uniqueKeysWithValues: model.briefings.map { ($0.briefing.slug, Set($0.related.map(\.slug))) })
        #expect(related["b1"] == ["b2", "b4"])
        #expect(related["b4"]?.isSuperset(of: ["b1", "b5"]) == true)
        #expect(related["b5"] == ["b4"])
        let timeline = try project.read("timeline/page/2/index.html")
        #expect(timeline.contains("Late event") && !timeline.contains("Harbour opens"))
    }

    @Test func nothingChangedKeysNoPage() throws {
        let rebuild = try Self.rebuild { _ in }
        #expect(rebuild.keyed == [])
        #expect(rebuild.report.changedPaths.isEmpty)
        #expect(rebuild.rekeyedPages.isEmpty && rebuild.inputsAfter.count == 5)
    }

    @Test func aBodyEditKeysOnlyItsOwnPage() throws {
        let rebuild = try Self.rebuild { try $0.write("content/briefings/b3.md", Self.b3(body: "A stormy day.")) }
        #expect(rebuild.keyed == ["b3"])
        #expect(rebuild.changedPages == ["b3"])
    }

    @Test func anActorNamedInProseKeysTheBriefingsThatMentionIt() throws {
        let rebuild = try Self.rebuild { try $0.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: organization\n---\nAnother state.\n") }
        let keyed = try #require(rebuild.keyed)
        #expect(keyed.isSuperset(of: ["b4", "b5"]))
        #expect(keyed.isDisjoint(with: ["b1", "b2", "b3"]))
    }

    @Test func aPrincipalActorKeysTheBriefingsThatNameItInFrontMatter() throws {
        let rebuild = try Self.rebuild { try $0.write("content/actors/corvo.md", "---\ntitle: Corvo\nkind: organization\n---\nA third state.\n") }
        #expect(rebuild.keyed == ["b2"])
    }

    @Test func anEventsPlaceKeysTheBriefingThatStatesTheEvent() throws {
        let rebuild = try Self.rebuild { try $0.write("content/actors/dunmark.md", "---\ntitle: Dunmark\nkind: state\n---\nA harbour.\n") }
        #expect(rebuild.keyed == ["b3"])
    }

    @Test func anEventsActorKeysTheBriefingThatStatesTheEvent() throws {
        let rebuild = try Self.rebuild {
            try $0.write("content/briefings/b5.md", "---\ntitle: Five\ndate: 2025-01-05\nevents:\n  - date: 2024-06-01\n    title: Late event\n    actors: [corvo]\n---\nBrevia spoke.\n")
            try $0.write("content/actors/corvo.md", "---\ntitle: Corvo\nkind: organization\n---\nA third state.\n")
        }
        #expect(try #require(rebuild.keyed).isSuperset(of: ["b2", "b5"]))
    }

    @Test func aRelatedBriefingsTitleKeysTheBriefingsListingIt() throws {
        let rebuild = try Self.rebuild { try $0.write("content/briefings/b2.md", "---\ntitle: Two, retitled\ndate: 2025-01-02\nactors: [corvo]\n---\nAldoria watched.\n") }
        #expect(rebuild.keyed == ["b1", "b2", "b4"])
        #expect(rebuild.changedPages.isSuperset(of: ["b1", "b2", "b4"]))
    }

    /// b2 stops naming Aldoria: b1 no longer lists it, and lists no changed briefing,
    /// so b1 is not keyed from the changed documents; its shape (related list) differs.
    @Test func aRelatedListThatLosesABriefingReachesThePageThroughItsShape() throws {
        let rebuild = try Self.rebuild { try $0.write("content/briefings/b2.md", "---\ntitle: Two\ndate: 2025-01-02\nactors: [corvo]\n---\nNobody watched.\n") }
        #expect(rebuild.keyed?.contains("b1") == false)
        #expect(rebuild.changedPages.contains("b1"))
        #expect(rebuild.rekeyedPages.contains("b1"))
    }

    /// b1's third event moves to December: b5's event moves to the timeline's first
    /// page, which its key reads, though b5 reads no changed document.
    @Test func anEventMovingAcrossTimelinePagesReachesOtherBriefingsThroughTheirShape() throws {
        let rebuild = try Self.rebuild {
            let text = try String(contentsOf: $0.root.appendingPathComponent("content/briefings/b1.md"), encoding: .utf8)
            try $0.write("content/briefings/b1.md", text.replacingOccurrences(of: "2024-01-03", with: "2024-12-03"))
        }
        #expect(rebuild.keyed?.contains("b5") == false)
        // b2 and b4 list b1 as related; b3's event stays on the first page.
        #expect(rebuild.rekeyedPages == ["b1", "b2", "b4", "b5"])
    }

    @Test func aTemplateEditKeysEveryPage() throws {
        let rebuild = try Self.rebuild {
            let footer = TestPaths.packageRoot.appendingPathComponent("Sources/DossierCore/Resources/theme/templates/partials/footer.mustache")
            try $0.write("templates/partials/footer.mustache", try String(contentsOf: footer, encoding: .utf8) + "<!-- rekeyed -->\n")
        }
        #expect(rebuild.keyed == nil)
        #expect(rebuild.changedPages == ["b1", "b2", "b3", "b4", "b5"])
    }

    @Test func aConfigEditKeysEveryPage() throws {
        let rebuild = try Self.rebuild { try $0.write("dossier.yml", "title: Rekeying test, renamed\nbase_url: https://dossier.test/\npaginate_by: 1\n") }
        #expect(rebuild.keyed == nil)
    }

    @Test func aNewBriefingKeysEveryPage() throws {
        let rebuild = try Self.rebuild { try $0.write("content/briefings/b6.md", "---\ntitle: Six\ndate: 2025-01-06\n---\nCorvo arrived.\n") }
        #expect(rebuild.keyed == nil)
    }

    @Test func aDeletedActorKeysEveryPage() throws {
        let rebuild = try Self.rebuild {
            try FileManager.default.removeItem(at: $0.root.appendingPathComponent("content/actors/corvo.md"))
            try $0.write("content/briefings/b2.md", "---\ntitle: Two\ndate: 2025-01-02\n---\nAldoria watched.\n")
        }
        #expect(rebuild.keyed == nil)
    }

    static func b3(body: String) -> String {
        "---\ntitle: Three\ndate: 2025-01-03\nevents:\n  - date: 2024-03-01\n    title: Harbour opens\n    place: dunmark\n---\n\(body)\n"
    }
}
