import Foundation
import Testing
@testable import DossierCore

/// Builds a project and reads Iran's page: "Mentioned in" and "Mentioned alongside".
@Suite struct ActorPageMentionsSiteTests {
    static let files = """
    -- dossier.yml --
    title: Desk
    base_url: https://example.org/
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    ---
    Iran borders Qatar across the Gulf.
    -- content/actors/qatar.md --
    ---
    title: Qatar
    kind: state
    ---
    Qatar shares a gas field with Iran.
    -- content/actors/russia.md --
    ---
    title: Russia
    kind: state
    slug: a-russia
    ---
    Russia signed a treaty with Iran.
    -- content/actors/sputnik.md --
    ---
    title: Sputnik
    kind: organization
    ---
    -- content/actors/oman.md --
    ---
    title: Oman
    kind: state
    ---
    -- content/briefings/older.md --
    ---
    title: The older briefing
    date: 2024-01-10
    ---
    Iran waits.

    ## Gulf ties

    Oman talks to Qatar.

    | Question | Before | After |
    |---|---|---|
    | Starting point | Adversary of Iran | Close partner |
    | Main risk | Being drawn into a clash | Exposure |
    -- content/briefings/newer.md --
    ---
    title: The newer briefing
    date: 2025-03-01
    ---
    ## Background

    Iran and Qatar talk.[^1]

    Iran one, and Iran again.

    Iran two.

    Iran three.

    Iran four.

    [^1]: Sputnik, 4 July 2023, on Iran's membership.
    -- content/pages/about.md --
    ---
    title: About
    ---
    This desk follows Iran.
    """

    static let site: (project: TestProject, report: BuildReport)? = {
        guard let project = try? TestProject(files) else { return nil }
        return (project, project.build())
    }()

    func iranPage() throws -> String {
        let site = try #require(Self.site)
        #expect(!site.report.diagnostics.contains { $0.severity == .error }, "\(site.report.diagnostics)")
        return try site.project.read("actors/iran/index.html")
    }

    func section(_ html: String, from start: String, to end: String) throws -> String {
        let lower = try #require(html.range(of: start))
        let upper = try #require(html.range(of: end, range: lower.upperBound..<html.endIndex))
        return String(html[lower.lowerBound..<upper.lowerBound])
    }

    @Test func mentionedInGroupsBriefingsProfilesAndPagesApartInTheirOrder() throws {
        let mentions = try section(try iranPage(), from: "id=\"mentions-heading\"", to: "</section>\n</div>")
        let headings = ["Briefings", "Actor profiles", "Pages"].map { mentions.range(of: "<h3 class=\"label\">\($0)</h3>")?.lowerBound }
        #expect(headings.allSatisfy { $0 != nil })
        #expect(headings.compactMap { $0 } == headings.compactMap { $0 }.sorted())
        // Briefings newest first; profiles by title, not by slug ("a-russia" would come first).
        let titles = ["The newer briefing", "The older briefing", "Qatar", "Russia", "About"]
        let positions = titles.map { mentions.range(of: ">\($0)</a>")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(titles) missing from \(mentions)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func passagesMarkTheNameAndShowTheirSection() throws {
        let html = try iranPage()
        #expect(html.contains("<span class=\"snippet__section\">Background</span> <mark>Iran</mark> and Qatar talk.</a>"))
        // In the page's language, a passage takes the page's direction: no `dir="auto"`.
        #expect(html.contains("#p-this-desk-follows-iran\">This desk follows <mark>Iran</mark>.</a>"))
    }

    @Test func threePassagesAreShownAndTheRestFoldIntoDetails() throws {
        let html = try iranPage()
        let newer = try section(html, from: ">The newer briefing</a></h4>", to: "</section>")
        let folded = try section(newer, from: "<details class=\"mentions-more\">", to: "</details>")
        #expect(newer.components(separatedBy: "class=\"snippet\"").count - 1 == 5)
        #expect(folded.components(separatedBy: "class=\"snippet\"").count - 1 == 2)
        #expect(folded.contains("<summary>2 more passages</summary>"))
        let older = try section(html, from: ">The older briefing</a></h4>", to: "</section>")
        #expect(!older.contains("<details"))
    }

    @Test func aCitationInAFootnoteIsNotAPassage() throws {
        let html = try iranPage()
        #expect(!html.contains("<mark>Iran</mark>&#39;s membership"))
        let sputnik = try #require(Self.site).project
        #expect(!(try sputnik.read("briefings/newer/index.html")).contains("actors/sputnik/"), "a publisher in a note is not linked")
    }

    @Test func aMentionInATableQuotesItsRow() throws {
        let html = try iranPage()
        #expect(html.contains("Starting point Adversary of <mark>Iran</mark> Close partner</a>"))
        #expect(!html.contains("Question Before After"))
    }

    @Test func mentionedAlongsideCountsSharedPassagesWithSingularLabelsAndNoZeros() throws {
        let html = try iranPage()
        let alongside = try section(html, from: "id=\"co-heading\"", to: "</ol>")
        // Qatar: the newer briefing's first paragraph and Qatar's own profile.
        #expect(alongside.contains(">Qatar</a> <span class=\"count\" title=\"2 shared passages in 2 documents\">2</span>"))
        // Russia shares one passage: its profile.
        #expect(alongside.contains(">Russia</a> <span class=\"count\" title=\"1 shared passage in 1 document\">1</span>"))
        // Oman is in the older briefing but never in a passage with Iran.
        #expect(!alongside.contains(">Oman</a>"))
        #expect(!alongside.contains(">0</span>"))
    }
}

extension ActorPageMentionsSiteTests {
    @Test func aDocumentsCountSaysHowManyPassagesItsMentionsAreIn() throws {
        let html = try iranPage()
        // "Iran one, and Iran again." is two mentions in one passage, shown once with both marked.
        #expect(html.contains("<mark>Iran</mark> one, and <mark>Iran</mark> again.</a>"))
        #expect(html.contains(">The newer briefing</a></h4>\n<span class=\"count\" title=\"6 mentions in 5 passages\"><span aria-hidden=\"true\">6</span>"))
        // The older briefing: "Iran waits." and the table row.
        #expect(html.contains(">The older briefing</a></h4>\n<span class=\"count\" title=\"2 mentions\"><span aria-hidden=\"true\">2</span>"))
    }
}
