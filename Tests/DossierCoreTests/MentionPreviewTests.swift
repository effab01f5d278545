import Foundation
import Testing
@testable import DossierCore

/// Mentions in prose (issue 12): a link classed by its actor's kind, marked when its
/// text is another name than the actor's title, without a title attribute repeating
/// the text, and marked `data-card`: assets/mentions.js fetches the actor's preview card
/// (name, kind, summary; `actors/SLUG/card.html`, see ActorCardTests) on hover and
/// keyboard focus. The page holds no card.
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

    @Test func aLinksTextNamesItsTitleByTheSameRuleWithOrWithoutTheASCIIShortcut() {
        let cases: [(text: String, title: String, names: Bool)] = [
            ("IRAN", "Iran", true), ("Iran", "Iran ", false), ("Ira", "Iran", false), ("@[", "`{", false),
            ("Côte", "CÔTE", true), ("Cote", "Côte", false), ("a&amp;b", "A&B", true), ("<em>Iran</em>", "iran", true),
        ]
        for item in cases {
            var text = item.text
            #expect(text.withUTF8 { MentionLinks.names($0, item.title) } == item.names, "\(item.text) / \(item.title)")
        }
    }

    @Test func aLinkCarriesItsKindAndIsMarkedForItsCard() {
        let result = Self.resolve(#"<p><a href="dossier:actors/tehran/index.html">Tehran</a> met.</p>"#)
        #expect(result.html == #"<p><a href="../../actors/tehran/index.html" data-card="place">Tehran</a> met.</p>"#)
        #expect(result.linked == ["tehran"])
    }

    @Test func aLinkWhoseTextIsAnotherNameIsMarkedAsAnAlias() {
        let result = Self.resolve(#"<a href="dossier:actors/iran/index.html">Tehran</a> and <a href="dossier:actors/iran/">IRAN</a>"#)
        #expect(result.html == #"<a href="../../actors/iran/index.html" data-card="state alias">Tehran</a> and <a href="../../actors/iran/" data-card="state">IRAN</a>"#)
        #expect(result.linked == ["iran"])
    }

    @Test func markupAndEntitiesInTheLinkTextStillReadAsTheTitle() {
        let result = Self.resolve(#"<a href="dossier:actors/at-t/index.html"><strong>AT&amp;T</strong></a>"#)
        #expect(result.html.hasPrefix(#"<a href="../../actors/at-t/index.html" data-card="organization""#))
    }

    @Test func anAttributeTheAuthorWroteStaysAndAnUnknownActorGetsNoCard() {
        let result = Self.resolve(#"<a href="dossier:actors/iran/index.html#p-x" title="a note">Iran</a> <a href="dossier:actors/gone/index.html">Gone</a>"#)
        #expect(result.html == #"<a href="../../actors/iran/index.html#p-x" data-card="state" title="a note">Iran</a> <a class="mention" href="../../actors/gone/index.html">Gone</a>"#)
        #expect(result.linked == ["iran"])
    }

    @Test func theSameWordLinkingToTwoActorsLooksDifferent() throws {
        let page = try Self.site.read("briefings/talks/index.html")
        #expect(page.contains(#"<a href="../../actors/iran/index.html" data-card="state alias">Tehran</a> said Iran"#))
        #expect(page.contains(#"Traffic in <a href="../../actors/tehran/index.html" data-card="place">Tehran</a> stopped"#))
        // The author's own title stays; the linker adds none.
        #expect(page.contains(#"href="../../actors/russia/index.html" data-card="state" title="Moscow's view"><strong>RUSSIA</strong></a>"#))
        #expect(!page.contains(#"title="Iran""#) && !page.contains(#"title="Tehran""#))
    }

    @Test func thePageHoldsNoCardsAndLoadsTheScriptThatFetchesThem() throws {
        let page = try Self.site.read("briefings/talks/index.html")
        #expect(!page.contains("mention-previews"))
        #expect(!page.contains("mention-preview"))
        #expect(!page.contains("actor-preview--"))
        #expect(!page.contains("A West Asian state"))
        #expect(page.components(separatedBy: "mentions.js").count == 2)
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
        #expect(!feed.contains("aria-describedby") && !feed.contains("data-card"))
    }

    @Test func theScriptIsPublishedWithTheTheme() throws {
        let script = try Self.site.read("assets/mentions.js")
        #expect(script.contains("a[data-card]"))
        #expect(script.contains("card.html"))
        #expect(script.contains("\"Escape\""))
    }
}
