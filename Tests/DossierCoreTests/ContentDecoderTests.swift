import Testing
@testable import DossierCore

@Suite struct BriefingDecoderTests {
    let full = """
    ---
    title: "Eastward bound"
    date: 2025-09-20
    updated: 2025-09-22T10:15:00Z
    summary: A standfirst.
    authors: [Desk analyst, Second author]
    actors: [iran, russia]
    tags: [Sanctions, nuclear deal]
    draft: false
    sources:
      - id: cspa-text
        title: Treaty on Comprehensive Strategic Partnership
        publisher: Kremlin
        url: https://example.org/cspa
        date: 2025-01-17
    events:
      - date: 2025-01
        title: Treaty signed
        actors: [iran, russia]
        place: moscow
        source: cspa-text
    region: west-asia
    weight: 3
    ---
    Body text.
    """

    @Test func decodesEveryField() throws {
        let result = ContentDecoder.briefing(full, path: "content/briefings/eastward.md", fileSlug: "eastward")
        #expect(result.diagnostics.isEmpty)
        let briefing = try #require(result.value)
        #expect(briefing.slug == "eastward")
        #expect(briefing.title == "Eastward bound")
        #expect(briefing.date.text == "2025-09-20")
        #expect(briefing.updated?.precision == .time)
        #expect(briefing.summary == "A standfirst.")
        #expect(briefing.authors == ["Desk analyst", "Second author"])
        #expect(briefing.actors.map(\.value) == ["iran", "russia"])
        #expect(briefing.actors[0].location == SourceLocation(path: "content/briefings/eastward.md", line: 7, column: 10))
        #expect(briefing.tags == ["sanctions", "nuclear-deal"])
        #expect(briefing.draft == false)
        #expect(briefing.sources.count == 1)
        #expect(briefing.sources[0].publisher == "Kremlin")
        #expect(briefing.sources[0].date?.isoDay == "2025-01-17")
        #expect(briefing.events.count == 1)
        #expect(briefing.events[0].date.precision == .month)
        #expect(briefing.events[0].place?.value == "moscow")
        #expect(briefing.events[0].source == "cspa-text")
        #expect(briefing.params == [ParamEntry(key: "region", value: .string("west-asia")), ParamEntry(key: "weight", value: .int(3))])
        #expect(briefing.body.text == "Body text.\n" || briefing.body.text == "Body text.")
        #expect(briefing.body.firstLine == 25)
    }

    @Test func slugOverride() throws {
        let result = ContentDecoder.briefing("---\ntitle: T\ndate: 2025\nslug: other-name\n---\n", path: "p.md", fileSlug: "file")
        #expect(result.value?.slug == "other-name")
    }
}

@Suite struct ActorDecoderTests {
    @Test func decodesEveryField() throws {
        let text = """
        ---
        title: Iran
        kind: state
        aliases: [Islamic Republic of Iran]
        autolink: true
        summary: One line.
        relations:
          - type: member-of
            target: sco
            since: 2023-07
          - type: strategic-partner
            target: russia
            since: 2025-01-17
            until: 2045
            note: 20-year framework
            source: cspa
        sources:
          - id: cspa
            title: The treaty
        flag: 🇮🇷
        ---
        Profile.
        """
        let result = ContentDecoder.actor(text, path: "content/actors/iran.md", fileSlug: "iran")
        #expect(result.diagnostics.isEmpty)
        let actor = try #require(result.value)
        #expect(actor.kind == .state)
        #expect(actor.aliases.map(\.value) == ["Islamic Republic of Iran"])
        #expect(actor.relations.count == 2)
        #expect(actor.relations[0].since?.precision == .month)
        #expect(actor.relations[1].until?.precision == .year)
        #expect(actor.relations[1].source == "cspa")
        #expect(actor.relations[1].type.location.line == 11)
        #expect(actor.params == [ParamEntry(key: "flag", value: .string("🇮🇷"))])
        #expect(actor.titleLocation == SourceLocation(path: "content/actors/iran.md", line: 2, column: 8))
    }
}

