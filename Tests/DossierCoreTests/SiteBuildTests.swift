import Foundation
import Testing
@testable import DossierCore

/// Builds the small fixture project and inspects the whole output.
@Suite struct SiteBuildTests {
    func buildFixture(_ name: String = "small-project", style: URLStyle? = nil) throws -> (URL, BuildReport) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-site-\(UUID().uuidString)")
        let report = SiteBuilder.build(BuildOptions(root: TestPaths.fixtures.appendingPathComponent(name), output: output, urlStyle: style))
        return (output, report)
    }

    @Test func everyPageOfTheDesignExists() throws {
        let (output, report) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(report.diagnostics.isEmpty)
        let expected = [
            "index.html", "briefings/index.html", "briefings/treaty/index.html", "briefings/sco/index.html",
            "actors/index.html", "actors/iran/index.html", "actors/russia/index.html", "actors/sco/index.html", "actors/moscow/index.html",
            "tags/index.html", "tags/treaties/index.html", "tags/russia-iran/index.html", "timeline/index.html", "graph/index.html",
            "sources/index.html", "search/index.html", "about/index.html", "404.html", "feed.xml", "feed.json", "sitemap.xml",
            "data/entities.json", "assets/dossier.css", "assets/search.js", "assets/mentions.js", "assets/search-index.js", ".dossier-site",
            "assets/favicon.svg", "assets/actors.js", "assets/shortcuts.js",
            "data/graph.graphml", "data/graph.gexf", "data/mentions.csv", "data/relations.csv",
            "data/mentions/iran.json", "data/mentions/moscow.json", "data/mentions/russia.json", "data/mentions/sco.json",
            "actors/iran/card.html", "actors/moscow/card.html", "actors/russia/card.html", "actors/sco/card.html",
            "data/passages/actor/iran.json", "data/passages/actor/russia.json", "data/passages/briefing/sco.json",
            "data/passages/briefing/treaty.json", "data/passages/page/about.json",
        ] + ["assets/search/terms/0.js"] + (0..<7).map { "assets/search/documents/\($0).js" }
        let files = try snapshot(output)
        for path in expected { #expect(files[path] != nil, "missing \(path)") }
        #expect(Set(files.keys) == Set(expected), "unexpected files: \(Set(files.keys).subtracting(expected).sorted())")
    }

    @Test(arguments: [URLStyle.disk, .pretty])
    func everyInternalLinkResolves(style: URLStyle) throws {
        let (output, _) = try buildFixture(style: style)
        defer { try? FileManager.default.removeItem(at: output) }
        let problems = try LinkChecker.brokenLinks(in: output)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let (first, _) = try buildFixture()
        let (second, _) = try buildFixture()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        #expect(try snapshot(first) == snapshot(second))
    }

    @Test func frontMatterValuesAreEscaped() throws {
        let (output, _) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: output) }
        let page = try String(contentsOf: output.appendingPathComponent("briefings/treaty/index.html"), encoding: .utf8)
        #expect(page.contains("<h1>Iran and Russia sign a &lt;strategic&gt; treaty</h1>"))
        #expect(!page.contains("<strategic>"))
    }

    @Test func actorPagesShowBothEndsOfRelationsAndDeepLinkedMentions() throws {
        let (output, _) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: output) }
        let sco = try String(contentsOf: output.appendingPathComponent("actors/sco/index.html"), encoding: .utf8)
        #expect(sco.contains("<span class=\"relation__label\">has member</span> <span class=\"relation__targets\"><span class=\"relation__target\"><a class=\"chip chip--state\" href=\"../../actors/iran/index.html\" dir=\"auto\">Iran</a>"))
        let iran = try String(contentsOf: output.appendingPathComponent("actors/iran/index.html"), encoding: .utf8)
        #expect(iran.contains("<span class=\"relation__label\">member of</span>"))
        #expect(iran.contains("since 4 July 2023"))
        #expect(iran.contains("href=\"../../briefings/treaty/index.html#p-the-islamic-republic-of-iran\""))
        #expect(iran.contains("<svg"))
    }

    @Test func aBrokenTemplateIsADiagnosticAndLeavesTheOutputAlone() throws {
        let project = try TestProject("""
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        ---
        """)
        defer { project.remove() }
        #expect(project.build().succeeded)
        let before = try snapshot(project.output)
        try project.write("templates/briefing.mustache", "{{<layout}}\n{{$content}}\n{{#briefings}}\n{{/content}}\n{{/layout}}\n")
        try project.write("templates/home.mustache", "{{<layout}}{{$content}}{{>partials/missing-card}}{{/content}}{{/layout}}\n")
        let report = project.build()
        #expect(report.diagnostics.lines == [
            "templates/briefing.mustache:4:4: error: template parse error: a section is closed with the wrong name in line: {{/content}}",
            "templates/home.mustache:1:24: error: template refers to 'partials/missing-card', which does not exist",
        ])
        #expect(try snapshot(project.output) == before)
    }

    @Test func projectTemplatesAndAssetsOverrideTheTheme() throws {
        let project = try TestProject("""
        -- templates/404.mustache --
        {{<layout}}{{$content}}<p>Custom not-found for {{site_title}}</p>{{/content}}{{/layout}}
        -- templates/assets/logo.svg --
        <svg xmlns="http://www.w3.org/2000/svg"/>
        """)
        defer { project.remove() }
        #expect(project.build().succeeded)
        #expect(try project.read("404.html").contains("<p>Custom not-found for Dossier</p>"))
        #expect(try project.read("assets/logo.svg").contains("<svg"))
        #expect(try project.read("assets/dossier.css").count > 1000)
    }
}

