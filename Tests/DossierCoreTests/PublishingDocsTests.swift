import Foundation
import Testing
import Yams
@testable import DossierCore

/// The examples in docs/publishing.md work as written: the GitLab CI file is valid
/// against GitLab's schema and its commands build the example project into public/,
/// and the workflow excerpt is what `init` writes.
@Suite struct PublishingDocsTests {
    static let page = (try? String(contentsOf: TestPaths.packageRoot.appendingPathComponent("docs/publishing.md"), encoding: .utf8)) ?? ""

    /// The first ```yaml block after `heading`.
    func yamlBlock(after heading: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let section = try #require(Self.page.range(of: "\n" + heading + "\n"), "no heading '\(heading)'", sourceLocation: sourceLocation)
        let open = try #require(Self.page.range(of: "```yaml\n", range: section.upperBound..<Self.page.endIndex), sourceLocation: sourceLocation)
        let close = try #require(Self.page.range(of: "\n```\n", range: open.upperBound..<Self.page.endIndex), sourceLocation: sourceLocation)
        return String(Self.page[open.upperBound..<close.lowerBound]) + "\n"
    }

    @Test(.enabled(if: which("check-jsonschema") != nil, "check-jsonschema is not installed (pip install check-jsonschema)"))
    func theGitLabExampleIsValidAgainstGitLabsSchema() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-gitlab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(".gitlab-ci.yml")
        try Data(yamlBlock(after: "## GitLab Pages").utf8).write(to: file)
        let result = try run(try #require(which("check-jsonschema")), ["--builtin-schema", "vendor.gitlab-ci", file.path])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    }

    @Test func theGitLabExampleScriptBuildsTheExampleProjectIntoPublic() throws {
        let job = try #require(try Yams.compose(yaml: yamlBlock(after: "## GitLab Pages"))?["pages"])
        #expect(job["artifacts"]?["paths"]?.sequence?.first?.string == "public")
        #expect(job["image"]?.string == WorkflowFile.swiftImage)
        let commands = try #require(job["script"]?.sequence).compactMap(\.string)
        #expect(commands.count == 2)

        let repository = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-gitlab-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: repository) }
        for item in ["content", "templates", "static", SiteConfig.fileName]
        where FileManager.default.fileExists(atPath: TestPaths.packageRoot.appendingPathComponent(item).path) {
            try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent(item), to: repository.appendingPathComponent(item))
        }
        let dossier = try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
        let script = "set -e\nexport PATH=\"\(dossier.deletingLastPathComponent().path):$PATH\"\nexport CI_PAGES_URL=https://desk.gitlab.io/west-asia\n"
            + commands.joined(separator: "\n")
        let result = try run(URL(fileURLWithPath: "/bin/bash"), ["-c", script], in: repository)
        #expect(result.status == 0, "\(result.standardError)")
        // Nothing but check's hint about names without an actor.
        #expect(result.standardError.split(separator: "\n").allSatisfy { $0.hasPrefix("note: ") }, "\(result.standardError)")
        let feed = try String(contentsOf: repository.appendingPathComponent("public/feed.xml"), encoding: .utf8)
        #expect(feed.contains("https://desk.gitlab.io/west-asia/briefings/"))
    }

    @Test func theWorkflowExcerptIsWhatInitWrites() throws {
        let excerpt = try yamlBlock(after: "### Which Dossier it builds")
        let written = WorkflowFile.text(source: DossierSource())
        for line in excerpt.split(separator: "\n") {
            #expect(written.contains("\n" + line + "\n"), "init writes no line '\(line)'")
        }
    }
}
