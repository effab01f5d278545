import Foundation
import Testing
@testable import DossierCore

/// Issue 12, search, in a real browser (Debian's chromium, headless): a query typed
/// into the search page finds a word of a last paragraph and links to its paragraph,
/// title matches first, the match marked in a quoted passage; parts of the index load
/// on demand from file:// and over http; "/" focuses the search box. Most tests read a
/// site built with `search.passages` on, from disk; without it (the default) results
/// are quoted from their pages over http, and show their summaries from disk.
/// Skipped with a message where chromium (or, for http, python3) is missing.
@Suite(.serialized) struct FullTextSearchClientTests {
    /// 8,000 distinct words in one briefing make the terms several shards.
    static let lexicon = (0..<8_000).map { "kw\($0)" }.joined(separator: " ")

    static func project(passages: Bool) -> String { """
    -- dossier.yml --
    title: Test Desk
    base_url: https://example.org/
    search: {passages: \(passages)}
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    ---
    Iran borders the Caspian Sea.
    -- content/briefings/shipping.md --
    ---
    title: Gulf shipping after the strikes
    date: 2025-06-30
    summary: What the strikes changed for tankers.
    actors: [iran]
    ---
    \(String(repeating: "Tankers crossing the Strait of Hormuz slowed down after the strikes in June. ", count: 8))

    \(String(repeating: "Port calls at Bandar Abbas dropped and freight rates rose for a month. ", count: 8))

    Finally, Iran's shipowners now pay war-risk insurance premiums three times as high as in May.
    -- content/briefings/markets.md --
    ---
    title: Insurance markets in the Gulf
    date: 2025-07-02
    summary: Underwriters and the strikes.
    ---
    Underwriters in London raised their rates.
    -- content/briefings/clause.md --
    ---
    title: A clause for tankers
    date: 2025-07-03
    ---
    ## Cover terms

    The clause `<img src=x onerror=alert(1)>` covers war-risk insurance too.
    -- content/briefings/lexicon.md --
    ---
    title: Lexicon
    date: 2025-07-04
    ---
    \(lexicon)
    """
    }

    static func build(_ style: URLStyle, passages: Bool = true) -> URL {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-full-text-search-\(style)-\(passages)-\(ProcessInfo.processInfo.processIdentifier)")
        if let project = try? TestProject(project(passages: passages)) {
            _ = SiteBuilder.build(BuildOptions(root: project.root, output: output, urlStyle: style))
            project.remove()
        }
        return output
    }

    static let site = build(.disk)
    static let chromium: URL? = which("chromium") ?? which("chromium-browser")
    static let python: URL? = which("python3")

    func dumpDOM(_ url: String) throws -> String {
        try dumpDOMAndConsole(url).dom
    }

