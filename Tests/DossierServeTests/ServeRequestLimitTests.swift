import DossierCore
import FlyingSocks
import Foundation
import Testing
@testable import DossierServe

/// A client must not be able to make `dossier serve` work in proportion to what it
/// sends: the request line and the headers are capped and refused at once.
@Suite struct ServeRequestLimitTests {
    /// Runs `body` against a real `dossier serve` of a fresh project.
    func withServer(_ body: (UInt16) async throws -> Void) async throws {
        let folder = try makeTemporaryFolder("serve-limits")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Scaffold.initialize(folder.appendingPathComponent("project"), title: "Limits")
        let server = try ServeProcess(root: folder.appendingPathComponent("project"), temporaryFolder: folder)
        defer { server.stop() }
        let port = try #require(await server.servingPort(), "no Serving line in: \(server.standardError)")
        try await body(port)
    }

    @Test(.needsDossierExecutable) func aHugeRequestLineIsRefusedAtOnceWhileOtherClientsAreServed() async throws {
        try await withServer { port in
            let huge = RawHTTP.get(pathLength: 200_000)
            async let first = RawHTTP.send(huge, to: port, within: 1)
            async let second = RawHTTP.send(huge, to: port, within: 1)
            async let normal = RawHTTP.send(RawHTTP.get(pathLength: 14), to: port, within: 1)
            let answers = await [first, second, normal]
            #expect(answers[0]?.status == 414)
            #expect(answers[1]?.status == 414)
            #expect(answers[2]?.status == 200)
            #expect(answers.allSatisfy { ($0?.seconds ?? .infinity) < 1 })
        }
    }

    @Test(.needsDossierExecutable) func aHugeHeaderIsRefusedAtOnce() async throws {
        try await withServer { port in
            let header = "X-Padding: " + String(repeating: "b", count: 1 << 20) + "\r\n"
            let answer = await RawHTTP.send(RawHTTP.get(pathLength: 14, headers: header), to: port, within: 1)
            #expect(answer?.status == 431)
        }
    }

    @Test(.needsDossierExecutable) func requestsAtTheLimitsAreServed() async throws {
        try await withServer { port in
            let line = RawHTTP.get(pathLength: 8 * 1024)
            #expect(await RawHTTP.send(line, to: port, within: 5)?.status == 404)
            let headers = String(repeating: "X-Padding: " + String(repeating: "b", count: 1011) + "\r\n", count: 63)
            #expect(await RawHTTP.send(RawHTTP.get(pathLength: 14, headers: headers), to: port, within: 5)?.status == 200)
        }
    }

    @Test(.needsDossierExecutable) func aTakenPortIsReportedBeforeServingWithAHintToUsePort() async throws {
        let occupier = try Socket(domain: Int32(sockaddr_in.family))
        defer { try? occupier.close() }
        try occupier.bind(to: sockaddr_in.inet(ip4: "127.0.0.1", port: 0))
        try occupier.listen()
        guard case .ip4(_, let port) = try occupier.sockname() else { Issue.record("no IPv4 address"); return }

        let folder = try makeTemporaryFolder("serve-port")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Scaffold.initialize(folder.appendingPathComponent("project"), title: "Port")
        let server = try ServeProcess(root: folder.appendingPathComponent("project"), port: port, temporaryFolder: folder)
        defer { server.stop() }
        #expect(await server.waitForExit(within: 30))
        #expect(server.process.terminationStatus == 1)
        let output = server.standardError
        #expect(output.contains("error: port \(port) on 127.0.0.1 is already in use"))
        #expect(output.contains("--port"))
        #expect(!output.contains("Serving"))
    }

    /// The listener alone, answering every request with `reply`. It runs in the test
    /// process, on a thread of its own (`DedicatedExecutor`), since other tests may keep
    /// the shared threads busy; the time bounds stay generous.
    func withListener(headDeadline: Double = 10, reply: HTTPReply, _ body: (UInt16) async throws -> Void) async throws {
        let listener = try LoopbackListener.open(port: 0, headDeadline: headDeadline)
        // Its own thread, and so are its connections' tasks (children inherit it).
        let serving = Task(executorPreference: DedicatedExecutor(label: "listener-under-test")) {
            try await listener.serve { _ in reply }
        }
        defer { serving.cancel() }
        try await body(listener.port)
    }

    @Test func aClientThatNeverFinishesItsRequestGets408AfterTheDeadline() async throws {
        try await withListener(headDeadline: 0.3, reply: HTTPReply(status: 200)) { port in
            let answer = await RawHTTP.send(Data("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8), to: port, within: 60)
            #expect(answer?.status == 408)
            #expect((answer?.seconds ?? 0) >= 0.3)
        }
    }

    @Test func onlyGetAndHeadAreServed() async throws {
        try await withListener(reply: HTTPReply(status: 200, body: Data("page".utf8))) { port in
            #expect(await RawHTTP.send(Data("HEAD / HTTP/1.1\r\n\r\n".utf8), to: port, within: 60)?.status == 200)
            #expect(await RawHTTP.send(Data("POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody".utf8), to: port, within: 60)?.status == 405)
        }
    }

    @Test func headRepliesCarryTheLengthButNoBody() {
        let reply = HTTPReply(status: 200, body: Data("page".utf8))
        let head = String(decoding: reply.encoded(withBody: false), as: UTF8.self)
        #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(head.contains("Content-Length: 4\r\n"))
        #expect(head.contains("Connection: close\r\n"))
        #expect(head.hasSuffix("\r\n\r\n"))
        #expect(String(decoding: reply.encoded(), as: UTF8.self) == head + "page")
    }
}
