import Foundation

extension Array where Element: Sendable {
    /// Maps every element on all cores and returns the results in the original
    /// order, so parallel work stays deterministic.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        chunkedParallelMap(run: 1, transform)
    }

    /// `parallelMap` over runs of `run` elements, in order: for thousands of small items
    /// (a load memo record each), a run per iteration keeps the cores from contending
    /// for the queue. Each result is written straight into its place in the result, with
    /// no lock and no slot per item: each place is written by exactly one iteration, and
    /// `concurrentPerform` returns only after all of them.
    func chunkedParallelMap<T: Sendable>(run: Int = 64, _ transform: @Sendable (Element) -> T) -> [T] {
        guard count > run else { return map(transform) }
        let input = self
        let runs = (count + run - 1) / run
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let target = ResultPlaces(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: runs) { number in
                for index in number * run..<Swift.min((number + 1) * run, input.count) {
                    (target.base + index).initialize(to: transform(input[index]))
                }
            }
            initialized = input.count
        }
    }
}

/// Ranges that split `count` items into a few chunks per core, each worked through on
/// one thread with its own scratch space: a few per core so that a slow chunk does not
/// hold up the rest, and at least `atLeast` items each so that the scratch is worth making.
enum ParallelChunks {
    static func ranges(_ count: Int, perCore: Int = 4, atLeast: Int = 256) -> [Range<Int>] {
        let size = max(atLeast, count / (perCore * ProcessInfo.processInfo.activeProcessorCount) + 1)
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }
}

/// The result's storage, shared by the iterations, each of which writes only its own places.
private struct ResultPlaces<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}
