import Foundation
import Testing
@testable import DossierCore

/// `actor_quotes` (issue 10): an actor's "Mentioned in" quotes the passages of its first
/// documents only, in the list's order, and lists every other document as one line
/// linking to the actor's first passage in it; later pages hold ten times as many links.
@Suite struct ActorQuotesConfigTests {
    @Test func actorQuotesDefaultsToTen() {
        let (config, diagnostics) = SiteConfig.decode("title: T\n")
        #expect(config.actorQuotes == .first(10))
        #expect(diagnostics.isEmpty)
    }

    @Test func actorQuotesIsReadAsANumberOrAll() {
        #expect(SiteConfig.decode("actor_quotes: 3\n").0.actorQuotes == .first(3))
        #expect(SiteConfig.decode("actor_quotes: 0\n").0.actorQuotes == .first(0))
        #expect(SiteConfig.decode("actor_quotes: all\n").0.actorQuotes == .all)
    }

    @Test(arguments: [
        ("actor_quotes: -1\n", "dossier.yml:1:15: error: 'actor_quotes' must be 'all' or between 0 and 100000, found -1"),
        ("title: T\nactor_quotes: many\n", "dossier.yml:2:15: error: expected a whole number or 'all' for 'actor_quotes', found 'many'"),
        ("actor_quotes: 2.5\n", "dossier.yml:1:15: error: expected a whole number or 'all' for 'actor_quotes', found '2.5'"),
        ("actor_quotes: [all]\n", "dossier.yml:1:15: error: expected a whole number or 'all' for 'actor_quotes', found a list"),
    ])
    func anInvalidValueIsAnErrorAtTheValue(yaml: String, expected: String) {
        let (config, diagnostics) = SiteConfig.decode(yaml)
        #expect(diagnostics.lines == [expected])
        #expect(config.actorQuotes == .first(10))
    }

    @Test func quotedCountsNeverPassTheDocuments() {
        #expect(ActorQuotes.all.quoted(of: 7) == 7)
        #expect(ActorQuotes.first(10).quoted(of: 7) == 7)
        #expect(ActorQuotes.first(3).quoted(of: 7) == 3)
        #expect(ActorQuotes.first(0).quoted(of: 7) == 0)
    }
}

@Suite struct MentionLinkPagerTests {
    @Test func theLastPageOfQuotesIsFilledWithLinksThenLinkPagesAreTenTimesLarger() {
        let pager = Pager(weights: [1, 1], size: 5, budget: 50, thenLinks: 30, linksPerPage: 10)
        #expect(pager.count == 32)
        #expect(pager.range(ofPage: 1) == 0..<5)
        #expect(pager.range(ofPage: 2) == 5..<15)
        #expect(pager.range(ofPage: 4) == 25..<32)
        #expect(pager.pageCount == 4)
    }

    @Test func thePassageBudgetClosesPagesOfQuotesOnly() {
        // The heavy quoted document has its page; the links after it are never weighed.
        let pager = Pager(weights: [60, 1], size: 5, budget: 50, thenLinks: 12, linksPerPage: 10)
        #expect(pager.range(ofPage: 1) == 0..<1)
        #expect(pager.range(ofPage: 2) == 1..<6)
        #expect(pager.range(ofPage: 3) == 6..<14)
        #expect(pager.pageCount == 3)
    }

    @Test func withNoQuotesTheActorPageHoldsAPageOfLinks() {
        let pager = Pager(weights: [], size: 5, budget: 50, thenLinks: 7, linksPerPage: 50)
        #expect(pager.range(ofPage: 1) == 0..<5)
        #expect(pager.range(ofPage: 2) == 5..<7)
        #expect(pager.pageCount == 2)
    }

    @Test func withoutLinksThePagesAreThoseOfQuotes() {
        let weights = [3, 60, 1, 1, 1, 1]
        #expect(Pager(weights: weights, size: 2, budget: 20, thenLinks: 0, linksPerPage: 20) == Pager(weights: weights, size: 2, budget: 20))
    }
}

