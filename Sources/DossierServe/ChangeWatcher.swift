import Foundation

/// Tells `dossier serve` when an input may have changed: through inotify on Linux,
/// which costs nothing while idle and reports an edit within a millisecond, and by
/// comparing `SourceWatcher` fingerprints elsewhere (or where inotify is refused,
/// e.g. when the user's watch limit is reached).
final class ChangeWatcher: @unchecked Sendable {
    /// Changes as they come; several changes before the consumer asks again collapse into one.
    let changes: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    private let stopLock = NSLock()
    private var stopped = false

    init(root: URL, pollInterval: Double) {
        (changes, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let thread = Thread { [weak self] in self?.watch(root: root, pollInterval: pollInterval) }
        thread.name = "dossier serve watcher"
        thread.start()
    }

    func stop() {
        stopLock.lock()
        stopped = true
        stopLock.unlock()
        continuation.finish()
    }

    private var isStopped: Bool {
        stopLock.lock()
        defer { stopLock.unlock() }
        return stopped
    }

    private func watch(root: URL, pollInterval: Double) {
        #if os(Linux)
        if let inotify = InotifyWatcher(root: root) {
            while !isStopped {
                if inotify.waitForChange(milliseconds: 250) { continuation.yield() }
            }
            return
        }
        #endif
        let watcher = SourceWatcher(root: root)
        var last = watcher.fingerprint()
        while !isStopped {
            Thread.sleep(forTimeInterval: pollInterval)
            let now = watcher.fingerprint()
            if now != last {
                last = now
                continuation.yield()
            }
        }
    }
}
