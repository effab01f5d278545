import Foundation

/// A value computed on a thread of its own while the build goes on, for work that
/// lies between two stages and need not hold up the next one: the first reader of
/// `value` waits for it. The model stage runs mostly on one thread, so work started
/// beside it takes the other core; on the main path, spilling the documents' text
/// (86 MB written at 10,000 briefings) and reading the render manifest took about
/// 0.25 s of a cached build's wall time.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            let value = work()
            lock.lock()
            result = value
            lock.unlock()
            done.signal()
        }
    }

    var value: Value {
        lock.lock()
        if let result {
            lock.unlock()
            return result
        }
        lock.unlock()
        done.wait()
        // Let any later reader through too.
        done.signal()
        lock.lock()
        defer { lock.unlock() }
        return result!
    }
}