@Suite struct ActorQuotesSiteTests {
    /// Iran in fourteen briefings (one naming it in 25 paragraphs), a profile and a page.
    static func project(_ settings: String) -> String {
        let dense = (1...25).map { "Iran in paragraph \($0)." }.joined(separator: "\n\n")
        let briefings = (1...13).map { number in
            """
            -- content/briefings/b\(number).md --
            ---
            title: "Briefing <\(number)>"
            date: 2025-01-\(String(format: "%02d", number + 10))
            ---
            A first paragraph without the name.

            Iran acts in briefing \(number).

            Then Tehran acts again.
            """
        }.joined(separator: "\n")
        return """
        -- dossier.yml --
        title: Desk
        base_url: https://example.org/
        \(settings)
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        aliases: [Tehran]
        ---
        -- content/actors/iraq.md --
        ---
        title: Iraq
        kind: state
        ---
        Iraq borders Iran.
        -- content/pages/about.md --
        ---
        title: About
        language: fa
        ---
        The desk follows Iran.
        -- content/briefings/dense.md --
        ---
        title: The dense briefing
        date: 2024-12-01
        ---
        \(dense)
        \(briefings)
        """
    }

    static let documents = Set((1...13).map { "briefings/b\($0)" } + ["briefings/dense", "actors/iraq", "about"])

    /// The documents each page of Iran's "Mentioned in" quotes (by their heading) and
    /// links (by their line), as "briefings/b3", "actors/iraq" or "about".
    static func listed(_ site: BuiltSite) throws -> (quoted: [[String]], linked: [[String]]) {
        var quoted: [[String]] = [], linked: [[String]] = []
        var path = "actors/iran/index.html"
        var number = 1
        while let page = try? site.read(path) {
            let panel = try #require(page.components(separatedBy: "<h2 id=\"mentions-heading\">Mentioned in</h2>").last)
            quoted.append(documents(in: panel, after: "<h4><a href=\""))
            let lists = panel.components(separatedBy: "<ul class=\"mention-links\">").dropFirst().map { $0.components(separatedBy: "</ul>")[0] }
            linked.append(lists.flatMap { documents(in: $0, after: "<li><a href=\"") })
            number += 1
            path = "actors/iran/mentions/\(number)/index.html"
        }
        return (quoted, linked)
    }

    private static func documents(in html: String, after marker: String) -> [String] {
        html.components(separatedBy: marker).dropFirst().map { piece in
            let url = piece.prefix { $0 != "\"" && $0 != "#" }
            let parts = url.split(separator: "/").filter { $0 != ".." && $0 != "index.html" }
            return parts.joined(separator: "/")
        }
    }

    @Test func theFirstDocumentsAreQuotedAndTheRestLinkedOnceEachOverThePages() throws {
        let site = BuiltSite(Self.project("paginate_by: 1\nactor_quotes: 2"))
        #expect(site.diagnostics == [])
        let (quoted, linked) = try Self.listed(site)
        // Quoted documents keep `paginate_by` a page; links come ten times as many a page.
        #expect(quoted == [["briefings/b13"], ["briefings/b12"], [], []])
        #expect(linked.map(\.count) == [0, 0, 10, 4])
        let all = Array(quoted.joined()) + Array(linked.joined())
        #expect(all.count == Self.documents.count && Set(all) == Self.documents)
        // Briefings newest first, then profiles, then pages, as in the quoted list.
        #expect(Array(linked.joined()) == (1...11).reversed().map { "briefings/b\($0)" } + ["briefings/dense", "actors/iraq", "about"])
    }

