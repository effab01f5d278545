import Foundation
import Testing
@testable import DossierCore

/// A server shows 404.html for any missing path, at any depth; its links must work
/// from there, so they are built from base_url's path instead of relative to the file.
@Suite struct NotFoundPageTests {
    static func files(baseURL: String, style: URLStyle) -> String {
        """
        -- dossier.yml --
        title: Desk
        base_url: \(baseURL)
        url_style: \(style.rawValue)
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
        Iran.
        -- content/pages/about.md --
        ---
        title: About
        ---
        About the desk.
        """
    }

    /// Resolves every `href` and `src` of 404.html as a browser would on `requestPath`
    /// and returns those that name no file of the site.
    static func unresolved(in project: TestProject, basePath: String, requestPath: String) throws -> [String] {
        let html = try project.read("404.html")
        let request = try #require(URL(string: "https://example.org" + requestPath))
        var problems: [String] = []
        for link in LinkChecker.attributes(["href", "src"], in: html) {
            if link.hasPrefix("https://") || link.hasPrefix("#") { continue }
            guard let resolved = URL(string: link, relativeTo: request)?.absoluteURL, resolved.host == "example.org",
                  resolved.path.hasPrefix(basePath) || resolved.path + "/" == basePath
            else {
                problems.append("\(link): outside \(basePath)")
                continue
            }
            var file = String(resolved.path.dropFirst(basePath.count))
            if file.isEmpty || resolved.absoluteString.hasSuffix("/") { file += file.isEmpty ? "index.html" : "/index.html" }
            if !FileManager.default.fileExists(atPath: project.output.appendingPathComponent(file).path) {
                problems.append("\(link) → \(file) is missing")
            }
        }
        return problems
    }

    @Test(arguments: [URLStyle.disk, .pretty])
    func everyURLResolvesFromANestedMissingPath(style: URLStyle) throws {
        let project = try TestProject(Self.files(baseURL: "https://example.org/west-asia/", style: style))
        defer { project.remove() }
        #expect(project.build().succeeded)
        let html = try project.read("404.html")
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/west-asia/assets/dossier.css\">"))
        #expect(LinkChecker.attributes(["href"], in: html).count > 10)
        for request in ["/west-asia/no/such/page/", "/west-asia/briefings/gone/index.html", "/west-asia/missing"] {
            #expect(try Self.unresolved(in: project, basePath: "/west-asia/", requestPath: request) == [], "\(request)")
        }
    }

    @Test func aSiteAtTheDomainRootLinksFromTheRoot() throws {
        let project = try TestProject(Self.files(baseURL: "https://example.org/", style: .pretty))
        defer { project.remove() }
        #expect(project.build().succeeded)
        let html = try project.read("404.html")
        #expect(html.contains("href=\"/briefings/\""))
        #expect(html.contains("<a class=\"site-title\" href=\"/\">"))
        #expect(try Self.unresolved(in: project, basePath: "/", requestPath: "/a/b/c/") == [])
    }

    @Test func theBaseURLOptionDecidesThePaths() throws {
        let project = try TestProject(Self.files(baseURL: "https://example.org/west-asia/", style: .disk))
        defer { project.remove() }
        var options = BuildOptions(root: project.root)
        options.baseURL = "https://example.org/desk/"
        #expect(SiteBuilder.build(options).succeeded)
        #expect(try project.read("404.html").contains("href=\"/desk/assets/dossier.css\""))
    }

    @Test func theOtherPagesKeepRelativeLinks() throws {
        let site = BuiltSite(Self.files(baseURL: "https://example.org/west-asia/", style: .disk))
        let page = try site.read("briefings/one/index.html")
        #expect(page.contains("<link rel=\"stylesheet\" href=\"../../assets/dossier.css\">"))
        #expect(!page.contains("href=\"/west-asia/"))
    }
}
