import DossierCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import DossierServe

@Suite struct SiteFilesTests {
    @Test(arguments: [
        ("/", "index.html"), ("/actors/iran/", "actors/iran/index.html"), ("/actors/iran/index.html", "actors/iran/index.html"),
        ("/search/?q=iran", "search/index.html"), ("/assets/dossier.css", "assets/dossier.css"), ("/a%20b/", "a b/index.html"),
    ])
    func mapsRequestPathsToFiles(path: String, file: String) {
        #expect(SiteFiles.relativePath(forRequestPath: path) == file)
    }

    @Test(arguments: ["/../etc/passwd", "/actors/../../x", "/%2e%2e/secret", "/.git/config"])
    func neverLeavesTheSite(path: String) {
        #expect(SiteFiles.relativePath(forRequestPath: path) == nil)
    }
}

@Suite struct LiveReloadTests {
    @Test func theScriptGoesBeforeTheEndOfTheBody() {
        let page = LiveReload.inject(into: "<html><body><p>x</p></body></html>")
        #expect(page.hasSuffix("</script>\n</body></html>"))
        #expect(page.contains(LiveReload.versionPath))
    }

    @Test func errorPagesEscapeDiagnostics() {
        let page = LiveReload.errorPage([.error("bad <tag> & more", at: SourceLocation(path: "content/x.md", line: 2, column: 3))])
        #expect(page.contains("<li>content/x.md:2:3: error: bad &lt;tag&gt; &amp; more</li>"))
    }
}

@Suite struct SourceWatcherTests {
    @Test func noticesEditsAdditionsAndRemovals() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try Scaffold.initialize(root, title: "Watch")
        let watcher = SourceWatcher(root: root)
        let first = watcher.fingerprint()
        #expect(first == watcher.fingerprint())
        try Data("---\ntitle: New\nkind: state\n---\n".utf8).write(to: root.appendingPathComponent("content/actors/new.md"))
        let second = watcher.fingerprint()
        #expect(second != first)
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/actors/new.md"))
        #expect(watcher.fingerprint() == first)
    }
}

/// Starts `dossier serve` on a loopback port, reads pages over HTTP, edits a file
/// and waits (bounded) for the rebuild.
@Suite struct DevServerEndToEndTests {
    static let executable: URL? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent(".build/debug/dossier")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }()

    func get(_ url: String) async -> (status: Int, body: String)? {
        guard let url = URL(string: url), let (data, response) = try? await URLSession.shared.data(from: url) else { return nil }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Polls `body` until it returns true, for at most `seconds`.
    func eventually(_ seconds: Double, _ body: () async -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if await body() { return true }
            try? await Task.sleep(nanoseconds: 200_000_000)
        }
        return false
    }

    @Test(.enabled(if: executable != nil, "build the dossier executable first"))
    func servesRebuildsAndShowsFailures() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try Scaffold.initialize(root, title: "Served")
        // Port 0: the system picks a free one, so parallel runs never collide.
        let temporary = try makeTemporaryFolder("serve-e2e")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let server = try ServeProcess(root: root, temporaryFolder: temporary)
        defer { server.stop() }
        let port = try #require(await server.servingPort(within: 60), "no 'Serving' line: \(server.standardError)")
        let base = "http://127.0.0.1:\(port)"

        #expect(await eventually(20) { await get(base + "/")?.status == 200 })
        let home = await get(base + "/")
        #expect(home?.body.contains("Welcome to Dossier") == true)
        #expect(home?.body.contains(LiveReload.versionPath) == true)
        #expect(await get(base + "/actors/atlantis/")?.status == 200)
        #expect(await get(base + "/no/such/page/")?.status == 404)
        let before = await get(base + LiveReload.versionPath)?.body ?? ""

        let briefing = root.appendingPathComponent("content/briefings/welcome.md")
        let text = try String(contentsOf: briefing, encoding: .utf8) + "\nA freshly added sentence.\n"
        try text.write(to: briefing, atomically: true, encoding: .utf8)
        #expect(await eventually(20) { await get(base + LiveReload.versionPath)?.body != before })
        #expect(await get(base + "/briefings/welcome/")?.body.contains("A freshly added sentence.") == true)

        try "---\ntitle: Broken\ndate: nope\n---\n".write(to: root.appendingPathComponent("content/briefings/broken.md"), atomically: true, encoding: .utf8)
        #expect(await eventually(20) { await get(base + "/")?.body.contains("invalid date 'nope'") == true })
        #expect(await get(base + "/")?.status == 500)
    }
}
