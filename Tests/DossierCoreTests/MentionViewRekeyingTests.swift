import Foundation
import Testing
@testable import DossierCore

/// A changed document reaches its actors' pages, their mentions files, its passages
/// file and `data/mentions.csv` only through what those read of it (`MentionView`):
/// one test per field of that view, each an edit between two cached builds whose
/// result must equal a clean build byte for byte, and the file that shows the field
/// must change; a body edit outside every passage reaches none of them.
@Suite struct MentionViewRekeyingTests {
    /// b1 names Corvo in front matter, holds an event naming Brevia, and mentions
    /// Aldoria and Brevia in one paragraph under "Talks"; its last paragraph names nobody.
    static let projectText = """
    -- dossier.yml --
    title: Mention view test
    exports: all
    base_url: https://dossier.test/
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
    kind: organization
    ---
    An alliance.
    -- content/briefings/b1.md --
    \(b1())
    -- content/briefings/b2.md --
    ---
    title: Two
    date: 2025-01-02
    ---
    Aldoria voted.
    """

    static func b1(title: String = "One", date: String = "2025-01-01", frontMatter: String = "actors: [corvo]", event: String = "Summit",
                   heading: String = "Talks", passage: String = "Aldoria and Brevia met in the capital.", tail: String = "") -> String {
        """
        ---
        title: \(title)
        date: \(date)
        \(frontMatter)
        events:
          - date: 2024-05-01
            title: \(event)
            actors: [brevia]
        ---
        ## \(heading)

        \(passage)

        A paragraph that names nobody.\(tail)

        """
    }

    /// Each field of b1's view, changed alone, and a file that shows it.
    enum Field: String, CaseIterable, Sendable {
        case title, date, passageWords, sectionHeading, mentionAdded, mentionRemoved, principalActors, event, language

        var text: String {
            switch self {
            case .title: b1(title: "One, retitled")
            case .date: b1(date: "2024-12-31")
            case .passageWords: b1(passage: "Aldoria and Brevia met in the old capital.")
            case .sectionHeading: b1(heading: "Negotiations")
            case .mentionAdded: b1(passage: "Aldoria, Brevia and Corvo met in the capital.")
            case .mentionRemoved: b1(passage: "Aldoria met in the capital.")
            case .principalActors: b1(frontMatter: "actors: [corvo, aldoria]")
            case .event: b1(event: "Summit meeting")
            case .language: b1(frontMatter: "actors: [corvo]\nlanguage: fr")
            }
        }

        /// Files that show the field and must come out changed.
        var shownIn: [String] {
            switch self {
            case .title: ["actors/aldoria/index.html", "data/mentions.csv"]
            case .date: ["actors/aldoria/index.html", "data/mentions.csv"]
            case .passageWords: ["actors/aldoria/index.html", "data/passages/briefing/b1.json", "data/mentions/aldoria.json"]
            case .sectionHeading: ["actors/brevia/index.html", "data/passages/briefing/b1.json"]
            case .mentionAdded: ["actors/corvo/index.html", "data/mentions/corvo.json", "data/mentions.csv"]
            case .mentionRemoved: ["actors/brevia/index.html", "data/mentions/brevia.json", "data/mentions.csv"]
            case .principalActors: ["actors/aldoria/index.html"]
            case .event: ["actors/brevia/index.html"]
            case .language: ["actors/aldoria/index.html"]
            }
        }
    }