    /// The DOM, and what the page wrote to its console (errors included), one message a line.
    ///
    /// Over http a result's quote waits for a real fetch, which virtual time does not
    /// govern: on a busy machine the page can be dumped before it arrives (CI saw it once).
    /// So a page is loaded again, with a longer budget, until `ready` holds of its DOM or
    /// the budgets run out; the last DOM is returned either way, for the test to judge.
    func dumpDOMAndConsole(_ url: String, until ready: (String) -> Bool = { _ in true }) throws -> (dom: String, console: [String]) {
        var last: (dom: String, console: [String]) = ("", [])
        for budget in [5_000, 15_000, 45_000] {
            let result = try run(Self.chromium!, [
                "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=\(budget)", "--enable-logging=stderr", "--v=0", "--dump-dom", url,
            ])
            last = (result.standardOutput, result.standardError.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init))
            if ready(last.dom) { break }
        }
        return last
    }

    /// The DOM of a copy of one of the site's pages, beside it, with `script` run at its
    /// end, opened from disk or from `server` (a URL ending in "/") when there is one.
    func dumpDOM(of path: String, running script: String, in site: URL = site, server: String? = nil) throws -> String {
        let page = site.appendingPathComponent(path)
        let html = try String(contentsOf: page, encoding: .utf8)
            .replacingOccurrences(of: "</body>", with: "<pre id=\"value\"></pre><script>\(script)</script></body>")
        let name = "harness-\(UUID().uuidString).html"
        let copy = page.deletingLastPathComponent().appendingPathComponent(name)
        try html.write(to: copy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: copy) }
        let folder = (path as NSString).deletingLastPathComponent
        return try dumpDOM(server.map { $0 + (folder.isEmpty ? "" : folder + "/") + name } ?? copy.absoluteString)
    }

    /// What `expression` (a value or a promise) gives on the search page, as JSON.
    func evaluate(_ expression: String) throws -> Any {
        let dom = try dumpDOM(of: "search/index.html", running: """
        Promise.resolve(\(expression)).then(function (value) { document.getElementById("value").textContent = JSON.stringify(value); });
        """)
        return try Self.value(in: dom)
    }

    static func value(in dom: String) throws -> Any {
        guard let start = dom.range(of: "<pre id=\"value\">")?.upperBound,
              let end = dom.range(of: "</pre>", range: start..<dom.endIndex)?.lowerBound else { return NSNull() }
        let text = String(dom[start..<end])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// Each result's title link and passage link, in order.
    static func results(in dom: String) throws -> [(title: String, passage: String?)] {
        let items = dom.components(separatedBy: "<li class=\"search-result\">").dropFirst()
        let link = try NSRegularExpression(pattern: "<a [^>]*href=\"([^\"]+)\"")
        return items.map { item in
            let links = link.matches(in: item, range: NSRange(item.startIndex..., in: item)).map {
                String(item[Range($0.range(at: 1), in: item)!])
            }
            return (links.first ?? "", links.count > 1 ? links[1] : nil)
        }
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func aTypedQueryFindsALastParagraphTitleMatchesFirstAndLinksToTheParagraph() throws {
        let dom = try dumpDOM(of: "search/index.html", running: """
        var input = document.getElementById("search-input");
        input.value = "insurance";
        input.dispatchEvent(new Event("input"));
        """)
        #expect(dom.contains("3 results for “insurance”."))
        let results = try Self.results(in: dom)
        #expect(results.map(\.title) == [
            "../briefings/markets/index.html", "../briefings/clause/index.html", "../briefings/shipping/index.html",
        ])
        #expect(results.first?.passage == nil, "found by its title alone: its summary is shown")
        #expect(results.last?.passage == "../briefings/shipping/index.html#p-finally-irans-shipowners-now-pay")
        #expect(dom.contains("<a dir=\"auto\" href=\"../briefings/markets/index.html\"><mark>Insurance</mark> markets in the Gulf</a>"))
        #expect(dom.contains("<a href=\"../briefings/shipping/index.html#p-finally-irans-shipowners-now-pay\">"
            + "Finally, Iran's shipowners now pay war-risk <mark>insurance</mark> premiums three times as high as in May.</a>"))
        let page = try String(contentsOf: Self.site.appendingPathComponent("briefings/shipping/index.html"), encoding: .utf8)
        #expect(page.contains(" id=\"p-finally-irans-shipowners-now-pay\""))
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func theSearchPageReadsItsQueryFromTheAddress() throws {
        let dom = try dumpDOM(Self.site.appendingPathComponent("search/index.html").absoluteString + "?q=insurance%20premiums")
        #expect(dom.contains("<input id=\"search-input\" type=\"search\" name=\"q\""))
        #expect(try Self.results(in: dom).map(\.title) == ["../briefings/shipping/index.html"])
        #expect(dom.contains("1 result for “insurance premiums”."))
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func aPassageIsShownAsTextNeverAsMarkupUnderItsSection() throws {
        let dom = try dumpDOM(Self.site.appendingPathComponent("search/index.html").absoluteString + "?q=clause")
        #expect(dom.contains("<span class=\"search-result__section\">Cover terms ›</span> <a href=\"../briefings/clause/index.html#p-the-clause-img-src-x\">"
            + "The <mark>clause</mark> &lt;img src=x onerror=alert(1)&gt; covers war-risk insurance too.</a>"))
        #expect(!dom.contains("<img"))
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func aQueryLoadsOnlyTheShardAndDocumentsItNeeds() throws {
        let value = try evaluate("""
        DossierSearch.search("kw7999").then(function (results) {
          var loaded = Array.from(document.querySelectorAll("script[src*='/search/']"), function (script) {
            return script.src.split("/assets/search/")[1];
          });
          return { shards: window.DOSSIER_SEARCH_INDEX.shards.length, urls: results.map(function (r) { return r.url; }), loaded: loaded };
        })
        """)
        let result = try #require(value as? [String: Any])
        #expect((result["shards"] as? Int ?? 0) >= 3)
        #expect(result["urls"] as? [String] == ["briefings/lexicon/index.html#p-kw0-kw1-kw2-kw3-kw4"])
        let loaded = try #require(result["loaded"] as? [String])
        #expect(loaded.filter { $0.hasPrefix("terms/") }.count == 1, "\(loaded)")
        #expect(loaded.filter { $0.hasPrefix("documents/") }.count == 1, "\(loaded)")
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func aLongPassageIsQuotedAroundItsMatchCutAtSpaces() throws {
        let value = try evaluate("""
        DossierSearch.search("kw5000").then(function (results) {
          var passage = results[0].passage;
          return [passage.text, passage.text.slice(passage.ranges[0][0], passage.ranges[0][1]), passage.ranges.length];
        })
        """)
        let result = try #require(value as? [Any])
        let text = try #require(result.first as? String)
        #expect(text.hasPrefix("…kw") && text.hasSuffix("…"), "\(text)")
        #expect((150...202).contains(text.count), "\(text.count) characters")
        #expect(result[1] as? String == "kw5000")
        #expect(result[2] as? Int == 1)
        #expect(text.dropFirst().dropLast().split(separator: " ").allSatisfy { $0.hasPrefix("kw") && $0.count > 2 }, "whole words only")
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func wordsAreFoundAtTheStartAndEndOfEveryShard() throws {
        let value = try evaluate("""
        Promise.all(["kw0", "kw3999", "kw7999", "kw12", "insurance", "tankers", "zzz"].map(function (q) {
          return DossierSearch.find(q).then(function (results) { return results.length; });
        }))
        """)
        #expect(value as? [Int] == [1, 1, 1, 1, 3, 2, 0])
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func marksFallOnTheTextAsWritten() throws {
        let cases: [(text: String, query: String, marks: [[Int]])] = [
            ("Côte d’Ivoire", "cote", [[0, 4]]),
            ("Iran’s oil", "IRAN oil", [[0, 4], [7, 10]]),
            ("این پیمان می\u{200C}دهد", "میدهد", [[10, 16]]),
            ("两国签署了条约。", "条约", [[5, 7]]),
            ("Sanctions and sanctioned", "sanction", [[0, 9], [14, 24]]),
            ("No match here", "iran", []),
        ]
        let calls = try cases.map { "DossierSearch.marks(\(try literal($0.text)), \(try literal($0.query)))" }.joined(separator: ", ")
        let value = try #require(try evaluate("[\(calls)]") as? [[[Int]]])
        #expect(value.count == cases.count)
        for (expected, actual) in zip(cases, value) {
            #expect(actual == expected.marks, "\(expected.text)")
        }
    }

    func literal(_ text: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed]), as: UTF8.self)
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func slashFocusesTheSearchBoxButNotWhileTypingInAnotherField() throws {
        // The shortcut is a deferred script (assets/shortcuts.js): it runs after the
        // page is parsed, so the presses wait for DOMContentLoaded, which follows it.
        let script = """
        document.addEventListener("DOMContentLoaded", function () {
        var focused = [];
        function press(target) {
          target.dispatchEvent(new KeyboardEvent("keydown", { key: "/", bubbles: true, cancelable: true }));
          focused.push(document.activeElement.id || document.activeElement.tagName);
        }
        press(document.body);
        var other = document.createElement("textarea");
        other.id = "other";
        document.body.appendChild(other);
        other.focus();
        press(other);
        document.getElementById("value").textContent = JSON.stringify(focused);
        });
        """
        let briefing = try dumpDOM(of: "briefings/shipping/index.html", running: script)
        #expect(try Self.value(in: briefing) as? [String] == ["site-search-input", "other"])
        let search = try dumpDOM(of: "search/index.html", running: script)
        #expect(try Self.value(in: search) as? [String] == ["search-input", "other"], "the search page's own box")
    }

    /// Without `search.passages` (the default): the index holds no passage, and the result
    /// on screen is quoted from its page, fetched, exactly as from the index.
    @Test(.enabled(if: chromium != nil && python != nil, "chromium or python3 is not installed (apt-get install chromium python3)"))
    func searchWorksOverHTTPWithPrettyURLsQuotesFromThePageAndTheAddressFollowsTheQuery() throws {
        let site = Self.build(.pretty, passages: false)
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(!(try String(contentsOf: site.appendingPathComponent("assets/search/documents/0.js"), encoding: .utf8)).contains("\"b\":"))
        let server = try StaticServer(serving: site, python: Self.python!)
        defer { server.stop() }
        let (dom, console) = try dumpDOMAndConsole("http://127.0.0.1:\(server.port)/search/?q=insurance%20premiums") {
            $0.contains("class=\"search-result__passage\"")
        }
        let results = try Self.results(in: dom)
        #expect(results.map(\.title) == ["../briefings/shipping/"])
        #expect(results.first?.passage == "../briefings/shipping/#p-finally-irans-shipowners-now-pay")
        #expect(dom.contains("<p dir=\"auto\" class=\"search-result__passage\"><a href=\"../briefings/shipping/#p-finally-irans-shipowners-now-pay\">"
            + "Finally, Iran's shipowners now pay war-risk <mark>insurance</mark> <mark>premiums</mark> three times as high as in May.</a></p>"))
        #expect(!dom.contains("What the strikes changed for tankers."), "the quote replaced the summary")
        #expect(console.isEmpty, "\(console)")
        // The section's heading, and text from the page as text, never as markup.
        let clause = try dumpDOMAndConsole("http://127.0.0.1:\(server.port)/search/?q=clause") {
            $0.contains("class=\"search-result__passage\"")
        }.dom
        #expect(clause.contains("<span class=\"search-result__section\">Cover terms ›</span> <a href=\"../briefings/clause/#p-the-clause-img-src-x\">"
            + "The <mark>clause</mark> &lt;img src=x onerror=alert(1)&gt; covers war-risk insurance too.</a>"))
        #expect(!clause.contains("<img"))
        // Over http the address follows what is typed, so it can be shared.
        let typed = try dumpDOM(of: "search/index.html", running: """
        var input = document.getElementById("search-input");
        input.value = "war risk";
        input.dispatchEvent(new Event("input"));
        setTimeout(function () { document.getElementById("value").textContent = JSON.stringify(location.search); }, 1000);
        """, in: site, server: "http://127.0.0.1:\(server.port)/")
        #expect(try Self.value(in: typed) as? String == "?q=war%20risk")
    }
}

