import Foundation
import Testing
@testable import DossierCore

/// `dossier suggest` as a stage: a project's model in, ranked names out.
@Suite struct NameSuggesterTests {
    static let actors = """
    -- dossier.yml --
    title: Suggest
    linking:
      ignore: [Niger River]
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    aliases: [Islamic Republic of Iran]
    ---
    -- content/actors/georgia.md --
    ---
    title: Georgia
    kind: state
    autolink: false
    ---
    -- content/actors/abbas-araghchi.md --
    ---
    title: Abbas Araghchi
    kind: person
    ---
    -- content/actors/west-asia.md --
    ---
    title: West Asia
    kind: place
    ---
    -- content/actors/uae.md --
    ---
    title: United Arab Emirates
    kind: state
    ---
    """

    func suggestions(_ briefings: String, minimum: Int = 2) throws -> [NameSuggestion] {
        let project = try TestProject(Self.actors + "\n" + briefings)
        defer { project.remove() }
        let model = try #require(SiteBuilder.run(BuildOptions(root: project.root), into: nil).model)
        return NameSuggester.suggest(model, minimumOccurrences: minimum)
    }

    func names(_ briefings: String, minimum: Int = 2) throws -> [String] {
        try suggestions(briefings, minimum: minimum).map(\.name)
    }

    func briefing(_ slug: String, _ body: String) -> String {
        "-- content/briefings/\(slug).md --\n---\ntitle: \(slug)\ndate: 2025-01-01\n---\n\(body)\n"
    }

    @Test func ranksRecurringNamesByOccurrencesAndDocuments() throws {
        let found = try suggestions(
            briefing("a", "Talks in Vienna, then in Oman. The Gulf Cooperation Council met in Oman and in Oman.")
                + briefing("b", "Later the Gulf Cooperation Council met in Vienna, and again in Vienna.")
                + briefing("c", "The envoy went to Vienna."))
        // Vienna: 4 mentions + 3 documents; Oman: 3 + 1; the Council: 2 + 2.
        #expect(found.map(\.name) == ["Vienna", "Gulf Cooperation Council", "Oman"])
        #expect(found.map(\.occurrences) == [4, 2, 3])
        #expect(found.map(\.documents) == [3, 2, 1])
    }

    @Test func citationsInFootnotesAreNotNames() throws {
        let cited = "Talks in Vienna.[^r]\n\n[^r]: Eastward Review, Gulf Press, 2025."
        #expect(try names(briefing("a", cited) + briefing("b", cited) + briefing("c", cited)) == ["Vienna"])
    }

    @Test func onceIsNotRecurring() throws {
        #expect(try names(briefing("a", "Iran met Oman.")) == [])
        #expect(try names(briefing("a", "Iran met Oman."), minimum: 1) == ["Oman"])
    }

    @Test func neverSuggestsANameAnActorOwnsInAnyCase() throws {
        // Georgia does not auto-link, "IRAN" differs in case, "Islamic Republic of Iran" is an alias.
        let body = "Georgia and Iran talked. IRAN and GEORGIA agreed. The Islamic Republic of Iran and Georgia met. IRAN."
        #expect(try names(briefing("a", body), minimum: 1) == [])
    }

    @Test func skipsLinkingIgnorePhrases() throws {
        #expect(try names(briefing("a", "On the Niger River and the Niger River banks."), minimum: 1) == [])
    }

    @Test func skipsSentenceInitialWordsThatAreNotNames() throws {
        let body = """
        However, the talks went on. Tensions rose in Oman. Oman replied.

        Sanctions bit. The sanctions hurt. Following the vote, Oman left.
        """
        // "Tensions" and "Sanctions" start sentences only; "Oman" also stands mid-sentence.
        #expect(try names(briefing("a", body)) == ["Oman"])
    }

    @Test func keepsANameThatAlsoStartsSentences() throws {
        let found = try suggestions(briefing("a", "Muscat hosted the talks. The envoy flew to Muscat."))
        #expect(found.map(\.name) == ["Muscat"])
        #expect(found.first?.occurrences == 2)
    }

    @Test func skipsTitlesMonthsAndDays() throws {
        let body = "President Pezeshkian spoke in June. On Monday President Pezeshkian left. In June the Minister stayed; Minister Pezeshkian."
        let found = try names(briefing("a", body))
        #expect(found == ["Pezeshkian"])
    }

