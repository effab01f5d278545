import Foundation
import Testing
@testable import DossierCore

/// Issue 15, item 3, in a real browser (Debian's chromium, headless, from file://):
/// queries in Chinese, Japanese, Thai and Persian find the briefing that says it, and
/// the terms search.js makes of a query are those SearchTokenizer made of the index.
/// Most queries are asked through `window.DossierSearch` in one page load, since
/// each start of chromium takes about two seconds.
/// Skipped with a message where chromium is missing.
@Suite(.serialized) struct SearchInEveryScriptClientTests {
    static let site: URL = {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-scripts-search-\(ProcessInfo.processInfo.processIdentifier)")
        // With its passages in the index, so a site opened from disk quotes them.
        let text = ScriptsProject.text.replacingOccurrences(of: "language: en\n", with: "language: en\nsearch: {passages: true}\n")
        if let project = try? TestProject(text) {
            _ = SiteBuilder.build(BuildOptions(root: project.root, output: output))
            project.remove()
        }
        return output
    }()

    static let chromium: URL? = which("chromium") ?? which("chromium-browser")

    func dumpDOM(_ url: String) throws -> String {
        try run(Self.chromium!, [
            "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--virtual-time-budget=3000",
            "--dump-dom", url,
        ]).standardOutput
    }

