import Foundation
import Testing
@testable import DossierCore

/// Issue 10's rendering work: a "Mentioned in" group's heading (the document's title
/// link, its mention count, its date) is drawn by three theme partials, rendered once
/// per document, page depth and language (or count) and inserted into every group;
/// an override of each shows in every group, and its errors are reported as any
/// template's.
@Suite struct MentionGroupHeadingTests {
    static let project = """
    -- dossier.yml --
    title: Desk
    paginate_by: 1
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    ---
    Iran borders Iraq.
    -- content/actors/iraq.md --
    ---
    title: Iraq
    kind: state
    ---
    -- content/pages/about.md --
    ---
    title: About
    ---
    The desk follows Iran.
    -- content/briefings/talks.md --
    ---
    title: Talks
    date: 2025-01-10
    ---
    Iran met Iraq.

    Iran and Iraq met again. Then Iran left.
    -- content/briefings/more.md --
    ---
    title: More talks
    date: 2025-02-11
    ---
    Iraq met Iran.
    """

    static let overrides = """
    -- templates/partials/mention-group-title.mustache --
    <h4 class="my-title">{{title}}@{{url}}/{{kind}}/{{page_title}}</h4>
    -- templates/partials/mention-group-date.mustache --
    {{#date}}<p class="my-date">{{machine}}</p>{{/date}}{{^date}}<p class="my-date">undated</p>{{/date}}
    -- templates/partials/mention-group-count.mustache --
    <span class="my-count">{{count}}: {{count_label}}</span>
    """

