/// A document's text without markup, one top-level block a line, encoded once into
/// UTF-8 and kept with the linked document. Its mentions' snippets and its search
/// passages are byte ranges of it: each used to be a String of its own, and together
/// they held the document's text three times over (a snippet per mention, a passage
/// per block, the plain text) until the last page was written.
struct DocumentText {
    let string: String
    /// The first scalar index of the parsed document's buffer the blocks cover.
    private let firstScalar: Int
    /// The UTF-8 offset in `string` of each scalar of the blocks, by its index in the
    /// parsed document's buffer minus `firstScalar`. Lives only while linking.
    private let utf8Offsets: [Int]
    /// Words are runs of anything but spaces and line breaks, and blocks never share
    /// one: counted in the same pass as the offsets.
    let wordCount: Int

    /// `topLevel` are the slices of the document's one scalar buffer that its
    /// top-level blocks hold, in document order; every block's text lies in one of them.
    init(topLevel: [ArraySlice<Unicode.Scalar>]) {
        let covered = topLevel.filter { !$0.isEmpty }
        let first = covered.map(\.startIndex).min() ?? 0
        let last = covered.map(\.endIndex).max() ?? first
        var offsets = [Int](repeating: 0, count: max(0, last - first))
        var size = 0
        var words = 0
        // Through pointers: this loop runs once per scalar of every document.
        offsets.withUnsafeMutableBufferPointer { offsets in
            for (number, block) in topLevel.enumerated() {
                // The line break that joins it to the block before.
                if number > 0 { size += 1 }
                var inWord = false
                var position = block.startIndex - first
                block.withUnsafeBufferPointer { block in
                    for scalar in block {
                        offsets[position] = size
                        position += 1
                        size += UTF8.width(scalar)
                        let separates = scalar == " " || scalar == "\n"
                        if !separates, !inWord { words += 1 }
                        inWord = !separates
                    }
                }
            }
        }
        firstScalar = first
        utf8Offsets = offsets
        wordCount = words
        // The size is known from the offsets: `PlainText.joined` would measure it again.
        string = PlainText.joined(topLevel, utf8Count: size)
    }

    /// The bytes of `string` that hold `scalars`, a slice of a block's text.
    func bytes(of scalars: ArraySlice<Unicode.Scalar>) -> Range<Int> {
        // Every block lies in a top-level one; a slice that does not quotes nothing
        // rather than reading outside the table.
        guard !scalars.isEmpty, utf8Offsets.indices.contains(scalars.startIndex - firstScalar),
              utf8Offsets.indices.contains(scalars.endIndex - 1 - firstScalar) else { return 0..<0 }
        let start = utf8Offsets[scalars.startIndex - firstScalar]
        // The slice lies in one block, so its last scalar ends it: no need to measure
        // every scalar again (a passage per block and a snippet per mention did).
        let end = utf8Offsets[scalars.endIndex - 1 - firstScalar] + UTF8.width(scalars[scalars.endIndex - 1])
        return start..<end
    }

    /// `before + source[bytes] + after`.
    static func string(_ source: String, _ bytes: Range<Int>, before: String, after: String) -> String {
        string(.own(source), bytes, before: before, after: after)
    }

    /// `before + source[bytes] + after`, copied straight into the new string's storage.
    static func string(_ source: QuotedSource, _ bytes: Range<Int>, before: String, after: String) -> String {
        source.withBytes(bytes) { quoted, _ in
            String(unsafeUninitializedCapacity: before.utf8.count + quoted.count + after.utf8.count) { buffer in
                var written = 0
                for byte in before.utf8 { buffer[written] = byte; written += 1 }
                for byte in quoted { buffer[written] = byte; written += 1 }
                for byte in after.utf8 { buffer[written] = byte; written += 1 }
                return written
            }
        }
    }

    /// The bytes of `source` in `first` and then `more`, in order, with every run of
    /// spaces made one space and none at either end: a search passage's text.
    static func collapsingSpaces(_ source: QuotedSource, first: Range<Int>, more: [Range<Int>]) -> String {
        // One read covers every piece: a spilled text is read once, not once a piece.
        let pieces = ([first] + more).filter { !$0.isEmpty }
        guard let lower = pieces.map(\.lowerBound).min(), let upper = pieces.map(\.upperBound).max() else { return "" }
        return source.withBytes(lower..<upper) { text, start in
            let whole = 0..<text.count
            let local = pieces.map { ($0.lowerBound - start)..<($0.upperBound - start) }.map { $0.clamped(to: whole) }
            return String(unsafeUninitializedCapacity: local.reduce(0) { $0 + $1.count }) { buffer in
                var written = 0
                var pendingSpace = false
                for piece in local {
                    for byte in text[piece] {
                        if byte == UInt8(ascii: " ") {
                            pendingSpace = written > 0
                            continue
                        }
                        if pendingSpace {
                            buffer[written] = UInt8(ascii: " ")
                            written += 1
                            pendingSpace = false
                        }
                        buffer[written] = byte
                        written += 1
                    }
                }
                return written
            }
        }
    }
}
