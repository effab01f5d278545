import Foundation
import Testing
@testable import DossierCore

/// The actor page's at-a-glance box (issue 12): kind, aliases, the relations that place
/// the actor grouped by type from both ends, first and latest mention, and the
/// briefings where it is a principal actor.
@Suite struct ActorInfoboxTests {
    static let project = """
    -- dossier.yml --
    title: Desk
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    aliases: [Islamic Republic of Iran, Persia]
    relations:
      - type: member-of
        target: sco
      - type: member-of
        target: brics
      - type: borders
        target: iraq
    ---
    -- content/actors/sco.md --
    ---
    title: SCO
    kind: organization
    ---
    -- content/actors/brics.md --
    ---
    title: BRICS
    kind: organization
    ---
    -- content/actors/iraq.md --
    ---
    title: Iraq
    kind: state
    ---
    -- content/actors/tehran.md --
    ---
    title: Tehran
    kind: place
    relations:
      - type: capital-of
        target: iran
    ---
    -- content/actors/pezeshkian.md --
    ---
    title: Masoud Pezeshkian
    kind: person
    relations:
      - type: leads
        target: iran
    ---
    -- content/briefings/oldest.md --
    ---
    title: The oldest briefing
    date: 2023-03-01
    ---
    ## Background

    Persia appears here first.
    -- content/briefings/middle.md --
    ---
    title: The middle briefing
    date: 2024-05-10
    actors: [iran]
    ---
    Iran and Iraq.
    -- content/briefings/newest.md --
    ---
    title: The newest briefing
    date: 2025-09-20
    actors: [iran, iraq]
    ---
    Iran again.
    """

    static let site = BuiltSite(project)

    static func infobox(for slug: String, project text: String = project) throws -> [String: Any] {
        let project = try TestProject(text)
        defer { project.remove() }
        let model = try #require(SiteBuilder.run(BuildOptions(root: project.root), into: nil).model)
        let actor = try #require(model.actors.first { $0.actor.slug == slug })
        return PageContexts(model: model, urls: SiteURLs(style: .disk)).actorInfobox(actor, on: .actor(slug))
    }

