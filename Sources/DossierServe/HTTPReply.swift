import Foundation

/// A response of the dev server, and its bytes on the wire. Every reply closes the
/// connection, so no request body or pipelined request is ever read: a local dev
/// server loses nothing measurable by opening a connection per request.
public struct HTTPReply: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var body: Data
    /// Extra header lines, e.g. `Allow` on a 405.
    public var extraHeaders: [String: String]

    public init(status: Int, contentType: String = "text/plain; charset=utf-8", body: Data = Data(), extraHeaders: [String: String] = [:]) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.extraHeaders = extraHeaders
    }

    /// A short plain-text reply that says what went wrong, for refusals.
    public static func plain(_ status: Int, _ explanation: String) -> HTTPReply {
        HTTPReply(status: status, body: Data((explanation + "\n").utf8))
    }

    /// The status line, headers and, unless the request was HEAD, the body.
    public func encoded(withBody: Bool = true) -> Data {
        var head = "HTTP/1.1 \(status) \(Self.reasons[status] ?? "Unknown")\r\n"
        head += "Content-Type: \(contentType)\r\n"
        head += "Content-Length: \(body.count)\r\n"
        head += "Cache-Control: no-store\r\n"
        head += "Connection: close\r\n"
        for (name, value) in extraHeaders.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        var data = Data(head.utf8)
        if withBody { data.append(body) }
        return data
    }

    static let reasons: [Int: String] = [
        200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout",
        414: "URI Too Long", 431: "Request Header Fields Too Large", 500: "Internal Server Error",
    ]
}