    @Test func findsPossessiveAndHyphenatedForms() throws {
        let body = "Oman's envoy met a Hezbollah-led delegation. Hezbollah's officials and Oman-based bankers agreed."
        #expect(try names(briefing("a", body)) == ["Hezbollah", "Oman"])
    }

    @Test func tellsOneNameWithAndFromTwoNames() throws {
        let body = """
        Trinidad and Tobago voted. Later Trinidad and Tobago abstained.

        Both Niger and Mali voted. Mali abstained, and Mali left. Then Niger stayed.
        """
        #expect(Set(try names(briefing("a", body))) == ["Trinidad and Tobago", "Mali", "Niger"])
    }

    @Test func aHyphenatedNameThatContainsAnActorsName() throws {
        // "Iran" is an actor, yet "Iran-Contra" is another name; "Iran-Iraq" is Iran and Iraq.
        let body = "The Iran-Contra affair. After Iran-Contra, the Iran-Iraq war. Iraq lost. Iraq won. Iraq signed."
        #expect(Set(try names(briefing("a", body))) == ["Iran-Contra", "Iraq"])
    }

    @Test func leavesOutDemonymsAndAdjectives() throws {
        let body = """
        Iranian officials met Nigerian envoys in Nigeria. Nigeria agreed; Nigerian troops left. Iranian and
        Spanish ships, Spanish crews, Muslim leaders, Muslim voters and West Asian states, West Asian capitals.
        """
        #expect(try names(briefing("a", body)) == ["Nigeria"])
    }

    @Test func pointsAtAnAliasForPartsOfAPersonsNameAndForInitials() throws {
        let found = try suggestions(briefing("a", "Talks with Araghchi. Then Araghchi left. The UAE agreed; the UAE signed."))
        #expect(found.map(\.name) == ["Araghchi", "UAE"])
        #expect(found.map(\.aliasOf) == ["abbas-araghchi", "uae"])
    }

    @Test func readsActorProfilesButNotPages() throws {
        let extra = """
        -- content/actors/oman.md --
        ---
        title: Sultanate
        kind: state
        ---
        Muscat is the capital; Muscat hosts talks.
        -- content/pages/about.md --
        ---
        title: About
        ---
        Built with Dossier. Dossier is a tool.
        """
        #expect(try names(extra) == ["Muscat"])
    }

    @Test func readsOnlyTheProseTheLinkerLinks() throws {
        let body = """
        ## Oman and Vienna

        See [Oman](https://example.org) and `Vienna` and <span>Oman</span>.

        ```
        Vienna Vienna
        ```
        """
        #expect(try names(briefing("a", body), minimum: 1) == [])
    }

    @Test func theExampleIsExactAndCarriesTheTextAround() throws {
        let body = """
        > The talks in
        > the Gulf Cooperation Council's *seat* went on; &amp; the Gulf Cooperation Council agreed.
        """
        let found = try #require(try suggestions(briefing("a", body)).first)
        #expect(found.name == "Gulf Cooperation Council")
        // Front matter takes four lines; the name starts at column 7 of the body's second line.
        #expect(found.example == SourceLocation(path: "content/briefings/a.md", line: 6, column: 7))
        #expect(found.context.contains("the Gulf Cooperation Council's seat went on"))
    }

    @Test func draftsAreReadOnlyWithDrafts() throws {
        let project = try TestProject(Self.actors + "\n" + "-- content/briefings/d.md --\n---\ntitle: D\ndate: 2025-01-01\ndraft: true\n---\nOman and Oman.\n")
        defer { project.remove() }
        let plain = try #require(SiteBuilder.run(BuildOptions(root: project.root), into: nil).model)
        let drafts = try #require(SiteBuilder.run(BuildOptions(root: project.root, drafts: true), into: nil).model)
        #expect(NameSuggester.suggest(plain).isEmpty)
        #expect(NameSuggester.suggest(drafts).map(\.name) == ["Oman"])
    }

    @Test func theSameInputGivesTheSameList() throws {
        let body = briefing("a", "In Vienna, Oman, Muscat and Doha. Then Vienna, Oman, Muscat and Doha.") + briefing("b", "In Doha and Muscat.")
        let first = try suggestions(body)
        #expect(first.count == 4)
        #expect(try suggestions(body) == first)
    }
}
