/// A 128-bit hash that is the same in every process and on every machine (Swift's
/// `Hasher` is seeded per process, so it cannot name anything kept on disk). Two
/// independent multiply–rotate lanes over 8-byte words with a final avalanche: fast
/// and well spread, for content keys; it is not meant to resist a chosen collision.
struct StableHasher {
    private var first: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var second: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var length: UInt64 = 0

    init() {}

    mutating func combine(_ text: String) {
        combine(text.utf8.count)
        var copy = text
        copy.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    mutating func combine(_ value: Int) {
        mix(UInt64(bitPattern: Int64(value)))
        length &+= 8
    }

    mutating func combine(_ value: Bool) { combine(value ? 1 : 0) }

    mutating func combine(_ value: String?) {
        combine(value != nil)
        if let value { combine(value) }
    }

    mutating func combine(bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0x80
            for index in stride(from: bytes.count - 1, through: offset, by: -1) {
                tail = tail << 8 | UInt64(bytes[index])
            }
            mix(tail)
        }
        length &+= UInt64(bytes.count)
    }

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        first = Self.rotate(first ^ (word &* 0x87C3_7B91_1142_53D5), 31) &* 0x4CF5_AD43_2745_937F
        second = Self.rotate(second &+ (word ^ 0x52DC_E729_DA3E_D17B), 27) &* 0xFF51_AFD7_ED55_8CCD &+ first
    }

    private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        value << count | value >> (64 - count)
    }

    private static func avalanche(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    /// 32 lowercase hex digits.
    func finalize() -> String {
        let high = Self.avalanche(first ^ length &+ second)
        let low = Self.avalanche(second ^ Self.rotate(first, 17) ^ length)
        return Self.hex(high) + Self.hex(low)
    }

    /// The low 64 bits only, for checksums.
    func checksum() -> UInt64 {
        Self.avalanche(second ^ Self.rotate(first, 17) ^ length)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
