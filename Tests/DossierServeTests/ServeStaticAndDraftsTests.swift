import DossierCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import DossierServe

/// `dossier serve` publishes static/ as `build` does, rebuilds when a static file
/// changes, says once how many drafts it leaves out, and does not warn about a
/// placeholder base_url (a preview is not a publication).
@Suite struct ServeStaticAndDraftsTests {
    @Test func theWatcherNoticesStaticFiles() throws {
        let root = try makeTemporaryFolder("watch-static")
        defer { try? FileManager.default.removeItem(at: root) }
        try Scaffold.initialize(root, title: "Watch")
        let watcher = SourceWatcher(root: root)
        let first = watcher.fingerprint()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("static/.well-known"), withIntermediateDirectories: true)
        try Data("Contact: desk\n".utf8).write(to: root.appendingPathComponent("static/.well-known/security.txt"))
        #expect(watcher.fingerprint() != first)
        #expect(watcher.fingerprint().contains { $0.hasPrefix("static/.well-known/security.txt ") })
    }

    func get(_ url: String) async -> String? {
        guard let url = URL(string: url), let (data, response) = try? await URLSession.shared.data(from: url),
              (response as? HTTPURLResponse)?.statusCode == 200 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.needsDossierExecutable) func servesStaticFilesRebuildsWhenTheyChangeAndNotesDraftsOnce() async throws {
        let temporary = try makeTemporaryFolder("serve-static")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let root = temporary.appendingPathComponent("project")
        try Scaffold.initialize(root, title: "Served")
        try Scaffold.create(.briefing, title: "Unfinished", root: root, date: "2025-02-01")
        let robots = root.appendingPathComponent("static/robots.txt")
        try FileManager.default.createDirectory(at: robots.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("User-agent: *\n".utf8).write(to: robots)

        let server = try ServeProcess(root: root, temporaryFolder: temporary)
        defer { server.stop() }
        let port = try #require(await server.servingPort(), "no Serving line in: \(server.standardError)")
        let base = "http://127.0.0.1:\(port)"
        #expect(await get(base + "/robots.txt") == "User-agent: *\n")
        #expect(server.standardError.contains("Left out 1 draft (draft: true); add --drafts to include it.\n"))

        try Data("User-agent: *\nDisallow: /drafts/\n".utf8).write(to: robots)
        #expect(await eventually(20) { await get(base + "/robots.txt") == "User-agent: *\nDisallow: /drafts/\n" })
        #expect(server.standardError.components(separatedBy: "Left out 1 draft").count == 2)
        #expect(!server.standardError.contains("placeholder"))
    }
}
