import Foundation
import Testing
@testable import DossierCore

/// assets/mentions.js in a real browser (Debian's chromium, headless, from file://):
/// a probe script added to a built page focuses and hovers mention links, then writes
/// what the card did into the DOM that chromium dumps. Skipped without chromium.
@Suite(.serialized) struct MentionPreviewBrowserTests {
    static let chromium: URL? = which("chromium") ?? which("chromium-browser")

    /// Builds MentionPreviewTests' project, adds `probe` (run at load, after the
    /// deferred mentions.js) to the talks briefing and returns chromium's DOM of it.
    func probe(_ probe: String) throws -> String {
        let project = try TestProject(MentionPreviewTests.project)
        defer { project.remove() }
        #expect(!project.build().diagnostics.hasErrors)
        let page = project.output.appendingPathComponent("briefings/talks/index.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        let script = "<script>window.addEventListener('load', function () {\n\(probe)\n});</script>\n</body>"
        let probed = page.deletingLastPathComponent().appendingPathComponent("probe.html")
        try html.replacingOccurrences(of: "</body>", with: script).write(to: probed, atomically: true, encoding: .utf8)
        let result = try run(Self.chromium!, [
            "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--virtual-time-budget=3000",
            "--window-size=1280,900", "--dump-dom", probed.absoluteString,
        ])
        return result.standardOutput
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func keyboardFocusShowsTheCardBelowTheLinkAndEscapeClosesIt() throws {
        let dom = try probe("""
        var link = document.querySelector('a.mention--alias');
        link.focus();
        var card = document.querySelector('.mention-card');
        var below = card.getBoundingClientRect().top >= link.getBoundingClientRect().bottom;
        document.body.setAttribute('data-shown', String(!card.hidden));
        document.body.setAttribute('data-below', String(below));
        document.body.setAttribute('data-card', card.textContent);
        document.body.setAttribute('data-card-hidden-from-readers', card.getAttribute('aria-hidden'));
        document.body.setAttribute('data-ids', String(card.querySelectorAll('[id]').length));
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        document.body.setAttribute('data-after-escape', String(card.hidden));
        """)
        #expect(dom.contains("data-shown=\"true\""))
        #expect(dom.contains("data-below=\"true\""))
        // The alias the link shows leads, then the actor it goes to, its kind and summary.
        #expect(dom.contains("data-card=\"TehranIran,  State.  A West Asian state &amp; SCO member.\""))
        #expect(dom.contains("data-card-hidden-from-readers=\"true\""))
        #expect(dom.contains("data-ids=\"0\""))
        #expect(dom.contains("data-after-escape=\"true\""))
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func aTapOrAClickFollowsTheLinkWithoutACard() throws {
        let dom = try probe("""
        var link = document.querySelector('a.mention--place');
        link.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'touch' }));
        link.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', bubbles: true }));
        link.focus();
        var card = document.querySelector('.mention-card');
        setTimeout(function () { document.body.setAttribute('data-shown', String(!card.hidden)); }, 600);
        """)
        #expect(dom.contains("data-shown=\"false\""))
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func aMouseHoverShowsTheCardAfterAShortPause() throws {
        let dom = try probe("""
        var link = document.querySelector('a.mention--place');
        link.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
        var card = document.querySelector('.mention-card');
        document.body.setAttribute('data-at-once', String(!card.hidden));
        setTimeout(function () {
          document.body.setAttribute('data-later', String(!card.hidden));
          document.body.setAttribute('data-card', card.textContent);
        }, 600);
        """)
        #expect(dom.contains("data-at-once=\"false\""))
        #expect(dom.contains("data-later=\"true\""))
        #expect(dom.contains("data-card=\"Tehran,  Place.  Capital of Iran.\""))
    }
}
