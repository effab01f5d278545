import Foundation
import Testing
@testable import DossierCore

/// Feed readers show entries outside the site, so every link in an entry's content is
/// absolute (notes and their back-links included); and an entry's id does not change
/// when the URL style does.
@Suite struct FeedLinkTests {
    static let project = """
    -- dossier.yml --
    title: Feeds
    base_url: https://example.org/desk/
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    ---
    -- content/briefings/treaty.md --
    ---
    title: Treaty
    date: 2025-01-20
    sources:
      - id: cspa
        title: Treaty text
        url: https://example.org/cspa
    ---
    ## Signed

    Iran signed.[^cspa] A note of mine.[^mine] See [the other](other.md#why) and [above](#signed).

    ![Map](map.png)

    [^mine]: Mine, citing [the other](other.md).
    -- content/briefings/other.md --
    ---
    title: Other
    date: 2025-01-10
    ---
    ## Why

    Text.
    """

    static func build(_ style: URLStyle) throws -> (atom: String, json: [String: Any]) {
        let project = try TestProject(project)
        defer { project.remove() }
        try project.write("content/briefings/treaty/map.png", Data([1, 2, 3]))
        let sink = MemorySink()
        let report = SiteBuilder.run(BuildOptions(root: project.root, urlStyle: style), into: sink)
        guard report.diagnostics.isEmpty, let atom = sink.files["feed.xml"], let json = sink.files["feed.json"],
              let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        else { throw BuildFailed(diagnostics: report.diagnostics.lines) }
        return (String(decoding: atom, as: UTF8.self), object)
    }

    struct BuildFailed: Error { var diagnostics: [String] }

    /// Every `href` and `src` in the escaped HTML of the feed's entries.
    static func contentLinks(_ atom: String) -> [String] {
        var links: [String] = []
        for attribute in ["href=&quot;", "src=&quot;"] {
            var rest = atom[...]
            while let start = rest.range(of: attribute) {
                let value = rest[start.upperBound...]
                guard let end = value.range(of: "&quot;") else { break }
                links.append(String(value[..<end.lowerBound]))
                rest = value[end.upperBound...]
            }
        }
        return links
    }

    @Test(arguments: [URLStyle.disk, .pretty])
    func everyLinkInEntryContentIsAbsolute(style: URLStyle) throws {
        let (atom, json) = try Self.build(style)
        let page = "https://example.org/desk/briefings/treaty/" + (style == .disk ? "index.html" : "")
        let other = "https://example.org/desk/briefings/other/" + (style == .disk ? "index.html" : "")
        let links = Self.contentLinks(atom)
        #expect(links.count >= 9)
        #expect(links.allSatisfy { $0.hasPrefix("https://") }, "\(links.filter { !$0.hasPrefix("https://") })")
        for expected in [page + "#fn-cspa", page + "#fnref-cspa", page + "#fn-mine", page + "#fnref-mine", page + "#signed",
                         other + "#why", other, "https://example.org/cspa", "https://example.org/desk/actors/iran/" + (style == .disk ? "index.html" : ""),
                         "https://example.org/desk/briefings/treaty/map.png"] {
            #expect(links.contains(expected), "\(expected)")
        }
        let items = try #require(json["items"] as? [[String: Any]])
        let content = try #require(items.first { $0["title"] as? String == "Treaty" }?["content_html"] as? String)
        #expect(content.contains("href=\"\(page)#fn-cspa\""))
        #expect(!content.contains("href=\"#"))
        #expect(!content.contains("dossier-site:") && !content.contains("dossier:"))
    }

    @Test func anEntryIdIsThePrettyURLOfItsPage() throws {
        let briefing = try #require(ContentDecoder.briefing("---\ntitle: T\ndate: 2025-01-01\n---\n", path: "content/briefings/t.md", fileSlug: "t").value)
        #expect(Feeds.entryID(briefing, base: "https://example.org/desk/") == "https://example.org/desk/briefings/t/")
    }

    @Test func entryIdsAreTheSameInBothURLStyles() throws {
        let disk = try Self.build(.disk), pretty = try Self.build(.pretty)
        func atomIDs(_ atom: String) -> [String] {
            atom.components(separatedBy: "<id>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        func jsonIDs(_ json: [String: Any]) -> [String] {
            (json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        let expected = ["https://example.org/desk/", "https://example.org/desk/briefings/treaty/", "https://example.org/desk/briefings/other/"]
        #expect(atomIDs(disk.atom) == expected)
        #expect(atomIDs(pretty.atom) == expected)
        #expect(jsonIDs(disk.json) == Array(expected.dropFirst()))
        #expect(jsonIDs(pretty.json) == Array(expected.dropFirst()))
        // The link readers follow still names the page the way the site does.
        #expect(disk.atom.contains(#"<link rel="alternate" type="text/html" href="https://example.org/desk/briefings/treaty/index.html"/>"#))
    }
}
