import Foundation

extension Array where Element: Sendable {
    /// Maps every element on all cores and returns the results in the original
    /// order, so parallel work stays deterministic.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = ResultSlots<T>(count: count)
        let input = self
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, transform(input[index]))
        }
        return results.values()
    }
}

/// Write-once slots filled from many threads; each index is written by exactly one
/// iteration, and the lock publishes the writes to the reader.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Taken once, at the end: the values are moved out rather than copied, since a
    /// copy retained every reference a value holds (a briefing's model, about twenty)
    /// and freeing the slots released them all again.
    func values() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        let count = slots.count
        return slots.withUnsafeMutableBufferPointer { source in
            [T](unsafeUninitializedCapacity: count) { target, initialized in
                for index in 0..<count {
                    target.initializeElement(at: index, to: source.moveElement(from: index)!)
                    source.initializeElement(at: index, to: nil)
                }
                initialized = count
            }
        }
    }
}
