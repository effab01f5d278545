import Foundation
import Testing
@testable import DossierCore

/// Rendered output of the small fixture project compared byte for byte with files
/// under Fixtures/golden. After an intended change, regenerate them with
/// `DOSSIER_UPDATE_GOLDEN=1 swift test --filter GoldenFileTests` and review the diff.
@Suite(.serialized) struct GoldenFileTests {
    static let files = [
        ("briefings/treaty/index.html", "briefing-treaty.html"),
        ("actors/iran/index.html", "actor-iran.html"),
        ("feed.xml", "feed.xml"),
        ("feed.json", "feed.json"),
        ("data/entities.json", "entities.json"),
        ("data/mentions/iran.json", "mentions-iran.json"),
    ]

    @Test(arguments: files)
    func matchesGolden(built: String, golden: String) throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = SiteBuilder.build(BuildOptions(root: TestPaths.fixtures.appendingPathComponent("small-project"), output: output))
        #expect(report.diagnostics.isEmpty)
        let actual = try String(contentsOf: output.appendingPathComponent(built), encoding: .utf8)
        try Self.compare(actual, built: built, golden: golden)
    }

    /// Compares `actual` (the output file `built`) with golden/`golden`, rewriting it first under `DOSSIER_UPDATE_GOLDEN=1`.
    static func compare(_ actual: String, built: String, golden: String) throws {
        let goldenURL = TestPaths.fixtures.appendingPathComponent("golden/\(golden)")
        if ProcessInfo.processInfo.environment["DOSSIER_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: goldenURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: goldenURL, encoding: .utf8)
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Array(zip(actualLines, expectedLines)).firstIndex { $0 != $1 } ?? min(actualLines.count, expectedLines.count)
            Issue.record("""
            \(built) differs from golden/\(golden) at line \(first + 1):
            expected: \(first < expectedLines.count ? expectedLines[first] : "<end>")
            actual:   \(first < actualLines.count ? actualLines[first] : "<end>")
            """)
        }
    }
}

/// The small project's actor page and its second page of "Mentioned in" with
/// `actor_quotes: 1` and `paginate_by: 2`: one document quoted, the others linked; and
/// with `actor_quotes: all`, the actor page of the golden above, as before `actor_quotes`.
@Suite(.serialized) struct ActorQuotesGoldenFileTests {
    static func build(settings: String) throws -> (URL, BuildReport) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-golden-quotes-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("small-project"), to: root)
        let config = root.appendingPathComponent("dossier.yml")
        try (String(contentsOf: config, encoding: .utf8) + settings).write(to: config, atomically: true, encoding: .utf8)
        return (root, SiteBuilder.build(BuildOptions(root: root, output: root.appendingPathComponent("site"))))
    }

    @Test(arguments: [
        ("actors/iran/index.html", "actor-iran-quotes-1.html"),
        ("actors/iran/mentions/2/index.html", "actor-iran-quotes-1-mentions-2.html"),
    ])
    func matchesGolden(built: String, golden: String) throws {
        let (root, report) = try Self.build(settings: "paginate_by: 2\nactor_quotes: 1\n")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(report.diagnostics.isEmpty)
        let actual = try String(contentsOf: root.appendingPathComponent("site/\(built)"), encoding: .utf8)
        try GoldenFileTests.compare(actual, built: built, golden: golden)
    }

    @Test func allQuotesGivesTheActorPageAsBefore() throws {
        let (root, report) = try Self.build(settings: "actor_quotes: all\n")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(report.diagnostics.isEmpty)
        let actual = try String(contentsOf: root.appendingPathComponent("site/actors/iran/index.html"), encoding: .utf8)
        let expected = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("golden/actor-iran.html"), encoding: .utf8)
        #expect(actual == expected)
    }
}
