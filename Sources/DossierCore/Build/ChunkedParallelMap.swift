import Foundation

extension Array where Element: Sendable {
    /// `parallelMap` over runs of `run` elements, in order: for thousands of small items
    /// (a load memo record each), each result is written straight into its place in the
    /// result, with no lock and no slot per item, which both cores otherwise contend for.
    func chunkedParallelMap<T: Sendable>(run: Int = 64, _ transform: @Sendable (Element) -> T) -> [T] {
        guard count > run else { return map(transform) }
        let input = self
        let runs = (count + run - 1) / run
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let target = ResultPlaces(base: buffer.baseAddress!)
            // Each run initializes its own places; `concurrentPerform` returns after all have.
            DispatchQueue.concurrentPerform(iterations: runs) { number in
                for index in number * run..<Swift.min((number + 1) * run, input.count) {
                    (target.base + index).initialize(to: transform(input[index]))
                }
            }
            initialized = input.count
        }
    }
}

/// The result's storage, shared by the runs, each of which writes only its own places.
private struct ResultPlaces<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}
