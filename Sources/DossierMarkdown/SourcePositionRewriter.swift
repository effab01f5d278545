import Foundation

/// cmark-gfm cannot put ids on blocks, but with `CMARK_OPT_SOURCEPOS` it writes
/// `data-sourcepos="3:1-4:5"` on every block element. This turns the attributes of
/// the blocks we anchor into `id="…"` and drops the rest, so the HTML carries
/// stable anchors without a renderer of our own.
///
/// It reads cmark's rendered bytes where they lie and writes the result once, into
/// the string's own storage: the rendered page made into a String, copied into an
/// array, rewritten into a second array and decoded into a third String cost more
/// than cmark's rendering itself.
enum SourcePositionRewriter {
    /// The element an anchored block renders as. A list and its only item share a
    /// source range, so the tag is part of the key.
    enum Tag: UInt8, Hashable {
        case paragraph, heading1, heading2, heading3, heading4, heading5, heading6, listItem, table, blockQuote

        /// The tag named by `name`'s bytes, if a block we anchor renders as it.
        init?(name: UnsafeBufferPointer<UInt8>) {
            func spells(_ literal: StaticString) -> Bool {
                guard literal.utf8CodeUnitCount == name.count else { return false }
                for offset in 0..<name.count where literal.utf8Start[offset] != name[offset] { return false }
                return true
            }
            switch name.count {
            case 1 where name[0] == UInt8(ascii: "p"): self = .paragraph
            case 2 where name[0] == UInt8(ascii: "h") && name[1] >= UInt8(ascii: "1") && name[1] <= UInt8(ascii: "6"):
                self.init(rawValue: Tag.heading1.rawValue + name[1] - UInt8(ascii: "1"))
            case 2 where spells("li"): self = .listItem
            case 5 where spells("table"): self = .table
            case 10 where spells("blockquote"): self = .blockQuote
            default: return nil
            }
        }

        init?(headingLevel level: Int) {
            guard (1...6).contains(level) else { return nil }
            self.init(rawValue: Tag.heading1.rawValue + UInt8(level - 1))
        }
    }

    /// A block as `data-sourcepos` names it: its element and `startLine:startColumn-endLine:endColumn`.
    struct Key: Hashable {
        var tag: Tag
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
    }

    /// `html` with every `data-sourcepos` attribute dropped, and an `id` in its place
    /// for the blocks named in `ids`.
    static func replaceSourcePositions(in html: UnsafeBufferPointer<UInt8>, ids: [Key: String]) -> String {
        // The attributes to drop, and the id written in place of each.
        var edits: [(range: Range<Int>, id: [UInt8]?)] = []
        var size = html.count
        let marker: StaticString = " data-sourcepos=\""
        let markerLength = marker.utf8CodeUnitCount
        // Where the marker's "=" falls in it: text has few, so the bytes are searched for
        // them with `memchr` rather than one by one in a loop of our own.
        let equalsOffset = markerLength - 2
        var index = 0
        while html.count - index > equalsOffset, let base = html.baseAddress,
              let found = memchr(base + index + equalsOffset, Int32(UInt8(ascii: "=")), html.count - index - equalsOffset) {
            let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) - equalsOffset
            guard startsWith(marker, in: html, at: start), let close = firstQuote(in: html, from: start + markerLength) else {
                index = start + 1
                continue
            }
            var id: [UInt8]?
            if !ids.isEmpty, let key = key(in: html, tagStart: tagStart(in: html, before: start), position: (start + markerLength)..<close),
               let named = ids[key] {
                id = Array(" id=\"".utf8) + escapedAttribute(named) + [UInt8(ascii: "\"")]
            }
            let range = start..<(close + 1)
            size += (id?.count ?? 0) - range.count
            edits.append((range, id))
            index = close + 1
        }
        guard let base = html.baseAddress, !edits.isEmpty else { return String(decoding: html, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: size) { buffer in
            let output = UnsafeMutableRawPointer(buffer.baseAddress!)
            var written = 0, copied = 0
            func copy(from source: UnsafeRawPointer, count: Int) {
                guard count > 0 else { return }
                output.advanced(by: written).copyMemory(from: source, byteCount: count)
                written += count
            }
            for edit in edits {
                copy(from: UnsafeRawPointer(base).advanced(by: copied), count: edit.range.lowerBound - copied)
                if let id = edit.id { id.withUnsafeBytes { copy(from: $0.baseAddress!, count: $0.count) } }
                copied = edit.range.upperBound
            }
            copy(from: UnsafeRawPointer(base).advanced(by: copied), count: html.count - copied)
            return written
        }
    }

