import Foundation
import Testing
@testable import DossierCore

/// What a screen reader and a keyboard meet on the site's pages.
@Suite struct AccessibilityTests {
    static let site = BuiltSite("""
    -- dossier.yml --
    title: Desk
    base_url: https://example.org/
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    relations:
      - type: member-of
        target: sco
      - type: partner
        target: china
    ---
    -- content/actors/sco.md --
    ---
    title: Shanghai Cooperation Organisation
    kind: organization
    aliases: [SCO]
    ---
    -- content/actors/china.md --
    ---
    title: China
    kind: state
    relations:
      - type: member-of
        target: sco
    ---
    -- content/actors/belarus.md --
    ---
    title: Belarus
    kind: state
    relations:
      - type: member-of
        target: sco
    ---
    -- content/briefings/one.md --
    ---
    title: One
    date: 2024-05-01
    tags: [security]
    ---
    Iran joined the SCO.[^1]

    [^1]: A note.
    -- content/briefings/two.md --
    ---
    title: Two
    date: 2025-02-01
    tags: [security]
    ---
    Iran again.
    """)

    /// The levels of the headings inside `<main>`, in order.
    static func headingLevels(_ html: String) -> [Int] {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return [] }
        let main = html[start.upperBound..<end.lowerBound]
        var levels: [Int] = []
        var rest = main[...]
        while let range = rest.range(of: "<h") {
            let digit = rest[range.upperBound]
            if let level = digit.wholeNumberValue, (1...6).contains(level) { levels.append(level) }
            rest = rest[range.upperBound...]
        }
        return levels
    }

    /// No heading is more than one level below the one before it.
    static func skipsALevel(_ levels: [Int]) -> Bool {
        zip(levels, levels.dropFirst()).contains { $1 > $0 + 1 }
    }

    @Test func aTagPageHasNoHeadingLevelSkipped() throws {
        let levels = Self.headingLevels(try Self.site.read("tags/security/index.html"))
        #expect(levels == [1, 2, 3, 2, 3])
        #expect(!Self.skipsALevel(levels))
    }

    @Test(arguments: ["index.html", "briefings/index.html", "actors/index.html", "actors/iran/index.html", "tags/index.html",
                      "timeline/index.html", "graph/index.html", "sources/index.html", "briefings/one/index.html", "404.html"])
    func noPageSkipsAHeadingLevel(path: String) throws {
        let levels = Self.headingLevels(try Self.site.read(path))
        #expect(levels.first == 1)
        #expect(!Self.skipsALevel(levels), "\(levels)")
    }

    @Test func notesHaveARealHeading() throws {
        let html = try Self.site.read("briefings/one/index.html")
        #expect(html.contains("<section class=\"footnotes\" data-footnotes>\n<h2 class=\"footnotes__title\">Notes</h2>\n<ol>"))
        #expect(!(try Self.site.read("assets/dossier.css")).contains("content: \"Notes\""))
    }

    @Test func aMentionCountIsBesideItsHeadingNotInsideIt() throws {
        let html = try Self.site.read("actors/iran/index.html")
        #expect(html.contains("<h4><a href=\"../../briefings/two/index.html\" dir=\"auto\">Two</a></h4>\n<span class=\"count\" title=\"1 mention\"><span aria-hidden=\"true\">1</span><span class=\"visually-hidden\">1 mention</span></span>"))
        let headings = html.components(separatedBy: "<h4>").dropFirst().map { $0.components(separatedBy: "</h4>")[0] }
        #expect(!headings.isEmpty)
        #expect(headings.allSatisfy { !$0.contains("count") })
    }

    @Test func theGraphPageListsEveryDrawnRelationAsText() throws {
        let html = try Self.site.read("graph/index.html")
        #expect(html.contains("<summary>The picture's 4 relations as a table</summary>"))
        let rows = html.components(separatedBy: "<tr><th scope=\"row\">").dropFirst().map { $0.components(separatedBy: "</tr>")[0] }
        #expect(rows.count == 4)
        #expect(rows.first == "<a href=\"../actors/belarus/index.html\" dir=\"auto\">Belarus</a></th><td>member of</td><td><a href=\"../actors/sco/index.html\" dir=\"auto\">Shanghai Cooperation Organisation</a></td>")
        #expect(rows.contains("<a href=\"../actors/iran/index.html\" dir=\"auto\">Iran</a></th><td>partner of</td><td><a href=\"../actors/china/index.html\" dir=\"auto\">China</a></td>"))
    }

    @Test func graphNodesAreInTabOrderByName() throws {
        let html = try Self.site.read("graph/index.html")
        let ids = Self.graphNodeSlugs(html)
        #expect(ids == ["belarus", "china", "iran", "sco"])
    }

    @Test func theNeighbourhoodGraphPutsItsCentreLast() throws {
        let html = try Self.site.read("actors/iran/index.html")
        let ids = Self.graphNodeSlugs(html)
        #expect(ids.last == "iran")
        #expect(Array(ids.dropLast()) == ["china", "sco"])
    }

    /// The actors of a page's graph picture, in the order its node links come.
    static func graphNodeSlugs(_ html: String) -> [String] {
        html.matches(of: #/<a href="[.\/]*actors\/([a-z0-9-]+)\/index\.html" class="node[ "]/#).map { String($0.output.1) }
    }

    @Test func everyPageLinksTheFavicon() throws {
        #expect(try Self.site.read("tags/security/index.html").contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"../../assets/favicon.svg\">"))
        #expect(try Self.site.read("assets/favicon.svg").hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }
}
