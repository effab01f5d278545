import Foundation
import Testing
@testable import DossierCore

/// Real clients read the built site: a feed reader (PyPI's feedparser) and a
/// browser (Debian's chromium, headless, from file://). `.ci/run` installs both;
/// elsewhere each test is skipped with a message when its client is missing.
@Suite(.serialized) struct ClientTests {
    static let site: URL = {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-clients-\(ProcessInfo.processInfo.processIdentifier)")
        _ = SiteBuilder.build(BuildOptions(root: TestPaths.fixtures.appendingPathComponent("small-project"), output: output))
        return output
    }()

    static let feedparserAvailable: Bool = {
        guard let python = which("python3") else { return false }
        return (try? run(python, ["-c", "import feedparser"]).status) == 0
    }()

    static let chromium: URL? = which("chromium") ?? which("chromium-browser")

    @Test(.enabled(if: feedparserAvailable, "python3 with feedparser is not installed (pip install feedparser)"))
    func feedsParseWithARealClient() throws {
        let script = """
        import sys, feedparser
        for name in ("feed.xml",):
            feed = feedparser.parse(sys.argv[1] + "/" + name)
            assert not feed.bozo, (name, feed.bozo_exception)
            assert feed.feed.title == "Small Desk", feed.feed.title
            titles = [entry.title for entry in feed.entries]
            assert titles == ["Iran and Russia sign a <strategic> treaty", "Iran in the SCO"], titles
            first = feed.entries[0]
            assert first.link == "https://example.org/small/briefings/treaty/index.html", first.link
            assert "https://example.org/small/actors/iran/index.html" in first.content[0].value, first.get("content")
            print(name, feed.version, len(feed.entries))
        """
        let result = try run(which("python3")!, ["-c", script, Self.site.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "feed.xml atom10 2\n")
    }

    /// feedparser (6.0) reads no JSON Feed, so the JSON Feed 1.1 rules are checked here:
    /// version URL, title, and items that each have an id and content.
    @Test func jsonFeedFollowsTheSpecification() throws {
        let data = try Data(contentsOf: Self.site.appendingPathComponent("feed.json"))
        let feed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["title"] as? String == "Small Desk")
        #expect(feed["feed_url"] as? String == "https://example.org/small/feed.json")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.count == 2)
        for item in items {
            #expect(item["id"] is String)
            #expect(item["content_html"] is String || item["content_text"] is String)
            let published = try #require(item["date_published"] as? String)
            #expect(published.hasSuffix("Z") && published.count == 20)
        }
        let first = items[0]
        #expect(first["url"] as? String == "https://example.org/small/briefings/treaty/index.html")
        #expect((first["content_html"] as? String)?.contains("href=\"https://example.org/small/actors/iran/index.html\"") == true)
        #expect(first["authors"] as? [[String: String]] == [["name": "Desk analyst"]])
    }

    func dumpDOM(_ url: String) throws -> String {
        let result = try run(Self.chromium!, [
            "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--virtual-time-budget=3000",
            "--dump-dom", url,
        ])
        return result.standardOutput
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func aBriefingRendersLinkedMentionsInABrowserFromDisk() throws {
        let dom = try dumpDOM(Self.site.appendingPathComponent("briefings/treaty/index.html").absoluteString)
        #expect(dom.contains("<a href=\"../../actors/iran/index.html\" data-card=\"state alias\">Islamic Republic of Iran</a>"))
        #expect(dom.contains("<a href=\"../../actors/moscow/index.html\" data-card=\"place\">Moscow</a>"))
        #expect(dom.contains("id=\"p-the-islamic-republic-of-iran\""))
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func searchWorksFromDisk() throws {
        let dom = try dumpDOM(Self.site.appendingPathComponent("search/index.html").absoluteString + "?q=treaty")
        #expect(dom.contains("<a dir=\"auto\" href=\"../briefings/treaty/index.html\">Iran and Russia sign a &lt;strategic&gt; <mark>treaty</mark></a>"))
    }
}
