import Foundation
import Testing
@testable import DossierServe

@Suite struct RequestHeadTests {
    func parse(_ text: String) -> RequestHead.Outcome {
        RequestHead.parse(Array(text.utf8))
    }

    @Test func aCompleteHeadGivesMethodAndTarget() {
        #expect(parse("GET /actors/?q=1 HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n") == .complete(RequestHead(method: "GET", target: "/actors/?q=1")))
        #expect(parse("HEAD / HTTP/1.0\n\n") == .complete(RequestHead(method: "HEAD", target: "/")))
    }

    @Test(arguments: ["", "GET", "GET / HTTP/1.1", "GET / HTTP/1.1\r\n", "GET / HTTP/1.1\r\nHost: x\r\n", "GET / HTTP/1.1\r\nHost: x\r\n\r"])
    func aHeadThatHasNotEndedAsksForMore(text: String) {
        #expect(parse(text) == .incomplete)
    }

    @Test(arguments: ["GET /\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "GET x HTTP/1.1\r\n\r\n", "GET / SPDY/3\r\n\r\n",
                      "GET /\u{1B}[2J HTTP/1.1\r\n\r\n", "GET /é HTTP/1.1\r\n\r\n", "\r\n\r\n"])
    func aMalformedRequestLineIsRefused(text: String) {
        #expect(parse(text) == .refused(.malformed))
    }

    @Test func theRequestLineMayBeEightKilobytesAndNoMore() {
        let atLimit = "GET /" + String(repeating: "a", count: RequestHead.requestLineLimit - 14) + " HTTP/1.1"
        #expect(atLimit.utf8.count == RequestHead.requestLineLimit)
        #expect(parse(atLimit + "\r\n\r\n") == .complete(RequestHead(method: "GET", target: String(atLimit.dropFirst(4).dropLast(9)))))
        let overLimit = "GET /a" + atLimit.dropFirst(5)
        #expect(parse(overLimit + "\r\n\r\n") == .refused(.requestLineTooLong))
        // Refused as soon as the limit is crossed, without waiting for the line to end.
        #expect(parse(String((overLimit + " and more").prefix(RequestHead.requestLineLimit + 2))) == .refused(.requestLineTooLong))
        #expect(parse(String(overLimit.prefix(RequestHead.requestLineLimit))) == .incomplete)
    }

    @Test func theHeadersMayBeSixtyFourKilobytesAndNoMore() {
        let line = "X-Padding: " + String(repeating: "b", count: 1024 - 13) + "\r\n"
        let atLimit = String(repeating: line, count: RequestHead.headerSectionLimit / 1024)
        #expect(atLimit.utf8.count == RequestHead.headerSectionLimit)
        #expect(parse("GET / HTTP/1.1\r\n" + atLimit + "\r\n") == .complete(RequestHead(method: "GET", target: "/")))
        #expect(parse("GET / HTTP/1.1\r\n" + atLimit + "\r") == .incomplete)
        #expect(parse("GET / HTTP/1.1\r\nX: y\r\n" + atLimit + "\r\n") == .refused(.headersTooLarge))
        #expect(parse("GET / HTTP/1.1\r\nX: y\r\n" + atLimit) == .refused(.headersTooLarge))
    }

    @Test func theWorkDoesNotGrowWithTheInput() {
        // 5 MB that never ends a line: only the first limit's worth is looked at.
        let huge = Array(repeating: UInt8(ascii: "a"), count: 5 << 20)
        let hugeLine = Array("GET /".utf8) + huge, hugeHeader = Array("GET / HTTP/1.1\r\nX: ".utf8) + huge
        let started = Date()
        #expect(RequestHead.parse(hugeLine) == .refused(.requestLineTooLong))
        #expect(RequestHead.parse(hugeHeader) == .refused(.headersTooLarge))
        #expect(Date().timeIntervalSince(started) < 1)
    }
}
