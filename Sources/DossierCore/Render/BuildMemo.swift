import Foundation

/// Values that many pages of one build show alike (an actor's mention preview, a
/// document's link in "Mentioned in"), made the first time a page asks and shared by
/// the others. Safe from the render's parallel jobs; a value made twice by two jobs
/// at once is the same value.
final class BuildMemo<Key: Hashable & Sendable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    func value(for key: Key, make: () -> Value) -> Value {
        lock.lock()
        let known = values[key]
        lock.unlock()
        if let known { return known }
        let value = make()
        lock.lock()
        values[key] = value
        lock.unlock()
        return value
    }
}
