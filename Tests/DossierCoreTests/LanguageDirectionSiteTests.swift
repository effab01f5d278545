import Foundation
import Testing
@testable import DossierCore

/// A site in English with a Persian briefing, an Arabic actor and a Hebrew page,
/// built for real: every page says its language and direction, and text quoted
/// from a document in another language is marked and isolated wherever it appears.
@Suite struct LanguageDirectionSiteTests {
    static let mixedProject = """
    -- dossier.yml --
    title: Desk
    language: en
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    aliases: [ایران]
    summary: A West Asian state.
    ---
    Iran borders Iraq.
    -- content/actors/hamas.md --
    ---
    title: حماس
    kind: group
    language: ar
    summary: حركة فلسطينية.
    ---
    حركة فلسطينية.
    -- content/briefings/fa.md --
    ---
    title: "ایران و روسیه: پیمان ۲۰ ساله"
    date: 2025-01-17
    language: fa
    summary: ایران و روسیه پیمانی بیست‌ساله امضا کردند.
    actors: [iran]
    tags: [treaties]
    events:
      - date: 2025-01-17
        title: امضای پیمان در مسکو
        actors: [iran]
    ---
    ایران با روسیه پیمان بست. حماس هم در این گزارش آمده است.
    -- content/briefings/en.md --
    ---
    title: Iran and Hamas
    date: 2025-02-01
    summary: An English briefing.
    actors: [iran, hamas]
    tags: [treaties]
    ---
    Iran and [Hamas](@hamas) are both mentioned.
    -- content/pages/about.md --
    ---
    title: אודות
    language: he
    ---
    דף אודות.
    """

    static let mixed = BuiltSite(mixedProject)

    static func htmlTag(_ page: String) -> String? {
        guard let start = page.range(of: "<html "), let end = page[start.upperBound...].firstIndex(of: ">") else { return nil }
        return String(page[start.lowerBound...end])
    }

    @Test(arguments: [
        ("index.html", "<html lang=\"en\" dir=\"ltr\">"),
        ("briefings/index.html", "<html lang=\"en\" dir=\"ltr\">"),
        ("briefings/fa/index.html", "<html lang=\"fa\" dir=\"rtl\">"),
        ("briefings/en/index.html", "<html lang=\"en\" dir=\"ltr\">"),
        ("actors/index.html", "<html lang=\"en\" dir=\"ltr\">"),
        ("actors/hamas/index.html", "<html lang=\"ar\" dir=\"rtl\">"),
        ("actors/iran/index.html", "<html lang=\"en\" dir=\"ltr\">"),
        ("about/index.html", "<html lang=\"he\" dir=\"rtl\">"),
        ("tags/index.html", "<html lang=\"en\" dir=\"ltr\">"),
        ("tags/treaties/index.html", "<html lang=\"en\" dir=\"ltr\">"),
        ("timeline/index.html", "<html lang=\"en\" dir=\"ltr\">"),
        ("graph/index.html", "<html lang=\"en\" dir=\"ltr\">"),
        ("sources/index.html", "<html lang=\"en\" dir=\"ltr\">"),
        ("search/index.html", "<html lang=\"en\" dir=\"ltr\">"),
        ("404.html", "<html lang=\"en\" dir=\"ltr\">"),
    ])
    func everyPageKindSaysItsLanguageAndDirection(path: String, expected: String) throws {
        let project = Self.mixed
        #expect(Self.htmlTag(try project.read(path)) == expected)
    }

    @Test func theProjectsBuildWithoutAWarning() {
        #expect(Self.mixed.diagnostics == [])
        #expect(Self.persianSite.diagnostics == [])
        #expect(Self.persianLists.diagnostics == [])
    }

    static let persianSite = BuiltSite("""
        -- dossier.yml --
        title: میز
        language: fa
        -- content/actors/iran.md --
        ---
        title: ایران
        kind: state
        ---
        ایران.
        -- content/briefings/b.md --
        ---
        title: گزارش
        date: 2025-01-17
        actors: [iran]
        tags: [treaties]
        ---
        ایران پیمان بست.
        -- content/pages/about.md --
        ---
        title: درباره
        ---
        ایران.
        """)

    @Test func aRightToLeftSiteIsRightToLeftOnEveryPageKind() throws {
        let project = Self.persianSite
        for path in ["index.html", "briefings/index.html", "briefings/b/index.html", "actors/index.html", "actors/iran/index.html",
                     "about/index.html", "tags/index.html", "tags/treaties/index.html", "timeline/index.html", "graph/index.html",
                     "sources/index.html", "search/index.html", "404.html"] {
            let page = try project.read(path)
            #expect(Self.htmlTag(page) == "<html lang=\"fa\" dir=\"rtl\">", "\(path)")
            // The site's chrome is in the page's language here, so it carries no language of its own.
            #expect(page.contains("<header class=\"site-header\">"), "\(path)")
        }
    }

