import Foundation

/// Writes indented XML straight into bytes, for the data exports: one element per
/// line, attributes in the order given, so the output is stable and diffs well.
///
/// Text and attribute values come from the user's files. Markup characters are
/// escaped; line breaks and tabs in attributes become character references (a
/// parser would otherwise turn them into spaces); characters XML 1.0 forbids (most
/// control characters, U+FFFE, U+FFFF) become U+FFFD, so the file always parses.
///
/// The bytes are `Data`, the form the writer takes, so a finished file is handed
/// over without a copy (the graph exports once held two of each).
struct XMLWriter {
    private(set) var bytes = Data()
    private var depth = 0

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
        bytes.append(contentsOf: Array(#"<?xml version="1.0" encoding="UTF-8"?>"#.utf8) + [0x0A])
    }

    /// `<name a="1">`, then the children `body` writes, then `</name>`.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], _ body: (inout XMLWriter) -> Void) {
        open(name, attributes)
        bytes.append(UInt8(ascii: ">"))
        bytes.append(0x0A)
        depth += 1
        body(&self)
        depth -= 1
        indent()
        bytes.append(contentsOf: "</\(name)>".utf8)
        bytes.append(0x0A)
    }

    /// `<name a="1"/>`
    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        open(name, attributes)
        bytes.append(contentsOf: "/>".utf8)
        bytes.append(0x0A)
    }

    /// `<name a="1">text</name>`
    mutating func text(_ name: String, _ attributes: [(String, String)] = [], _ text: String) {
        open(name, attributes)
        bytes.append(UInt8(ascii: ">"))
        escape(text, inAttribute: false)
        bytes.append(contentsOf: "</\(name)>".utf8)
        bytes.append(0x0A)
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private mutating func open(_ name: String, _ attributes: [(String, String)]) {
        indent()
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: name.utf8)
        for (key, value) in attributes {
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: key.utf8)
            bytes.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
            escape(value, inAttribute: true)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private mutating func escape(_ value: String, inAttribute: Bool) {
        // Most values need no escaping: copy them whole.
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 && $0 != 0xEF }) {
            bytes.append(contentsOf: value.utf8)
            return
        }
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        let utf8 = Array(value.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            index += 1
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: inAttribute ? Array("&quot;".utf8) : [byte])
            case 0x0A: bytes.append(contentsOf: inAttribute ? Array("&#10;".utf8) : [byte])
            case 0x09: bytes.append(contentsOf: inAttribute ? Array("&#9;".utf8) : [byte])
            case 0x0D: bytes.append(contentsOf: "&#13;".utf8)
            case 0..<0x20: bytes.append(contentsOf: replacement)
            // U+FFFE and U+FFFF, which XML 1.0 forbids, are EF BF BE and EF BF BF.
            case 0xEF where index + 1 < utf8.count && utf8[index] == 0xBF && (utf8[index + 1] == 0xBE || utf8[index + 1] == 0xBF):
                bytes.append(contentsOf: replacement)
                index += 2
            default: bytes.append(byte)
            }
        }
    }
}
