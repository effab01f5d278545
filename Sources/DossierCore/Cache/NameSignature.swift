/// Which folded scalars and pairs of adjacent folded scalars a document's text holds,
/// as a 4096-bit Bloom filter: a name can occur in the text (`NameOccurrence`) only
/// if every scalar and pair of its folded key is in the text's set, so a changed alias
/// need not read and scan the texts whose filters rule its names out (12,000 texts
/// decoded and folded took most of an alias change's link stage at 10,000 briefings).
///
/// The text is folded as `NameOccurrence` folds it, always without case (a match with
/// case is one without: folding without case is a function of folding with it), and
/// scalar by scalar with nothing between them, so it holds for every script, spaced
/// or not. Bits only ever say "maybe": a filter that rules out a name is right, one
/// that does not is followed by the exact scan.
enum NameSignature {
    static let byteCount = 512

    /// The filter of the UTF-8 text `bytes`.
    static func of(text bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: byteCount) { bits, count in
            bits.initialize(repeating: 0)
            count = byteCount
            asciiSlots.withUnsafeBufferPointer { ascii in
                var previous: UInt32?
                var index = 0
                while index < bytes.count {
                    // An ASCII byte after an ASCII scalar (or first): both slots from the table.
                    let byte = bytes[index]
                    if byte < 0x80, (previous ?? 0) < 0x80 {
                        let value = UInt32(ascii[AsciiSlots.folded + Int(byte)])
                        set(bits, Int(ascii[AsciiSlots.single + Int(value)]))
                        if let previous { set(bits, Int(ascii[AsciiSlots.pairs + Int(previous) * 128 + Int(value)])) }
                        previous = value
                        index += 1
                        continue
                    }
                    guard let value = nextScalar(bytes, at: &index) else { return }
                    if value == NameFolding.transparent { continue }
                    set(bits, slot(single: value))
                    if let previous { set(bits, slot(previous, value)) }
                    previous = value
                }
            }
        }
    }

    /// Where each part of `asciiSlots` begins.
    private enum AsciiSlots {
        static let folded = 0, single = 128, pairs = 256
    }

    /// For ASCII, which folds to ASCII: each byte's folded value, each folded value's
    /// slot, and each pair's slot (128 × 128), so that most of a text's bytes take three
    /// loads instead of a fold and two multiplications. 33 KB, made once.
    private static let asciiSlots: [UInt16] = {
        var table = [UInt16](repeating: 0, count: AsciiSlots.pairs + 128 * 128)
        for value in 0..<128 {
            table[AsciiSlots.folded + value] = UInt16(NameFolding.fold(Unicode.Scalar(UInt8(value)), caseSensitive: false))
            table[AsciiSlots.single + value] = UInt16(slot(single: UInt32(value)))
            for next in 0..<128 { table[AsciiSlots.pairs + value * 128 + next] = UInt16(slot(UInt32(value), UInt32(next))) }
        }
        return table
    }()

    /// The folded value of the scalar at `index` (moved past it), decoded from the
    /// bytes where they lie as `String(decoding:)` would (an ill-formed sequence reads
    /// as U+FFFD); nil at the end.
    @inline(__always)
    private static func nextScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt32? {
        let scalar: Unicode.Scalar
        if bytes[index] < 0x80 {
            scalar = Unicode.Scalar(bytes[index])
            index += 1
        } else {
            var rest = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            switch parser.parseScalar(from: &rest) {
            case .valid(let encoded):
                scalar = Unicode.UTF8.decode(encoded)
                index += encoded.count
            case .error(let length):
                scalar = "\u{FFFD}"
                index += length
            case .emptyInput:
                return nil
            }
        }
        return NameFolding.fold(scalar, caseSensitive: false)
    }

    /// Whether a text with the filter `bits` may hold `key` (folded without case).
    static func mayContain(_ bits: ArraySlice<UInt8>, key: [UInt32]) -> Bool {
        guard bits.count == byteCount, let first = key.first else { return true }
        let base = bits.startIndex
        func isSet(_ slot: Int) -> Bool { bits[base + slot >> 3] & (1 << UInt8(slot & 7)) != 0 }
        guard isSet(slot(single: first)) else { return false }
        for index in key.indices.dropFirst() {
            guard isSet(slot(single: key[index])), isSet(slot(key[index - 1], key[index])) else { return false }
        }
        return true
    }

    private static func set(_ bits: UnsafeMutableBufferPointer<UInt8>, _ slot: Int) {
        bits[slot >> 3] |= 1 << UInt8(slot & 7)
    }

    static func slot(single value: UInt32) -> Int {
        slot(0xFFFF_FFFE, value)
    }

    static func slot(_ first: UInt32, _ second: UInt32) -> Int {
        var mixed = UInt64(first) << 32 | UInt64(second)
        mixed ^= mixed >> 29
        mixed &*= 0xBF58_476D_1CE4_E5B9
        mixed ^= mixed >> 32
        return Int(mixed & UInt64(byteCount * 8 - 1))
    }
}

/// The name filters (`NameSignature`) of one shard's entry texts, in
/// `linked-pack-signatures/XX`, written with the shard's pack (`LinkedEntryPack`) and
/// read only when names change (`LinkMemo.reuseUnaffected`). Each filter is bound to
/// its text by the text's checksum, which the entry's light part gives: a filter is
/// used only for the very text it was made from, whatever happened to the files since.
/// The file is checked whole (a bit flipped in a filter could rule out a name wrongly):
/// one that does not read back whole is no filters, and every text is scanned.
struct LinkedTextSignatures {
    static let folderSuffix = "-signatures"
    private static let kind = "linked-signatures"

    private let bytes: [UInt8]
    private let entries: [String: (textChecksum: UInt64, start: Int)]

    static func encoder(shard: String) -> CacheEncoder {
        BuildCache.header(kind: kind, key: shard)
    }

    static func encode(_ signatures: [(key: String, textChecksum: UInt64, bits: [UInt8])], into encoder: inout CacheEncoder) {
        encoder.array(signatures) { encoder, signature in
            encoder.string(signature.key)
            encoder.int(Int(bitPattern: UInt(signature.textChecksum)))
            encoder.append(bytes: signature.bits)
        }
    }

    init?(atPath path: String, shard: String) {
        guard let bytes = WholeFile.bytes(atPath: path), var decoder = BuildCache.open(bytes, kind: Self.kind, key: shard),
              let count = try? decoder.count()
        else { return nil }
        var entries: [String: (textChecksum: UInt64, start: Int)] = [:]
        for _ in 0..<count {
            guard let key = try? decoder.string(), let checksum = try? decoder.int(),
                  decoder.position + NameSignature.byteCount <= bytes.count - 8
            else { return nil }
            entries[key] = (UInt64(UInt(bitPattern: checksum)), decoder.position)
            decoder = decoder.at(decoder.position + NameSignature.byteCount)
        }
        guard decoder.isAtEnd else { return nil }
        self.bytes = bytes
        self.entries = entries
    }

    func signature(of key: String, textChecksum: UInt64) -> ArraySlice<UInt8>? {
        guard let entry = entries[key], entry.textChecksum == textChecksum else { return nil }
        return bytes[entry.start..<entry.start + NameSignature.byteCount]
    }
}
