import Foundation
import Testing
@testable import DossierCore

/// assets/mentions.js in a real browser (Debian's chromium, headless): a probe script
/// added to a built page focuses and hovers links to actors, then writes what the card
/// did into the DOM that chromium dumps. The cards are files the script fetches, so the
/// site is served over HTTP (python3's http.server); from file://, where browsers refuse
/// to fetch, the links stay plain links. Skipped without chromium or python3.
@Suite(.serialized) struct MentionPreviewBrowserTests {
    static let chromium: URL? = which("chromium") ?? which("chromium-browser")
    static let canRun = chromium != nil && LocalHTTPServer.pythonAvailable
    static let reason: Comment = "chromium or python3 is not installed (apt-get install chromium python3)"

    /// Builds MentionPreviewTests' project, adds `probe` (run at load, after the
    /// deferred mentions.js) to the talks briefing and returns chromium's DOM of it,
    /// served over HTTP, or read from disk when `fromDisk`.
    func probe(_ probe: String, fromDisk: Bool = false) throws -> String {
        let project = try TestProject(MentionPreviewTests.project)
        defer { project.remove() }
        #expect(!project.build().diagnostics.hasErrors)
        let page = project.output.appendingPathComponent("briefings/talks/index.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        let script = "<script>window.addEventListener('load', function () {\n\(probe)\n});</script>\n</body>"
        let probed = page.deletingLastPathComponent().appendingPathComponent("probe.html")
        try html.replacingOccurrences(of: "</body>", with: script).write(to: probed, atomically: true, encoding: .utf8)
        var address = probed.absoluteString
        var server: LocalHTTPServer?
        if !fromDisk {
            let started = try #require(LocalHTTPServer(serving: project.output), "python3's http.server did not start")
            server = started
            address = started.url("briefings/talks/probe.html")
        }
        defer { server?.stop() }
        let result = try run(Self.chromium!, [
            "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000",
            "--window-size=1280,900", "--dump-dom", address,
        ])
        return result.standardOutput
    }

    @Test(.enabled(if: canRun, reason))
    func keyboardFocusShowsTheCardBelowTheLinkAndEscapeClosesIt() throws {
        let dom = try probe("""
        var link = document.querySelector('a[data-card~=alias]');
        link.focus();
        var card = document.querySelector('.mention-card');
        document.body.setAttribute('data-at-once', String(!card.hidden));
        setTimeout(function () {
          var below = card.getBoundingClientRect().top >= link.getBoundingClientRect().bottom;
          document.body.setAttribute('data-shown', String(!card.hidden));
          document.body.setAttribute('data-below', String(below));
          document.body.setAttribute('data-card-text', card.textContent);
          document.body.setAttribute('data-card-class', card.className);
          document.body.setAttribute('data-card-hidden-from-readers', card.getAttribute('aria-hidden'));
          document.body.setAttribute('data-ids', String(card.querySelectorAll('[id]').length));
          var description = document.getElementById(link.getAttribute('aria-describedby'));
          document.body.setAttribute('data-description', description ? description.textContent : 'none');
          document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
          document.body.setAttribute('data-after-escape', String(card.hidden));
        }, 500);
        """)
        // The card is fetched on first focus, so it opens a moment later.
        #expect(dom.contains("data-at-once=\"false\""))
        #expect(dom.contains("data-shown=\"true\""))
        #expect(dom.contains("data-below=\"true\""))
        #expect(dom.contains("data-card-class=\"mention-card mention--state\""))
        // Once fetched, the card is also the link's description for screen readers.
        #expect(dom.contains("data-description=\"Iran,  State.  A West Asian state &amp; SCO member.\""))
        // The alias the link shows leads, then the actor it goes to, its kind and summary.
        #expect(dom.contains("data-card-text=\"TehranIran,  State.  A West Asian state &amp; SCO member.\""))
        #expect(dom.contains("data-card-hidden-from-readers=\"true\""))
        #expect(dom.contains("data-ids=\"0\""))
        #expect(dom.contains("data-after-escape=\"true\""))
    }

    @Test(.enabled(if: canRun, reason))
    func aTapOrAClickFollowsTheLinkWithoutACard() throws {
        let dom = try probe("""
        var link = document.querySelector('a[data-card=place]');
        link.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'touch' }));
        link.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', bubbles: true }));
        link.focus();
        var card = document.querySelector('.mention-card');
        setTimeout(function () { document.body.setAttribute('data-shown', String(!card.hidden)); }, 600);
        """)
        #expect(dom.contains("data-shown=\"false\""))
    }

    @Test(.enabled(if: canRun, reason))
    func aMouseHoverShowsTheCardAfterAShortPause() throws {
        let dom = try probe("""
        var link = document.querySelector('a[data-card=place]');
        link.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
        var card = document.querySelector('.mention-card');
        document.body.setAttribute('data-at-once', String(!card.hidden));
        setTimeout(function () {
          document.body.setAttribute('data-later', String(!card.hidden));
          document.body.setAttribute('data-card-text', card.textContent);
        }, 600);
        """)
        #expect(dom.contains("data-at-once=\"false\""))
        #expect(dom.contains("data-later=\"true\""))
        #expect(dom.contains("data-card-text=\"Tehran,  Place.  Capital of Iran.\""))
    }

    @Test(.enabled(if: canRun, reason))
    func aChipOpensTheSameCardAsAMention() throws {
        let dom = try probe("""
        var chip = document.querySelector('.chips a[data-card][href$="actors/iran/index.html"]');
        chip.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
        var card = document.querySelector('.mention-card');
        setTimeout(function () {
          document.body.setAttribute('data-shown', String(!card.hidden));
          document.body.setAttribute('data-card-text', card.textContent);
          document.body.setAttribute('data-card-class', card.className);
          document.body.setAttribute('data-title', chip.hasAttribute('title') ? chip.title : 'none');
        }, 600);
        """)
        #expect(dom.contains("data-shown=\"true\""))
        #expect(dom.contains("data-card-text=\"Iran,  State.  A West Asian state &amp; SCO member.\""))
        #expect(dom.contains("data-card-class=\"mention-card mention--state\""))
        #expect(dom.contains("data-title=\"none\""))
    }

    /// From disk the script does not try to fetch: no card, no error, and a script that
    /// runs after it still runs.
    @Test(.enabled(if: canRun, reason))
    func fromDiskTheLinksStayPlainLinksWithoutErrors() throws {
        let dom = try probe("""
        var errors = 0;
        window.addEventListener('error', function () { errors += 1; });
        window.addEventListener('unhandledrejection', function () { errors += 1; });
        var link = document.querySelector('a[data-card~=alias]');
        link.focus();
        link.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
        setTimeout(function () {
          document.body.setAttribute('data-cards', String(document.querySelectorAll('.mention-card:not([hidden])').length));
          document.body.setAttribute('data-errors', String(errors));
          document.body.setAttribute('data-later-script-ran', 'true');
        }, 600);
        """, fromDisk: true)
        #expect(dom.contains("data-cards=\"0\""))
        #expect(dom.contains("data-errors=\"0\""))
        #expect(dom.contains("data-later-script-ran=\"true\""))
        #expect(dom.contains("href=\"../../actors/iran/index.html\" data-card=\"state alias\">Tehran</a>"))
    }
}
