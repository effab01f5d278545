import DossierCore
import Foundation

/// `dossier serve`: builds the project (into a temporary folder, or the folder given
/// with `--output`), serves it on 127.0.0.1, rebuilds when an input changes, and
/// reloads the open pages whose file changed.
///
/// Builds run on their own thread, never on the request path: while one runs,
/// requests are answered from the last good output, which the build replaces in
/// one atomic swap. Each build reuses the previous one's work through the build
/// cache, kept in memory for the life of the server (and on disk, like `build`).
public actor DevServer {
    public struct Options: Sendable {
        public var root: URL
        public var port: UInt16
        public var drafts: Bool
        /// How often inputs are compared where inotify is not available, in seconds.
        public var pollInterval: Double
        /// Where to keep the served site; nil: a temporary folder, removed on exit.
        public var output: URL?
        /// The build cache (nil: each build starts from nothing).
        public var cache: BuildCache?
        /// Follow each "Rebuilt" line with the build's stage times (`RebuildTimings`).
        public var reportsTimings: Bool

        public init(root: URL, port: UInt16 = 8000, drafts: Bool = false, pollInterval: Double = 0.5, output: URL? = nil, cache: BuildCache? = nil,
                    reportsTimings: Bool = false) {
            self.root = root
            self.port = port
            self.drafts = drafts
            self.pollInterval = pollInterval
            self.output = output
            self.cache = cache
            self.reportsTimings = reportsTimings
        }
    }

    let options: Options
    public nonisolated let scratch = ScratchFolder()
    nonisolated var output: URL { options.output ?? scratch.output }
    private var generation = 0
    private var failure: [Diagnostic]?
    /// The build number at which each page's file last changed, by its path in the site.
    private var pageVersions = PageVersions()
    private var stopped = false
    private var building: Task<(BuildReport, waited: Double)?, Never>?
    private var updatingFast: Task<[String]?, Never>?
    /// The last successful build's state, for the fast path (nil after a failed build).
    private var liveState: LiveState?
    /// The drafts count last reported, so the note is printed when it changes, not on every rebuild.
    private var reportedDrafts = 0
    /// The address pages are served at, once the port is bound (`--port 0` picks one).
    private var servedBaseURL = "http://127.0.0.1/"
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
        servedBaseURL = "http://127.0.0.1:\(listener.port)/"
        if options.output == nil {
            let stale = scratch.removeStale()
            // Anything already under this server's own names was left by an earlier
            // process that had the same pid.
            scratch.remove()
            if !stale.isEmpty { report("Removed \(stale.count) folder\(stale.count == 1 ? "" : "s") left in \(scratch.parent.path) by dossier serve runs that ended without stopping") }
        }
        let watcher = ChangeWatcher(root: options.root, pollInterval: options.pollInterval)
        let root = options.root
        await rebuild()
        let watch = Task { [weak self] in
            for await _ in watcher.changes {
                // Editors save in several steps (write, rename, chmod): let them finish.
                try? await Task.sleep(nanoseconds: 15_000_000)
                // Nothing to do when an earlier wake-up already took these changes, or when
                // they are only editors' temporary files (the save that follows is its own change).
                let changes = watcher.takeChanges()
                guard changes.unattributed || changes.paths.contains(where: { LiveUpdate.buildMayRead($0, root: root) }) else { continue }
                await self?.rebuild(after: changes)
            }
        }
        defer {
            watcher.stop()
            watch.cancel()
            if options.output == nil { scratch.remove() }
        }
        report("Serving \(options.root.path) at http://127.0.0.1:\(listener.port)/ (Ctrl-C to stop)")
        try await listener.serve { [weak self] head in
            guard let self else { return .plain(503, "The server is stopping.") }
            return await self.reply(to: head)
        }
    }

    /// Builds no more and, once a build in progress has finished (so nothing is
    /// written after it), removes the temporary folder.
    public func stop() async {
        stopped = true
        _ = await updatingFast?.value
        _ = await building?.value
        RetiredOutputs.waitUntilRemoved()
        if options.output == nil { scratch.remove() }
    }

    func currentGeneration() -> Int { generation }

    /// Builds the site; after `changes` it first writes the pages made from the edited
    /// files, when `LiveUpdate` covers the edits.
    func rebuild(after changes: ChangeSet? = nil) async {
        guard !stopped else { return }
        // Taken before the build, so that two builds' models are not held at once, and
        // moved into the fast path, which patches it in place instead of copying it.
        let state = LiveStateBox(liveState.take())
        if let changes, !changes.unattributed, state.holdsState {
            await updateFast(changes.paths, state: state)
            guard !stopped else { return }
        }
        // The site is served at the root, as Hugo's server does, whatever sub-path base_url
        // names: 404.html builds its links from base_url's path, so it must be this one.
        var buildOptions = BuildOptions(root: options.root, output: output, drafts: options.drafts, baseURL: servedBaseURL)
        buildOptions.cache = options.cache
        buildOptions.keepsLiveState = true
        // The replaced output goes to a process of its own (when the cache's trash folder
        // is on its file system): removed here, the next build waited for it after a quick edit.
        buildOptions.detachesOutputRemoval = true
        let build = buildOptions
        let started = Date()
        let task = Task<(BuildReport, waited: Double)?, Never> {
            await withCheckedContinuation { continuation in
                // A thread of its own: the build is long, synchronous work that must
                // not hold one of the few threads that answer requests.
                Thread.detachNewThread {
                    // The build waits for this itself; waiting here first shows how long it took.
                    let waited = RebuildTimings.seconds { RetiredOutputs.waitUntilRemoved() }
                    continuation.resume(returning: (SiteBuilder.build(build), waited))
                }
            }
        }
        building = task
        guard let (result, waited) = await task.value else { return }
        building = nil
        for diagnostic in DiagnosticPaths.relativeToCurrentFolder(result.diagnostics, projectRoot: options.root) {
            report(DiagnosticFormatter.format(diagnostic))
        }
        if result.draftsLeftOut != reportedDrafts, result.succeeded {
            reportedDrafts = result.draftsLeftOut
            if let note = BuildNotes.draftsLeftOut(result.draftsLeftOut) { report(note) }
        }
        generation += 1
        failure = result.succeeded ? nil : result.diagnostics
        liveState = result.succeeded ? result.liveState : nil
        if result.succeeded { pageVersions.record(changed: result.changedPaths, generation: generation) }
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        report(result.succeeded
            ? "Rebuilt in \(milliseconds) ms: \(result.changedPaths.count) of \(result.paths.count) files changed"
            : "Build failed; serving the last good site")
        if options.reportsTimings { report(RebuildTimings.line(result, waitedForRemoval: waited, total: Double(milliseconds) / 1000)) }
    }

    /// The fast path (`LiveUpdate`): runs before the full build, never during one, on a
    /// thread of its own. Anything it does not cover, or that fails, writes nothing.
    private func updateFast(_ paths: Set<String>, state: LiveStateBox) async {
        let root = options.root, output = output, cache = options.cache
        let started = Date()
        let task = Task<[String]?, Never> {
            await withCheckedContinuation { continuation in
                Thread.detachNewThread {
                    guard var live = state.take() else { return continuation.resume(returning: nil) }
                    let files = LiveUpdate.pages(afterEditing: paths, root: root, state: &live, cache: cache)
                    continuation.resume(returning: files.map { LivePageWriter.write($0, into: output) })
                    // The spent state is freed here, after the pages are out.
                }
            }
        }
        updatingFast = task
        let written = await task.value
        updatingFast = nil
        guard let written, !written.isEmpty else { return }
        generation += 1
        pageVersions.record(changed: written, generation: generation)
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        report("Updated \(written.joined(separator: ", ")) in \(milliseconds) ms; rebuilding the rest")
    }

    func reply(to head: RequestHead) -> HTTPReply {
        if head.target.prefix(while: { $0 != "?" }) == LiveReload.versionPath {
            return HTTPReply(status: 200, body: Data(version(for: LiveReload.page(inVersionRequest: head.target)).utf8))
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

    /// What the reload script compares: with no page named, the build number (it
    /// changes on every rebuild); for a page, what changes only when that page's
    /// file, a file every page uses (styles, scripts), or the build's failure does.
    func version(for page: String?) -> String {
        guard let page else { return String(generation) }
        if failure != nil { return "failed-\(generation)" }
        guard let relative = SiteFiles.relativePath(forRequestPath: page) else { return String(generation) }
        var file = relative
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.appendingPathComponent(file).path, isDirectory: &isDirectory), isDirectory.boolValue {
            file += "/index.html"
        }
        return pageVersions.version(of: file)
    }
}
