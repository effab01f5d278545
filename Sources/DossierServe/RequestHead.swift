/// The request line of an HTTP/1.1 request, read from at most a few kilobytes.
///
/// The dev server serves files to GET and HEAD requests; it needs the method and
/// the target, never the headers' values or a body. Limits are checked on the raw
/// bytes before anything is decoded, so a client cannot make the server work in
/// proportion to what it sends.
public struct RequestHead: Sendable, Equatable {
    public var method: String
    public var target: String

    /// Longest request line accepted (method, target and version), without its CRLF.
    public static let requestLineLimit = 8 * 1024
    /// Longest header section accepted (every header line, with their line ends).
    public static let headerSectionLimit = 64 * 1024

    public enum Outcome: Sendable, Equatable {
        /// The bytes so far are a valid start; the head is not complete yet.
        case incomplete
        case complete(RequestHead)
        case refused(Refusal)
    }

    public enum Refusal: Int, Sendable, Equatable {
        case malformed = 400
        case requestLineTooLong = 414
        case headersTooLarge = 431
    }

    /// Reads a request head from the bytes received so far. Looks at most
    /// `requestLineLimit + headerSectionLimit` bytes (plus the line ends), however
    /// many were received.
    public static func parse(_ bytes: [UInt8]) -> Outcome {
        let newline = UInt8(ascii: "\n")
        guard let requestLineEnd = bytes.prefix(requestLineLimit + 2).firstIndex(of: newline) else {
            return bytes.count > requestLineLimit + 1 ? .refused(.requestLineTooLong) : .incomplete
        }
        var lineLength = requestLineEnd
        if lineLength > 0, bytes[lineLength - 1] == UInt8(ascii: "\r") { lineLength -= 1 }
        guard lineLength <= requestLineLimit else { return .refused(.requestLineTooLong) }
        guard let head = requestLine(bytes[..<lineLength]) else { return .refused(.malformed) }

        let headersStart = requestLineEnd + 1
        let headers = bytes[headersStart...].prefix(headerSectionLimit + 2)
        guard let headersEnd = endOfHeaders(in: headers) else {
            return bytes.count - headersStart > headerSectionLimit + 1 ? .refused(.headersTooLarge) : .incomplete
        }
        return headersEnd - headersStart > headerSectionLimit ? .refused(.headersTooLarge) : .complete(head)
    }

    /// `GET /path HTTP/1.1`: three fields separated by single spaces, printable
    /// ASCII (RFC 9112 has clients percent-encode the rest), a target that is a path,
    /// a version HTTP/1.x.
    private static func requestLine(_ line: ArraySlice<UInt8>) -> RequestHead? {
        let fields = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard fields.count == 3, !fields[0].isEmpty, fields[1].first == UInt8(ascii: "/"),
              fields[2].starts(with: Array("HTTP/1.".utf8)),
              line.allSatisfy({ $0 == UInt8(ascii: " ") || (0x21...0x7E).contains($0) })
        else { return nil }
        return RequestHead(method: String(decoding: fields[0], as: UTF8.self), target: String(decoding: fields[1], as: UTF8.self))
    }

    /// The index just past the header section's last line: the empty line that ends
    /// it (CRLF, or a bare LF, which RFC 9112 lets a server accept). For a request
    /// without headers the empty line comes first.
    private static func endOfHeaders(in headers: ArraySlice<UInt8>) -> Int? {
        var lineStart = headers.startIndex
        while let lineEnd = headers[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            let line = headers[lineStart..<lineEnd]
            if line.isEmpty || line == [UInt8(ascii: "\r")] { return lineStart }
            lineStart = lineEnd + 1
        }
        return nil
    }
}
