import Foundation

/// A static HTTP server on 127.0.0.1 for browser tests that need `fetch` (browsers
/// refuse it from file://): Python's `http.server` on a free port, serving `folder`.
/// Nil when python3 is missing or the server does not start; stopped by `stop()`.
final class LocalHTTPServer {
    let port: Int
    private let process: Process

    static let pythonAvailable = which("python3") != nil

    init?(serving folder: URL) {
        guard let python = which("python3") else { return nil }
        let script = """
        import functools, http.server, sys
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args): pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=sys.argv[1]))
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """
        let process = Process()
        process.executableURL = python
        process.arguments = ["-u", "-c", script, folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        self.port = port
        self.process = process
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/" + path }

    /// SIGKILL, not `terminate()`: the child inherits the test thread's signal mask,
    /// in which SIGTERM is blocked, so a terminated server would never exit.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
