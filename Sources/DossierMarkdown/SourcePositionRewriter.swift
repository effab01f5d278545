/// cmark-gfm cannot put ids on blocks, but with `CMARK_OPT_SOURCEPOS` it writes
/// `data-sourcepos="3:1-4:5"` on every block element. This turns the attributes of
/// the blocks we anchor into `id="…"` and drops the rest, so the HTML carries
/// stable anchors without a renderer of our own.
enum SourcePositionRewriter {
    /// A list and its only item share a source range, so the tag is part of the key.
    static func key(tag: String, position: String) -> String {
        tag + " " + position
    }

    static func replaceSourcePositions(in html: String, ids: [String: String]) -> String {
        let marker = Array(" data-sourcepos=\"".utf8)
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var lastTagStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") { lastTagStart = index }
            if byte == marker[0], matches(marker, in: bytes, at: index),
               let close = bytes[(index + marker.count)...].firstIndex(of: UInt8(ascii: "\"")) {
                let position = String(decoding: bytes[(index + marker.count)..<close], as: UTF8.self)
                let tag = tagName(in: bytes, from: lastTagStart)
                if let id = ids[key(tag: tag, position: position)] {
                    output.append(contentsOf: Array(" id=\"".utf8))
                    output.append(contentsOf: Array(escapeAttribute(id).utf8))
                    output.append(UInt8(ascii: "\""))
                }
                index = close + 1
                continue
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func matches(_ marker: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard index + marker.count <= bytes.count else { return false }
        for offset in 0..<marker.count where bytes[index + offset] != marker[offset] { return false }
        return true
    }

    private static func tagName(in bytes: [UInt8], from start: Int) -> String {
        var end = start + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: " "), bytes[end] != UInt8(ascii: ">") { end += 1 }
        return String(decoding: bytes[(start + 1)..<min(end, bytes.count)], as: UTF8.self)
    }

    private static func escapeAttribute(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}
