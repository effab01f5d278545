import Foundation
import Testing
@testable import DossierCore

/// Issue 10 (output at most 4× the input): markup that repeated on every page or every
/// item is carried once — the "/" shortcut in a shared script, a mention's kind in its
/// `data-card`, "Also mentioned" as plain links styled by their list, related
/// briefings' shared actors as one `<bdi>` each — with the same things for the reader.
@Suite struct LighterPagesTests {
    static let project = """
    -- dossier.yml --
    title: Desk
    base_url: https://example.org/desk/
    -- content/briefings/main.md --
    ---
    title: Main briefing
    date: 2025-03-01
    actors: [qatar]
    ---
    Qatar, [Doha](@qatar) and Tehran talk; [حماس](@hamas) watches.
    -- content/briefings/other.md --
    ---
    title: Other briefing
    date: 2025-02-01
    actors: [qatar, hamas]
    ---
    Qatar and Tehran again, and [حماس](@hamas).
    -- content/actors/qatar.md --
    ---
    title: Qatar
    kind: state
    aliases: [Doha]
    ---
    -- content/actors/tehran.md --
    ---
    title: Tehran
    kind: place
    ---
    -- content/actors/hamas.md --
    ---
    title: حماس
    kind: group
    language: ar
    ---
    """

    static let site = BuiltSite(project)

    @Test func everyPageLoadsTheShortcutFromOneDeferredScript() throws {
        let site = Self.site
        #expect(site.diagnostics == [])
        let script = try site.read("assets/shortcuts.js")
        #expect(script.contains("addEventListener(\"keydown\""))
        #expect(script.contains("site-search-input"))
        let pages = site.paths.filter { $0.hasSuffix(".html") && !$0.hasSuffix("/card.html") }
        #expect(pages.count > 10)
        for path in pages {
            let html = try site.read(path)
            #expect(!html.contains("<script>document.addEventListener(\"keydown\""), "\(path)")
            #expect(html.contains("shortcuts.js\" defer></script>"), "\(path)")
        }
        #expect(try site.read("briefings/main/index.html").contains("<script src=\"../../assets/shortcuts.js\" defer></script>"))
        #expect(try site.read("index.html").contains("<script src=\"assets/shortcuts.js\" defer></script>"))
        // The 404 page is served at any depth: its links start from the site's path.
        #expect(try site.read("404.html").contains("<script src=\"/desk/assets/shortcuts.js\" defer></script>"))
    }

    @Test func aMentionSaysItsKindAndAliasInItsCardMarkerWithoutClasses() throws {
        let page = try Self.site.read("briefings/main/index.html")
        #expect(page.contains(#"<a href="../../actors/qatar/index.html" data-card="state">Qatar</a>, <a href="../../actors/qatar/index.html" data-card="state alias">Doha</a>"#))
        #expect(page.contains(#"<a href="../../actors/tehran/index.html" data-card="place">Tehran</a>"#))
        #expect(!page.contains("mention--"))
    }

    @Test func alsoMentionedChipsArePlainLinksWithTheirKindAndDirection() throws {
        let page = try Self.site.read("briefings/main/index.html")
        let list = try #require(page.components(separatedBy: "<ul class=\"chips chips--small chips--mentioned\">\n").dropFirst().first?
            .components(separatedBy: "</ul>").first)
        #expect(list == """
        <li><a href="../../actors/tehran/index.html" data-card="place" dir="auto">Tehran</a></li>
        <li><a href="../../actors/hamas/index.html" data-card="group" lang="ar" dir="rtl">حماس</a></li>

        """)
    }

    @Test func sharedActorsAreIsolatedWithoutARepeatedDirAuto() throws {
        let page = try Self.site.read("briefings/main/index.html")
        // A <bdi> takes its direction from its text: dir="auto" is said only by
        // attributes for a name in another language than the page's.
        #expect(page.contains(#"<p><b>Shares:</b> <bdi class="kind--state">Qatar</bdi><bdi class="kind--place">Tehran</bdi><bdi class="kind--group" lang="ar" dir="rtl">حماس</bdi></p></li>"#))
        #expect(!page.contains("<bdi dir=\"auto\">"))
        // The principal actor's chip says its kind, then the name in a plain <bdi>.
        #expect(page.contains(#"data-card><span class="chip__kind">state</span> <bdi>Qatar</bdi></a>"#))
    }
}
