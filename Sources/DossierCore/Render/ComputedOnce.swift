import Foundation

/// A value computed the first time a render job asks for it and shared by every
/// job after it. Page contexts are built on several threads, and some lists (the
/// actors index's order) are needed by many pages but costly to sort, while the dev
/// server's fast path builds contexts without needing them at all.
final class ComputedOnce<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func value(_ compute: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let computed = compute()
        value = computed
        return computed
    }
}
