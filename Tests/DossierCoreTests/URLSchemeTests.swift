import Foundation
import Testing
@testable import DossierCore

/// A URL from content or config becomes a live link; only http, https, mailto and
/// relative URLs may, read the way a browser reads them.
@Suite struct URLSchemeTests {
    /// Written as YAML double-quoted scalars, so escapes put real control characters in.
    static let scriptURLs = [
        #""javascript:alert(1)""#,
        #"" JaVaScRiPt:alert(1)""#,
        #""\x01\x1Fjavascript:alert(1)""#,
        #""java\tscript:alert(1)""#,
        #""java\nscript:alert(1)""#,
        #""java\rscript:alert(1)""#,
        #""data:text/html,<script>alert(1)</script>""#,
        #""vbscript:msgbox(1)""#,
        #""jav&#x09;ascript:alert(1)""#,
        #""jav&#9ascript:alert(1)""#,
        #""javascript&colon;alert(1)""#,
        #""javascript&#58;alert(1)""#,
        #""file:///etc/passwd""#,
    ]

    func sourceBriefing(url: String) -> String {
        """
        ---
        title: T
        date: 2025-01-01
        sources:
          - id: s
            title: S
            url: \(url)
        ---
        Body.
        """
    }

    @Test(arguments: scriptURLs)
    func aSourceURLWithAnotherSchemeIsAnErrorAtItsValue(url: String) throws {
        let result = ContentDecoder.briefing(sourceBriefing(url: url), path: "content/briefings/t.md", fileSlug: "t")
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(path: "content/briefings/t.md", line: 7, column: 10))
        #expect(diagnostic.message.hasPrefix("unsafe URL in 'url': only http, https and mailto links or relative ones are allowed"))
    }

    @Test func actorSourcesAreCheckedToo() throws {
        let text = "---\ntitle: Iran\nkind: state\nsources:\n  - id: s\n    title: S\n    url: vbscript:x\n---\n"
        let result = ContentDecoder.actor(text, path: "content/actors/iran.md", fileSlug: "iran")
        #expect(result.diagnostics.lines == [
            "content/actors/iran.md:7:10: error: unsafe URL in 'url': only http, https and mailto links or relative ones are allowed (found 'vbscript:')",
        ])
    }

    @Test(arguments: [
        "https://example.org/a?b=c:d#e", "http://example.org", "HTTPS://EXAMPLE.ORG/", "mailto:desk@example.org",
        "/absolute/path", "../up/one.html", "page.html", "#fragment", "?query=a:b", "//example.org/protocol-relative",
        "a/b:c", "1abc:not-a-scheme", "AT&T.html",
    ])
    func httpMailtoAndRelativeURLsAreAccepted(url: String) throws {
        let result = ContentDecoder.briefing(sourceBriefing(url: "\"\(url)\""), path: "t.md", fileSlug: "t")
        #expect(result.diagnostics.isEmpty)
        #expect(result.value?.sources.first?.url == url)
    }

    /// A theme links params by name (a cover image, a canonical link, a list of
    /// links); a template override can put any of them in `href` or `src`.
    @Test func paramsNamedLikeURLsAreCheckedInFrontMatterAndConfig() throws {
        let briefing = ContentDecoder.briefing("""
        ---
        title: T
        date: 2025-01-01
        cover_image: "data:image/svg+xml,<svg onload=alert(1)>"
        canonicalURL: javascript:alert(1)
        links: [https://example.org, "javascript:alert(2)"]
        social:
          homepage_url: vbscript:x
        note: "javascript: is how the attack starts"
        ---
        """, path: "b.md", fileSlug: "b")
        #expect(briefing.diagnostics.lines == [
            "b.md:4:14: error: unsafe URL in 'cover_image': only http, https and mailto links or relative ones are allowed (found 'data:')",
            "b.md:5:15: error: unsafe URL in 'canonicalURL': only http, https and mailto links or relative ones are allowed (found 'javascript:')",
            "b.md:6:30: error: unsafe URL in 'links': only http, https and mailto links or relative ones are allowed (found 'javascript:')",
            "b.md:8:17: error: unsafe URL in 'homepage_url': only http, https and mailto links or relative ones are allowed (found 'vbscript:')",
        ])
        let page = ContentDecoder.page("---\ntitle: P\nlink: \"data:,x\"\n---\n", path: "p.md", fileSlug: "p")
        #expect(page.diagnostics.lines == [
            "p.md:3:7: error: unsafe URL in 'link': only http, https and mailto links or relative ones are allowed (found 'data:')",
        ])
        let (_, configDiagnostics) = SiteConfig.decode("title: T\nrepo_url: \" javascript:x\"\n")
        #expect(configDiagnostics.lines == [
            "dossier.yml:2:11: error: unsafe URL in 'repo_url': only http, https and mailto links or relative ones are allowed (found 'javascript:')",
        ])
    }

    @Test(arguments: ["javascript:alert(1)//", " https://example.org/", "https://exa mple.org/", "data:text/html,x"])
    func aBaseURLThatIsNotAPlainHTTPURLIsAnError(url: String) throws {
        let (_, diagnostics) = SiteConfig.decode("title: T\nbase_url: \"\(url)\"\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == SourceLocation(path: "dossier.yml", line: 2, column: 11))
        #expect(diagnostics.first?.message.hasPrefix("'base_url' must be an absolute http(s) URL") == true)
    }

    @Test func theBaseURLFromTheCommandLineIsCheckedLikeTheOneInTheConfig() throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: T
        -- content/pages/about.md --
        ---
        title: About
        ---
        Text.
        """)
        defer { project.remove() }
        let options = BuildOptions(root: project.root, baseURL: "javascript:alert(document.domain)//")
        let check = SiteBuilder.check(options)
        #expect(check.diagnostics.lines == [
            "--base-url:1:1: error: 'base_url' must be an absolute http(s) URL, e.g. https://example.org/briefings/ (found 'javascript:')",
        ])
        let build = SiteBuilder.build(options)
        #expect(!build.succeeded)
        #expect(!FileManager.default.fileExists(atPath: project.output.path))
    }

    @Test func theCommandLineRefusesAScriptBaseURLWithExitStatus1() throws {
        let dossier = try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
        let project = try TestProject("""
        -- dossier.yml --
        title: T
        -- content/pages/about.md --
        ---
        title: About
        ---
        Text.
        """)
        defer { project.remove() }
        let result = try run(dossier, ["build", "--root", project.root.path, "--base-url", " JaVaScRiPt:alert(1)//"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("--base-url:1:1: error: 'base_url' must be an absolute http(s) URL"))
        #expect(!FileManager.default.fileExists(atPath: project.output.path))
    }

    /// The feeds carry each briefing's HTML with actor links made absolute from
    /// base_url: the base must be escaped as an attribute value there.
    @Test func aQuoteInTheBaseURLIsEscapedInTheFeedsHTML() throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: T
        base_url: https://example.org/a"b<c&d/
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        ---
        -- content/briefings/one.md --
        ---
        title: One
        date: 2025-01-01
        ---
        Iran signed.
        """)
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        let expectedLink = #"<a class="mention" href="https://example.org/a&quot;b&lt;c&amp;d/actors/iran/index.html""#
        let json = try JSONSerialization.jsonObject(with: Data(try project.read("feed.json").utf8)) as? [String: Any]
        let item = try #require((json?["items"] as? [[String: Any]])?.first)
        let html = try #require(item["content_html"] as? String)
        #expect(html.contains(expectedLink))
        #expect(!html.contains("a\"b"))
        let atom = try project.read("feed.xml")
        let content = try #require(atom.range(of: "<content type=\"html\">").map { atom[$0.upperBound...] }?.prefix { $0 != "<" })
        let unescaped = String(content).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        #expect(unescaped.contains(expectedLink))
    }
}
