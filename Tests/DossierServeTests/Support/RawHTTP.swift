import FlyingSocks
import Foundation

/// Requests written byte for byte over a real socket to 127.0.0.1, for requests no
/// HTTP client library would send (a 200 KB request line, a 1 MB header).
enum RawHTTP {
    struct Answer {
        /// The status code of the reply's status line.
        var status: Int
        /// Seconds from connecting to reading the status line.
        var seconds: Double
    }

    /// Connects to `port`, writes `request` while reading the reply, and returns the
    /// reply's status, or nil if no status line arrived within `seconds`.
    static func send(_ request: Data, to port: UInt16, within seconds: Double) async -> Answer? {
        let started = Date()
        guard let socket = try? await AsyncSocket.connected(to: sockaddr_in.inet(ip4: "127.0.0.1", port: port), timeout: seconds) else {
            return nil
        }
        defer { try? socket.close() }
        let status: Int? = await withTaskGroup(of: Int?.self) { group in
            group.addTask {
                // The server may stop reading once it has refused the request; a failed write is expected then.
                try? await socket.write(request)
                return nil
            }
            group.addTask { try? await statusCode(from: socket) }
            group.addTask {
                try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                return nil
            }
            defer { group.cancelAll() }
            while let result = await group.next() {
                if let result { return result }
                // A finished writer or an unanswered read is not the end; the deadline is.
                if Date().timeIntervalSince(started) >= seconds { return nil }
            }
            return nil
        }
        return status.map { Answer(status: $0, seconds: Date().timeIntervalSince(started)) }
    }

    /// `HTTP/1.1 414 URI Too Long` → 414.
    private static func statusCode(from socket: AsyncSocket) async throws -> Int? {
        var received: [UInt8] = []
        while !received.contains(UInt8(ascii: "\n")), received.count < 1024 {
            received += try await socket.read(atMost: 1024)
        }
        let line = String(decoding: received.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let fields = line.split(separator: " ")
        return fields.count >= 2 && fields[0].hasPrefix("HTTP/") ? Int(fields[1]) : nil
    }

    /// A GET whose request line is `length` bytes long.
    static func get(pathLength: Int, headers: String = "") -> Data {
        let prefix = "GET /", suffix = " HTTP/1.1"
        let path = String(repeating: "a", count: max(0, pathLength - prefix.count - suffix.count))
        return Data((prefix + path + suffix + "\r\nHost: 127.0.0.1\r\n" + headers + "\r\n").utf8)
    }
}
