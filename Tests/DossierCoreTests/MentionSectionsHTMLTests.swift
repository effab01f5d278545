import Foundation
import Testing
@testable import DossierCore

/// Issue 10's rendering work: "Mentioned in" groups and their passages are written in
/// Swift while the theme's `partials/mention-sections` and `partials/passage` are the
/// built-in ones, byte for byte as Mustache draws them; a project overriding either
/// gets them rendered by Mustache with every value they read.
@Suite struct MentionSectionsHTMLTests {
    /// Groups of every kind, one with more than three passages (some folded), sections
    /// whose titles need escaping, a document in another language and several pages
    /// of mentions.
    static let project = """
    -- dossier.yml --
    title: Desk
    language: en
    paginate_by: 2
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    aliases: [Tehran, ایران]
    ---
    Iran borders Iraq.
    -- content/actors/iraq.md --
    ---
    title: Iraq
    kind: state
    ---
    Iraq borders Iran. Baghdad talks to Tehran.
    -- content/pages/about.md --
    ---
    title: About
    ---
    The desk follows Iran & Iraq.
    -- content/briefings/talks.md --
    ---
    title: "Talks <in> \\"Vienna\\""
    date: 2025-01-10
    ---
    ## Opening & "first"

    Iran met Iraq.

    Tehran said it's ready.

    ## Second round

    Iran and Iraq met again. Then Iran left.

    Iraq waited for Iran.

    Iran came back.
    -- content/briefings/fa.md --
    ---
    title: ایران
    date: 2025-02-11
    language: fa
    ---
    ایران با عراق دیدار کرد. Iraq too.
    -- content/briefings/more.md --
    ---
    title: More talks
    date: 2025-03-12
    ---
    Iraq met Iran.
    """

    static let builtIn = BuiltSite(project)

    @Test func theBuiltInThemeWritesMentionGroupsWithoutMustache() throws {
        let theme = try #require(Theme.load(projectRoot: URL(fileURLWithPath: "/nonexistent-project")).0)
        // The built-in partials are the texts `MentionSectionsHTML` writes; if they change, so must it.
        #expect(theme.mentionSectionsHTML.isActive)
        #expect(!theme.mentionSectionsHTML.groupValuesMayBeRead)
    }

    @Test func groupsWrittenInSwiftAreTheBytesMustacheRendersFromACopyOfThePartial() throws {
        let copy = BuiltSite(Self.project + "\n-- templates/partials/mention-sections.mustache --\n" + MentionSectionsHTML.builtInSections)
        #expect(Self.builtIn.diagnostics == [] && copy.diagnostics == [])
        #expect(Self.builtIn.paths == copy.paths)
        let pages = Self.builtIn.paths.filter { $0.hasPrefix("actors/") && $0.hasSuffix("index.html") }
        #expect(pages.count >= 5)
        for path in Self.builtIn.paths {
            #expect(try Self.builtIn.read(path) == copy.read(path), "\(path)")
        }
        // The pages compared do show what the partials draw: folded passages, escaped
        // sections, another language's direction.
        let iran = try Self.builtIn.read("actors/iran/index.html") + Self.builtIn.read("actors/iran/mentions/2/index.html")
        #expect(iran.contains("<details class=\"mentions-more\">\n<summary>"))
        #expect(iran.contains("<span class=\"snippet__section\">Opening &amp; &quot;first&quot;</span> <mark>Iran</mark> met Iraq."))
        #expect(iran.contains("<mark>Tehran</mark> said it&#39;s ready.</a></li>\n"))
        #expect(iran.contains(" lang=\"fa\" dir=\"rtl\">"))
        #expect(iran.contains("</ul>\n</details>\n</section>\n\n<h3 class=\"label\">Actor profiles</h3>\n<section class=\"mention-group\">"))
    }

    @Test func anOverriddenPassagePartialShowsInEveryPassageAndReadsTheGroupAndPage() throws {
        let site = BuiltSite(Self.project + """

            -- templates/partials/passage.mustache --
            <li class="mine">{{url}}|{{title}}|{{page_title}}|{{{snippet_html}}}</li>
            """)
        #expect(site.diagnostics == [])
        let iraq = try site.read("actors/iraq/index.html")
        #expect(iraq.contains("<li class=\"mine\">../../briefings/more/index.html#"))
        #expect(iraq.contains("|More talks|Iraq · Desk|<mark>Iraq</mark> met Iran.</li>"))
        #expect(!iraq.contains("class=\"snippet\""))
    }

    static let walkingTemplate = """
        {{#mention_sections}}{{label}}:{{#groups}}[{{title}} {{#passages}}<{{url}}>{{/passages}}{{#more_passages}}+{{/more_passages}}]{{/groups}}
        {{/mention_sections}}
        """

    @Test func aTemplateWalkingMentionSectionsStillReadsTheGroupsValues() throws {
        let site = BuiltSite(Self.project + """

            -- templates/actor.mustache --
            \(Self.walkingTemplate)
            -- templates/actor-mentions.mustache --
            \(Self.walkingTemplate)
            """)
        #expect(site.diagnostics == [])
        let iran = try site.read("actors/iran/index.html")
        #expect(iran.contains("Briefings:[More talks <../../briefings/more/index.html#p-iraq-met-iran>][ایران <../../briefings/fa/index.html#p-iraq-too>]\n"))
        let later = try site.read("actors/iran/mentions/2/index.html")
        #expect(later.contains("#p-iran-and-iraq-met-again>++]\nActor profiles:[Iraq <../../../../actors/iraq/index.html#p-iraq-borders-iran-baghdad-talks>]\n"))
    }
}
