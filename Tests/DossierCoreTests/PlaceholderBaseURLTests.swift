import Foundation
import Testing
@testable import DossierCore

/// `dossier build` warns, at dossier.yml's base_url, when the site would be
/// published with feeds, sitemap and canonical links pointing at a placeholder.
@Suite struct PlaceholderBaseURLTests {
    func dossier() throws -> URL {
        try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
    }

    static func project(baseURL: String?) -> String {
        """
        -- dossier.yml --
        title: Placeholder
        language: en
        \(baseURL.map { "base_url: \($0)" } ?? "")
        -- content/briefings/a.md --
        ---
        title: A
        date: 2025-01-01
        ---
        Text.
        """
    }

    @Test(arguments: [
        ("example.org", true), ("www.example.com", true), ("EXAMPLE.NET.", true), ("news.example.org", true), ("localhost", true),
        ("site.localhost", true), ("127.0.0.1", true), ("127.10.0.3", true), ("[::1]", true), ("::1", true), ("0.0.0.0", true),
        ("briefings.test", true), ("x.example", true), ("x.invalid", true),
        ("example.org.uk", false), ("myexample.org", false), ("examples.com", false), ("reader.github.io", false),
        ("128.0.0.1", false), ("127.0.0.1.nip.io", false), ("desk.gitlab.io", false),
    ])
    func placeholderHosts(host: String, placeholder: Bool) {
        #expect(PlaceholderBaseURL.isPlaceholder(host) == placeholder)
    }

    @Test func buildWarnsAtTheBaseURLValueAndStillBuilds() throws {
        let project = try TestProject(Self.project(baseURL: "https://www.example.com/desk/"))
        defer { project.remove() }
        let result = try run(dossier(), ["build", "--root", "."], in: project.root)
        #expect(result.status == 0)
        #expect(result.standardError == """
            dossier.yml:3:11: warning: base_url is still a placeholder (www.example.com): feeds, the sitemap and canonical links \
            will point to https://www.example.com/desk/; set base_url in dossier.yml to the address the site is published at, or pass --base-url
            0 errors, 1 warning

            """)
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("index.html").path))
    }

    @Test func withoutABaseURLTheWarningIsAtDossierYml() throws {
        let project = try TestProject(Self.project(baseURL: nil))
        defer { project.remove() }
        let result = try run(dossier(), ["build", "--root", "."], in: project.root)
        #expect(result.standardError.hasPrefix(
            "dossier.yml:1:1: warning: dossier.yml has no base_url, so feeds, the sitemap and canonical links will point to https://example.org/, a placeholder;"))
    }

    @Test func aRealBaseURLOrARealBaseURLOptionSilencesIt() throws {
        let real = try TestProject(Self.project(baseURL: "https://briefings.desk.news/"))
        defer { real.remove() }
        #expect(try run(dossier(), ["build", "--root", "."], in: real.root).standardError == "")
        let placeholder = try TestProject(Self.project(baseURL: "https://example.org/"))
        defer { placeholder.remove() }
        #expect(try run(dossier(), ["build", "--root", ".", "--base-url", "https://reader.github.io/desk"], in: placeholder.root).standardError == "")
    }

    @Test func aPlaceholderBaseURLOptionIsNamedAsTheOption() throws {
        let project = try TestProject(Self.project(baseURL: "https://briefings.desk.news/"))
        defer { project.remove() }
        let result = try run(dossier(), ["build", "--root", ".", "--base-url", "http://localhost:8000"], in: project.root)
        #expect(result.standardError.hasPrefix("--base-url:1:1: warning: --base-url names a placeholder host, localhost: feeds, the sitemap and canonical links will point to http://localhost:8000/\n"))
    }

    @Test func checkAndServeDoNotWarn() throws {
        let project = try TestProject(Self.project(baseURL: "https://example.org/"))
        defer { project.remove() }
        let check = try run(dossier(), ["check", "--root", ".", "--strict"], in: project.root)
        #expect(check.status == 0)
        #expect(check.standardError == "")
        // serve builds through SiteBuilder.build with the default options.
        #expect(SiteBuilder.build(BuildOptions(root: project.root, output: project.root.appendingPathComponent("preview"), strict: true)).diagnostics == [])
    }
}
