/// Whether any of a few names occurs in a text, folded exactly as the mention
/// matcher folds (case, apostrophes, spaces, dashes, Arabic letter variants), but
/// without its word-boundary test: a name the matcher could find in one of a
/// document's text runs is a substring of its plain text, whereas a boundary seen
/// at the edge of a run (`**Iran**ian`) may not be one in the joined text.
/// Finding too much only re-links a document that did not need it.
struct NameOccurrence {
    private let keys: [[UInt32]]
    /// The same names folded without case, for the texts' filters (`NameSignature`).
    private let caselessKeys: [[UInt32]]
    private let caseSensitive: Bool

    init(names: Set<String>, caseSensitive: Bool) {
        keys = names.map { NameFolding.key($0, caseSensitive: caseSensitive) }.filter { !$0.isEmpty }
        caselessKeys = names.map { NameFolding.key($0, caseSensitive: false) }.filter { !$0.isEmpty }
        self.caseSensitive = caseSensitive
    }

    /// Whether a name may occur in a text whose filter is `signature`: false only if
    /// `occurs(in:)` would be false for that text.
    func mayOccur(inTextWithSignature signature: ArraySlice<UInt8>) -> Bool {
        caselessKeys.contains { NameSignature.mayContain(signature, key: $0) }
    }

    var isEmpty: Bool { keys.isEmpty }

    func occurs(in text: String) -> Bool {
        guard !keys.isEmpty else { return false }
        var folded: [UInt32] = []
        folded.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = NameFolding.fold(scalar, caseSensitive: caseSensitive)
            if value != NameFolding.transparent { folded.append(value) }
        }
        return keys.contains { key in Self.contains(folded, key) }
    }

    private static func contains(_ text: [UInt32], _ key: [UInt32]) -> Bool {
        guard key.count <= text.count, let first = key.first else { return false }
        var start = 0
        let last = text.count - key.count
        while start <= last {
            if text[start] == first {
                var index = 1
                while index < key.count, text[start + index] == key[index] { index += 1 }
                if index == key.count { return true }
            }
            start += 1
        }
        return false
    }
}
