extension Array where Element: Sendable {
    /// `parallelMap` over runs of `run` elements, in order: for thousands of small items
    /// (a load memo record each), one result slot and one lock per run rather than per
    /// item, which both cores otherwise contend for.
    func chunkedParallelMap<T: Sendable>(run: Int = 64, _ transform: @Sendable (Element) -> T) -> [T] {
        guard count > run else { return map(transform) }
        let input = self
        let runs = stride(from: 0, to: count, by: run).map { $0..<Swift.min($0 + run, input.count) }
        let mapped = runs.parallelMap { range in input[range].map(transform) }
        var results: [T] = []
        results.reserveCapacity(count)
        for part in mapped { results.append(contentsOf: part) }
        return results
    }
}
