import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Accepts connections on 127.0.0.1 and answers one GET or HEAD request on each.
///
/// FlyingFox's HTTPServer reads a request line or header byte by byte, and its
/// end-of-line test walks the whole line so far at every byte (quadratic: a 200 KB
/// request line took 26 s of CPU), with no size limit and no hook before it. So the
/// dev server accepts connections itself on FlyingFox's socket layer and reads the
/// head in bounded chunks: a client costs at most `RequestHead`'s limits of work,
/// and too long a request line or header section is answered at once (414 / 431).
public struct LoopbackListener: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case portInUse(UInt16)
        case cannotListen(UInt16, String)

        public var description: String {
            switch self {
            case .portInUse(let port):
                "port \(port) on 127.0.0.1 is already in use (another dossier serve?); choose another with --port, e.g. --port \(port == UInt16.max ? 8001 : port + 1)"
            case .cannotListen(let port, let reason):
                "cannot listen on 127.0.0.1:\(port): \(reason); choose another port with --port"
            }
        }
    }

    /// How long, and how much, a refused client's remaining input is read before closing.
    static let drainDeadline = 1.0
    static let drainLimit = 1 << 20

    let socket: Socket
    /// The port listened on; the one the system chose when asked for port 0.
    public let port: UInt16
    /// How long a client has to send its request head before it gets a 408, in seconds.
    public let headDeadline: Double

    /// Binds 127.0.0.1:`port` and listens; throws `Failure` if the port is taken.
    public static func open(port: UInt16, headDeadline: Double = 10) throws -> LoopbackListener {
        let socket = try Socket(domain: Int32(sockaddr_in.family))
        do {
            try socket.setValue(true, for: .localAddressReuse)
            #if canImport(Darwin)
            try socket.setValue(true, for: .noSIGPIPE)
            #endif
            try socket.bind(to: sockaddr_in.inet(ip4: "127.0.0.1", port: port))
            try socket.listen()
        } catch SocketError.failed(_, let code, let message) {
            try? socket.close()
            throw code == EADDRINUSE ? Failure.portInUse(port) : Failure.cannotListen(port, message)
        }
        guard case .ip4(_, let bound) = try socket.sockname() else { throw Failure.cannotListen(port, "no IPv4 address") }
        return LoopbackListener(socket: socket, port: bound, headDeadline: headDeadline)
    }

    /// Answers requests until the task is cancelled; then closes the socket.
    public func serve(_ respond: @escaping @Sendable (RequestHead) async -> HTTPReply) async throws {
        // Docs: `.make()` picks the platform's event queue (epoll, kqueue or poll).
        let pool = SocketPool<Poll>.make()
        try await pool.prepare()
        let listening = try AsyncSocket(socket: socket, pool: pool)
        defer { try? socket.close() }
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await pool.run() }
            for try await client in listening.sockets {
                group.addTask { await answer(client, respond) }
            }
        }
    }

    func answer(_ client: AsyncSocket, _ respond: @Sendable (RequestHead) async -> HTTPReply) async {
        defer { try? client.close() }
        let outcome: RequestHead.Outcome?
        do {
            let descriptor = client.socket.file.rawValue
            outcome = try await withDeadline(headDeadline, stop: { _ = shutdown(descriptor, Int32(SHUT_RD)) }) {
                try await Self.readHead(from: client)
            }
        } catch {
            return  // the client went away
        }
        let reply: HTTPReply
        var withBody = true
        switch outcome {
        case nil:
            reply = .plain(408, "The request head did not arrive within \(String(format: "%g", headDeadline)) seconds.")
        case .refused(.requestLineTooLong):
            reply = .plain(414, "The request line is longer than \(RequestHead.requestLineLimit) bytes.")
        case .refused(.headersTooLarge):
            reply = .plain(431, "The request headers are larger than \(RequestHead.headerSectionLimit) bytes.")
        case .refused(.malformed), .incomplete:
            reply = .plain(400, "This is not an HTTP/1.x request.")
        case .complete(let head) where head.method == "GET" || head.method == "HEAD":
            reply = await respond(head)
            withBody = head.method == "GET"
        case .complete:
            reply = HTTPReply(status: 405, body: Data("Only GET and HEAD are served.\n".utf8), extraHeaders: ["Allow": "GET, HEAD"])
        }
        try? await client.write(reply.encoded(withBody: withBody))
        if reply.status == 400 || reply.status == 414 || reply.status == 431 { await Self.lingeringClose(client) }
    }

    /// Reads 4 KB at a time until the head is complete or a limit is crossed; the
    /// buffer never holds more than the limits plus one read.
    static func readHead(from client: AsyncSocket) async throws -> RequestHead.Outcome {
        var received: [UInt8] = []
        while true {
            received += try await client.read(atMost: 4096)
            let outcome = RequestHead.parse(received)
            if outcome != .incomplete { return outcome }
        }
    }

    /// Closing a connection with unread input makes the kernel send a reset, which
    /// can reach the client before it has read the reply. So a refused client gets
    /// the end of our side first, and what it still sends is read and dropped,
    /// within bounds, until it closes (RFC 9112 §9.6).
    static func lingeringClose(_ client: AsyncSocket) async {
        _ = shutdown(client.socket.file.rawValue, Int32(SHUT_WR))
        let descriptor = client.socket.file.rawValue
        _ = try? await withDeadline(drainDeadline, stop: { _ = shutdown(descriptor, Int32(SHUT_RD)) }) {
            var drained = 0
            while drained < drainLimit { drained += try await client.read(atMost: 4096).count }
        }
    }
}
