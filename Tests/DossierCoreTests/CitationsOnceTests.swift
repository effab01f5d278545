import Foundation
import Testing
@testable import DossierCore

/// Each citation once per page (issue 12): a source the text cites is a numbered
/// note, so the list under the briefing keeps only what no note shows in full, and
/// an event on its own briefing's page points at its note instead of at the page
/// it is on.
@Suite struct CitationsOnceTests {
    static let site = BuiltSite("""
    -- dossier.yml --
    title: Desk
    -- content/briefings/talks.md --
    ---
    title: Talks
    date: 2025-03-01
    sources:
      - id: cited
        title: "The cited report"
        url: https://example.com/cited
      - id: retold
        title: "A retold report"
        publisher: Wire
        url: https://example.com/retold
      - id: uncited
        title: "A background paper"
    events:
      - date: 2025-02-01
        title: Talks open
        source: cited
      - date: 2025-02-02
        title: Talks pause
        source: retold
      - date: 2025-02-03
        title: Talks resume
    ---
    Iran talks.[^cited] Qatar listens.[^retold]

    [^retold]: Wire, 2 February, in the author's own words.
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    ---
    """)

    func footer(_ page: String) throws -> String {
        try #require(page.components(separatedBy: "<footer class=\"briefing__footer\">").dropFirst().first)
    }

    @Test func aSourceShownInFullByItsNoteIsNotListedAgain() throws {
        #expect(Self.site.diagnostics.isEmpty, "\(Self.site.diagnostics)")
        let page = try Self.site.read("briefings/talks/index.html")
        #expect(page.components(separatedBy: "The cited report").count - 1 == 2, "once in the note, once as the event's source")
        #expect(page.contains("<li id=\"fn-cited\">"))
        let footer = try footer(page)
        #expect(footer.contains("<h2 id=\"sources-heading\">Further sources</h2>"))
        #expect(!footer.contains("id=\"source-cited\""))
        // The author's own note leaves the link out, so the source keeps its entry.
        #expect(footer.contains("<li id=\"source-retold\"><a href=\"https://example.com/retold\""))
        #expect(footer.contains("<li id=\"source-uncited\">"))
        #expect(footer.contains("<ul class=\"sources\">"), "the notes are the one numbered list")
    }

    @Test func everySourceInTheNotesLeavesNoSourcesSection() throws {
        let site = BuiltSite("""
        -- dossier.yml --
        title: Desk
        -- content/briefings/one.md --
        ---
        title: One
        date: 2025-03-01
        sources:
          - id: only
            title: "The only report"
        ---
        Said once.[^only]
        """)
        let page = try site.read("briefings/one/index.html")
        #expect(!page.contains("sources-heading"))
        #expect(page.contains("<li id=\"fn-only\">"))
    }

    @Test func anEventOnItsOwnBriefingPointsAtItsSourceNotAtThePage() throws {
        let footer = try footer(try Self.site.read("briefings/talks/index.html"))
        #expect(!footer.contains("href=\"../../briefings/talks/index.html\""), "no link from the page to itself")
        #expect(footer.contains("<p class=\"event__origin\">Source: <a href=\"#fn-cited\" dir=\"auto\">The cited report</a></p>"))
        #expect(footer.contains("<p class=\"event__origin\">Source: <a href=\"#source-retold\" dir=\"auto\">A retold report</a></p>"))
        let resume = try #require(footer.components(separatedBy: "Talks resume</h3>").dropFirst().first?.components(separatedBy: "</article>").first)
        #expect(!resume.contains("event__origin"))
    }

    @Test func elsewhereAnEventStillNamesTheBriefingItComesFrom() throws {
        let timeline = try Self.site.read("timeline/index.html")
        #expect(timeline.contains("<p class=\"event__origin\">Source: <a href=\"../briefings/talks/index.html\" dir=\"auto\">Talks</a></p>"))
    }
}
