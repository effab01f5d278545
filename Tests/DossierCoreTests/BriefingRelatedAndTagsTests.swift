import Foundation
import Testing
@testable import DossierCore

/// The briefing page (issue 12): related briefings say why they are related ("Shares:
/// Iran · Qatar") in a compact list, tags sit with the title, and principal-actor
/// chips drop their kind label on narrow screens.
@Suite struct BriefingRelatedAndTagsTests {
    static let project: String = {
        var text = """
        -- dossier.yml --
        title: Desk
        -- content/briefings/main.md --
        ---
        title: Main briefing
        date: 2025-03-01
        actors: [qatar, iran]
        tags: [gulf, hedging]
        ---
        Qatar and Iran talk; A1, A2, A3 and A4 watch.
        -- content/briefings/near.md --
        ---
        title: Near briefing
        date: 2025-02-01
        summary: A summary the compact list leaves out.
        ---
        A4, A3, A2, A1, Iran and Qatar.
        -- content/briefings/far.md --
        ---
        title: Far briefing
        date: 2025-01-01
        ---
        Only Iran here.
        -- content/actors/qatar.md --
        ---
        title: Qatar
        kind: state
        ---
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        ---
        """
        for number in 1...4 {
            text += "\n-- content/actors/a\(number).md --\n---\ntitle: A\(number)\nkind: organization\n---"
        }
        return text
    }()

    static let site = BuiltSite(project)

    @Test func aRelatedBriefingNamesTheSharedActorsPrincipalOnesFirst() throws {
        let page = try Self.site.read("briefings/main/index.html")
        let related = try #require(page.components(separatedBy: "<ul class=\"related\">").dropFirst().first?.components(separatedBy: "</ul>").first)
        let items = related.components(separatedBy: "<li><a href=").dropFirst()
        #expect(items.count == 2)
        let near = try #require(items.first)
        #expect(near.contains(#""../../briefings/near/index.html" dir="auto">Near briefing</a> <time datetime="2025-02-01">1 February 2025</time>"#))
        #expect(near.contains(#"<p><b>Shares:</b> "#))
        let names = near.components(separatedBy: "<bdi class=\"kind--").dropFirst().map { $0.components(separatedBy: "\">")[1].components(separatedBy: "</bdi>")[0] }
        #expect(names == ["Qatar", "Iran", "A1", "A2"])
        #expect(near.contains(#"</bdi><span>+2 more</span></p>"#))
        #expect(!near.contains("A summary the compact list leaves out."))
        let far = try #require(items.dropFirst().first)
        #expect(far.contains(#"<p><b>Shares:</b> <bdi class="kind--state">Iran</bdi></p>"#))
        #expect(!far.contains("more"))
    }

    @Test func tagsSitInTheHeaderWithTheTitleNotAtTheBottom() throws {
        let page = try Self.site.read("briefings/main/index.html")
        let header = try #require(page.components(separatedBy: "<header class=\"briefing__header\">").dropFirst().first?.components(separatedBy: "</header>").first)
        #expect(header.contains(#"<ul class="tags briefing__tags" aria-label="Tags"><li><a class="tag" href="../../tags/gulf/index.html">gulf</a></li><li><a class="tag" href="../../tags/hedging/index.html">hedging</a></li></ul>"#))
        let footer = try #require(page.components(separatedBy: "<footer class=\"briefing__footer\">").dropFirst().first?.components(separatedBy: "</footer>").first)
        #expect(!footer.contains("class=\"tag\""))
    }

    static let chromium: URL? = which("chromium") ?? which("chromium-browser")

    /// The chip's kind label takes no room at 360 px and is shown at 1280 px.
    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"), arguments: [(360, true), (1280, false)])
    func principalActorChipsDropTheKindLabelOnNarrowScreens(width: Int, hidden: Bool) throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        #expect(!project.build().diagnostics.hasErrors)
        let page = project.output.appendingPathComponent("briefings/main/index.html")
        let probe = """
        <script>window.addEventListener('load', function () {
        var kind = document.querySelector('.principal-actors .chip__kind');
        document.body.setAttribute('data-kind-width', String(Math.round(kind.getBoundingClientRect().width)));
        document.body.setAttribute('data-kind-text', kind.textContent);
        });</script></body>
        """
        let probed = page.deletingLastPathComponent().appendingPathComponent("probe.html")
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "</body>", with: probe)
            .write(to: probed, atomically: true, encoding: .utf8)
        let dom = try run(Self.chromium!, [
            "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--virtual-time-budget=2000",
            "--window-size=\(width),900", "--dump-dom", probed.absoluteString,
        ]).standardOutput
        let widthText = try #require(dom.components(separatedBy: "data-kind-width=\"").dropFirst().first?.components(separatedBy: "\"").first)
        let measured = try #require(Int(widthText))
        #expect(hidden ? measured <= 1 : measured > 10, "kind label is \(measured) px wide at \(width) px")
        // Still there for screen readers.
        #expect(dom.contains("data-kind-text=\"state\""))
    }
}
