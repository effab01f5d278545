import DossierCore
import Foundation
import Testing
@testable import DossierServe

/// `dossier serve` after `exports` changes in dossier.yml: the rebuilt site holds the
/// files of the exports now on and none of those turned off.
@Suite struct ServeExportsTests {
    @Test(.enabled(if: ServeProcess.executable != nil, "build the dossier executable first"))
    func turningAnExportOffWhileServingRemovesItsFiles() async throws {
        let root = try makeTemporaryFolder("dossier-serve-exports")
        defer { try? FileManager.default.removeItem(at: root) }
        try Scaffold.initialize(root, title: "Served")
        let config = root.appendingPathComponent(SiteConfig.fileName)
        let scaffolded = try String(contentsOf: config, encoding: .utf8)
        try (scaffolded + "exports: all\n").write(to: config, atomically: true, encoding: .utf8)
        let output = try makeTemporaryFolder("dossier-serve-exports-output").appendingPathComponent("served")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let temporary = try makeTemporaryFolder("serve-exports")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let server = try ServeProcess(root: root, temporaryFolder: temporary, extraArguments: ["--output", output.path])
        defer { server.stop() }
        _ = try #require(await server.servingPort(within: 60), "no 'Serving' line: \(server.standardError)")

        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path) }
        let graph = "data/graph.graphml", mentions = "data/mentions/atlantis.json", csv = "data/mentions.csv"
        #expect(await eventually(30) { exists(graph) && exists(mentions) && exists(csv) })

        func entities() -> String {
            (try? String(contentsOf: output.appendingPathComponent("data/entities.json"), encoding: .utf8)) ?? ""
        }
        try scaffolded.write(to: config, atomically: true, encoding: .utf8)
        // The stale files and the new entities.json are not written at one instant: wait for the whole rebuilt state.
        #expect(await eventually(30) {
            !exists(graph) && !exists(mentions) && !exists(csv) && entities().contains("\"actors\"") && !entities().contains("data/mentions/")
        }, "\(server.standardError)")
        #expect(exists("data/entities.json") && exists("data/relations.csv"))
    }
}