    @Test func thePageInAnotherLanguageKeepsTheSiteChromeInTheSitesLanguage() throws {
        let project = Self.mixed
        let persian = try project.read("briefings/fa/index.html")
        #expect(persian.contains("<header class=\"site-header\" lang=\"en\" dir=\"ltr\">"))
        #expect(persian.contains("<footer class=\"site-footer\" lang=\"en\" dir=\"ltr\">"))
        #expect(persian.contains("<a class=\"skip-link\" href=\"#main\" lang=\"en\" dir=\"ltr\">"))
        let english = try project.read("briefings/en/index.html")
        #expect(english.contains("<header class=\"site-header\">"))
    }

    @Test func aPersianTitleInAnEnglishListIsMarkedAndIsolated() throws {
        let project = Self.mixed
        for path in ["briefings/index.html", "index.html", "tags/treaties/index.html"] {
            let list = try project.read(path)
            #expect(list.contains("<h3 class=\"card__title\" lang=\"fa\" dir=\"rtl\"><a href=\""), "\(path)")
            #expect(list.contains("<p class=\"card__summary\" lang=\"fa\" dir=\"rtl\">ایران و روسیه پیمانی بیست‌ساله امضا کردند.</p>"), "\(path)")
            // The English briefing beside it is isolated too, with its direction left to the browser.
            #expect(list.contains("<h3 class=\"card__title\" dir=\"auto\"><a href=\""), "\(path)")
        }
        let actors = try project.read("actors/index.html")
        #expect(actors.contains("href=\"../actors/hamas/index.html\" lang=\"ar\" dir=\"rtl\">حماس</a>"))
        #expect(actors.contains("<span class=\"actor-list__summary\" lang=\"ar\" dir=\"rtl\">حركة فلسطينية.</span>"))
        let timeline = try project.read("timeline/index.html")
        #expect(timeline.contains("<h3 class=\"event__title\" lang=\"fa\" dir=\"rtl\">امضای پیمان در مسکو</h3>"))
        let home = try project.read("index.html")
        #expect(home.contains("lang=\"fa\" dir=\"rtl\">امضای پیمان در مسکو</a></li>"))
    }

    @Test func englishNamesOnAPersianPageAreMarkedAsEnglish() throws {
        let project = Self.mixed
        let persian = try project.read("briefings/fa/index.html")
        // Principal actor chip: the title is isolated, the theme's kind label stays outside.
        #expect(persian.contains("<span class=\"chip__kind\">state</span> <bdi lang=\"en\" dir=\"ltr\">Iran</bdi></a>"))
        // The Arabic actor named in the Persian text is in neither the page's nor the site's language.
        #expect(persian.contains("lang=\"ar\" dir=\"rtl\">حماس</a>"))
        let english = try project.read("briefings/en/index.html")
        #expect(english.contains("<bdi lang=\"ar\" dir=\"rtl\">حماس</bdi></a>"))
    }

