import DossierCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import DossierServe

@Suite struct PageVersionTests {
    @Test func aPageVersionChangesOnlyWithItsOwnFileItsImagesOrTheThemesStylesAndScripts() {
        var versions = PageVersions()
        versions.record(changed: ["a/index.html", "b/index.html"], generation: 1)
        let a = versions.version(of: "a/index.html"), b = versions.version(of: "b/index.html")
        versions.record(changed: ["a/index.html"], generation: 2)
        #expect(versions.version(of: "a/index.html") != a)
        #expect(versions.version(of: "b/index.html") == b)
        versions.record(changed: ["data/entities.json", "feed.xml", "assets/search-index.js", "assets/search/terms/0.js"], generation: 3)
        #expect(versions.version(of: "b/index.html") == b)
        let search = versions.version(of: "search/index.html")
        versions.record(changed: ["b/map.png"], generation: 4)
        #expect(versions.version(of: "b/index.html") != b)
        let a4 = versions.version(of: "a/index.html")
        versions.record(changed: ["assets/dossier.css"], generation: 5)
        #expect(versions.version(of: "a/index.html") != a4)
        #expect(versions.version(of: "search/index.html") != search)
    }

    @Test func theVersionRequestNamesItsPage() {
        #expect(LiveReload.page(inVersionRequest: "/__dossier/version?page=%2Factors%2Firan%2F") == "/actors/iran/")
        #expect(LiveReload.page(inVersionRequest: "/__dossier/version") == nil)
    }
}

#if os(Linux)
@Suite struct InotifyWatcherTests {
    @Test func noticesWritesInFoldersCreatedAfterItStartedAndIgnoresOtherFolders() throws {
        let root = try makeTemporaryFolder("dossier-inotify")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        let watcher = try #require(InotifyWatcher(root: root))

        try FileManager.default.createDirectory(at: root.appendingPathComponent("site"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("site/page.html"))
        #expect(watcher.waitForChanges(milliseconds: 100) == nil, "the output folder is not an input")

        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/briefings"), withIntermediateDirectories: true)
        #expect(watcher.waitForChanges(milliseconds: 1000) != nil)
        try Data("---\ntitle: A\n---\n".utf8).write(to: root.appendingPathComponent("content/briefings/a.md"))
        #expect(watcher.waitForChanges(milliseconds: 1000) != nil)
        try Data("title: T\n".utf8).write(to: root.appendingPathComponent("dossier.yml"))
        #expect(watcher.waitForChanges(milliseconds: 1000) != nil)
    }
}
#endif

/// `dossier serve --output DIR`: the served site is kept in DIR, rebuilt in place
/// (only changed files written), and only the edited page's version changes.
@Suite struct ServeIncrementalTests {
    func get(_ url: String) async -> (status: Int, body: String)? {
        guard let url = URL(string: url), let (data, response) = try? await URLSession.shared.data(from: url) else { return nil }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    static func inode(_ url: URL) -> UInt64? {
        var status = stat()
        return lstat(url.path, &status) == 0 ? UInt64(status.st_ino) : nil
    }

    @Test(.enabled(if: ServeProcess.executable != nil, "build the dossier executable first"))
    func anEditRewritesAndReloadsOnlyItsPageAndTheOutputFolderIsKept() async throws {
        let root = try makeTemporaryFolder("dossier-serve-incremental")
        defer { try? FileManager.default.removeItem(at: root) }
        try Scaffold.initialize(root, title: "Served")
        let other = root.appendingPathComponent("content/briefings/other.md")
        try "---\ntitle: Other\ndate: 2025-02-01\n---\nUnrelated.\n".write(to: other, atomically: true, encoding: .utf8)
        let output = try makeTemporaryFolder("dossier-serve-output").appendingPathComponent("served")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let temporary = try makeTemporaryFolder("serve-incremental")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let server = try ServeProcess(root: root, temporaryFolder: temporary, extraArguments: ["--output", output.path])
        defer { server.stop() }
        let port = try #require(await server.servingPort(within: 60), "no 'Serving' line: \(server.standardError)")
        let base = "http://127.0.0.1:\(port)"

        let welcomePage = "/briefings/welcome/", otherPage = "/briefings/other/"
        func version(_ page: String) async -> String? {
            await get(base + LiveReload.versionPath + "?page=" + (page.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? page))?.body
        }
        #expect(await eventually(20) { await get(base + welcomePage)?.status == 200 })
        let welcomeBefore = await version(welcomePage), otherBefore = await version(otherPage)
        let otherFile = output.appendingPathComponent("briefings/other/index.html")
        let otherInode = Self.inode(otherFile)
        #expect(otherInode != nil, "the site is built into --output")

        let briefing = root.appendingPathComponent("content/briefings/welcome.md")
        let text = try String(contentsOf: briefing, encoding: .utf8) + "\nA sentence added while serving.\n"
        try text.write(to: briefing, atomically: true, encoding: .utf8)

        #expect(await eventually(20) { await version(welcomePage) != welcomeBefore })
        #expect(await get(base + welcomePage)?.body.contains("A sentence added while serving.") == true)
        #expect(await version(otherPage) == otherBefore)
        #expect(Self.inode(otherFile) == otherInode, "an unchanged page is not rewritten")
        #expect(server.standardError.contains("files changed"))

        kill(server.process.processIdentifier, SIGTERM)
        #expect(await server.waitForExit(within: 20))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("briefings/welcome/index.html").path))
    }
}
