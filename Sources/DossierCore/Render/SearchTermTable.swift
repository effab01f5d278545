/// Terms as UTF-8 bytes, each stored once and numbered in order of arrival. Making the
/// index asks "which term is this?" millions of times at 10,000 briefings; a `String`
/// per token and Swift's seeded hashing of it were most of that cost, so the table
/// keeps one byte buffer and hashes bytes with FNV-1a.
struct SearchTermTable: Sendable {
    /// Every term's bytes, one after another; term `id` ends at `ends[id]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// Open addressing with linear probing: a term's id, or -1 for an empty slot.
    private var slots: [Int32]
    private var mask: Int

    init(expectedCount: Int = 32) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity *= 2 }
        slots = Array(repeating: -1, count: capacity)
        mask = capacity - 1
    }

    var count: Int { ends.count }

    /// The id of `term`, added if it is new (its id is then the previous `count`).
    mutating func id(of term: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(term)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let found = Int(slots[slot])
            if found < 0 { break }
            if hashes[found] == hash, equals(found, term) { return found }
            slot = (slot + 1) & mask
        }
        let id = ends.count
        bytes.append(contentsOf: term)
        ends.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(id)
        if ends.count * 2 > slots.count { grow() }
        return id
    }

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
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    private static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in term { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        // FNV's low bits, which pick the slot, mix poorly for short keys: fold the high ones in.
        return hash ^ (hash >> 29)
    }
}
