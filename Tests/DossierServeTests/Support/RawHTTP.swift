import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Requests written byte for byte over a real socket to 127.0.0.1, for requests no
/// HTTP client library would send (a 200 KB request line, a 1 MB header).
///
/// Each exchange runs on its own thread with blocking socket calls and socket
/// timeouts, so the time it measures is the server's, not how long a busy test
/// process took to schedule an async task.
enum RawHTTP {
    struct Answer: Sendable {
        /// The status code of the reply's status line.
        var status: Int
        /// Seconds from connecting to reading the status line.
        var seconds: Double
    }

    /// Connects to `port`, writes `request` while reading the reply, and returns the
    /// reply's status, or nil if no status line arrived within `seconds`.
    static func send(_ request: Data, to port: UInt16, within seconds: Double) async -> Answer? {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: exchange(request, port: port, within: seconds))
            }
        }
    }

    private static func exchange(_ request: Data, port: UInt16, within seconds: Double) -> Answer? {
        guard let socket = try? Socket(domain: Int32(sockaddr_in.family)) else { return nil }
        defer { try? socket.close() }
        var timeout = timeval(tv_sec: .init(seconds.rounded(.down)), tv_usec: .init((seconds - seconds.rounded(.down)) * 1_000_000))
        for option in [SO_RCVTIMEO, SO_SNDTIMEO] {
            setsockopt(socket.file.rawValue, SOL_SOCKET, option, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }
        let started = Date()
        guard (try? socket.connect(to: sockaddr_in.inet(ip4: "127.0.0.1", port: port))) != nil else { return nil }

        // The server may stop reading once it has refused the request: a failed or
        // timed-out write is expected then.
        let written = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var index = request.startIndex
            while index < request.endIndex, let next = try? socket.write(request, from: index) { index = next }
            written.signal()
        }
        var received: [UInt8] = []
        while !received.contains(UInt8(ascii: "\n")), received.count < 1024, Date().timeIntervalSince(started) < seconds,
              let bytes = try? socket.read(atMost: 1024) {
            received += bytes
        }
        let elapsed = Date().timeIntervalSince(started)
        // Ends a write still blocked on a server that stopped reading, before the socket is closed.
        _ = shutdown(socket.file.rawValue, Int32(SHUT_RDWR))
        written.wait()

        let line = String(decoding: received.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let fields = line.split(separator: " ")
        guard fields.count >= 2, fields[0].hasPrefix("HTTP/"), let status = Int(fields[1]), elapsed <= seconds else { return nil }
        return Answer(status: status, seconds: elapsed)
    }

    /// A GET whose request line is `length` bytes long.
    static func get(pathLength: Int, headers: String = "") -> Data {
        let prefix = "GET /", suffix = " HTTP/1.1"
        let path = String(repeating: "a", count: max(0, pathLength - prefix.count - suffix.count))
        return Data((prefix + path + suffix + "\r\nHost: 127.0.0.1\r\n" + headers + "\r\n").utf8)
    }
}
