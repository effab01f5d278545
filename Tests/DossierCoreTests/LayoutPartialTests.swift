import Foundation
import Testing
@testable import DossierCore

/// Issue 10's rendering work: the header and footer are rendered once per page depth,
/// language and section and inserted into every page, when that gives the bytes
/// rendering them on each page gives; a project's override of either still shows on
/// every page, one that reads a page's own values is rendered per page, and their
/// template errors are reported as before.
@Suite struct LayoutPartialTests {
    static let project = """
    -- dossier.yml --
    title: Desk
    base_url: https://news.example.org/desk/
    paginate_by: 1
    url_style: pretty
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    ---
    -- content/actors/tehran.md --
    ---
    title: Tehran
    kind: place
    language: fa
    ---
    -- content/pages/about.md --
    ---
    title: About
    ---
    About the desk.
    -- content/briefings/talks.md --
    ---
    title: Talks
    date: 2025-01-10
    actors: [iran]
    tags: [diplomacy]
    ---
    Iran met envoys.
    -- content/briefings/more-talks.md --
    ---
    title: More talks
    date: 2025-01-11
    language: fa
    tags: [diplomacy]
    ---
    Iran met envoys again in Tehran.
    """

    static let overrides = """
    -- templates/partials/header.mustache --
    <header class="my-header"{{{site_lang_dir_html}}}><a href="{{home_url}}">{{site_title}}</a>{{#navigation}} <a href="{{url}}">{{#current}}[{{/current}}{{label}}{{#current}}]{{/current}}</a>{{/navigation}}</header>
    -- templates/partials/footer.mustache --
    <footer class="my-footer">{{#pages}}<a href="{{url}}"{{{lang_dir_html}}}>{{title}}</a>{{/pages}}|{{search_url}}</footer>
    """

    static let overridden = BuiltSite(project + "\n" + overrides)

    /// Pages drawn through the layout: an actor's preview card (`actors/SLUG/card.html`)
    /// is a fragment with no header or footer.
    static func htmlPages(_ site: BuiltSite) -> [String] {
        site.paths.filter { $0.hasSuffix(".html") && !$0.hasSuffix("/card.html") }
    }