    /// The value of a JavaScript `expression` (or of the promise it makes), evaluated in
    /// a page beside the site's search page that loads the search index and search.js,
    /// read back as JSON.
    func evaluate(_ expression: String) throws -> Any {
        let page = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>harness</title></head><body><pre id="value"></pre>
        <script src="../assets/search-index.js"></script><script src="../assets/search.js"></script>
        <script>Promise.resolve(\(expression)).then(function (value) { document.getElementById("value").textContent = JSON.stringify(value); });</script>
        </body></html>
        """
        let harness = Self.site.appendingPathComponent("search/harness-\(UUID().uuidString).html")
        try page.write(to: harness, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: harness) }
        let dom = try dumpDOM(harness.absoluteString)
        guard let start = dom.range(of: "<pre id=\"value\">")?.upperBound,
              let end = dom.range(of: "</pre>", range: start..<dom.endIndex)?.lowerBound else { return NSNull() }
        let text = String(dom[start..<end])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: "\u{00A0}").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    static func javaScriptLiteral(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]), as: UTF8.self)
            .replacingOccurrences(of: "</", with: "<\\/")
    }

    /// What the search page's own script finds for `query`: the paths of the pages found, best first.
    func resultsOnTheSearchPage(for query: String) throws -> [String] {
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let dom = try dumpDOM(Self.site.appendingPathComponent("search/index.html").absoluteString + "?q=" + encoded)
        let pattern = try NSRegularExpression(pattern: "<li class=\"search-result\">.*?<a [^>]*href=\"\\.\\./([^\"]+)\"")
        return pattern.matches(in: dom, range: NSRange(dom.startIndex..., in: dom)).map { match in
            String(dom[Range(match.range(at: 1), in: dom)!])
        }
    }

    /// The queries and the pages each must find, best first, all asked in one page load.
    static let queries: [(query: String, found: [String])] = [
        // "Iran treaty": 伊朗 and 条约 are both in one briefing, never side by side.
        ("伊朗条约", ["briefings/zh-treaty/index.html"]),
        // "imports oil", in the other briefing's text only.
        ("进口石油", ["briefings/zh-energy/index.html"]),
        // A phrase that no text holds finds nothing, though 伊朗 is everywhere.
        ("伊朗足球", []),
        // Japanese: "treaty signing".
        ("条約署名", ["briefings/ja-treaty/index.html"]),
        // Thai: "treaty", inside a run of Thai.
        ("สนธิสัญญา", ["briefings/th-treaty/index.html"]),
        // Persian "military cooperation": the text has Persian letters, the query Arabic ones.
        ("همكاري نظامي", ["briefings/fa-treaty/index.html"]),
        // The text has Arabic letters (مسكو ايران), the query Persian ones.
        ("مسکو ایران", ["briefings/fa-treaty/index.html"]),
        // With or without the zero-width non-joiner: می‌دهد / میدهد.
        ("میدهد", ["briefings/fa-treaty/index.html"]),
        ("می\u{200C}دهد", ["briefings/fa-treaty/index.html"]),
    ]

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func queriesInEveryScriptFindTheBriefingThatSaysIt() throws {
        let queries = try Self.javaScriptLiteral(Self.queries.map(\.query))
        let found = try #require(try evaluate(
            "Promise.all(\(queries).map(function (q) { return window.DossierSearch.search(q).then(function (results) { return results.map(function (r) { return r.entry.u; }); }); }))") as? [[String]])
        #expect(found.count == Self.queries.count)
        for (expected, actual) in zip(Self.queries, found) {
            #expect(actual == expected.found, "\(expected.query)")
        }
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func theSearchPageFindsAChineseQueryWithoutSpaces() throws {
        // 伊朗 alone: both Chinese briefings, the one with it in its title first, and Iran's page by its alias.
        let iran = try resultsOnTheSearchPage(for: "伊朗")
        #expect(iran.first == "briefings/zh-treaty/index.html")
        #expect(Set(iran).isSuperset(of: ["briefings/zh-energy/index.html", "actors/iran/index.html"]))
        #expect(!iran.contains("briefings/ja-treaty/index.html"))
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func theSearchPageFindsAPersianQueryQuotesItsPassageAndIsolatesItsResults() throws {
        let query = "همکاری".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let dom = try dumpDOM(Self.site.appendingPathComponent("search/index.html").absoluteString + "?q=" + query)
        #expect(dom.contains("<a dir=\"auto\" lang=\"fa\" href=\"../briefings/fa-treaty/index.html\">پیمان ایران و روسیه</a>"))
        // The passage that holds it, quoted with the word marked, links to its paragraph.
        #expect(dom.contains("<p dir=\"auto\" lang=\"fa\" class=\"search-result__passage\"><a href=\"../briefings/fa-treaty/index.html#p-"))
        #expect(dom.contains("این پیمان <mark>همکاری</mark> نظامی"))
    }

    /// Strings that test every step of the folding and splitting, in many scripts.
    static let samples = [
        "Iran’s treaty (2025): Côte d’Ivoire, İstanbul, Straße, ǅemal, ΟΔΟΣ Σίσυφος, Ａｂｃ",
        "伊朗和俄罗斯签署了条约。美", "イランはIAEAと協力、ハ\u{3099}ク", "𠀀𠀁 and 𠀂",
        "จีนและไทย ๑๒๓", "ອີຣານແລະລັດເຊຍ", "ចិន។រុស្ស៊ី", "တရုတ်။ မန္တလေး",
        "ايران و روسيه، بين‌المللي، ایـــران، مسئول، مصطفى، إيران", "٢٠٢٥ ۲۰۲۵",
        "한국어 문장", "Иран и Россия", "עברית", "हिन्दी", "🇮🇷 😀 x", "",
        // Every 61st code point of the Basic Multilingual Plane outside the surrogates and private use.
        String(String.UnicodeScalarView(stride(from: 0x20, to: 0xD800, by: 61).compactMap(Unicode.Scalar.init))),
    ]

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func theBrowserSplitsTextIntoTheSameTermsAsTheIndex() throws {
        let samples = try Self.javaScriptLiteral(Self.samples)
        let browser = try #require(try evaluate("\(samples).map(window.DossierSearch.terms)") as? [[String]])
        #expect(browser.count == Self.samples.count)
        for (sample, terms) in zip(Self.samples, browser) {
            #expect(terms == SearchTokenizer.terms(sample), "\(sample.prefix(40))")
        }
    }
}