    @Test func theBuiltInHeadingReadsAsItDidInline() throws {
        let site = BuiltSite(Self.project)
        #expect(site.diagnostics == [])
        let iran = try site.read("actors/iran/index.html")
        #expect(iran.contains("""
            <section class="mention-group">
            <div class="mention-group__header">
            <h4><a href="../../briefings/more/index.html" dir="auto">More talks</a></h4>
            <span class="count" title="1 mention"><span aria-hidden="true">1</span><span class="visually-hidden">1 mention</span></span>
            </div>
            <p class="meta"><time datetime="2025-02-11">
            """))
        let later = try site.read("actors/iran/mentions/2/index.html")
        #expect(later.contains("""
            <h4><a href="../../../../briefings/talks/index.html" dir="auto">Talks</a></h4>
            <span class="count" title="3 mentions in 2 passages"><span aria-hidden="true">3</span><span class="visually-hidden">3 mentions in 2 passages</span></span>
            </div>
            <p class="meta"><time datetime="2025-01-10">
            """))
        // A document without a date leaves an empty line, as the inline section did.
        let pages = try site.read("actors/iran/mentions/3/index.html")
        #expect(pages.contains("<h4><a href=\"../../../../about/index.html\" dir=\"auto\">About</a></h4>"))
        #expect(pages.contains("</span>\n</div>\n\n<ul class=\"mentions\">"))
    }

    @Test func overriddenHeadingPartialsShowInEveryGroup() throws {
        let site = BuiltSite(Self.project + "\n" + Self.overrides)
        #expect(site.diagnostics == [])
        let iran = try site.read("actors/iran/index.html")
        // Each partial sees its own values only: the page's title renders empty.
        #expect(iran.contains("""
            <div class="mention-group__header">
            <h4 class="my-title">More talks@../../briefings/more/index.html/briefing/</h4>
            <span class="my-count">1: 1 mention</span>
            </div>
            <p class="my-date">2025-02-11</p>
            <ul class="mentions">
            """))
        let talks = try site.read("actors/iran/mentions/2/index.html")
        #expect(talks.contains("<h4 class=\"my-title\">Talks@../../../../briefings/talks/index.html/briefing/</h4>\n"
            + "<span class=\"my-count\">3: 3 mentions in 2 passages</span>\n</div>\n<p class=\"my-date\">2025-01-10</p>\n"))
        let iranProfile = try site.read("actors/iraq/mentions/3/index.html")
        #expect(iranProfile.contains("<h4 class=\"my-title\">Iran@../../../../actors/iran/index.html/actor profile/</h4>\n"))
        #expect(iranProfile.contains("<p class=\"my-date\">undated</p>\n<ul class=\"mentions\">"))
        #expect(try site.read("actors/iran/mentions/3/index.html").contains("<h4 class=\"my-title\">About@../../../../about/index.html/page/</h4>\n"))
        let iraq = try site.read("actors/iraq/index.html")
        #expect(iraq.contains("<h4 class=\"my-title\">More talks@../../briefings/more/index.html/briefing/</h4>\n"))
        // The built-in heading markup is gone from every page of mentions.
        for path in ["actors/iran/index.html", "actors/iran/mentions/2/index.html", "actors/iran/mentions/3/index.html",
                     "actors/iraq/index.html", "actors/iraq/mentions/2/index.html", "actors/iraq/mentions/3/index.html"] {
            let html = try site.read(path)
            #expect(html.contains("class=\"my-title\"") && html.contains("class=\"my-count\"") && html.contains("class=\"my-date\""), "\(path)")
            #expect(!html.contains("<h4><a href=") && !html.contains("<span aria-hidden=\"true\">"), "\(path)")
        }
    }

    @Test func anErrorInAHeadingPartialIsOneDiagnosticAtItsLineAndLeavesTheOutputAlone() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let before = try snapshot(project.output)
        try project.write("templates/partials/mention-group-date.mustache", "<p>\n{{#date}}{{machine}}</p>\n")
        #expect(project.build().diagnostics.lines == [
            "templates/partials/mention-group-date.mustache:3:1: error: template parse error: a section is never closed in line: ",
        ])
        try project.write("templates/partials/mention-group-date.mustache", "{{#date}}{{machine}}{{/date}}\n")
        try project.write("templates/partials/mention-group-count.mustache", "<span>{{count}</span>\n")
        let report = project.build()
        #expect(report.diagnostics.lines.count == 1)
        #expect(report.diagnostics.lines.first?.hasPrefix("templates/partials/mention-group-count.mustache:1:") == true)
        #expect(try snapshot(project.output) == before)
    }

    @Test func eachHeadingIsRenderedOncePerDocumentDepthAndLanguage() throws {
        let theme = try #require(Theme.load(projectRoot: URL(fileURLWithPath: "/nonexistent-project")).0)
        let headings = MentionGroupHeadings(library: theme.library, keepsValues: false)
        var made = 0
        func heading(_ prefix: String) -> String? {
            let key = DocumentLinkKey(id: DocumentID(.briefing, "talks"), rootPrefix: prefix, language: .english)
            let heading = headings.document(key) {
                made += 1
                return ["title": "Talks", "url": prefix + "briefings/talks/", "lang_dir_html": " dir=\"auto\"", "kind": "briefing", "date": false]
            }
            #expect(heading.url == prefix + "briefings/talks/")
            #expect(heading.langDirHTML == " dir=\"auto\"")
            // The built-in sections read only the strings: the values are not kept.
            #expect(heading.values == nil)
            return heading.titleHTML
        }
        #expect(heading("../../") == "<h4><a href=\"../../briefings/talks/\" dir=\"auto\">Talks</a></h4>\n")
        #expect(heading("../../") == "<h4><a href=\"../../briefings/talks/\" dir=\"auto\">Talks</a></h4>\n")
        #expect(heading("../../../../") == "<h4><a href=\"../../../../briefings/talks/\" dir=\"auto\">Talks</a></h4>\n")
        #expect(made == 2)
    }

    @Test func aPagesHeadingsAreFoundByDocumentOnceItsDepthAndLanguageAreLookedUp() throws {
        let headings = MentionGroupHeadings(library: nil, keepsValues: false)
        let farsi = try #require(LanguageTag.parse("fa").tag)
        var made = 0
        func link(_ langDir: String) -> PageContexts.Context {
            made += 1
            return ["title": "Talks", "url": "../../briefings/talks/", "lang_dir_html": langDir, "kind": "briefing", "date": false]
        }
        let talks = DocumentID(.briefing, "talks")
        let english = headings.documents(rootPrefix: "../../", language: .english).document(talks) { link(PageContexts.sameLanguageDirHTML) }
        // The same memo as the whole key's.
        let again = headings.document(DocumentLinkKey(id: talks, rootPrefix: "../../", language: .english)) { link("unused") }
        #expect(again.langDirHTML == english.langDirHTML && made == 1)
        let onFarsiPage = headings.documents(rootPrefix: "../../", language: farsi).document(talks) { link(" lang=\"en\" dir=\"ltr\"") }
        #expect(made == 2)
        // A document in the page's own language says nothing; in another, its language and direction.
        #expect(english.otherLanguageDirHTML == "")
        #expect(onFarsiPage.otherLanguageDirHTML == " lang=\"en\" dir=\"ltr\"")
    }

    @Test func aHeadingKeepsTheLinksValuesWhenATemplateMayReadThem() throws {
        let theme = try #require(Theme.load(projectRoot: URL(fileURLWithPath: "/nonexistent-project")).0)
        let headings = MentionGroupHeadings(library: theme.library, keepsValues: true)
        let key = DocumentLinkKey(id: DocumentID(.briefing, "talks"), rootPrefix: "../../", language: .english)
        let heading = headings.document(key) {
            ["title": "Talks", "url": "../../briefings/talks/", "lang_dir_html": "", "kind": "briefing", "date": false]
        }
        let values = try #require(heading.values)
        #expect(values["title"] as? String == "Talks")
        #expect(values["kind"] as? String == "briefing")
        #expect(values["title_html"] as? String == heading.titleHTML)
        #expect(values["date_html"] as? String == heading.dateHTML)
    }
}

extension MentionGroupHeadings {
    /// A document's heading by the key pages once used, for the tests written against it.
    func document(_ key: DocumentLinkKey, link: () -> PageContexts.Context) -> Heading {
        documents(rootPrefix: key.rootPrefix, language: key.language).document(key.id, link: link)
    }
}
