import DossierCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import DossierServe

/// `dossier serve` serves the site at the root whatever sub-path base_url names, so it
/// builds with its own address as base_url: 404.html takes its links from that path.
@Suite struct ServeNotFoundTests {
    func get(_ url: String) async -> (status: Int, body: String)? {
        guard let url = URL(string: url), let (data, response) = try? await URLSession.shared.data(from: url) else { return nil }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: ServeProcess.executable != nil, "build the dossier executable first"))
    func theNotFoundPageLinksToTheServedRootNotBaseURLsPath() async throws {
        let root = try makeTemporaryFolder("dossier-serve-404")
        defer { try? FileManager.default.removeItem(at: root) }
        try Scaffold.initialize(root, title: "Served")
        let config = root.appendingPathComponent("dossier.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
            .replacingOccurrences(of: "base_url: https://example.org/", with: "base_url: https://example.org/desk/")
        #expect(text.contains("base_url: https://example.org/desk/"))
        try text.write(to: config, atomically: true, encoding: .utf8)
        let temporary = try makeTemporaryFolder("serve-404")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let server = try ServeProcess(root: root, temporaryFolder: temporary)
        defer { server.stop() }
        let port = try #require(await server.servingPort(within: 60), "no 'Serving' line: \(server.standardError)")
        let base = "http://127.0.0.1:\(port)"

        #expect(await eventually(20) { await get(base + "/")?.status == 200 })
        let missing = try #require(await get(base + "/no/such/page/"))
        #expect(missing.status == 404)
        #expect(missing.body.contains("href=\"/assets/dossier.css\""))
        #expect(!missing.body.contains("/desk/"))
        #expect(await get(base + "/assets/dossier.css")?.status == 200)
    }
}