/// Each error class with its exact position: (file text, expected diagnostics).
@Suite struct DecoderDiagnosticTests {
    static let cases: [(String, String, [String])] = [
        ("missing front matter", "Just text.\n", ["content/actors/x.md:1:1: error: missing front matter: start the file with '---', the YAML fields, then '---'"]),
        ("empty file", "\n  \n", ["content/actors/x.md:1:1: error: file is empty"]),
        ("unterminated", "---\ntitle: X\n", ["content/actors/x.md:1:1: error: front matter opened with '---' is never closed"]),
        ("missing required", "---\nsummary: s\n---\n", [
            "content/actors/x.md:1:1: error: missing required field 'kind'",
            "content/actors/x.md:1:1: error: missing required field 'title'",
        ]),
        ("unknown kind", "---\ntitle: X\nkind: country\n---\n", [
            "content/actors/x.md:3:7: error: unknown kind 'country'; expected one of state, organization, person, place, agreement, group",
        ]),
        ("type mismatch", "---\ntitle: [a, b]\nkind: state\n---\n", [
            "content/actors/x.md:2:8: error: expected a string for 'title', found a list",
        ]),
        ("duplicate key", "---\ntitle: X\nkind: state\ntitle: Y\n---\n", [
            "content/actors/x.md:4:1: error: duplicate key 'title' (first set on line 2)",
        ]),
        ("bad date", "---\ntitle: X\nkind: state\nrelations:\n  - type: ally\n    target: y\n    since: 2025-13-01\n---\n", [
            "content/actors/x.md:7:12: error: invalid date '2025-13-01' for 'since': use YYYY, YYYY-MM, YYYY-MM-DD or a full ISO 8601 timestamp",
        ]),
        ("bad slug", "---\ntitle: X\nkind: state\nslug: Iran_2\n---\n", [
            "content/actors/x.md:4:7: error: invalid slug 'Iran_2': use lowercase letters, digits and '-'",
        ]),
        ("YAML syntax", "---\ntitle: X\nkind: [state\n---\n", [
            "content/actors/x.md:4:1: error: invalid YAML: while parsing a flow sequence did not find expected ',' or ']'",
        ]),
        ("unknown source", "---\ntitle: X\nkind: state\nrelations:\n  - type: ally\n    target: y\n    source: nowhere\n---\n", [
            "content/actors/x.md:5:5: error: unknown source 'nowhere'; list it under 'sources'",
        ]),
        ("relation without target", "---\ntitle: X\nkind: state\nrelations:\n  - type: ally\n---\n", [
            "content/actors/x.md:5:5: error: a relation needs a 'target'",
        ]),
    ]

    @Test(arguments: cases.indices)
    func reportsAtTheExactPosition(index: Int) {
        let (name, text, expected) = Self.cases[index]
        let result = ContentDecoder.actor(text, path: "content/actors/x.md", fileSlug: "x")
        #expect(result.diagnostics.sorted().lines == expected, "case: \(name)")
    }

    @Test func briefingDateIsRequiredAndValidated() {
        let result = ContentDecoder.briefing("---\ntitle: T\ndate: soon\n---\n", path: "b.md", fileSlug: "b")
        #expect(result.value?.date.text == "1970", "an invalid date keeps a stand-in so later stages still run")
        #expect(result.diagnostics.lines == ["b.md:3:7: error: invalid date 'soon' for 'date': use YYYY, YYYY-MM, YYYY-MM-DD or a full ISO 8601 timestamp"])
    }

    @Test func badFileNameSlug() {
        let result = ContentDecoder.briefing("---\ntitle: T\ndate: 2025\n---\n", path: "content/briefings/My File.md", fileSlug: "My File")
        #expect(result.diagnostics.lines == [
            "content/briefings/My File.md:1:1: error: invalid slug 'My File' from the file name: rename the file or set 'slug:' (lowercase letters, digits and '-')",
        ])
    }

    @Test func pagesMayLackFrontMatterAndTitle() {
        let result = ContentDecoder.page("# Hello\n", path: "content/pages/about.md", fileSlug: "about")
        #expect(result.value?.title == "about")
        #expect(result.diagnostics.lines == ["content/pages/about.md:1:1: warning: page has no 'title'; using 'about'"])
    }
}

@Suite struct SiteConfigTests {
    @Test func decodesEverything() {
        let (config, diagnostics) = SiteConfig.decode("""
        title: West Asia
        description: Briefings.
        language: en-GB
        base_url: https://example.org/wa
        url_style: pretty
        linking:
          mode: all
          case_sensitive: false
          ignore: [Niger River]
        relation_types:
          mediates-between:
            label: mediates between
            inverse: mediation offered by
        markdown:
          unsafe_html: true
        analytics: none
        """)
        #expect(diagnostics.isEmpty)
        #expect(config.baseURL == "https://example.org/wa/")
        #expect(config.urlStyle == .pretty)
        #expect(config.linking.mode == .all)
        #expect(config.linking.caseSensitive == false)
        #expect(config.linking.ignore == ["Niger River"])
        #expect(config.relationTypes.first?.inverseLabel == "mediation offered by")
        #expect(config.allowRawHTML)
        #expect(config.params == [ParamEntry(key: "analytics", value: .string("none"))])
    }

    @Test func reportsBadValues() {
        let (_, diagnostics) = SiteConfig.decode("base_url: example.org\nlinking:\n  mode: sometimes\n")
        #expect(diagnostics.lines == [
            "dossier.yml:1:11: error: 'base_url' must be an absolute http(s) URL, e.g. https://example.org/briefings/",
            "dossier.yml:3:9: error: unknown linking mode 'sometimes': expected first, all or none",
        ])
    }
}