    @Test func snippetsAndMentionGroupsCarryTheirDocumentsLanguage() throws {
        let project = Self.mixed
        let iran = try project.read("actors/iran/index.html")
        #expect(iran.contains("<h4><a href=\"../../briefings/fa/index.html\" lang=\"fa\" dir=\"rtl\">ایران و روسیه: پیمان ۲۰ ساله</a>"))
        #expect(iran.contains("<a class=\"snippet\" href=\"../../briefings/fa/index.html#"))
        #expect(iran.contains("lang=\"fa\" dir=\"rtl\"><mark>ایران</mark> با روسیه پیمان بست."))
        // A snippet in the page's own language says nothing: it takes the page's direction.
        let snippetAttributes = Set(iran.matches(of: #/<a class="snippet" href="[^"]*"([^>]*)>/#).map { String($0.output.1) })
        #expect(snippetAttributes == ["", " lang=\"fa\" dir=\"rtl\""])
        #expect(iran.contains("<dt>Also known as</dt><dd><ul class=\"infobox__list\"><li><bdi>ایران</bdi></li></ul></dd>"))
    }

    @Test func theFooterMarksAPageTitleInAnotherLanguage() throws {
        let project = Self.mixed
        let home = try project.read("index.html")
        #expect(home.contains("<a href=\"about/index.html\" lang=\"he\" dir=\"rtl\">אודות</a>"))
    }

    @Test func datesAndNumbersFollowThePagesLanguage() throws {
        let project = Self.mixed
        let persian = try project.read("briefings/fa/index.html")
        #expect(persian.contains("<time datetime=\"2025-01-17\">۱۷ ژانویهٔ ۲۰۲۵</time>"))
        #expect(persian.contains("۱ min read"))
        let index = try project.read("briefings/index.html")
        // The list is English: the Persian briefing's date is shown as the list shows dates.
        #expect(index.contains("<time datetime=\"2025-01-17\">17 January 2025</time>"))
        let arabic = try project.read("actors/hamas/index.html")
        #expect(arabic.contains("<time datetime=\"2025-02-01\">1 فبراير، 2025</time>"))
    }

    static let persianLists = BuiltSite("""
        -- dossier.yml --
        title: میز
        language: fa
        -- content/actors/iran.md --
        ---
        title: ایران
        kind: state
        ---
        ایران.
        -- content/briefings/b.md --
        ---
        title: گزارش
        date: 2025-06
        actors: [iran]
        events:
          - date: 2025-06-22
            title: حمله
            actors: [iran]
        ---
        ایران پیمان بست. ایران.
        """)

    @Test func aPersianSiteNumbersItsListsInPersianDigits() throws {
        let project = Self.persianLists
        let briefings = try project.read("briefings/index.html")
        #expect(briefings.contains("<h2 id=\"year-2025\">۲۰۲۵</h2>"))
        #expect(briefings.contains("<p class=\"lead\">۱ briefings, newest first.</p>"))
        #expect(briefings.contains("<time datetime=\"2025-06\">ژوئن ۲۰۲۵</time>"))
        let timeline = try project.read("timeline/index.html")
        #expect(timeline.contains("<h2 id=\"year-2025\">۲۰۲۵</h2>"))
        // The picture's axis speaks the page's language too.
        #expect(timeline.contains(">۲۰۲۵</text>"))
        #expect(timeline.contains("<title>۲۲ ژوئن ۲۰۲۵: حمله</title>"))
    }

    @Test func picturesKeepTheirGeometryAndLetLabelsTakeTheirOwnDirection() throws {
        let project = Self.mixed
        let timeline = try project.read("timeline/index.html")
        #expect(timeline.contains("class=\"dossier-timeline\" id=\"timeline-timeline-of-events-"))
        #expect(timeline.contains("direction=\"ltr\" viewBox="))
        #expect(timeline.contains(">امضای پیمان در مسکو</text>"))
        #expect(timeline.contains("direction=\"rtl\""))
        let hamas = try project.read("actors/hamas/index.html")
        #expect(hamas.contains("class=\"dossier-graph\""))
        #expect(hamas.contains("<g class=\"nodes\" font-size=\"13\" text-anchor=\"middle\">"))
        #expect(hamas.contains(#/<text class="node-label" x="[0-9.]+" y="[0-9.]+" direction="rtl"( text-anchor="(start|end)")?[ >]/#))
    }

    @Test func feedsMarkEntriesInAnotherLanguage() throws {
        let project = Self.mixed
        let atom = try project.read("feed.xml")
        #expect(atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"))
        #expect(atom.contains("  <entry xml:lang=\"fa\">\n    <title>ایران و روسیه: پیمان ۲۰ ساله</title>"))
        #expect(atom.components(separatedBy: "<entry>").count == 2, "the English entry carries no language of its own")
        let json = try project.read("feed.json")
        #expect(json.contains("\"language\" : \"fa\""))
    }

    @Test func invalidLanguageTagsAreErrorsAtTheirValue() throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: Desk
        language: english
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        language: fa_IR
        ---
        Iran.
        -- content/briefings/b.md --
        ---
        title: B
        date: 2025-01-01
        language: per
        ---
        Iran.
        -- content/pages/about.md --
        ---
        title: About
        language: [fa]
        ---
        About.
        """)
        defer { project.remove() }
        let report = project.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.lines == [
            "content/actors/iran.md:4:11: error: invalid language tag 'fa_IR': subtags are separated by '-', not '_': write 'fa-IR'",
            "content/briefings/b.md:4:11: error: invalid language tag 'per': BCP 47 uses the two-letter code where there is one: write 'fa' for 'per'",
            "content/pages/about.md:3:11: error: expected a string for 'language', found a list",
            "dossier.yml:2:11: error: 'english' is a language name, not a tag: write 'en'",
        ])
        #expect(!FileManager.default.fileExists(atPath: project.output.path), "a failing build writes nothing")
    }

    @Test func doubtfulTagsAreWarningsThatStrictTurnsIntoErrors() throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: Desk
        -- content/briefings/b.md --
        ---
        title: B
        date: 2025-01-01
        language: iw
        ---
        Text.
        """)
        defer { project.remove() }
        let warning = "content/briefings/b.md:4:11: warning: language code 'iw' is deprecated: write 'he'"
        #expect(project.build(strict: true).diagnostics.lines == [warning])
        #expect(!FileManager.default.fileExists(atPath: project.output.path), "a strict build with a warning writes nothing")
        #expect(project.build().diagnostics.lines == [warning])
        #expect(try Self.htmlTag(project.read("briefings/b/index.html")) == "<html lang=\"iw\" dir=\"rtl\">")
    }
}
