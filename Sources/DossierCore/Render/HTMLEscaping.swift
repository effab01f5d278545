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
        var utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        utf8 = text.utf8
        for byte in utf8 {
            switch byte {
            case 0x3C: bytes.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: bytes.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case 0x26: bytes.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x22: bytes.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case 0x27 where apostrophe: bytes.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
