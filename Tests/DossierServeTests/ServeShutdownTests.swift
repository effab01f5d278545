import DossierCore
import Foundation
import Testing
@testable import DossierServe

/// `dossier serve` builds into `$TMPDIR/dossier-serve-<pid>` (close to 1 GB for a
/// large site): stopping it must remove that folder, and folders left by servers
/// that died must not pile up.
@Suite struct ServeShutdownTests {
    /// Starts a server of a fresh project, waits until it serves, sends `signal`
    /// and returns it once it has exited, with the folder it used as TMPDIR.
    func serveThenSignal(_ signal: Int32, prepare: (URL) throws -> Void = { _ in }) async throws -> (ServeProcess, URL) {
        let folder = try makeTemporaryFolder("serve-signal")
        try Scaffold.initialize(folder.appendingPathComponent("project"), title: "Signals")
        let temporary = folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        try prepare(temporary)
        let server = try ServeProcess(root: folder.appendingPathComponent("project"), temporaryFolder: temporary)
        defer { server.stop() }
        _ = try #require(await server.servingPort(), "no Serving line in: \(server.standardError)")
        #expect(FileManager.default.fileExists(atPath: server.scratchFolder.appendingPathComponent("index.html").path))
        kill(server.process.processIdentifier, signal)
        #expect(await server.waitForExit(within: 30))
        return (server, folder)
    }

    func leftovers(in temporary: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.contains("dossier-serve-") }.sorted()
    }

    @Test(.needsDossierExecutable) func sigtermRemovesTheScratchFolderAndExits143() async throws {
        let (server, folder) = try await serveThenSignal(SIGTERM)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 143)
        #expect(try leftovers(in: server.temporaryFolder) == [])
    }

    @Test(.needsDossierExecutable) func sigintRemovesTheScratchFolderAndExits130() async throws {
        let (server, folder) = try await serveThenSignal(SIGINT)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 130)
        #expect(try leftovers(in: server.temporaryFolder) == [])
    }

    @Test(.needsDossierExecutable) func scratchFoldersOfServersThatDiedAreRemovedAtStart() async throws {
        // Two dead pids, so neither is the server's own (the next pid is likely to be).
        let dead = try deadProcessIdentifier(), deadToo = try deadProcessIdentifier()
        let alive = ProcessInfo.processInfo.processIdentifier
        let manager = FileManager.default
        var elsewhere: URL?
        let (server, folder) = try await serveThenSignal(SIGTERM) { temporary in
            for name in ["dossier-serve-\(deadToo)", ".dossier-serve-\(deadToo).building-\(deadToo)", ".dossier-serve-\(deadToo).previous-\(deadToo)",
                         "dossier-serve-\(alive)"] {
                try manager.createDirectory(at: temporary.appendingPathComponent(name + "/actors"), withIntermediateDirectories: true)
                try Data("x".utf8).write(to: temporary.appendingPathComponent(name + "/actors/index.html"))
            }
            // A link planted under a dead server's name is left alone, and so is what it points to.
            let target = temporary.deletingLastPathComponent().appendingPathComponent("not-a-scratch-folder")
            try manager.createDirectory(at: target, withIntermediateDirectories: true)
            try Data("keep".utf8).write(to: target.appendingPathComponent("keep.txt"))
            try manager.createSymbolicLink(at: temporary.appendingPathComponent("dossier-serve-\(dead)"), withDestinationURL: target)
            elsewhere = target
        }
        defer { try? manager.removeItem(at: folder) }
        #expect(try leftovers(in: server.temporaryFolder) == ["dossier-serve-\(alive)", "dossier-serve-\(dead)"].sorted())
        #expect(manager.fileExists(atPath: try #require(elsewhere).appendingPathComponent("keep.txt").path))
        #expect(server.standardError.contains("Removed 3 folders left in \(server.temporaryFolder.path)"))
    }

    /// The pid of a process that has exited (and been reaped).
    func deadProcessIdentifier() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test(arguments: [
        ("dossier-serve-123", Int32(123)), (".dossier-serve-123.building-123", 123), (".dossier-serve-7.previous-7", 7),
        ("dossier-serve-12ab", nil), ("dossier-serve-", nil), ("dossier-serve-0", nil), (".dossier-serve-5", nil),
        (".dossier-serve-5.building-", nil), ("dossier-serve-5.building-5", nil), ("site", nil), ("dossier-serve-9-x", nil),
    ])
    func scratchFolderNamesAndTheirOwners(name: String, owner: Int32?) {
        #expect(ScratchFolder.owner(ofName: name) == owner)
    }
}
