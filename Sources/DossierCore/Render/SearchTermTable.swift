/// Terms as UTF-8 bytes, each stored once and numbered in order of arrival. Making the
/// index asks "which term is this?" millions of times at 10,000 briefings; a `String`
/// per token and Swift's seeded hashing of it were most of that cost, so the table
/// keeps one byte buffer and hashes bytes with FNV-1a. The tokenizer hashes a term as
/// it lowercases it (`Hash`), and a table hands its hashes on to the next, so a term's
/// bytes are hashed once however many tables it passes through.
struct SearchTermTable: Sendable {
    /// Every term's bytes, one after another; term `id` ends at `ends[id]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// Open addressing with linear probing: 0 for an empty slot, else the high 32 bits of
    /// the term's hash above its id plus one. A probe rejects most other terms on the
    /// hash bits in the slot, without reading `hashes` or the term's bytes.
    private var slots: [UInt64]
    private var mask: Int

    init(expectedCount: Int = 32) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity *= 2 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    var count: Int { ends.count }

    /// The id of `term`, added if it is new (its id is then the previous `count`).
    mutating func id(of term: UnsafeBufferPointer<UInt8>) -> Int {
        id(of: term, hash: Self.hash(term))
    }

    /// `id(of:)` with the term's hash (`hash(_:)`) known.
    mutating func id(of term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                if entry & 0xFFFF_FFFF_0000_0000 == tag, equals(Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1, term) {
                    return Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return found }
        let id = ends.count
        bytes.append(contentsOf: term)
        ends.append(bytes.count)
        hashes.append(hash)
        slots[slot] = tag | UInt64(id + 1)
        if ends.count * 2 > slots.count { grow() }
        return id
    }

    /// The hash of term `id`, for `id(of:hash:)` of another table.
    func hash(_ id: Int) -> UInt64 { hashes[id] }

    /// Calls `body` with the bytes of term `id`.
    func withTerm<Result>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = id == 0 ? 0 : ends[id - 1]
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<ends[id]])) }
    }

    func string(_ id: Int) -> String {
        withTerm(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// Ids in the order `search.js` compares strings: by UTF-16 code unit.
    func idsInUTF16Order() -> [Int] {
        bytes.withUnsafeBufferPointer { all in
            func term(_ id: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: all[(id == 0 ? 0 : ends[id - 1])..<ends[id]])
            }
            return (0..<count).sorted { Self.utf16Precedes(term($0), term($1)) }
        }
    }

    /// Whether UTF-8 `first` comes before `second` in UTF-16 code unit order. Byte order
    /// is code point order, which is UTF-16's except that U+E000–U+FFFF (lead bytes EE,
    /// EF) come after the supplementary planes (F0–F4), written with surrogates D800–DFFF.
    /// Where two valid strings first differ, both bytes lead a sequence or both continue
    /// sequences with the same lead, so only the lead bytes need the swap.
    static func utf16Precedes(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        let shared = min(first.count, second.count)
        var index = 0
        while index < shared, first[index] == second[index] { index += 1 }
        guard index < shared else { return first.count < second.count }
        func rank(_ byte: UInt8) -> UInt16 { byte == 0xEE || byte == 0xEF ? UInt16(byte) + 0x100 : UInt16(byte) }
        return rank(first[index]) < rank(second[index])
    }

    private func equals(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = id == 0 ? 0 : ends[id - 1]
        guard ends[id] - start == term.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            var index = 0
            while index < term.count, stored[start + index] == term[index] { index += 1 }
            return index == term.count
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        slots.withUnsafeMutableBufferPointer { slots in
            for (id, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
            }
        }
    }

    /// FNV-1a over a term's bytes, fed one byte at a time so that the tokenizer can
    /// hash a term while it lowercases it.
    struct Hash {
        private var state: UInt64 = 0xCBF2_9CE4_8422_2325

        @inline(__always)
        mutating func add(_ byte: UInt8) {
            state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }

        /// FNV's low bits, which pick the slot, mix poorly for short keys: the high ones are folded in.
        @inline(__always)
        var value: UInt64 { state ^ (state >> 29) }
    }

    static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = Hash()
        for byte in term { hash.add(byte) }
        return hash.value
    }
}