    @Test func anOverriddenHeaderAndFooterShowOnEveryPageWithThatPagesLinks() throws {
        let site = Self.overridden
        #expect(site.diagnostics == [])
        let pages = Self.htmlPages(site)
        // Every kind of page, later pages of lists and of an actor's mentions included.
        for expected in ["index.html", "404.html", "briefings/page/2/index.html", "actors/iran/index.html", "about/index.html",
                         "tags/diplomacy/page/2/index.html", "search/index.html"] {
            #expect(pages.contains(expected))
        }
        for path in pages {
            let html = try site.read(path)
            #expect(html.contains("<header class=\"my-header\""), "header missing on \(path)")
            #expect(html.contains("<footer class=\"my-footer\">"), "footer missing on \(path)")
            #expect(!html.contains("class=\"site-header\"") && !html.contains("class=\"site-footer\""), "built-in markup on \(path)")
        }
        // Links start from each page's depth; the 404 page's from base_url's path.
        #expect(try site.read("index.html").contains("<header class=\"my-header\"><a href=\"./\">Desk</a> <a href=\"briefings/\">Briefings</a>"))
        #expect(try site.read("briefings/talks/index.html").contains(
            "<header class=\"my-header\"><a href=\"../../\">Desk</a> <a href=\"../../briefings/\">[Briefings]</a>"))
        #expect(try site.read("briefings/page/2/index.html").contains(
            "<a href=\"../../../\">Desk</a> <a href=\"../../../briefings/\">[Briefings]</a>"))
        #expect(try site.read("404.html").contains("<a href=\"/desk/\">Desk</a> <a href=\"/desk/briefings/\">Briefings</a>"))
        #expect(try site.read("404.html").contains("<footer class=\"my-footer\"><a href=\"/desk/about/\" dir=\"auto\">About</a>|/desk/search/</footer>"))
        // The section each page belongs to is the one highlighted.
        #expect(try site.read("actors/iran/index.html").contains("<a href=\"../../actors/\">[Actors]</a>"))
        #expect(try site.read("tags/diplomacy/index.html").contains("<a href=\"../../tags/\">[Tags]</a>"))
        let about = try site.read("about/index.html")
        #expect(about.contains("<a href=\"../briefings/\">Briefings</a> <a href=\"../actors/\">Actors</a>"))
        #expect(!about.contains("]</a>"))
        // A page in another language keeps the site's language on the header, and marks the footer's page titles.
        let persian = try site.read("briefings/more-talks/index.html")
        #expect(persian.contains("<header class=\"my-header\" lang=\"en\" dir=\"ltr\">"))
        #expect(persian.contains("<a href=\"../../about/\" lang=\"en\" dir=\"ltr\">About</a>"))
        #expect(try site.read("briefings/talks/index.html").contains("<a href=\"../../about/\" dir=\"auto\">About</a>"))
    }

    @Test func aHeaderThatReadsThePagesOwnValuesShowsEachPagesValues() throws {
        let site = BuiltSite(Self.project + """

        -- templates/partials/header.mustache --
        <header class="my-header">{{page_title}}|{{canonical_url}}|{{#params}}{{.}}{{/params}}</header>
        """)
        #expect(site.diagnostics == [])
        #expect(try site.read("briefings/talks/index.html").contains(
            "<header class=\"my-header\">Talks · Desk|https://news.example.org/desk/briefings/talks/|"))
        #expect(try site.read("actors/iran/index.html").contains("<header class=\"my-header\">Iran · Desk|https://news.example.org/desk/actors/iran/|"))
        #expect(try site.read("index.html").contains("<header class=\"my-header\">Desk|https://news.example.org/desk/|"))
    }

    @Test func aHeaderIncludedInsideASectionReadsTheSectionsItem() throws {
        // Inside `{{#navigation}}` the header's `{{url}}` is each item's: it cannot be rendered apart.
        let site = BuiltSite(Self.project + """

        -- templates/partials/header.mustache --
        <i>{{url}}</i>
        -- templates/layout.mustache --
        <!DOCTYPE html>
        <html lang="{{language}}"><head><title>{{page_title}}</title></head><body>
        {{#navigation}}
        {{>partials/header}}
        {{/navigation}}
        {{$content}}{{/content}}
        {{>partials/footer}}
        </body></html>
        """)
        #expect(site.diagnostics == [])
        let briefing = try site.read("briefings/talks/index.html")
        #expect(briefing.contains("<i>../../briefings/</i>\n<i>../../actors/</i>\n<i>../../timeline/</i>"))
        #expect(briefing.contains("<footer class=\"site-footer\">"))
    }

    @Test func anIndentedHeaderIsIndentedOnEveryLine() throws {
        let site = BuiltSite(Self.project + """

        -- templates/partials/header.mustache --
        <header>
        <a href="{{home_url}}">{{site_title}}</a>
        </header>
        -- templates/layout.mustache --
        <!DOCTYPE html>
        <html lang="{{language}}"><head><title>{{page_title}}</title></head><body>
          {{>partials/header}}
        {{$content}}{{/content}}
        </body></html>
        """)
        #expect(site.diagnostics == [])
        #expect(try site.read("briefings/talks/index.html").contains("  <header>\n  <a href=\"../../\">Desk</a>\n  </header>\n"))
    }

    @Test func anErrorInTheHeaderIsOneDiagnosticAtItsLineAndLeavesTheOutputAlone() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let before = try snapshot(project.output)
        try project.write("templates/partials/header.mustache", "<header>\n<a>{{site_title}}</a>\n{{#navigation}}{{label}}\n</header>\n")
        let report = project.build()
        #expect(report.diagnostics.lines == [
            "templates/partials/header.mustache:5:1: error: template parse error: a section is never closed in line: ",
        ])
        try project.write("templates/partials/header.mustache", "<header></header>\n")
        try project.write("templates/partials/footer.mustache", "<footer>\n{{#pages}}{{title}}{{/page}}\n</footer>\n")
        #expect(project.build().diagnostics.lines == [
            "templates/partials/footer.mustache:2:23: error: template parse error: a section is closed with the wrong name in line: {{#pages}}{{title}}{{/page}}",
        ])
        #expect(try snapshot(project.output) == before)
    }

    // MARK: Which partials are rendered apart

    static func tags(_ text: String) -> [TemplateTag] { TemplateTag.all(in: text) }

    @Test func theBuiltInHeaderAndFooterAreRenderedApart() throws {
        let directory = try #require(Theme.builtInDirectory())
        let (theme, diagnostics) = Theme.load(projectRoot: URL(fileURLWithPath: "/nonexistent-project"), builtIn: directory)
        #expect(diagnostics == [])
        #expect(theme?.layoutPartials.spliced.map(\.partial) == ["partials/header", "partials/footer"])
    }

    @Test func aPartialIsRenderedApartOnlyWhenItReadsLayoutValuesAlone() {
        let reads = { LayoutPartials.readsOnlyLayoutValues(Self.tags($0)) }
        #expect(reads("<a href=\"{{home_url}}\">{{site_title}}</a>{{{site_lang_dir_html}}}"))
        #expect(reads("{{#navigation}}<a href=\"{{url}}\"{{#current}} x{{/current}}>{{label}}</a>{{/navigation}}"))
        #expect(reads("{{#pages}}{{title}}{{{lang_dir_html}}}{{/pages}}{{#site_description}}{{.}}{{/site_description}}{{! {{page_title}} }}"))
        #expect(reads("{{^pages}}none{{/pages}}{{ feed_url }}{{&json_feed_url}}"))
        // A page's value, an item's name outside its list, a name another list's item has.
        #expect(!reads("{{page_title}}"))
        #expect(!reads("{{title}}"))
        #expect(!reads("{{#navigation}}{{title}}{{/navigation}}"))
        #expect(!reads("{{{lang_dir_html}}}"))
        // Dotted names, transforms, `.` on a whole context, partials, blocks, unclosed sections.
        #expect(!reads("{{params.desk}}"))
        #expect(!reads("{{#navigation}}{{^last()}},{{/last()}}{{/navigation}}"))
        #expect(!reads("{{#navigation}}{{.}}{{/navigation}}"))
        #expect(!reads("{{>partials/nav}}"))
        #expect(!reads("{{$extra}}{{/extra}}"))
        #expect(!reads("{{#pages}}"))
    }

    @Test func aPartialIsRenderedApartOnlyWhenReachedAtTheTopLevel() {
        func reached(_ templates: [String: String]) -> Bool {
            LayoutPartials.reachedOnlyAtTopLevel("partials/header", in: templates.mapValues(Self.tags))
        }
        let page = "{{<layout}}{{$content}}x{{/content}}{{/layout}}"
        #expect(reached(["layout": "<body>\n{{>partials/header}}\n</body>", "home": page]))
        #expect(!reached(["layout": "<body>\n{{#navigation}}\n{{>partials/header}}\n{{/navigation}}</body>", "home": page]))
        #expect(!reached(["layout": "<body>\n  {{>partials/header}}\n</body>", "home": page]))
        #expect(!reached(["layout": "<body>\n{{$top}}{{>partials/header}}{{/top}}\n</body>", "home": page]))
        // Through another partial that is itself included inside a section.
        #expect(!reached(["layout": "{{#pages}}\n{{>partials/top}}\n{{/pages}}", "partials/top": "{{>partials/header}}", "home": page]))
        #expect(!reached(["layout": "{{#x}}{{<layout2}}{{/layout2}}{{/x}}", "layout2": "{{>partials/header}}"]))
        #expect(!reached(["layout": "{{>*which}}", "partials/header": "x"]))
    }
}
