import DossierCore
import FlyingFox
import Foundation

/// `dossier serve`: builds the project into a temporary folder, serves it on
/// 127.0.0.1, rebuilds when an input changes, and reloads open pages.
public actor DevServer {
    public struct Options: Sendable {
        public var root: URL
        public var port: UInt16
        public var drafts: Bool
        /// How often inputs are compared, in seconds.
        public var pollInterval: Double

        public init(root: URL, port: UInt16 = 8000, drafts: Bool = false, pollInterval: Double = 0.5) {
            self.root = root
            self.port = port
            self.drafts = drafts
            self.pollInterval = pollInterval
        }
    }

    let options: Options
    let output: URL
    private var generation = 0
    private var failure: [Diagnostic]?
    private let report: @Sendable (String) -> Void

    public init(options: Options, report: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.report = report
        output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-serve-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Builds once, then serves and watches until the task is cancelled.
    public func run() async throws {
        rebuild()
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: options.port), timeout: 30)
        await server.appendRoute(HTTPRoute("GET " + LiveReload.versionPath)) { [weak self] _ in
            let version = await self?.currentGeneration() ?? 0
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain", .cacheControl: "no-store"], body: Data(String(version).utf8))
        }
        await server.appendRoute("GET *") { [weak self] request in
            guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return await self.response(for: request.path)
        }
        let watcher = SourceWatcher(root: options.root)
        let interval = options.pollInterval
        let watch = Task { [weak self] in
            var last = watcher.fingerprint()
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
                let now = watcher.fingerprint()
                if now != last {
                    last = now
                    await self?.rebuild()
                }
            }
        }
        defer {
            watch.cancel()
            try? FileManager.default.removeItem(at: output)
        }
        report("Serving \(options.root.path) at http://127.0.0.1:\(options.port)/ (Ctrl-C to stop)")
        try await server.run()
    }

    func currentGeneration() -> Int { generation }

    func rebuild() {
        let started = Date()
        let result = SiteBuilder.build(BuildOptions(root: options.root, output: output, drafts: options.drafts))
        for diagnostic in result.diagnostics { report(DiagnosticFormatter.format(diagnostic)) }
        failure = result.succeeded ? nil : result.diagnostics
        generation += 1
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        report(result.succeeded ? "Rebuilt \(result.paths.count) files in \(seconds) s" : "Build failed; serving the last good site")
    }

    func response(for requestPath: String) -> HTTPResponse {
        guard let relative = SiteFiles.relativePath(forRequestPath: requestPath) else {
            return HTTPResponse(statusCode: .notFound)
        }
        let isPage = relative.hasSuffix(".html")
        if isPage, let failure {
            return html(LiveReload.errorPage(failure), status: .internalServerError)
        }
        var url = output.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url = url.appendingPathComponent("index.html")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let notFound = FileManager.default.contents(atPath: output.appendingPathComponent("404.html").path)
            return html(notFound.map { String(decoding: $0, as: UTF8.self) } ?? "Not found", status: .notFound)
        }
        if url.pathExtension == "html" {
            return html(String(decoding: data, as: UTF8.self), status: .ok)
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: SiteFiles.contentType(for: url.path)], body: data)
    }

    private func html(_ page: String, status: HTTPStatusCode) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: Data(LiveReload.inject(into: page).utf8))
    }
}
