import Foundation
import Testing
@testable import DossierCore

/// An edited actor reaches the pages and files other than its own only through what
/// they show of it — its view (`MentionView`: kind, slug, title, summary, language,
/// the events it declares, its passages) — and through the relations it declares,
/// which the other end keys as the model holds them. An alias shows only on its own
/// page, the actors index, the search index and `data/entities.json`: an alias edit
/// keys no other actor's page and no briefing page. Each edit is made between two
/// cached builds and the result compared with a clean build, byte for byte.
///
/// The project is `ActorPageRekeyingTests`'s: Aldoria is a member of Corvo; Aldoria and
/// Brevia are co-mentioned in b1, Brevia and Farland in b4; Estoria's profile mentions
/// Brevia; b3's event names Corvo at Dunmark.
@Suite struct ActorViewRekeyingTests {
    /// What the second cached build keyed, as the render stage decides it.
    struct Rebuild {
        var report: BuildReport
        var changed: Set<DocumentID>
        /// The changed documents others may see changed.
        var seen: Set<DocumentID>
        var keyedActors: Set<String>
        var keyedBriefings: Set<String>

        var changedPaths: Set<String> { Set(report.changedPaths) }
        var reused: Set<String> { Set(report.reusedRenders) }
    }

    /// Builds `projectText` (with `prepare` applied and built, if any), applies `edit`,
    /// builds again through the cache, and compares the result with a clean build.
    static func rebuild(
        _ projectText: String = ActorPageRekeyingTests.projectText, prepare: ((TestProject) throws -> Void)? = nil,
        _ edit: (TestProject) throws -> Void
    ) throws -> Rebuild {
        let project = try TestProject(projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        if let prepare {
            try prepare(project)
            #expect(project.cachedBuild().succeeded)
        }
        let before = try #require(BriefingPageRekeyingTests.keying(project))
        try edit(project)
        let report = project.cachedBuild()
        #expect(report.succeeded)
        let after = try #require(BriefingPageRekeyingTests.keying(project))
        let changed = try #require(after.changedDocuments(since: before))
        let fingerprints = DocumentFingerprints(site: after.viewsRead, documents: after.documents)
        let seen = changed.filter { fingerprints.viewChanged($0, since: before) }
        let model = try #require(report.model)
        let contexts = PageContexts(model: model, urls: SiteURLs(style: model.config.urlStyle))
        let shapes = model.actors.map { ActorPageRekeying.shape(of: $0, contexts: contexts) }
        let keyedActors = ActorPageRekeying.actorsReached(by: changed, seen: seen, shapes: shapes, previous: before.actors, contexts: contexts)
        let keyedBriefings = BriefingPageRekeying.pagesReading(changed, seen: seen, contexts: contexts)
        #expect(try project.differenceFromCleanBuild() == nil)
        return Rebuild(report: report, changed: changed, seen: seen, keyedActors: keyedActors, keyedBriefings: keyedBriefings)
    }

    static let brevia = DocumentID(.actor, "brevia")

    static func brevia(_ frontMatter: String = "", body: String = "Another state.") -> String {
        "---\ntitle: Brevia\nkind: state\n\(frontMatter)---\n\(body)\n"
    }

    /// The pages that show Brevia: its co-mentions' pages (Aldoria, Farland), the profile
    /// that mentions it (Estoria), and the briefings that mention it (b1, b4).
    static let pagesShowingBrevia = [
        "actors/aldoria/index.html", "actors/farland/index.html", "actors/estoria/index.html", "briefings/b1/index.html", "briefings/b4/index.html",
    ]

    // MARK: An alias, seen by no other page

    @Test func anAliasAddedKeysOnlyTheActorsOwnPageAndTheFilesThatShowAliases() throws {
        let rebuild = try Self.rebuild { try $0.write("content/actors/brevia.md", Self.brevia("aliases: [Brevian Republic]\n")) }
        #expect(rebuild.changed == [Self.brevia])
        #expect(rebuild.seen.isEmpty)
        #expect(rebuild.keyedActors == ["brevia"])
        #expect(rebuild.keyedBriefings.isEmpty)
        #expect(rebuild.reused.isSuperset(of: Self.pagesShowingBrevia))
        #expect(rebuild.reused.isSuperset(of: ["index.html", "graph/index.html"]))
        #expect(rebuild.changedPaths.isSuperset(of: ["actors/brevia/index.html", "actors/index.html", "data/entities.json"]))
        #expect(rebuild.changedPaths.isDisjoint(with: Self.pagesShowingBrevia))
        #expect(!rebuild.changedPaths.contains { $0.hasPrefix("briefings/") })
    }

    @Test func anAliasRemovedKeysOnlyTheActorsOwnPageAndTheFilesThatShowAliases() throws {
        let rebuild = try Self.rebuild(prepare: { try $0.write("content/actors/brevia.md", Self.brevia("aliases: [Brevian Republic]\n")) }) {
            try $0.write("content/actors/brevia.md", Self.brevia())
        }
        #expect(rebuild.changed == [Self.brevia] && rebuild.seen.isEmpty)
        #expect(rebuild.keyedActors == ["brevia"])
        #expect(rebuild.keyedBriefings.isEmpty)
        #expect(rebuild.reused.isSuperset(of: Self.pagesShowingBrevia))
        #expect(rebuild.changedPaths.isSuperset(of: ["actors/brevia/index.html", "actors/index.html", "data/entities.json"]))
        #expect(rebuild.changedPaths.isDisjoint(with: Self.pagesShowingBrevia))
    }

    /// "quiet day" is in b3's text: b3 is linked again and mentions Dunmark now, so b3's
    /// page and every page listing its mentions change though Dunmark's view did not.
    @Test func anAliasFoundInADocumentRelinksItAndUpdatesEveryPageShowingIt() throws {
        let rebuild = try Self.rebuild {
            try $0.write("content/actors/dunmark.md", "---\ntitle: Dunmark\nkind: place\naliases: [quiet day]\n---\nA harbour.\n")
        }
        #expect(rebuild.changed == [DocumentID(.actor, "dunmark"), DocumentID(.briefing, "b3")])
        #expect(rebuild.seen == [DocumentID(.briefing, "b3")])
        #expect(rebuild.keyedActors.contains("dunmark"))
        #expect(rebuild.keyedBriefings.contains("b3"))
        #expect(rebuild.changedPaths.isSuperset(of: ["briefings/b3/index.html", "actors/dunmark/index.html", "data/mentions/dunmark.json"]))
    }

    // MARK: The view: each field others show

    enum Field: String, CaseIterable, Sendable {
        case title, kind, summary, language

        /// Brevia's file with the field edited; the title keeps "Brevia" as an alias, so
        /// the same text still mentions it.
        var text: String {
            switch self {
            case .title: "---\ntitle: Republic of Brevia\naliases: [Brevia]\nkind: state\n---\nAnother state.\n"
            case .kind: "---\ntitle: Brevia\nkind: organization\n---\nAnother state.\n"
            case .summary: ActorViewRekeyingTests.brevia("summary: A small state by the sea.\n")
            case .language: ActorViewRekeyingTests.brevia("language: fr\n")
            }
        }
    }

    /// The chip partial shows the summary, which the theme's leaves to the actors index
    /// and the preview card: a project's override shows it wherever a chip is.
    static let projectShowingSummaries = ActorPageRekeyingTests.projectText + """

    -- templates/partials/actor-chip.mustache --
    <a class="chip chip--{{kind}}" href="{{url}}" data-card{{{lang_dir_html}}}>{{title}}</a>{{#summary}} <small>{{summary}}</small>{{/summary}}
    -- templates/partials/actor-chip-compact.mustache --
    <a class="chip chip--{{kind}}" href="{{url}}"{{{lang_dir_html}}}>{{title}}</a>{{#summary}} <small>{{summary}}</small>{{/summary}}
    """

    /// Aldoria's and Farland's "Mentioned alongside", b1's and b4's actor chips and
    /// Estoria's mention link show Brevia: each page that shows the field changes.
    @Test(arguments: Field.allCases)
    func aFieldOfTheViewUpdatesEveryPageShowingTheActor(_ field: Field) throws {
        let rebuild = try Self.rebuild(Self.projectShowingSummaries) { try $0.write("content/actors/brevia.md", field.text) }
        #expect(rebuild.seen.contains(Self.brevia))
        #expect(rebuild.keyedActors.isSuperset(of: ["brevia", "aldoria", "farland", "estoria"]))
        #expect(rebuild.keyedBriefings.isSuperset(of: ["b1", "b4"]))
        let shownIn: [String] = switch field {
        // A mention link shows the title and kind; the summary only the chips and the card.
        case .title, .kind: Self.pagesShowingBrevia
        // b1's and b4's "Also mentioned" writes its own links, not the chip partial: only "Mentioned alongside" shows it.
        case .summary: ["actors/aldoria/index.html", "actors/farland/index.html"]
        case .language: ["actors/aldoria/index.html", "actors/farland/index.html", "briefings/b1/index.html", "briefings/b4/index.html"]
        }
        for path in shownIn { #expect(rebuild.changedPaths.contains(path), "\(path) should show Brevia's \(field)") }
    }

    /// Corvo's own event, naming Dunmark: Dunmark's page and the timeline show it.
    @Test func anEventTheActorDeclaresUpdatesThePagesOfTheActorsItNames() throws {
        let rebuild = try Self.rebuild {
            try $0.write("content/actors/corvo.md", """
            ---
            title: Corvo
            kind: organization
            events:
              - date: 2024-02-01
                title: Summit at the harbour
                actors: [dunmark]
            ---
            An alliance.

            """)
        }
        #expect(rebuild.seen.contains(DocumentID(.actor, "corvo")))
        #expect(rebuild.keyedActors.isSuperset(of: ["corvo", "dunmark"]))
        #expect(rebuild.changedPaths.isSuperset(of: ["actors/dunmark/index.html", "timeline/index.html"]))
    }

    // MARK: Relations: declared by one end, shown at both

    static func aldoria(relation: String) -> String {
        "---\ntitle: Aldoria\nkind: state\nrelations:\n  - type: member-of\n    target: corvo\n\(relation)---\nA state.\n"
    }

    /// Aldoria declares the relation; Corvo's page shows its note and period. Neither is
    /// in Aldoria's view: Corvo's shape holds the relation as the model does.
    @Test(arguments: ["    note: Since the founding treaty.\n", "    since: 2001\n    until: 2020\n"])
    func aRelationsDetailDeclaredAtOneEndUpdatesThePageAtTheOther(_ detail: String) throws {
        let rebuild = try Self.rebuild { try $0.write("content/actors/aldoria.md", Self.aldoria(relation: detail)) }
        #expect(rebuild.seen.isEmpty)
        #expect(rebuild.keyedActors.isSuperset(of: ["aldoria", "corvo"]))
        #expect(rebuild.changedPaths.isSuperset(of: ["actors/aldoria/index.html", "actors/corvo/index.html"]))
    }

    /// The graph page draws each relation by its type: a new type reaches it, though no
    /// actor's view changed.
    @Test func aRelationsTypeUpdatesTheGraphPage() throws {
        let rebuild = try Self.rebuild {
            try $0.write("content/actors/aldoria.md", "---\ntitle: Aldoria\nkind: state\nrelations:\n  - type: part-of\n    target: corvo\n---\nA state.\n")
        }
        #expect(rebuild.seen.isEmpty)
        #expect(rebuild.changedPaths.isSuperset(of: ["graph/index.html", "actors/corvo/index.html", "data/graph.graphml"]))
    }

    // MARK: A missing or damaged record is a change

    /// A render manifest cut short or overwritten holds no views: the alias edit keys
    /// every page, and the site still equals a clean build.
    @Test(arguments: ["truncated", "overwritten"])
    func aDamagedRecordOfTheViewsKeysEveryPage(_ damage: String) throws {
        let project = try TestProject(ActorPageRekeyingTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let folder = try #require(BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root)).folder).appendingPathComponent("rendered")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(name)
            var bytes = try Data(contentsOf: url)
            if damage == "truncated" {
                bytes = bytes.prefix(bytes.count / 2)
            } else {
                for offset in stride(from: bytes.count / 3, to: bytes.count, by: 5) { bytes[offset] ^= 0x3C }
            }
            try bytes.write(to: url)
        }
        #expect(BriefingPageRekeyingTests.keying(project) == nil)
        try project.write("content/actors/brevia.md", Self.brevia("aliases: [Brevian Republic]\n"))
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        // Recorded anew: the next alias edit is judged on its view again.
        let keying = try #require(BriefingPageRekeyingTests.keying(project))
        #expect(keying.viewsRead != "" && keying.documents.count == 11)
    }

    /// A record with no view (an older manifest), or one read under another site (binary
    /// or config), is never taken for an unchanged view.
    @Test func aRecordWithoutAViewOrUnderAnotherSiteIsAChange() {
        let id = Self.brevia
        let now = DocumentFingerprints(site: "site", documents: [id: "fingerprint/0123456789abcdef"])
        var withoutView = PageKeying(common: "common", documents: [id: "fingerprint"])
        withoutView.viewsRead = "site"
        #expect(now.viewChanged(id, since: withoutView))
        var otherSite = PageKeying(common: "common", documents: [id: "fingerprint/0123456789abcdef"])
        otherSite.viewsRead = "another site"
        #expect(now.viewChanged(id, since: otherSite))
        #expect(now.viewChanged(id, since: nil))
        var same = otherSite
        same.viewsRead = "site"
        #expect(!now.viewChanged(id, since: same))
    }
}
