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
        // In place for a native string, without the copy (a retain and release) that
        // `withUTF8` needs to be able to make it contiguous.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { combine(bytes: UnsafeRawBufferPointer($0)) }
        if done != nil { return }
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
        if bytes.count >= Self.stripe {
            offset = combineStripes(bytes)
        }
        while offset + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            mix(Self.tail(bytes, from: offset))
        }
        length &+= UInt64(bytes.count)
    }

    /// The last 1–7 bytes from `offset`, little-endian, with 0x80 above them. From an
    /// input of 8 bytes or more, in one load of its last word shifted down: most
    /// strings hashed (a render key hashes thousands a page) end in a part-word, which
    /// a byte at a time took a step per byte.
    @inline(__always)
    private static func tail(_ bytes: UnsafeRawBufferPointer, from offset: Int) -> UInt64 {
        let remaining = bytes.count - offset
        if bytes.count >= 8 {
            let lastWord = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
            return lastWord >> UInt64(8 * (8 - remaining)) | 0x80 << UInt64(8 * remaining)
        }
        var tail: UInt64 = 0x80
        for index in stride(from: bytes.count - 1, through: offset, by: -1) {
            tail = tail << 8 | UInt64(bytes[index])
        }
        return tail
    }

    /// Bytes taken per step of the long-input path: four words, one to each lane.
    private static let stripe = 32

    /// The whole stripes of `bytes`, through four independent lanes (a page's HTML or
    /// a document's text, kilobytes, is most of what is hashed): `mix` chains each word
    /// on the last, while four lanes let the multiplies of a stripe run at once.
    /// Returns how many bytes it took.
    private mutating func combineStripes(_ bytes: UnsafeRawBufferPointer) -> Int {
        var lanes = (first, second, first ^ 0x1656_67B1_9E37_79F9, second ^ 0x85EB_CA77_C2B2_AE63)
        var offset = 0
        while offset + Self.stripe <= bytes.count {
            lanes.0 = Self.lane(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = Self.lane(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = Self.lane(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = Self.lane(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += Self.stripe
        }
        mix(lanes.0)
        mix(lanes.1)
        mix(lanes.2)
        mix(lanes.3)
        return offset
    }

    @inline(__always)
    private static func lane(_ accumulator: UInt64, _ word: UInt64) -> UInt64 {
        rotate(accumulator &+ word &* 0xC2B2_AE3D_27D4_EB4F, 31) &* 0x9E37_79B1_85EB_CA87
    }

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        first = Self.rotate(first ^ (word &* 0x87C3_7B91_1142_53D5), 31) &* 0x4CF5_AD43_2745_937F
        second = Self.rotate(second &+ (word ^ 0x52DC_E729_DA3E_D17B), 27) &* 0xFF51_AFD7_ED55_8CCD &+ first
    }

    @inline(__always)
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
        let (high, low) = digest()
        return Self.hex(high) + Self.hex(low)
    }

    /// The 128 bits `finalize` writes out, as numbers: for a hash folded into another
    /// without passing through text.
    func digest() -> (high: UInt64, low: UInt64) {
        (Self.avalanche(first ^ length &+ second), Self.avalanche(second ^ Self.rotate(first, 17) ^ length))
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
