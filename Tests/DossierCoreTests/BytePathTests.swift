import Foundation
import Testing
@testable import DossierCore

/// The hot paths that moved from Characters and Foundation to UTF-8 bytes (issue 10)
/// give the same results as the Character-level code they replaced, which is kept
/// here as the reference.
@Suite struct BytePathTests {
    /// The Character-level splitter as it was before issue 10.
    static func referenceSplit(_ text: String) -> Result<FrontMatter, FrontMatterSplitter.Failure> {
        var content = Substring(text)
        if content.hasPrefix("\u{FEFF}") { content = content.dropFirst() }
        let lines = content.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        func isFence(_ line: Substring) -> Bool {
            var trimmed = line
            while trimmed.hasSuffix(" ") || trimmed.hasSuffix("\t") { trimmed = trimmed.dropLast() }
            return trimmed == "---"
        }
        guard let first = lines.first, isFence(first) else {
            return .success(FrontMatter(yaml: nil, yamlFirstLine: 1, body: Body(text: String(content), firstLine: 1)))
        }
        guard let closing = lines.dropFirst().firstIndex(where: isFence) else { return .failure(.unterminated(line: 1)) }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: Body(text: body, firstLine: closing + 2)))
    }

    static let frontMatterCases = [
        "", "---", "---\n", "---\n---", "---\n---\n", "---\r\n---\r\nbody", "---\ntitle: A\n---\nIran is.\n",
        "\u{FEFF}---\ntitle: A\n---\nbody", "---  \t\ntitle: A\n--- \nbody\n\nmore", "---\rtitle: A\r---\rbody\rtwo",
        "---\r\ntitle: A\r\nsummary: B\r\n---\r\nbody\r\nline\r\n", "no front matter\n---\nhere", "----\ntitle: A\n---\n",
        "---\ntitle: Ünïcödé 🇮🇷\n---\nالعربية\n", "---\ntitle: A\nnever closed\n", "---\ntitle: A\n---", "---\n\n\n---\n\nbody",
        "  ---\ntitle: A\n---\n", "---\ntitle: A\n-- -\n---\nx\r\n\r\ny",
    ]

    @Test(arguments: frontMatterCases)
    func frontMatterSplitsAsTheCharacterLevelSplitterDid(text: String) {
        #expect(FrontMatterSplitter.split(text) == Self.referenceSplit(text))
    }

    @Test func wordCountAndPlainTextMatchTheCharacterLevelSplit() {
        let blocks: [[Unicode.Scalar]] = [
            Array("Iran and  Russia signed".unicodeScalars), [], Array(" leading and trailing ".unicodeScalars),
            Array("Москва и Тегеран 🇮🇷 — 2025".unicodeScalars), Array("one".unicodeScalars),
        ]
        let slices = blocks.map { $0[...] }
        let reference = blocks.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
        #expect(PlainText.joined(slices) == reference)
        // The document's text counts words as it measures them: over slices of one buffer, as the linker has them.
        let buffer = blocks.flatMap { $0 }
        var start = 0
        let shared = blocks.map { block in
            defer { start += block.count }
            return buffer[start..<(start + block.count)]
        }
        #expect(DocumentText(topLevel: shared).wordCount == reference.split(whereSeparator: { $0 == " " || $0 == "\n" }).count)
        #expect(DocumentText(topLevel: shared).string == reference)
        #expect(PlainText.joined([]) == "")
        #expect(DocumentText(topLevel: []).wordCount == 0)
    }

    @Test(arguments: [
        ("<p><a href=\"dossier:actors/iran/\">Iran</a> and <a href=\"dossier:actors/sco/\">SCO</a></p>", "<a href=\"dossier:"),
        ("no placeholder at all", "<a href=\"dossier:"),
        ("<img src=\"dossier-site:media/a.png\"><a href=\"dossier-site:briefings/b/\">é</a>=\"dossier-site:", "=\"dossier-site:"),
        ("=\"dossier-site:=\"dossier-site:", "=\"dossier-site:"),
        ("ends with a partial =\"dossier-si", "=\"dossier-site:"),
    ])
    func byteReplacementMatchesFoundation(html: String, marker: String) {
        for replacement in ["", "../../", "https://example.org/west-asia/", "ü"] {
            #expect(ByteReplacement.replacing(marker, with: replacement, in: html)
                == html.replacingOccurrences(of: marker, with: replacement))
        }
    }

    /// Markers next to each other, cut short, overlapping their own start (`=\"=\"…`) and
    /// among the bytes they begin with.
    @Test func byteReplacementMatchesFoundationOnRandomPages() {
        var random = SplitMix64(seed: 16)
        let pieces = ["<a href=\"dossier:", "=\"dossier-site:", "<a href=\"", "=\"", "dossier", ":", "<", "=", "\"", "x", "é", "🇦🇹", " "]
        for _ in 0..<2_000 {
            let html = (0..<Int.random(in: 0...24, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            for marker in ["<a href=\"dossier:", "=\"dossier-site:", "=\""] {
                #expect(ByteReplacement.replacing(marker, with: "../", in: html)
                    == html.replacingOccurrences(of: marker, with: "../"), "\(html)")
            }
        }
    }

    @Test func rootPrefixCountsTheFoldersAboveEveryKindOfPage() {
        let pages: [SiteURLs.Page] = [
            .home, .briefing("b"), .briefings, .actor("iran"), .actors, .tag("t"), .tags, .timeline, .graph, .sources, .search,
            .page("about"), .notFound, .asset("dossier.css"), .asset("fonts/a.woff2"), .data("entities.json"),
            .data("mentions/iran.json"), .feed("feed.xml"),
        ]
        for style in [URLStyle.pretty, .disk] {
            let urls = SiteURLs(style: style)
            for page in pages {
                let reference = String(repeating: "../", count: urls.file(page).split(separator: "/").count - 1)
                #expect(urls.rootPrefix(from: page) == reference, "\(page)")
            }
        }
    }

    @Test func snippetsBuiltFromBytesKeepTheirText() {
        let text = "Before the summit, Москва said Iran's envoy would meet the IAEA in Vienna 🇦🇹 next week, officials said."
        let offset = Array(text.unicodeScalars).firstIndex(of: "I")!
        let passage = Snippet.passage(text, start: offset, length: 4, width: 40)
        let scalars = Array(passage.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[passage.match])) == "Iran")
        #expect(passage.text.hasPrefix("…") && passage.text.hasSuffix("…"))
        #expect(Snippet.utf8String("…", Array("Москва 🇦🇹".unicodeScalars)[...], "…") == "…Москва 🇦🇹…")
    }
}