extension FullTextSearchClientTests {
    /// Without `search.passages`, opened from disk, where pages cannot be fetched: a result
    /// shows its summary and links to its page, and nothing is written to the console.
    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func fromDiskWithoutPassagesAResultShowsItsSummary() throws {
        let site = Self.build(.disk, passages: false)
        defer { try? FileManager.default.removeItem(at: site) }
        let (dom, console) = try dumpDOMAndConsole(site.appendingPathComponent("search/index.html").absoluteString + "?q=insurance%20premiums")
        #expect(dom.contains("1 result for “insurance premiums”."))
        let results = try Self.results(in: dom)
        #expect(results.map(\.title) == ["../briefings/shipping/index.html"])
        #expect(!dom.contains("search-result__passage"))
        #expect(dom.contains("<p dir=\"auto\">What the strikes changed for tankers.</p></li>"))
        #expect(console.isEmpty, "\(console)")
    }
}

/// Python's http.server on a free port of 127.0.0.1, for as long as the test needs it.
final class StaticServer {
    let process = Process()
    let port: Int

    init(serving folder: URL, python: URL) throws {
        process.executableURL = python
        process.arguments = ["-c", """
            import functools, http.server, sys
            handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            print(server.server_address[1], flush=True)
            server.serve_forever()
            """, folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var data = Data()
        while !data.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        port = Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// SIGKILL: the test runner starts children with SIGTERM blocked, so `terminate()` would leave it running.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
