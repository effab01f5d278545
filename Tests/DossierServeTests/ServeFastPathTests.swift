import DossierCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import DossierServe

/// `dossier serve`'s fast path: the page made from an edited file is on disk, and
/// its version changed, before the full build that follows reports.
@Suite struct ServeFastPathTests {
    func get(_ url: String) async -> String? {
        guard let url = URL(string: url), let (data, _) = try? await URLSession.shared.data(from: url) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func count(_ text: String, in output: String) -> Int { output.components(separatedBy: text).count - 1 }

    @Test(.enabled(if: ServeProcess.executable != nil, "build the dossier executable first"))
    func anEditedBriefingsPageIsWrittenBeforeTheFullRebuildReports() async throws {
        let root = try makeTemporaryFolder("dossier-serve-fast")
        defer { try? FileManager.default.removeItem(at: root) }
        try Scaffold.initialize(root, title: "Fast")
        // Enough briefings that the full rebuild takes a while after the fast page.
        for number in 0..<300 {
            let text = "---\ntitle: Filler \(number)\ndate: 2024-01-\(10 + number % 18)\n---\nFiller text number \(number), with a few words to parse.\n"
            try text.write(to: root.appendingPathComponent("content/briefings/filler-\(number).md"), atomically: true, encoding: .utf8)
        }
        let output = try makeTemporaryFolder("dossier-serve-fast-output").appendingPathComponent("served")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let temporary = try makeTemporaryFolder("serve-fast")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let server = try ServeProcess(root: root, temporaryFolder: temporary, extraArguments: ["--output", output.path])
        defer { server.stop() }
        let port = try #require(await server.servingPort(within: ServeProcess.buildPatience), "no 'Serving' line: \(server.standardError)")
        let base = "http://127.0.0.1:\(port)"
        let page = "/briefings/welcome/"
        func version() async -> String? {
            await get(base + LiveReload.versionPath + "?page=" + (page.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? page))
        }
        let before = await version()
        #expect(Self.count("Rebuilt in", in: server.standardError) == 1)

        let file = output.appendingPathComponent("briefings/welcome/index.html")
        let briefing = root.appendingPathComponent("content/briefings/welcome.md")
        let text = try String(contentsOf: briefing, encoding: .utf8) + "\nA sentence written while serving.\n"
        try text.write(to: briefing, atomically: true, encoding: .utf8)

        // Watched from a thread of its own: under a parallel test run the shared
        // threads can be busy for longer than the full rebuild takes, and a watcher
        // on them would first look after the rebuild had reported.
        let rebuildsWhenWritten: Int? = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let deadline = Date().addingTimeInterval(ServeProcess.buildPatience)
                while Date() < deadline {
                    if let page = try? String(contentsOf: file, encoding: .utf8), page.contains("A sentence written while serving.") {
                        continuation.resume(returning: Self.count("Rebuilt in", in: server.standardError))
                        return
                    }
                    usleep(2_000)
                }
                continuation.resume(returning: nil)
            }
        }
        #expect(rebuildsWhenWritten == 1, "the page was on disk before the full rebuild reported: \(server.standardError)")
        #expect(await version() != before, "the page reloads at once")
        let rebuilt = await eventually(ServeProcess.buildPatience) { Self.count("Rebuilt in", in: server.standardError) == 2 }
        #expect(rebuilt, "no full rebuild reported after the fast path: \(server.standardError)")
        let log = server.standardError
        let updated = try #require(log.range(of: "Updated briefings/welcome/index.html in "), "\(log)")
        let lastRebuild = try #require(log.range(of: "Rebuilt in", options: .backwards))
        #expect(updated.lowerBound < lastRebuild.lowerBound)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("A sentence written while serving."))
    }
}
