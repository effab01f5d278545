import DossierCore
import Foundation
import Testing
@testable import DossierServe

/// `dossier serve --timings`: each rebuild's stage times, so a slow rebuild can be
/// told apart by stage.
@Suite struct ServeTimingsTests {
    /// The seconds a stage took, from the last "stages:" line of `log`.
    static func seconds(of stage: String, in log: String) -> Double? {
        guard let line = log.components(separatedBy: "\n").last(where: { $0.contains("stages:") }),
              let range = line.range(of: stage + " ") else { return nil }
        return Double(line[range.upperBound...].prefix(while: { $0 != " " }))
    }

    @Test(.enabled(if: ServeProcess.executable != nil, "build the dossier executable first"))
    func everyRebuildIsFollowedByItsStageTimesAndAnAliasEditReusesThePages() async throws {
        let root = try makeTemporaryFolder("dossier-serve-timings")
        defer { try? FileManager.default.removeItem(at: root) }
        try Scaffold.initialize(root, title: "Timings")
        let output = try makeTemporaryFolder("dossier-serve-timings-output").appendingPathComponent("served")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let temporary = try makeTemporaryFolder("serve-timings")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let server = try ServeProcess(root: root, temporaryFolder: temporary, extraArguments: ["--output", output.path, "--timings"])
        defer { server.stop() }
        _ = try #require(await server.servingPort(within: ServeProcess.buildPatience), "no 'Serving' line: \(server.standardError)")
        let first = server.standardError
        for stage in ["old output removal", "load", "parse and link", "model", "render and write", "swap and rest"] {
            #expect(Self.seconds(of: stage, in: first) != nil, "\(stage) in: \(first)")
        }
        #expect(first.contains("pages reused unrendered: 0"))

        let folder = root.appendingPathComponent("content/actors")
        let actors = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        let named = try #require(actors.first { (try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))?.contains("aliases: [A") == true })
        let actor = folder.appendingPathComponent(named)
        let text = try String(contentsOf: actor, encoding: .utf8)
        try text.replacingOccurrences(of: "aliases: [", with: "aliases: [Zorblax Accord, ").write(to: actor, atomically: true, encoding: .utf8)
        #expect(await eventually(ServeProcess.buildPatience) { ServeFastPathTests.count("stages:", in: server.standardError) == 2 }, "\(server.standardError)")
        let log = server.standardError
        #expect(log.contains("Updated actors/"), "the fast path took the alias edit: \(log)")
        let reused = log.components(separatedBy: "\n").last(where: { $0.contains("stages:") }) ?? ""
        #expect(!reused.contains("pages reused unrendered: 0,"), "\(reused)")
    }
}
