import Foundation
import Mustache
import Testing
@testable import DossierCore

/// Issue 10's rendering work: an actor's chip is rendered once per build (per link
/// depth and language) through the theme's chip partials and inserted as HTML, so a
/// project's override of a chip partial shows wherever that chip is, its errors are
/// reported like any template's, and the partial sees the chip's values only.
@Suite struct ChipPartialTests {
    static let project = """
    -- dossier.yml --
    title: Desk
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    summary: A West Asian state.
    relations:
      - type: member-of
        target: sco
    sources:
      - id: charter
        title: The charter
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
    ---
    -- content/actors/tehran.md --
    ---
    title: Tehran
    kind: place
    ---
    -- content/briefings/talks.md --
    ---
    title: Talks
    date: 2025-01-10
    actors: [iran]
    tags: [diplomacy]
    events:
      - date: 2025-01-09
        title: Envoys meet
        actors: [iran, russia]
        place: tehran
    ---
    Iran and Russia met in Tehran.
    """

    static let overrides = """
    -- templates/partials/actor-chip.mustache --
    <a class="my-chip" href="{{url}}">{{title}} ({{kind_label}})</a>
    -- templates/partials/actor-chip-principal.mustache --
    <b class="my-principal" data-href="{{url}}">{{title}}</b>
    -- templates/partials/actor-chip-compact.mustache --
    <i class="my-compact">{{title}}@{{url}}</i>
    -- templates/partials/actor-chip-tiny.mustache --
    <s class="my-tiny">{{title}}@{{url}}</s>
    """

    static let overridden = BuiltSite(project + "\n" + overrides)

    @Test func anOverriddenChipPartialShowsOnEveryPageThatUsesIt() throws {
        let site = Self.overridden
        #expect(site.diagnostics == [])
        // TestProject ends each file with a newline, and a partial's trailing newline is
        // part of what it renders, as with `{{>partial}}`.
        let briefing = try site.read("briefings/talks/index.html")
        #expect(briefing.contains("<li><b class=\"my-principal\" data-href=\"../../actors/iran/index.html\">Iran</b>\n</li>"))
        // "Also mentioned" writes its own links (their kind in data-card), not chip_html.
        #expect(briefing.contains("<li><a href=\"../../actors/russia/index.html\" data-card=\"state\" dir=\"auto\">Russia</a></li>"))
        #expect(briefing.contains("<s class=\"my-tiny\">Russia@../../actors/russia/index.html</s>\n"))
        let home = try site.read("index.html")
        #expect(home.contains("<li><i class=\"my-compact\">Iran@actors/iran/index.html</i>\n</li>"))
        #expect(home.contains("<li><a class=\"my-chip\" href=\"actors/iran/index.html\">Iran (State)</a>\n <span class=\"count\">"))
        let tag = try site.read("tags/diplomacy/index.html")
        #expect(tag.contains("<li><i class=\"my-compact\">Iran@../../actors/iran/index.html</i>\n</li>"))
        let iran = try site.read("actors/iran/index.html")
        #expect(iran.contains("<span class=\"relation__target\"><i class=\"my-compact\">SCO@../../actors/sco/index.html</i>\n</span>"))
        #expect(iran.contains("<li><a class=\"my-chip\" href=\"../../actors/russia/index.html\">Russia (State)</a>\n <span class=\"count\""))
        #expect(iran.contains("<s class=\"my-tiny\">Russia@../../actors/russia/index.html</s>\n"))
        let sources = try site.read("sources/index.html")
        #expect(sources.contains("Cited by actor profiles: <s class=\"my-tiny\">Iran@../actors/iran/index.html</s>\n</p>"))
        // The built-in chip markup is gone from every page that uses the partials.
        for page in [briefing, home, tag, iran, sources] {
            #expect(!page.contains("class=\"chip "))
        }
    }

    @Test func theBuiltInChipsReadAsTheyDidInline() throws {
        let site = BuiltSite(Self.project)
        #expect(site.diagnostics == [])
        let briefing = try site.read("briefings/talks/index.html")
        #expect(briefing.contains(
            "<li><a class=\"chip chip--state\" href=\"../../actors/iran/index.html\" data-card><span class=\"chip__kind\">state</span> <bdi>Iran</bdi></a></li>"))
        #expect(try site.read("index.html").contains(
            "<li><a class=\"chip chip--state\" href=\"actors/iran/index.html\" data-card dir=\"auto\">Iran</a> <span class=\"count\">"))
        #expect(briefing.contains("<a class=\"chip chip--state chip--tiny\" href=\"../../actors/russia/index.html\" dir=\"auto\">Russia</a> "))
        let iran = try site.read("actors/iran/index.html")
        #expect(iran.contains("<span class=\"relation__target\"><a class=\"chip chip--organization\" href=\"../../actors/sco/index.html\" dir=\"auto\">SCO</a></span>"))
    }

    @Test func aChipPartialSeesTheChipsValuesNotThePages() throws {
        let site = BuiltSite(Self.project + """

        -- templates/partials/actor-chip.mustache --
        <a class="my-chip">{{title}}|{{page_title}}|{{site_title}}|{{summary}}</a>
        """)
        #expect(site.diagnostics == [])
        // Russia has no summary: `false` (which `{{…}}` prints), not the briefing's; the page's own values are not there.
        #expect(try site.read("actors/iran/index.html").contains("<a class=\"my-chip\">Russia|||false</a>"))
        #expect(try site.read("index.html").contains("<a class=\"my-chip\">Iran|||A West Asian state.</a>"))
    }

    @Test func anErrorInAChipPartialIsOneDiagnosticAtItsLineAndLeavesTheOutputAlone() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let before = try snapshot(project.output)
        try project.write("templates/partials/actor-chip-tiny.mustache", "<s class=\"my-tiny\">\n{{#title}}{{title}}</s>\n")
        let report = project.build()
        #expect(report.diagnostics.lines == [
            "templates/partials/actor-chip-tiny.mustache:3:1: error: template parse error: a section is never closed in line: ",
        ])
        #expect(try snapshot(project.output) == before)
    }

    @Test func eachChipIsRenderedOncePerActorDepthAndLanguage() throws {
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: "<a href=\"{{url}}\">{{title}}</a>"), named: "partials/actor-chip")
        let chips = ActorChips(library: library, actorCount: 1)
        func chip(_ prefix: String, _ langDir: String) -> String? {
            let made = chips.chip(0, rootPrefix: prefix, langDir: langDir, variant: .standard)
                ?? chips.make(0, rootPrefix: prefix, langDir: langDir, variant: .standard, values: ["title": "Iran", "url": prefix + "actors/iran/"])
            return made["chip_html"] as? String
        }
        #expect(chip("../../", " dir=\"auto\"") == "<a href=\"../../actors/iran/\">Iran</a>")
        #expect(chip("../../", " dir=\"auto\"") == "<a href=\"../../actors/iran/\">Iran</a>")
        #expect(chip("", " dir=\"auto\"") == "<a href=\"actors/iran/\">Iran</a>")
        #expect(chip("", " lang=\"fa\" dir=\"rtl\"") == "<a href=\"actors/iran/\">Iran</a>")
        #expect(chips.renderCount == 3)
        #expect(chips.chip(0, rootPrefix: "../", langDir: " dir=\"auto\"", variant: .standard) == nil)
        #expect(chips.chip(0, rootPrefix: "", langDir: " dir=\"auto\"", variant: .compact) == nil)
    }
}