    /// `replaceSourcePositions` over a string's bytes.
    static func replaceSourcePositions(in html: String, ids: [Key: String]) -> String {
        var html = html
        return html.withUTF8 { replaceSourcePositions(in: $0, ids: ids) }
    }

    private static func startsWith(_ marker: StaticString, in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let count = marker.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != marker.utf8Start[offset] { return false }
        return true
    }

    /// The last "<" before `position`, or 0: the start of the tag an attribute there is in
    /// (HTML text escapes its "<", and no attribute value cmark writes holds one).
    private static func tagStart(in bytes: UnsafeBufferPointer<UInt8>, before position: Int) -> Int {
        var index = position - 1
        while index > 0, bytes[index] != UInt8(ascii: "<") { index -= 1 }
        return max(index, 0)
    }

    private static func firstQuote(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\"") { return index }
            index += 1
        }
        return nil
    }

    /// The key of the element whose tag starts at `tagStart` (its name runs to the first
    /// space or `>`) and whose `data-sourcepos` value lies at `position`; nil when it is
    /// not an anchored block's tag or the value is not four numbers as cmark writes them.
    private static func key(in bytes: UnsafeBufferPointer<UInt8>, tagStart: Int, position: Range<Int>) -> Key? {
        var nameEnd = tagStart + 1
        while nameEnd < bytes.count, bytes[nameEnd] != UInt8(ascii: " "), bytes[nameEnd] != UInt8(ascii: ">") { nameEnd += 1 }
        guard tagStart + 1 <= nameEnd, let tag = Tag(name: UnsafeBufferPointer(rebasing: bytes[(tagStart + 1)..<nameEnd])) else {
            return nil
        }
        var cursor = position.lowerBound
        /// A number as `%d` prints it: digits, no leading zero unless it is "0".
        func number(endingWith separator: UInt8?) -> Int? {
            let start = cursor
            var value = 0
            while cursor < position.upperBound, bytes[cursor] >= UInt8(ascii: "0"), bytes[cursor] <= UInt8(ascii: "9") {
                guard cursor - start < 18 else { return nil }
                value = value * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                cursor += 1
            }
            guard cursor > start, cursor - start == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
            if let separator {
                guard cursor < position.upperBound, bytes[cursor] == separator else { return nil }
                cursor += 1
            } else {
                guard cursor == position.upperBound else { return nil }
            }
            return value
        }
        guard let startLine = number(endingWith: UInt8(ascii: ":")), let startColumn = number(endingWith: UInt8(ascii: "-")),
              let endLine = number(endingWith: UInt8(ascii: ":")), let endColumn = number(endingWith: nil)
        else { return nil }
        return Key(tag: tag, startLine: startLine, startColumn: startColumn, endLine: endLine, endColumn: endColumn)
    }

    private static func escapedAttribute(_ value: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += Array("&amp;".utf8)
            case UInt8(ascii: "\""): result += Array("&quot;".utf8)
            case UInt8(ascii: "<"): result += Array("&lt;".utf8)
            case UInt8(ascii: ">"): result += Array("&gt;".utf8)
            default: result.append(byte)
            }
        }
        return result
    }
}
