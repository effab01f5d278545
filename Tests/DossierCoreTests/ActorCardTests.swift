import Foundation
import Testing
@testable import DossierCore

/// Issue 10's output bytes: an actor's preview card is a file of its own,
/// `actors/SLUG/card.html`, made once per actor through `partials/mention-preview`;
/// pages hold no card, only links marked `data-card` that assets/mentions.js turns
/// into cards on demand (MentionPreviewBrowserTests drives it in a browser).
@Suite struct ActorCardTests {
    static let project = """
    -- dossier.yml --
    title: Desk
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    aliases: [Tehran]
    summary: A West Asian state & SCO member.
    ---
    -- content/actors/russia.md --
    ---
    title: Russia
    kind: state
    ---
    -- content/actors/sco.md --
    ---
    title: SCO
    kind: organization
    summary: A Eurasian security bloc.
    ---
    -- content/actors/qom.md --
    ---
    title: قم
    kind: place
    language: fa
    summary: شهری در ایران.
    ---
    -- content/briefings/talks.md --
    ---
    title: Talks
    date: 2025-01-10
    actors: [iran, russia]
    ---
    Tehran said Russia would answer, and the SCO and قم watched.
    """

    static let site = BuiltSite(project)

    /// Every `href` of a link marked `data-card` in `html`, as the actor slug it points at.
    static func cardSlugs(in html: String) -> [String] {
        html.components(separatedBy: "<a ").dropFirst().compactMap { tag -> String? in
            let opening = tag.prefix { $0 != ">" }
            guard opening.contains(" data-card"), let start = opening.range(of: "actors/") else { return nil }
            return String(opening[start.upperBound...].prefix { $0 != "/" })
        }
    }

    @Test func aBriefingPageNoLongerInlinesCards() throws {
        let page = try Self.site.read("briefings/talks/index.html")
        #expect(Self.site.diagnostics.isEmpty)
        #expect(!page.contains("mention-previews") && !page.contains("mention-preview"))
        #expect(!page.contains("A West Asian state") && !page.contains("A Eurasian security bloc"))
        #expect(!page.contains("title=\"A West"))
    }

    @Test func everyChipAndMentionOnABriefingHasACardFileThatHoldsTheSummary() throws {
        let page = try Self.site.read("briefings/talks/index.html")
        let slugs = Self.cardSlugs(in: page)
        // Mentions in the body, the principal actors' chips and the "Also mentioned" ones.
        #expect(Set(slugs) == ["iran", "russia", "sco", "qom"])
        #expect(slugs.count > 4)
        let summaries = ["iran": "A West Asian state &amp; SCO member.", "sco": "A Eurasian security bloc.", "qom": "شهری در ایران."]
        for slug in Set(slugs) {
            let card = try Self.site.read("actors/\(slug)/card.html")
            #expect(card.contains("class=\"mention-preview mention-preview--"), "card of \(slug)")
            if let summary = summaries[slug] {
                #expect(card.contains("<span class=\"mention-preview__summary\">\(summary)</span>"), "summary of \(slug)")
            } else {
                #expect(!card.contains("mention-preview__summary"), "\(slug) has no summary")
            }
        }
    }

    @Test func aCardReadsAsThePreviewThePageUsedToHold() throws {
        let card = try Self.site.read("actors/iran/card.html")
        #expect(card == """
        <!DOCTYPE html>
        <html lang="en" dir="ltr">
        <head>
        <meta charset="utf-8">
        <meta name="robots" content="noindex">
        <title>Iran</title>
        </head>
        <body>
        <p class="mention-preview mention-preview--state" lang="en" dir="ltr"><span class="mention-preview__name">Iran</span>\
        <span class="visually-hidden">, </span> <span class="mention-preview__kind">State</span><span class="visually-hidden">. </span> \
        <span class="mention-preview__summary">A West Asian state &amp; SCO member.</span></p>
        </body>
        </html>

        """)
        #expect(try Self.site.read("actors/russia/card.html").contains(
            "<span class=\"mention-preview__kind\">State</span></p>\n</body>"))
    }

    /// A card lands on pages in any language, so it names its own: a Persian actor's
    /// card is right-to-left on an English page, and the file says so when opened alone.
    @Test func aCardStatesTheActorsLanguage() throws {
        let card = try Self.site.read("actors/qom/card.html")
        #expect(card.contains("<html lang=\"fa\" dir=\"rtl\">"))
        #expect(card.contains("<p class=\"mention-preview mention-preview--place\" lang=\"fa\" dir=\"rtl\">"))
    }

    @Test func cardsAreNotPagesOfTheSitemap() throws {
        let sitemap = try Self.site.read("sitemap.xml")
        #expect(sitemap.contains("actors/iran/"))
        #expect(!sitemap.contains("card.html"))
    }

    @Test func aProjectsCardPartialDrawsEveryCard() throws {
        let site = BuiltSite(Self.project + """

        -- templates/partials/mention-preview.mustache --
        <div class="my-card my-card--{{kind}}"{{{lang_dir_html}}}><b>{{title}}</b> ({{kind_label}}){{#summary}}: {{summary}}{{/summary}}</div>
        """)
        #expect(site.diagnostics.isEmpty)
        #expect(try site.read("actors/iran/card.html").contains(
            "<body>\n<div class=\"my-card my-card--state\" lang=\"en\" dir=\"ltr\"><b>Iran</b> (State): A West Asian state &amp; SCO member.</div>\n</body>"))
        #expect(try site.read("actors/russia/card.html").contains("<b>Russia</b> (State)</div>"))
        #expect(!(try site.read("actors/sco/card.html")).contains("mention-preview"))
    }

    @Test func aParseErrorInTheCardPartialIsADiagnosticAtItsLine() throws {
        let site = BuiltSite(Self.project + """

        -- templates/partials/mention-preview.mustache --
        <p>
        {{#summary}}{{summary}}
        """)
        #expect(site.diagnostics.contains { $0.contains("templates/partials/mention-preview.mustache:") && $0.contains("error") })
    }

    /// Cached builds keep a card whose actor did not change and remake one that did.
    @Test func aSummaryEditRemakesThatActorsCardOnly() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try project.write("content/actors/sco.md", "---\ntitle: SCO\nkind: organization\nsummary: A bloc founded in 2001.\n---\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(try project.read("actors/sco/card.html").contains("A bloc founded in 2001."))
        #expect(report.reusedRenders.contains("actors/iran/card.html"))
        #expect(!report.reusedRenders.contains("actors/sco/card.html"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}
