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
