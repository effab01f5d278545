import Foundation

/// Tells `dossier serve` when an input may have changed: through inotify on Linux,
/// which costs nothing while idle and reports an edit within a millisecond, and by
/// comparing `SourceWatcher` fingerprints elsewhere (or where inotify is refused,
/// e.g. when the user's watch limit is reached). What changed is gathered until the
/// consumer takes it (`takeChanges`), so several changes collapse into one rebuild.
final class ChangeWatcher: @unchecked Sendable {
    /// One element whenever something changed since the consumer last took the changes.
    let changes: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    private let stopLock = NSLock()
    private var stopped = false
    private var pending = ChangeSet()

    /// Starts watching before it returns, so an edit made as soon as the first build
    /// is out is seen even when the watcher's thread has not run yet (under load it
    /// can start late, and an edit made before its watches existed was lost).
    init(root: URL, pollInterval: Double) {
        (changes, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let start = WatchStart(root: root)
        let thread = Thread { [weak self] in self?.watch(start, pollInterval: pollInterval) }
        thread.name = "dossier serve watcher"
        thread.start()
    }

    func stop() {
        stopLock.lock()
        stopped = true
        stopLock.unlock()
        continuation.finish()
    }

    /// What changed since the last call.
    func takeChanges() -> ChangeSet {
        stopLock.lock()
        defer { stopLock.unlock() }
        let changes = pending
        pending = ChangeSet()
        return changes
    }

    private func report(_ changes: ChangeSet) {
        stopLock.lock()
        pending.formUnion(changes)
        stopLock.unlock()
        continuation.yield()
    }

    private var isStopped: Bool {
        stopLock.lock()
        defer { stopLock.unlock() }
        return stopped
    }

    private func watch(_ start: WatchStart, pollInterval: Double) {
        #if os(Linux)
        if let inotify = start.inotify {
            while !isStopped {
                if let changes = inotify.waitForChanges(milliseconds: 250) { report(changes) }
            }
            return
        }
        #endif
        let watcher = start.polling
        var last = start.fingerprints
        while !isStopped {
            Thread.sleep(forTimeInterval: pollInterval)
            let now = watcher.fingerprints()
            if now != last {
                report(ChangeSet(paths: SourceWatcher.changedPaths(from: last, to: now)))
                last = now
            }
        }
    }
}

/// What the watcher's thread starts from, made before the thread runs: the inotify
/// watches, or where they cannot be had, the fingerprints polling compares against.
/// Handed to that thread, which alone uses it afterwards.
private final class WatchStart: @unchecked Sendable {
    #if os(Linux)
    let inotify: InotifyWatcher?
    #endif
    let polling: SourceWatcher
    let fingerprints: [String: String]

    init(root: URL) {
        polling = SourceWatcher(root: root)
        #if os(Linux)
        inotify = InotifyWatcher(root: root)
        fingerprints = inotify == nil ? polling.fingerprints() : [:]
        #else
        fingerprints = polling.fingerprints()
        #endif
    }
}
