import DossierCore
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
    public nonisolated let scratch = ScratchFolder()
    var output: URL { scratch.output }
    private var generation = 0
    private var failure: [Diagnostic]?
    private var stopped = false
    /// The drafts count last reported, so the note is printed when it changes, not on every rebuild.
    private var reportedDrafts = 0
    private let report: @Sendable (String) -> Void

    public init(options: Options, report: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.report = report
    }

    /// Listens (throwing `LoopbackListener.Failure` before anything is built or
    /// printed if the port is taken), builds once, then serves and watches until the
    /// task is cancelled.
    public func run() async throws {
        let listener = try LoopbackListener.open(port: options.port)
        let stale = scratch.removeStale()
        // Anything already under this server's own names was left by an earlier
        // process that had the same pid.
        scratch.remove()
        if !stale.isEmpty { report("Removed \(stale.count) folder\(stale.count == 1 ? "" : "s") left in \(scratch.parent.path) by dossier serve runs that ended without stopping") }
        rebuild()
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
            scratch.remove()
        }
        report("Serving \(options.root.path) at http://127.0.0.1:\(listener.port)/ (Ctrl-C to stop)")
        try await listener.serve { [weak self] head in
            guard let self else { return .plain(503, "The server is stopping.") }
            return await self.reply(to: head)
        }
    }

    /// Removes the scratch folder and builds no more. Runs on the actor, so a
    /// rebuild in progress finishes first and cannot write into a removed folder.
    public func stop() {
        stopped = true
        scratch.remove()
    }

    func currentGeneration() -> Int { generation }

    func rebuild() {
        guard !stopped else { return }
        let started = Date()
        let result = SiteBuilder.build(BuildOptions(root: options.root, output: output, drafts: options.drafts))
        for diagnostic in DiagnosticPaths.relativeToCurrentFolder(result.diagnostics, projectRoot: options.root) {
            report(DiagnosticFormatter.format(diagnostic))
        }
        if result.draftsLeftOut != reportedDrafts, result.succeeded {
            reportedDrafts = result.draftsLeftOut
            if let note = BuildNotes.draftsLeftOut(result.draftsLeftOut) { report(note) }
        }
        failure = result.succeeded ? nil : result.diagnostics
        generation += 1
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        report(result.succeeded ? "Rebuilt \(result.paths.count) files in \(seconds) s" : "Build failed; serving the last good site")
    }

    func reply(to head: RequestHead) -> HTTPReply {
        if head.target.prefix(while: { $0 != "?" }) == LiveReload.versionPath {
            return HTTPReply(status: 200, body: Data(String(generation).utf8))
        }
        return response(for: head.target)
    }

    func response(for requestPath: String) -> HTTPReply {
        guard let relative = SiteFiles.relativePath(forRequestPath: requestPath) else {
            return .plain(404, "Not found.")
        }
        let isPage = relative.hasSuffix(".html")
        if isPage, let failure {
            return html(LiveReload.errorPage(failure), status: 500)
        }
        var url = output.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url = url.appendingPathComponent("index.html")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let notFound = FileManager.default.contents(atPath: output.appendingPathComponent("404.html").path)
            return html(notFound.map { String(decoding: $0, as: UTF8.self) } ?? "Not found", status: 404)
        }
        if url.pathExtension == "html" {
            return html(String(decoding: data, as: UTF8.self), status: 200)
        }
        return HTTPReply(status: 200, contentType: SiteFiles.contentType(for: url.path), body: data)
    }

    private func html(_ page: String, status: Int) -> HTTPReply {
        HTTPReply(status: status, contentType: "text/html; charset=utf-8", body: Data(LiveReload.inject(into: page).utf8))
    }
}
