import Foundation
import Testing
@testable import DossierCore

/// Mentions in prose (issue 12): a link classed by its actor's kind, marked when its
/// text is another name than the actor's title, without a title attribute repeating
/// the text, and described by a preview (name, kind, summary) that the page holds once
/// per linked actor; assets/mentions.js shows it on hover and keyboard focus.
@Suite struct MentionPreviewTests {
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
    -- content/actors/tehran.md --
    ---
    title: Tehran
    kind: place
    autolink: false
    summary: Capital of Iran.
    ---
    -- content/actors/russia.md --
    ---
    title: Russia
    kind: state
    ---
    -- content/briefings/talks.md --
    ---
    title: Talks
    date: 2025-01-10
    ---
    Tehran said Iran would answer. Traffic in [Tehran](@tehran) stopped, and [**RUSSIA**](@russia "Moscow's view") watched.
    -- content/briefings/quiet.md --
    ---
    title: Quiet
    date: 2025-01-11
    ---
    Nothing to link here.
    """

    static let site = BuiltSite(project)

    static let targets: [String: MentionLinks.Target] = [
        "iran": .init(title: "Iran", kind: .state), "tehran": .init(title: "Tehran", kind: .place),
        "at-t": .init(title: "AT&T", kind: .organization),
    ]

    static func resolve(_ html: String) -> MentionLinks.Result {
        MentionLinks.resolve(html, rootPrefix: "../../") { targets[$0] }
    }

    @Test func aLinkCarriesItsKindAndPointsAtItsPreview() {
        let result = Self.resolve(#"<p><a href="dossier:actors/tehran/index.html">Tehran</a> met.</p>"#)
        #expect(result.html == #"<p><a class="mention mention--place" href="../../actors/tehran/index.html" aria-describedby="actor-preview--tehran">Tehran</a> met.</p>"#)
        #expect(result.linked == ["tehran"])
    }

    @Test func aLinkWhoseTextIsAnotherNameIsMarkedAsAnAlias() {
        let result = Self.resolve(#"<a href="dossier:actors/iran/index.html">Tehran</a> and <a href="dossier:actors/iran/">IRAN</a>"#)
        #expect(result.html == #"<a class="mention mention--state mention--alias" href="../../actors/iran/index.html" aria-describedby="actor-preview--iran">Tehran</a> and <a class="mention mention--state" href="../../actors/iran/" aria-describedby="actor-preview--iran">IRAN</a>"#)
        #expect(result.linked == ["iran"])
    }

    @Test func markupAndEntitiesInTheLinkTextStillReadAsTheTitle() {
        let result = Self.resolve(#"<a href="dossier:actors/at-t/index.html"><strong>AT&amp;T</strong></a>"#)
        #expect(result.html.hasPrefix(#"<a class="mention mention--organization" href="../../actors/at-t/index.html""#))
    }

    @Test func anAttributeTheAuthorWroteStaysAndAnUnknownActorGetsNoPreview() {
        let result = Self.resolve(#"<a href="dossier:actors/iran/index.html#p-x" title="a note">Iran</a> <a href="dossier:actors/gone/index.html">Gone</a>"#)
        #expect(result.html == #"<a class="mention mention--state" href="../../actors/iran/index.html#p-x" aria-describedby="actor-preview--iran" title="a note">Iran</a> <a class="mention" href="../../actors/gone/index.html">Gone</a>"#)
        #expect(result.linked == ["iran"])
    }

    @Test func theSameWordLinkingToTwoActorsLooksDifferent() throws {
        let page = try Self.site.read("briefings/talks/index.html")
        #expect(page.contains(#"<a class="mention mention--state mention--alias" href="../../actors/iran/index.html" aria-describedby="actor-preview--iran">Tehran</a> said Iran"#))
        #expect(page.contains(#"Traffic in <a class="mention mention--place" href="../../actors/tehran/index.html" aria-describedby="actor-preview--tehran">Tehran</a> stopped"#))
        // The author's own title stays; the linker adds none.
        #expect(page.contains(#"aria-describedby="actor-preview--russia" title="Moscow's view"><strong>RUSSIA</strong></a>"#))
        #expect(!page.contains(#"title="Iran""#) && !page.contains(#"title="Tehran""#))
    }

    @Test func eachLinkedActorHasOnePreviewWithNameKindAndSummary() throws {
        let page = try Self.site.read("briefings/talks/index.html")
        let previews = try #require(page.components(separatedBy: "<div class=\"mention-previews\" hidden>").dropFirst().first?
            .components(separatedBy: "</div>").first)
        #expect(previews.contains(#"<p id="actor-preview--iran" class="mention-preview mention-preview--state" dir="auto"><span class="mention-preview__name">Iran</span><span class="visually-hidden">, </span> <span class="mention-preview__kind">State</span><span class="visually-hidden">. </span> <span class="mention-preview__summary">A West Asian state &amp; SCO member.</span></p>"#))
        #expect(previews.contains(#"<p id="actor-preview--tehran" class="mention-preview mention-preview--place" dir="auto"><span class="mention-preview__name">Tehran</span>"#))
        // No summary, no empty summary line.
        #expect(previews.contains(#"<span class="mention-preview__kind">State</span></p>"#))
        for slug in ["iran", "tehran", "russia"] {
            #expect(page.components(separatedBy: "id=\"actor-preview--\(slug)\"").count == 2, "one preview for \(slug)")
        }
        #expect(page.contains(#"<script src="../../assets/mentions.js" defer></script>"#))
        #expect(Self.site.diagnostics.isEmpty)
    }

    @Test func aPageWithoutMentionsLoadsNoPreviewsAndNoScript() throws {
        let page = try Self.site.read("briefings/quiet/index.html")
        #expect(!page.contains("mention-previews"))
        #expect(!page.contains("mentions.js"))
    }

    @Test func feedsKeepPlainLinksWithoutDescriptionsTheyCannotHold() throws {
        let feed = try Self.site.read("feed.xml")
        #expect(feed.contains("class=&quot;mention&quot;") || feed.contains("class=\"mention\""))
        #expect(!feed.contains("aria-describedby"))
    }

    @Test func theScriptIsPublishedWithTheTheme() throws {
        let script = try Self.site.read("assets/mentions.js")
        #expect(script.contains("a.mention[aria-describedby]"))
        #expect(script.contains("\"Escape\""))
    }
}
