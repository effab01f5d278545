import Foundation

/// The cache's file format: a compact binary layout written and read by hand, so
/// that the pipeline's types need no Codable conformance and a reader can check
/// every length against what is left. Any inconsistency is a `Malformed` error,
/// which the cache treats as a miss.
struct CacheEncoder {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        // Zigzag, then 7 bits a byte.
        var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optional(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func array<T>(_ values: [T], _ element: (inout CacheEncoder, T) -> Void) {
        int(values.count)
        for value in values { element(&self, value) }
    }
}

struct CacheDecoder {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var position: Int

    init(_ bytes: [UInt8], from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func int() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Malformed() }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let signed = Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1)
        return Int(signed)
    }

    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count - position else { throw Malformed() }
        return value
    }

    mutating func bool() throws -> Bool {
        guard position < bytes.count, bytes[position] <= 1 else { throw Malformed() }
        position += 1
        return bytes[position - 1] == 1
    }

    mutating func string() throws -> String {
        let length = try count()
        defer { position += length }
        guard let text = String(validating: bytes[position..<position + length], as: UTF8.self) else { throw Malformed() }
        return text
    }

    mutating func optional() throws -> String? {
        try bool() ? try string() : nil
    }

    mutating func array<T>(_ element: (inout CacheDecoder) throws -> T) throws -> [T] {
        let length = try count()
        var values: [T] = []
        values.reserveCapacity(length)
        for _ in 0..<length { values.append(try element(&self)) }
        return values
    }
}

/// A linked document with the diagnostics linking it produced: what a cache entry holds.
struct LinkResult: Sendable {
    var document: LinkedDocument
    var diagnostics: [Diagnostic]
}

extension CacheEncoder {
    mutating func linkResult(_ result: LinkResult) {
        let document = result.document
        string(document.id.kind.rawValue)
        string(document.id.slug)
        string(document.html)
        array(document.tableOfContents) { encoder, entry in
            encoder.int(entry.level)
            encoder.string(entry.title)
            encoder.string(entry.anchor)
        }
        array(document.mentions) { encoder, mention in encoder.mention(mention) }
        string(document.plainText)
        int(document.wordCount)
        array(document.searchPassages) { encoder, passage in
            encoder.string(passage.anchor)
            encoder.string(passage.text)
            encoder.bool(passage.isHeading)
        }
        array(document.images) { encoder, image in
            encoder.string(image.source)
            encoder.string(image.output)
            encoder.string(image.file.path)
        }
        array(result.diagnostics) { encoder, diagnostic in
            encoder.string(diagnostic.severity.rawValue)
            encoder.string(diagnostic.location.path)
            encoder.int(diagnostic.location.line)
            encoder.int(diagnostic.location.column)
            encoder.string(diagnostic.message)
        }
    }

    private mutating func mention(_ mention: Mention) {
        string(mention.actor)
        string(mention.document.kind.rawValue)
        string(mention.document.slug)
        optional(mention.anchor)
        string(mention.text)
        string(mention.snippet)
        bool(mention.linked)
        bool(mention.explicit)
        range(mention.snippetMatch)
        array(mention.otherMatches) { encoder, range in encoder.range(range) }
        optional(mention.section)
    }

    private mutating func range(_ range: Range<Int>) {
        int(range.lowerBound)
        int(range.upperBound)
    }
}

extension CacheDecoder {
    mutating func linkResult() throws -> LinkResult {
        let id = try documentID()
        let html = try string()
        let tableOfContents = try array { decoder in
            TableOfContentsEntry(level: try decoder.int(), title: try decoder.string(), anchor: try decoder.string())
        }
        let mentions = try array { decoder in try decoder.mention() }
        let plainText = try string()
        let wordCount = try int()
        let searchPassages = try array { decoder in
            SearchPassage(anchor: try decoder.string(), text: try decoder.string(), isHeading: try decoder.bool())
        }
        let images = try array { decoder in
            PublishedImage(source: try decoder.string(), output: try decoder.string(), file: URL(fileURLWithPath: try decoder.string()))
        }
        let diagnostics = try array { decoder -> Diagnostic in
            guard let severity = Diagnostic.Severity(rawValue: try decoder.string()) else { throw Malformed() }
            let location = SourceLocation(path: try decoder.string(), line: try decoder.int(), column: try decoder.int())
            return Diagnostic(severity, try decoder.string(), at: location)
        }
        var document = LinkedDocument(id: id, html: html, tableOfContents: tableOfContents, mentions: mentions, plainText: plainText, wordCount: wordCount)
        document.searchPassages = searchPassages
        document.images = images
        return LinkResult(document: document, diagnostics: diagnostics)
    }

    private mutating func documentID() throws -> DocumentID {
        guard let kind = DocumentID.Kind(rawValue: try string()) else { throw Malformed() }
        return DocumentID(kind, try string())
    }

    private mutating func mention() throws -> Mention {
        let actor = try string()
        let document = try documentID()
        let anchor = try optional()
        let text = try string()
        let snippet = try string()
        let linked = try bool()
        let explicit = try bool()
        var mention = Mention(actor: actor, document: document, anchor: anchor, text: text, snippet: snippet, linked: linked, explicit: explicit)
        mention.snippetMatch = try range()
        mention.otherMatches = try array { decoder in try decoder.range() }
        mention.section = try optional()
        return mention
    }

    private mutating func range() throws -> Range<Int> {
        let lower = try int(), upper = try int()
        guard lower <= upper else { throw Malformed() }
        return lower..<upper
    }
}
