import DossierMarkdown

/// A document's text without markup, made from its blocks' Unicode scalars straight
/// into UTF-8 (`DocumentText` counts its words from the same scalars): no
/// Character-level splitting of the whole text, which grapheme-breaks every byte of it.
enum PlainText {
    /// The scalars encoded straight into a new string's UTF-8 storage; building a
    /// `String.UnicodeScalarView` scalar by scalar cost the linker a third of its time.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        Snippet.utf8String("", scalars, "")
    }

    /// `text`'s scalars in one pass: `Array(text.unicodeScalars)` walks the text twice,
    /// once to count and once to copy.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { scalars.append(scalar) }
        return scalars
    }

    /// `run`'s scalars, line breaks included: the slice of its block's text, which
    /// reads each line break as a space, with the breaks put back where the run's
    /// UTF-8 has them (a scalar starts at every byte that is no continuation byte).
    static func scalars(of run: MarkdownTextRun) -> ArraySlice<Unicode.Scalar> {
        guard let slice = run.plainTextScalars else { return scalars(of: run.text)[...] }
        var text = run.text
        return text.withUTF8 { bytes in
            guard bytes.contains(UInt8(ascii: "\n")) else { return slice }
            var scalars = Array(slice)
            var index = -1
            for byte in bytes {
                if byte & 0xC0 != 0x80 { index += 1 }
                if byte == UInt8(ascii: "\n") { scalars[index] = "\n" }
            }
            return scalars[...]
        }
    }

    /// The blocks' text, one block per line.
    static func joined(_ blocks: [ArraySlice<Unicode.Scalar>]) -> String {
        var size = max(0, blocks.count - 1)
        for block in blocks { for scalar in block { size += UTF8.width(scalar) } }
        return joined(blocks, utf8Count: size)
    }

    /// `joined(blocks)`, whose UTF-8 length the caller has counted already.
    static func joined(_ blocks: [ArraySlice<Unicode.Scalar>], utf8Count size: Int) -> String {
        String(unsafeUninitializedCapacity: size) { buffer in
            var written = 0
            for (position, block) in blocks.enumerated() {
                if position > 0 { buffer[written] = UInt8(ascii: "\n"); written += 1 }
                block.withUnsafeBufferPointer { block in
                    for scalar in block {
                        // Most text is ASCII: one byte, without the encoder's closure.
                        if scalar.value < 0x80 {
                            buffer[written] = UInt8(truncatingIfNeeded: scalar.value)
                            written += 1
                        } else {
                            UTF8.encode(scalar) { buffer[written] = $0; written += 1 }
                        }
                    }
                }
            }
            return written
        }
    }
}