    static func rows(_ infobox: [String: Any]) -> [(label: String, targets: [String])] {
        (infobox["relation_rows"] as? [[String: Any]] ?? []).map { row in
            (row["label"] as? String ?? "", (row["targets"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String })
        }
    }

    @Test func keyRelationsAreGroupedByTypeFromBothEndsAndBordersAreLeftToTheRelationsSection() throws {
        let infobox = try Self.infobox(for: "iran")
        let rows = Self.rows(infobox)
        #expect(rows.map(\.label) == ["Has capital", "Led by", "Member of"])
        #expect(rows.first { $0.label == "Member of" }?.targets == ["BRICS", "SCO"])
        #expect(rows.first { $0.label == "Has capital" }?.targets == ["Tehran"])
        #expect(rows.first { $0.label == "Led by" }?.targets == ["Masoud Pezeshkian"])
        #expect(!rows.contains { $0.targets.contains("Iraq") })
        #expect(infobox["kind_label"] as? String == "State")
        #expect(infobox["alias_names"] as? [String] == ["Islamic Republic of Iran", "Persia"])
    }

    @Test func theIncomingEndShowsTheInverseLabel() throws {
        let rows = Self.rows(try Self.infobox(for: "sco"))
        #expect(rows.count == 1)
        #expect(rows.first?.label == "Has member")
        #expect(rows.first?.targets == ["Iran"])
    }

    @Test func firstAndLatestMentionAreDatedAndLinkToTheirPassage() throws {
        let infobox = try Self.infobox(for: "iran")
        let first = try #require(infobox["first_mention"] as? [String: Any])
        let latest = try #require(infobox["last_mention"] as? [String: Any])
        #expect(first["title"] as? String == "The oldest briefing")
        #expect(first["url"] as? String == "../../briefings/oldest/index.html#p-persia-appears-here-first")
        #expect((first["date"] as? [String: Any])?["machine"] as? String == "2023-03-01")
        #expect(latest["title"] as? String == "The newest briefing")
        #expect((latest["date"] as? [String: Any])?["display"] as? String == "20 September 2025")
    }

    @Test func aSingleMentioningBriefingIsShownOnceAsTheFirstMention() throws {
        let infobox = try Self.infobox(for: "iraq")
        #expect((infobox["first_mention"] as? [String: Any])?["title"] as? String == "The middle briefing")
        #expect(infobox["last_mention"] as? Bool == false)
    }

    @Test func anActorNoBriefingMentionsHasNoMentionDates() throws {
        let infobox = try Self.infobox(for: "brics")
        #expect(infobox["first_mention"] as? Bool == false)
        #expect(infobox["last_mention"] as? Bool == false)
        #expect(infobox["has_principal_briefings"] as? Bool == false)
    }

    @Test func principalBriefingsAreNewestFirst() throws {
        let infobox = try Self.infobox(for: "iran")
        let titles = (infobox["principal_briefings"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        #expect(titles == ["The newest briefing", "The middle briefing"])
        #expect(infobox["principal_more"] as? Bool == false)
    }

    @Test func longListsAreCutAndSayHowManyAreLeft() throws {
        var text = """
        -- dossier.yml --
        title: Desk
        -- content/actors/un.md --
        ---
        title: United Nations
        kind: organization
        ---
        """
        for number in 1...8 {
            text += """

            -- content/actors/state\(number).md --
            ---
            title: State \(number)
            kind: state
            relations:
              - type: member-of
                target: un
            ---
            -- content/briefings/b\(number).md --
            ---
            title: Briefing \(number)
            date: 2025-01-0\(number)
            actors: [un]
            ---
            The United Nations met.
            """
        }
        let infobox = try Self.infobox(for: "un", project: text)
        let row = try #require((infobox["relation_rows"] as? [[String: Any]])?.first)
        #expect((row["targets"] as? [[String: Any]])?.count == PageContexts.infoboxTargetsPerRow)
        #expect(row["more"] as? String == "+2 more")
        let briefings = (infobox["principal_briefings"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        #expect(briefings == ["Briefing 8", "Briefing 7", "Briefing 6"])
        #expect(infobox["principal_more"] as? String == "and 5 more briefings")
    }

    @Test func aTitleInAnotherLanguageKeepsItsLanguageAndDirectionInTheBox() throws {
        let site = BuiltSite("""
        -- dossier.yml --
        title: Desk
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        aliases: [ایران]
        ---
        -- content/briefings/fa.md --
        ---
        title: ایران و روسیه
        date: 2025-01-17
        language: fa
        actors: [iran]
        ---
        ایران با روسیه پیمان بست.
        """)
        let page = try site.read("actors/iran/index.html")
        #expect(page.contains(#"<dt>First mention</dt><dd><time datetime="2025-01-17">17 January 2025</time> <a href="../../briefings/fa/index.html#"#))
        #expect(page.contains(#"" lang="fa" dir="rtl">ایران و روسیه</a></dd>"#))
        #expect(page.contains(#"<li><a href="../../briefings/fa/index.html" lang="fa" dir="rtl">ایران و روسیه</a> <time datetime="2025-01-17">"#))
        #expect(page.contains("<dt>Also known as</dt><dd><ul class=\"infobox__list\"><li><bdi>ایران</bdi></li></ul></dd>"))
    }

    @Test func theActorPageShowsTheBoxAsADefinitionListBeforeTheProfile() throws {
        let page = try Self.site.read("actors/iran/index.html")
        let box = try #require(page.components(separatedBy: "<section class=\"infobox actor__glance\"").dropFirst().first?
            .components(separatedBy: "</section>").first)
        #expect(page.range(of: "class=\"infobox actor__glance\"")!.lowerBound < page.range(of: "class=\"actor__main\"")!.lowerBound)
        #expect(box.contains("<h2 id=\"glance-heading\" class=\"infobox__title\">At a glance</h2>"))
        #expect(box.contains("<dt>Kind</dt><dd><span class=\"kind-badge kind-badge--state\">State</span></dd>"))
        #expect(box.contains("<dt>Also known as</dt><dd><ul class=\"infobox__list\"><li><bdi>Islamic Republic of Iran</bdi></li><li><bdi>Persia</bdi></li></ul></dd>"))
        #expect(box.contains("<dt>Member of</dt><dd><ul class=\"infobox__list\"><li><a href=\"../../actors/brics/index.html\" class=\"infobox__actor infobox__actor--organization\" dir=\"auto\">BRICS</a></li><li><a href=\"../../actors/sco/index.html\""))
        #expect(box.contains("<dt>Has capital</dt>"))
        #expect(box.contains("<dt>First mention</dt><dd><time datetime=\"2023-03-01\">1 March 2023</time> <a href=\"../../briefings/oldest/index.html#p-persia-appears-here-first\" dir=\"auto\">The oldest briefing</a></dd>"))
        #expect(box.contains("<dt>Latest mention</dt><dd><time datetime=\"2025-09-20\">20 September 2025</time>"))
        #expect(box.contains("<dt>Principal actor in</dt><dd><ul class=\"infobox__briefings\"><li><a href=\"../../briefings/newest/index.html\" dir=\"auto\">The newest briefing</a>"))
        #expect(Self.site.diagnostics.allSatisfy { !$0.contains("error") })
    }
}