/// Finds every `href` and `src` in the built HTML that points inside the site and
/// checks the file (and, for `#fragment`, the id) exists.
enum LinkChecker {
    static func brokenLinks(in site: URL) throws -> [String] {
        let files = try snapshot(site)
        var problems: [String] = []
        // 404.html links from base_url's path, which only a request can resolve: NotFoundPageTests checks it.
        for (path, data) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") && path != "404.html" {
            let html = String(decoding: data, as: UTF8.self)
            for link in attributes(["href", "src"], in: html) {
                if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") { continue }
                var target = link
                var fragment: String?
                if let hash = target.firstIndex(of: "#") {
                    fragment = String(target[target.index(after: hash)...])
                    target = String(target[..<hash])
                }
                if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
                var resolved: String
                if target.isEmpty {
                    resolved = path
                } else {
                    let base = URL(fileURLWithPath: "/" + path).deletingLastPathComponent()
                    resolved = String(URL(fileURLWithPath: target, relativeTo: base).standardizedFileURL.path.dropFirst())
                    if target.hasSuffix("/") || target == "." || target.hasSuffix("/.") { resolved += resolved.isEmpty || resolved.hasSuffix("/") ? "index.html" : "/index.html" }
                }
                guard let contents = files[resolved] else {
                    problems.append("\(path): \(link) → missing \(resolved)")
                    continue
                }
                if let fragment, !fragment.isEmpty, resolved.hasSuffix(".html") {
                    let page = String(decoding: contents, as: UTF8.self)
                    if !page.contains("id=\"\(fragment)\"") { problems.append("\(path): \(link) → no id '\(fragment)'") }
                }
            }
        }
        return problems
    }

    static func attributes(_ names: [String], in html: String) -> [String] {
        var result: [String] = []
        for name in names {
            var rest = html[...]
            let marker = " \(name)=\""
            while let range = rest.range(of: marker) {
                rest = rest[range.upperBound...]
                if let end = rest.firstIndex(of: "\"") {
                    result.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                    rest = rest[end...]
                }
            }
        }
        return result
    }
}

@Suite struct ParamsTests {
    @Test func unknownFrontMatterKeysReachTemplatesAsParams() throws {
        let project = try TestProject("""
        -- content/briefings/a.md --
        ---
        title: A
        date: 2025-01-01
        region: West Asia
        classification: {level: restricted, reviewed: true}
        ---
        Text.
        -- templates/briefing.mustache --
        {{<layout}}{{$content}}<p>{{params.region}} / {{params.classification.level}}{{#params.classification.reviewed}} (reviewed){{/params.classification.reviewed}}</p>{{/content}}{{/layout}}
        """)
        defer { project.remove() }
        #expect(project.build().succeeded)
        #expect(try project.read("briefings/a/index.html").contains("<p>West Asia / restricted (reviewed)</p>"))
    }
}
