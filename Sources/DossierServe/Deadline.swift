import Foundation

/// The value of `work`, or nil if it takes longer than `seconds` (it is then cancelled).
///
/// `stop` runs when the time is up, before the cancellation is awaited: a read
/// suspended in the socket event loop can miss a cancellation that races with it,
/// and the task group would then wait for the client to go away (under load, a client
/// that never finished its request was held for over a minute instead of getting its
/// 408). Shutting the socket's read side wakes such a read whatever happened to the
/// cancellation, without closing the descriptor under it.
func withDeadline<Value: Sendable>(
    _ seconds: Double, stop: @escaping @Sendable () -> Void = {}, _ work: @escaping @Sendable () async throws -> Value
) async throws -> Value? {
    let expiry = Expiry()
    return try await withThrowingTaskGroup(of: Value?.self) { group in
        group.addTask { try await work() }
        group.addTask {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
            expiry.expire()
            stop()
            return nil
        }
        defer { group.cancelAll() }
        do {
            return try await group.next() ?? nil
        } catch where expiry.hasExpired {
            // The work failed because `stop` ended it: that is the timeout.
            return nil
        }
    }
}

/// Set once, when a deadline passes.
private final class Expiry: @unchecked Sendable {
    private let lock = NSLock()
    private var expired = false

    func expire() {
        lock.lock()
        expired = true
        lock.unlock()
    }

    var hasExpired: Bool {
        lock.lock()
        defer { lock.unlock() }
        return expired
    }
}
