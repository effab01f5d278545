import Foundation
import Mustache
import Testing
@testable import DossierCore

/// A passage on an actor page shows its snippet as `snippet_html`, made on bytes
/// instead of through a Mustache section per piece; a template that names `segments`
/// still gets the pieces.
@Suite struct PassageSnippetTests {
    @Test func aMarkedSnippetMadeOnBytesIsWhatTheSegmentsRenderedTo() throws {
        let snippet = "…said \"Iran\" & <Tehran>'s envoys; Iran's minister…"
        let mention = Mention(actor: "iran", document: DocumentID(.briefing, "talks"), text: "Iran", snippet: snippet, linked: true,
                              explicit: false, snippetMatch: 7..<11, otherMatches: [34..<38, 0..<0, 60..<70])
        _ = DossierHTMLContentType.registration
        let template = try MustacheTemplate(string: DossierHTMLContentType.pragma
            + "{{#segments}}{{#marked}}<mark>{{text}}</mark>{{/marked}}{{^marked}}{{text}}{{/marked}}{{/segments}}")
        let rendered = template.render(["segments": PageContexts.markedSegments(mention)])
        #expect(PageContexts.markedSnippetHTML(mention) == rendered)
        #expect(rendered == "…said &quot;<mark>Iran</mark>&quot; &amp; &lt;Tehran&gt;&#39;s envoys; <mark>Iran</mark>&#39;s minister…")
    }

    /// One actor with an alias, named twice in a briefing with characters to escape.
    static let project = """
    -- dossier.yml --
    title: Desk
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    aliases: [Tehran]
    ---
    -- content/briefings/talks.md --
    ---
    title: Talks
    date: 2025-01-10
    ---
    Tehran & Iran's "deal".
    """

    @Test func aPassagePartialThatNamesSegmentsStillGetsThem() throws {
        let site = BuiltSite(Self.project + """

        -- templates/partials/passage.mustache --
        <li class="mine">{{#segments}}{{#marked}}[{{text}}]{{/marked}}{{^marked}}{{text}}{{/marked}}{{/segments}}</li>
        """)
        #expect(site.diagnostics == [])
        let iran = try site.read("actors/iran/index.html")
        #expect(iran.contains("<li class=\"mine\">[Tehran] &amp; [Iran]&#39;s &quot;deal&quot;.</li>"))
    }

    @Test func theBuiltInPassageMarksTheActorsNames() throws {
        let site = BuiltSite(Self.project)
        #expect(site.diagnostics == [])
        let iran = try site.read("actors/iran/index.html")
        #expect(iran.contains("<mark>Tehran</mark> &amp; <mark>Iran</mark>&#39;s &quot;deal&quot;.</a></li>"))
    }
}