    /// Two cached builds around `edit`, compared with a clean build.
    static func rebuild(_ edit: (TestProject) throws -> Void) throws -> (before: PageKeying, after: PageKeying, report: BuildReport) {
        let project = try TestProject(projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let before = try #require(BriefingPageRekeyingTests.keying(project))
        try edit(project)
        let report = project.cachedBuild()
        #expect(report.succeeded)
        let after = try #require(BriefingPageRekeyingTests.keying(project))
        #expect(try project.differenceFromCleanBuild() == nil)
        return (before, after, report)
    }

    /// The view part of a document's record in the render manifest (`DocumentFingerprints.withMentionViews`).
    static func view(_ keying: PageKeying, _ id: DocumentID) -> Substring? {
        keying.documents[id]?.split(separator: "/", maxSplits: 1).dropFirst().first
    }

    static let b1ID = DocumentID(.briefing, "b1")

    @Test(arguments: Field.allCases)
    func aChangedFieldOfTheViewUpdatesWhatShowsIt(_ field: Field) throws {
        let (before, after, report) = try Self.rebuild { try $0.write("content/briefings/b1.md", field.text) }
        #expect(after.changedDocuments(since: before) == [Self.b1ID])
        #expect(Self.view(before, Self.b1ID) != nil && Self.view(before, Self.b1ID) != Self.view(after, Self.b1ID))
        let changed = Set(report.changedPaths)
        for path in field.shownIn { #expect(changed.contains(path), "\(path) should show the edit of \(field)") }
    }

    /// The appended paragraph names no actor: b1's page changes, nothing made from
    /// many documents is keyed again, and each is taken from the previous output.
    @Test func aBodyEditOutsideEveryPassageReachesNoActorNorDataFile() throws {
        let (before, after, report) = try Self.rebuild {
            try $0.write("content/briefings/b1.md", Self.b1(tail: "\n\nAnother paragraph that names nobody either."))
        }
        let changedDocuments = try #require(after.changedDocuments(since: before))
        #expect(changedDocuments == [Self.b1ID])
        #expect(Self.view(after, Self.b1ID) != nil && Self.view(before, Self.b1ID) == Self.view(after, Self.b1ID))
        #expect(Set(report.changedPaths).contains("briefings/b1/index.html"))
        #expect(report.changedPaths.allSatisfy { !$0.hasPrefix("actors/") && !$0.hasPrefix("data/") })

        let model = try #require(report.model)
        let contexts = PageContexts(model: model, urls: SiteURLs(style: model.config.urlStyle))
        let shapes = model.actors.map { ActorPageRekeying.shape(of: $0, contexts: contexts) }
        let keyed = ActorPageRekeying.actorsReached(by: changedDocuments, seen: [], shapes: shapes, previous: before.actors, contexts: contexts)
        #expect(keyed.isEmpty)
        let reusedPages = Set(report.reusedRenders), reusedData = Set(report.reusedDataFiles)
        #expect(reusedPages.isSuperset(of: ["actors/aldoria/index.html", "actors/brevia/index.html", "actors/corvo/index.html"]))
        #expect(reusedData.isSuperset(of: ["data/mentions/aldoria.json", "data/mentions/brevia.json", "data/mentions/corvo.json",
                                           "data/passages/briefing/b1.json", "data/mentions.csv"]))
    }

    /// A renamed briefing is a document removed and one added: every actor is keyed.
    @Test func aRenamedBriefingUpdatesItsActors() throws {
        let (_, _, report) = try Self.rebuild { project in
            try FileManager.default.moveItem(at: project.root.appendingPathComponent("content/briefings/b1.md"),
                                             to: project.root.appendingPathComponent("content/briefings/b9.md"))
        }
        let changed = Set(report.changedPaths)
        #expect(changed.isSuperset(of: ["actors/aldoria/index.html", "data/mentions/aldoria.json", "data/passages/briefing/b9.json", "data/mentions.csv"]))
    }

    /// A briefing turned into a free page changes its kind: its mentions move to "Pages".
    @Test func aBriefingMovedToAPageUpdatesItsActors() throws {
        let (_, _, report) = try Self.rebuild { project in
            try project.write("content/pages/two.md", "---\ntitle: Two\n---\nAldoria voted.\n")
            try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/briefings/b2.md"))
        }
        #expect(Set(report.changedPaths).isSuperset(of: ["actors/aldoria/index.html", "data/mentions/aldoria.json"]))
    }

    /// A manifest whose record of the views is cut short or overwritten is read as
    /// none: every view is read again and every actor keyed, never a view taken on trust.
    @Test(arguments: ["truncated", "overwritten"])
    func aDamagedRecordOfTheViewsIsReadAgain(_ damage: String) throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let folder = try #require(BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root)).folder).appendingPathComponent("rendered")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(name)
            var bytes = try Data(contentsOf: url)
            if damage == "truncated" {
                bytes = bytes.prefix(bytes.count - 24)
            } else {
                // The views are near the end, with the documents' fingerprints.
                for offset in stride(from: bytes.count * 3 / 4, to: bytes.count, by: 5) { bytes[offset] ^= 0x5A }
            }
            try bytes.write(to: url)
        }
        #expect(BriefingPageRekeyingTests.keying(project) == nil)
        try project.write("content/briefings/b1.md", Field.passageWords.text)
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        #expect(Set(report.changedPaths).isSuperset(of: ["data/passages/briefing/b1.json", "actors/aldoria/index.html"]))
        let keying = try #require(BriefingPageRekeyingTests.keying(project))
        #expect(Self.view(keying, Self.b1ID) != nil)
    }

    /// Views recorded under another site (here another config) are not taken: the
    /// edit that follows compares with views read under this one.
    @Test func viewsRecordedUnderAnotherConfigAreReadAgain() throws {
        let (before, after, _) = try Self.rebuild { project in
            try project.write("dossier.yml", "title: Mention view test, renamed\nbase_url: https://dossier.test/\nexports: all\n")
        }
        #expect(before.viewsRead != after.viewsRead)
        #expect(after.documents.values.allSatisfy { $0.contains("/") })
    }

    /// The view is read from the model: equal models give equal views, and a document
    /// whose passage changed gets another.
    @Test func theViewFollowsThePassagesNotTheRestOfTheBody() throws {
        func views(_ text: String) throws -> String {
            let project = try TestProject(Self.projectText)
            defer { project.remove() }
            try project.write("content/briefings/b1.md", text)
            let model = try #require(project.build().model)
            let contexts = PageContexts(model: model, urls: SiteURLs(style: model.config.urlStyle))
            return try #require(MentionView.digests(of: [Self.b1ID], contexts: contexts)[Self.b1ID])
        }
        let original = try views(Self.b1())
        #expect(try views(Self.b1(tail: " More words.")) == original)
        #expect(try views(Field.passageWords.text) != original)
        #expect(try views(Field.sectionHeading.text) != original)
    }
}
