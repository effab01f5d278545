extension Array {
    /// What `body` makes of the element at `position`, handed to it where it lies.
    ///
    /// `array[position]` copies the element, retaining each of its reference fields
    /// (about twenty for a `BriefingModel` or an `ActorModel`) and releasing them
    /// after. At 100,000 briefings those objects lie cold in 3.5 GB, so each retain
    /// is a cache miss: such copies were a fifth of the build's `swift_retain`. An
    /// unsafe buffer's element is read through its address, so passing it on borrows it.
    @inline(__always)
    func withElement<Result>(at position: Int, _ body: (Element) throws -> Result) rethrows -> Result {
        precondition(position >= 0 && position < count, "index out of range")
        return try withUnsafeBufferPointer { try body($0[position]) }
    }
}
