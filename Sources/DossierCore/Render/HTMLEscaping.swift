import Mustache

/// swift-mustache escapes by looking every Character up in a dictionary, which was
/// a sixth of the build time on large sites. This content type escapes the same five
/// characters over UTF-8 bytes and returns text without them unchanged. The theme's
/// templates select it with a pragma that `Theme` adds in front of each template.
struct DossierHTMLContentType: MustacheContentType {
    static let name = "DOSSIER_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    /// Registers the content type once per process.
    static let registration: Void = {
        MustacheContentTypes.register(DossierHTMLContentType(), named: name)
    }()

    func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}

enum HTMLEscaping {
    /// Escapes `< > & " '` exactly as swift-mustache does (`&#39;` for the apostrophe);
    /// without `apostrophe`, as cmark-gfm escapes text and attributes (`'` kept).
    static func escape(_ text: String, apostrophe: Bool = true) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        append(escaping: text, apostrophe: apostrophe, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `escape(text)` appended to `output`, the runs between escaped characters copied whole.
    static func append(escaping text: String, apostrophe: Bool = true, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let replacement: StaticString
                switch bytes[index] {
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x26: replacement = "&amp;"
                case 0x22: replacement = "&quot;"
                case 0x27 where apostrophe: replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }
}
