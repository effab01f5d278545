/// Sebastiano Vigna's SplitMix64. The fuzz test needs a generator whose sequence
/// depends only on its seed, on every platform and toolchain: the standard
/// library's random APIs (`Int.random(in:using:)`, `shuffled`) promise neither, so
/// every draw goes through the few methods below. Other tests use it as the
/// `RandomNumberGenerator` of `Int.random(in:using:)`, where a fixed run is enough.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// An independent stream per case, so case N can be made without making 0..<N.
    init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0 ..< bound (the modulo bias is far below anything a fuzzer could notice).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "empty range")
        return Int(next() % UInt64(bound))
    }

    mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True `percent` times in a hundred.
    mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    mutating func pick<Element>(_ items: [Element]) -> Element {
        items[below(items.count)]
    }

    /// Small values as often as large ones (as many draws between 2 and 4 as between
    /// 1,000 and 2,000), so both a depth of 3 and a depth of 50,000 get tried.
    mutating func logUniform(_ range: ClosedRange<Int>) -> Int {
        let lowBits = Int.bitWidth - max(range.lowerBound, 1).leadingZeroBitCount
        let highBits = Int.bitWidth - max(range.upperBound, 1).leadingZeroBitCount
        let bits = inRange(lowBits...highBits)
        let floor = bits <= 1 ? 0 : 1 << (bits - 1)
        let value = floor + below(max(1, floor))
        return min(max(value, range.lowerBound), range.upperBound)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
    }
}