    @Test func aLinkLeadsToTheActorsFirstPassageWithItsDateCountAndDirection() throws {
        let site = BuiltSite(Self.project("actor_quotes: 1"))
        let page = try site.read("actors/iran/index.html")
        #expect(page.contains("""
            <ul class="mention-links">
            <li><a href="../../briefings/b12/index.html#p-iran-acts-in-briefing-12">Briefing &lt;12&gt;</a> \
            <time datetime="2025-01-22">22 January 2025</time> · 2 mentions</li>

            """))
        #expect(page.contains("<li><a href=\"../../briefings/dense/index.html#p-iran-in-paragraph-1\">The dense briefing</a> "
            + "<time datetime=\"2024-12-01\">1 December 2024</time> · 25 mentions</li>\n</ul>\n\n<h3 class=\"label\">Actor profiles</h3>\n"
            + "<ul class=\"mention-links\">\n<li><a href=\"../../actors/iraq/index.html#p-iraq-borders-iran\">Iraq</a> · 1 mention</li>\n</ul>\n"))
        #expect(page.contains("<li><a href=\"../../about/index.html#p-the-desk-follows-iran\" lang=\"fa\" dir=\"rtl\">About</a> · 1 mention</li>"))
        // The one quoted document is drawn as before.
        #expect(page.contains("<h4><a href=\"../../briefings/b13/index.html\" dir=\"auto\">Briefing &lt;13&gt;</a></h4>"))
        #expect(!page.contains("Iran acts in briefing 12."))
        #expect((try? site.read("actors/iran/mentions/2/index.html")) == nil)
    }

    @Test func aLinkInThePagesLanguageHasNoDirAutoUnlessAProjectsPartialAsksForIt() throws {
        let site = BuiltSite(Self.project("actor_quotes: 1"))
        let lines = try site.read("actors/iran/index.html").components(separatedBy: "\n").filter { $0.hasPrefix("<li><a href=") && $0.contains(" · ") }
        #expect(lines.count == Self.documents.count - 1)
        #expect(lines.filter { $0.contains("dir=") } == [
            "<li><a href=\"../../about/index.html#p-the-desk-follows-iran\" lang=\"fa\" dir=\"rtl\">About</a> · 1 mention</li>",
        ])
        // `lang_dir_html` keeps its meaning for a project's own line.
        let own = MentionSectionsHTML.builtInLink.replacingOccurrences(of: "link_lang_dir_html", with: "lang_dir_html")
        let project = BuiltSite(Self.project("actor_quotes: 1") + "\n-- templates/partials/mention-link.mustache --\n" + own)
        #expect(try project.read("actors/iran/index.html").contains(
            "<li><a href=\"../../actors/iraq/index.html#p-iraq-borders-iran\" dir=\"auto\">Iraq</a> · 1 mention</li>"))
    }

    @Test func zeroQuotesListsEveryDocumentAsALink() throws {
        let site = BuiltSite(Self.project("actor_quotes: 0"))
        let (quoted, linked) = try Self.listed(site)
        #expect(quoted == [[]] && Set(linked.joined()) == Self.documents)
        #expect(!(try site.read("actors/iran/index.html")).contains("mention-group\""))
    }

    @Test func linesWrittenInSwiftAreTheBytesMustacheRendersFromCopiesOfThePartials() throws {
        let settings = "paginate_by: 1\nactor_quotes: 2"
        let builtIn = BuiltSite(Self.project(settings))
        let copy = BuiltSite(Self.project(settings) + "\n-- templates/partials/mention-link.mustache --\n" + MentionSectionsHTML.builtInLink)
        #expect(builtIn.diagnostics == [] && copy.diagnostics == [] && builtIn.paths == copy.paths)
        for path in builtIn.paths { #expect(try builtIn.read(path) == copy.read(path), "\(path)") }
        #expect(try builtIn.read("actors/iran/mentions/3/index.html").contains("<ul class=\"mention-links\">"))
    }

    /// `partials/mention-sections` as it was before `actor_quotes`: it draws every
    /// document quoted, as every page did.
    static let sectionsBeforeActorQuotes = """
        {{#mention_sections}}
        <h3 class="label">{{label}}</h3>
        {{#groups}}
        <section class="mention-group">
        {{! The title, count and date are rendered once per document (or count) by their partials, each ending in a newline. }}
        <div class="mention-group__header">
        {{{title_html}}}{{{count_html}}}</div>
        {{{date_html}}}<ul class="mentions">
        {{#passages}}
        {{>partials/passage}}
        {{/passages}}
        </ul>
        {{#has_more_passages}}
        <details class="mentions-more">
        <summary>{{more_label}}</summary>
        <ul class="mentions">
        {{#more_passages}}
        {{>partials/passage}}
        {{/more_passages}}
        </ul>
        </details>
        {{/has_more_passages}}
        </section>
        {{/groups}}
        {{/mention_sections}}

        """

    @Test func allQuotesEveryDocumentAsBeforeByteForByte() throws {
        let settings = "paginate_by: 2\nactor_quotes: all"
        let all = BuiltSite(Self.project(settings))
        let before = BuiltSite(Self.project(settings) + "\n-- templates/partials/mention-sections.mustache --\n" + Self.sectionsBeforeActorQuotes)
        #expect(all.diagnostics == [] && before.diagnostics == [] && all.paths == before.paths)
        for path in all.paths where path.hasPrefix("actors/") { #expect(try all.read(path) == before.read(path), "\(path)") }
        let (quoted, linked) = try Self.listed(all)
        #expect(linked.joined().isEmpty && Set(quoted.joined()) == Self.documents)
        // The passage budget still pages the quotes: the dense briefing has a page to itself.
        #expect(quoted.contains(["briefings/dense"]))
    }

    @Test func aTemplateWalkingTheSectionsReadsTheLinksValues() throws {
        let site = BuiltSite(Self.project("actor_quotes: 1") + """

            -- templates/actor.mustache --
            {{#mention_sections}}{{label}}:{{#groups}}[{{title}}]{{/groups}}{{#links}}<{{title}}|{{url}}|{{document_url}}|{{count}}|{{count_label}}|{{#date}}{{machine}}{{/date}}>{{/links}}
            {{/mention_sections}}
            """)
        #expect(site.diagnostics == [])
        let page = try site.read("actors/iran/index.html")
        #expect(page.contains("Briefings:[Briefing &lt;13&gt;]<Briefing &lt;12&gt;|../../briefings/b12/index.html#p-iran-acts-in-briefing-12|"
            + "../../briefings/b12/index.html|2|2 mentions|2025-01-22>"))
        #expect(page.contains("\nActor profiles:<Iraq|../../actors/iraq/index.html#p-iraq-borders-iran|../../actors/iraq/index.html|1|1 mention|>\n"))
    }
}

/// A cached build after an edit writes what a clean build writes, whether the edit
/// touches a quoted document, a linked one, a linked one's title, or `actor_quotes`.
@Suite(.serialized) struct ActorQuotesCachedBuildTests {
    /// Iran's page quotes b13 and b12; its second page links the fourteen others.
    @discardableResult
    static func cachedBuildMatchesCleanAfter(_ edit: (TestProject) throws -> Void) throws -> BuildReport {
        let project = try TestProject(ActorQuotesSiteTests.project("paginate_by: 2\nactor_quotes: 2"))
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try edit(project)
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        return report
    }

    static let actorPage = "actors/iran/index.html", linkPage = "actors/iran/mentions/2/index.html"

    @Test func aPassageOfALinkedDocumentOtherThanItsFirstEditedRendersNeitherPage() throws {
        let report = try Self.cachedBuildMatchesCleanAfter {
            try Self.replace("Then Tehran acts again.", with: "Then Tehran waits.", in: "content/briefings/b3.md", $0)
        }
        // Their inputs keys read the edited document; what they show of it did not change.
        #expect(report.reusedRenders.contains(Self.linkPage) && report.reusedRenders.contains(Self.actorPage))
        #expect(!report.changedPaths.contains(Self.linkPage) && !report.changedPaths.contains(Self.actorPage))
        #expect(report.changedPaths.contains("briefings/b3/index.html"))
    }

    @Test func aPassageOfAQuotedDocumentEditedRendersTheActorPageOnly() throws {
        let report = try Self.cachedBuildMatchesCleanAfter {
            try Self.replace("Then Tehran acts again.", with: "Then Tehran waits.", in: "content/briefings/b13.md", $0)
        }
        #expect(report.changedPaths.contains(Self.actorPage))
        #expect(report.reusedRenders.contains(Self.linkPage) && !report.changedPaths.contains(Self.linkPage))
    }

    static func replace(_ old: String, with new: String, in path: String, _ project: TestProject) throws {
        let text = try String(contentsOf: project.root.appendingPathComponent(path), encoding: .utf8)
        #expect(text.contains(old))
        try project.write(path, text.replacingOccurrences(of: old, with: new))
    }

    @Test func aPassageOfAQuotedDocumentEdited() throws {
        try Self.cachedBuildMatchesCleanAfter { try Self.replace("Iran acts in briefing 13.", with: "Iran waits in briefing 13.", in: "content/briefings/b13.md", $0) }
    }

    @Test func aPassageOfALinkedDocumentEdited() throws {
        try Self.cachedBuildMatchesCleanAfter { try Self.replace("Iran acts in briefing 3.", with: "Iran waits in briefing 3.", in: "content/briefings/b3.md", $0) }
    }

    @Test func theFirstPassageOfALinkedDocumentRemoved() throws {
        try Self.cachedBuildMatchesCleanAfter { try Self.replace("Iran acts in briefing 3.", with: "Nobody acts.", in: "content/briefings/b3.md", $0) }
    }

    @Test func aLinkedDocumentsTitleChanged() throws {
        try Self.cachedBuildMatchesCleanAfter { try Self.replace("title: \"Briefing <4>\"", with: "title: Renamed", in: "content/briefings/b4.md", $0) }
    }

    @Test func actorQuotesChanged() throws {
        try Self.cachedBuildMatchesCleanAfter { try Self.replace("actor_quotes: 2", with: "actor_quotes: 5", in: "dossier.yml", $0) }
        try Self.cachedBuildMatchesCleanAfter { try Self.replace("actor_quotes: 2", with: "actor_quotes: all", in: "dossier.yml", $0) }
    }
}
