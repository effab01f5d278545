import Foundation
import Testing

/// The real `dossier serve`, started on a port the system picks (`--port 0`) with
/// its own TMPDIR, so its scratch folder can be inspected without touching the
/// machine's /tmp or other servers.
final class ServeProcess: @unchecked Sendable {
    static let executable: URL? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent(".build/debug/dossier")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }()

    /// How long a test waits for a build of a few hundred briefings. In the full
    /// parallel suite on 2 cores the debug-built server takes 70–80 s for what takes
    /// 2 s alone, and CI's run once needed more than 60 s for a rebuild; waiting longer
    /// costs nothing when it passes.
    static let buildPatience: Double = 300

    let process = Process()
    let temporaryFolder: URL
    private let lock = NSLock()
    private var errorOutput = Data()

    /// Starts `dossier serve --root root --port port` with TMPDIR set to `temporaryFolder`.
    init(root: URL, port: UInt16 = 0, temporaryFolder: URL, extraArguments: [String] = []) throws {
        self.temporaryFolder = temporaryFolder
        process.executableURL = Self.executable
        process.arguments = ["serve", "--root", root.path, "--port", String(port)] + extraArguments
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporaryFolder.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            lock.lock()
            errorOutput.append(data)
            lock.unlock()
        }
        try process.run()
    }

    var standardError: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: errorOutput, as: UTF8.self)
    }

    /// The port from the "Serving … at http://127.0.0.1:PORT/" line, once it is printed
    /// (at most `seconds` from now).
    func servingPort(within seconds: Double = 30) async -> UInt16? {
        guard await eventually(seconds, { self.standardError.contains("Serving ") }) else { return nil }
        guard let range = standardError.range(of: #"127\.0\.0\.1:(\d+)/"#, options: .regularExpression) else { return nil }
        return UInt16(standardError[range].dropFirst("127.0.0.1:".count).dropLast())
    }

    /// The folder this server builds into.
    var scratchFolder: URL { temporaryFolder.appendingPathComponent("dossier-serve-\(process.processIdentifier)") }

    /// Waits at most `seconds` for the process to exit; true if it did.
    func waitForExit(within seconds: Double = 30) async -> Bool {
        await eventually(seconds) { !self.process.isRunning }
    }

    /// Ends the process if a test left it running, without waiting forever.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

/// Polls `condition` until it holds, for at most `seconds`.
func eventually(_ seconds: Double, _ condition: () async -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if await condition() { return true }
        try? await Task.sleep(nanoseconds: 50_000_000)
    }
    return await condition()
}

/// A fresh empty folder under the system's temporary folder.
func makeTemporaryFolder(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

extension Trait where Self == ConditionTrait {
    /// For tests that run the real `dossier` executable.
    static var needsDossierExecutable: Self {
        .enabled(if: ServeProcess.executable != nil, "build the dossier executable first: swift build --build-tests")
    }
}
