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

    mutating func optionalInt(_ value: Int?) {
        bool(value != nil)
        if let value { int(value) }
    }

    /// Another encoder's bytes as they are.
    mutating func append(_ other: CacheEncoder) { bytes.append(contentsOf: other.bytes) }

    mutating func append(bytes more: [UInt8]) { bytes.append(contentsOf: more) }

    /// A count, then 4 little-endian bytes a value: long lists of ids decode by copying.
    mutating func int32s(_ values: [Int32]) {
        int32s(count: values.count) { values[$0] }
    }

    /// `int32s` of `value(0..<count)`, written straight into the buffer: a column made
    /// from another (the model memo's co-mention pairs, tens of millions at 100,000
    /// briefings) needs no array of its own first.
    mutating func int32s(count: Int, _ value: (Int) -> Int32) {
        int(count)
        let start = bytes.count
        let end = start + 4 * count
        // Grown by doubling: reserving exactly the new size each column copied the
        // whole buffer once per column.
        if end > bytes.capacity { bytes.reserveCapacity(Swift.max(end, 2 * bytes.capacity)) }
        bytes.append(contentsOf: repeatElement(0, count: 4 * count))
        bytes.withUnsafeMutableBytes { raw in
            for index in 0..<count {
                raw.storeBytes(of: UInt32(bitPattern: value(index)).littleEndian, toByteOffset: start + 4 * index, as: UInt32.self)
            }
        }
    }

    /// The encoded bytes, taken out so that appending to them does not copy them.
    mutating func takeBytes() -> [UInt8] {
        let taken = bytes
        bytes = []
        return taken
    }

    mutating func array<T>(_ values: [T], _ element: (inout CacheEncoder, T) -> Void) {
        int(values.count)
        for value in values { element(&self, value) }
    }
}

struct CacheDecoder {
    struct Malformed: Error {}

    /// Shared, not copied: a part decoded later keeps them (`EncodedLinkEntry`).
    let bytes: [UInt8]
    private(set) var position: Int
    /// Where the decoded bytes end: an entry's checksum after them is not read as data.
    let end: Int

    init(_ bytes: [UInt8], from position: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.position = position
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var isAtEnd: Bool { position == end }

    /// A decoder over the same bytes (shared, not copied) from `position`.
    func at(_ position: Int) -> CacheDecoder { CacheDecoder(bytes, from: position, to: end) }

    mutating func int() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw Malformed() }
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
        guard value >= 0, value <= end - position else { throw Malformed() }
        return value
    }

    mutating func bool() throws -> Bool {
        guard position < end, bytes[position] <= 1 else { throw Malformed() }
        position += 1
        return bytes[position - 1] == 1
    }

    /// Every decoder reads bytes that passed their file's checksum (`BuildCache.open`),
    /// so they are the UTF-8 this build's encoder wrote: they are decoded (which would
    /// repair, never fail) rather than validated. `String(validating:)` of a slice went
    /// through the standard library's unspecialised validator, 2.7 times slower per
    /// string, and took 6 % of a cached 10,000-briefing build's CPU.
    mutating func string() throws -> String {
        let length = try count()
        defer { position += length }
        let start = position
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + length]), as: UTF8.self) }
    }

    /// Whether the next string reads `expected`, compared as bytes: no string is made.
    mutating func string(equals expected: String) throws -> Bool {
        let length = try count()
        defer { position += length }
        var expected = expected
        let start = position
        return expected.withUTF8 { wanted in
            wanted.count == length && bytes.withUnsafeBufferPointer { $0[start..<start + length].elementsEqual(wanted) }
        }
    }

    /// The next string; `shared` itself when it reads the same, so that a string most
    /// entries repeat (the names table they are valid under) is not made again for each.
    mutating func string(sharing shared: String) throws -> String {
        let start = position
        if try string(equals: shared) { return shared }
        position = start
        return try string()
    }

    mutating func optional() throws -> String? {
        try bool() ? try string() : nil
    }

    mutating func optionalInt() throws -> Int? {
        try bool() ? try int() : nil
    }

    mutating func int32s() throws -> [Int32] {
        let count = try int()
        guard count >= 0, count <= (end - position) / 4 else { throw Malformed() }
        let start = position
        let values = [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                for index in 0..<count {
                    buffer[index] = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: start + 4 * index, as: Int32.self))
                }
            }
            initialized = count
        }
        position += 4 * count
        return values
    }

    /// `int32s` read as unsigned values, all checked to be at least 0 and below `bound`:
    /// the model memo's columns of ids, read on every cached build, copied at once and
    /// checked by their largest value, rather than converted, checked and copied again.
    mutating func uint32s(below bound: Int = Int(Int32.max) + 1) throws -> [UInt32] {
        let count = try int()
        guard count >= 0, count <= (end - position) / 4 else { throw Malformed() }
        let start = position
        var values = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<start + 4 * count]))
            }
            initialized = count
        }
        if UInt32(littleEndian: 1) != 1 {
            for index in values.indices { values[index] = UInt32(littleEndian: values[index]) }
        }
        // As unsigned values, a negative one is at least 2^31, so the largest checks both ends.
        let largest = values.withUnsafeBufferPointer { $0.reduce(0, Swift.max) }
        guard count == 0 || Int(largest) < Swift.min(bound, Int(Int32.max) + 1) else { throw Malformed() }
        position += 4 * count
        return values
    }

    /// The next `count` bytes, copied out, checked against what is left.
    mutating func bytes(_ count: Int) throws -> [UInt8] {
        guard count >= 0, count <= end - position else { throw Malformed() }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    /// Moves past `count` bytes, checked against what is left.
    mutating func skip(_ count: Int) throws {
        guard count >= 0, count <= end - position else { throw Malformed() }
        position += count
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

/// A linked document's layout (cache format 8): the document's text once (or, in an
/// entry file, apart after the rest: `LinkedEntryFile`), then
/// the strings its mentions and search passages repeat (actor slugs, anchors,
/// sections) once each in a table that they refer to by position, so a document read
/// back shares them as the linker made them; snippets and passages are byte ranges
/// of the text, as in memory. The mentions come after the actors they name and their
/// own length, so that a reader can leave them undecoded (`MentionList`).
extension CacheEncoder {
    /// Without the HTML and the text (`includingHTML`, `includingText` false) for an
    /// entry file that keeps them apart (`LinkedEntryFile`).
    mutating func linkResult(_ result: LinkResult, includingHTML: Bool = true, includingText: Bool = true) {
        let document = result.document
        string(document.id.kind.rawValue)
        string(document.id.slug)
        if includingHTML { string(document.html) }
        if includingText { string(document.text) }
        int(document.wordCount)
        array(document.tableOfContents) { encoder, entry in
            encoder.int(entry.level)
            encoder.string(entry.title)
            encoder.string(entry.anchor)
        }
        var table = StringTable()
        var mentionBlock = CacheEncoder()
        let mentions = document.mentions
        // Read once: each read of a document's text takes its storage's lock.
        let text = document.text
        if let origin = MentionOrigin.common(to: mentions) {
            var compact = CompactMentionEncoding(origin: origin, text: text)
            mentionBlock.int(mentions.count)
            for index in mentions.indices {
                guard case .compact(let mention) = mentions[index].storage else { continue }
                compact.encode(mention, into: &mentionBlock, table: &table)
            }
        } else {
            mentionBlock.array(mentions) { encoder, mention in encoder.mention(mention, text: text, table: &table) }
        }
        var body = CacheEncoder()
        // The actors before the mentions, and the mentions' length, so that a reader
        // learns which actors the document names and leaves the mentions undecoded (`MentionList`).
        body.array(document.mentionedActors) { encoder, actor in
            encoder.int(table.position(actor.actor))
            encoder.int(actor.count)
            encoder.int(actor.passages)
            encoder.bool(actor.explicit)
        }
        body.int(mentionBlock.bytes.count)
        body.append(mentionBlock)
        body.array(document.searchPassages) { encoder, passage in encoder.passage(passage, text: text, table: &table) }
        array(table.strings) { encoder, string in encoder.string(string) }
        bytes.append(contentsOf: body.bytes)
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

    /// Positions in the entry's table of strings.
    struct StringTable {
        private(set) var strings: [String] = []
        private var positions: [String: Int] = [:]
        /// The last string asked for in each field and its position. A mention's
        /// document is the entry's own, and its anchor and section are mostly the
        /// last mention's: compared with it, nearly every lookup of them skips hashing.
        private var recent: [(string: String, position: Int)] = Array(repeating: ("", -1), count: Field.allCases.count)

        enum Field: Int, CaseIterable {
            case documentKind, documentSlug, anchor, section, passageAnchor
        }

        mutating func position(_ string: String) -> Int {
            if let known = positions[string] { return known }
            positions[string] = strings.count
            strings.append(string)
            return strings.count - 1
        }

        /// `position(_:)`, remembered for `field`.
        mutating func position(_ string: String, in field: Field) -> Int {
            let last = recent[field.rawValue]
            if last.position >= 0, last.string == string { return last.position }
            let found = position(string)
            recent[field.rawValue] = (string, found)
            return found
        }
    }

    private mutating func mention(_ mention: Mention, text: String, table: inout StringTable) {
        int(table.position(mention.actor))
        int(table.position(mention.document.kind.rawValue, in: .documentKind))
        int(table.position(mention.document.slug, in: .documentSlug))
        int(mention.anchor.map { table.position($0, in: .anchor) } ?? -1)
        int(table.position(mention.text))
        let snippet = mention.quotedSnippet
        let quotesText = snippet.source == text
        bool(quotesText)
        if !quotesText { string(snippet.source) }
        range(snippet.bytes)
        bool(snippet.cutBefore)
        bool(snippet.cutAfter)
        bool(mention.linked)
        bool(mention.explicit)
        range(mention.snippetMatch)
        array(mention.otherMatches) { encoder, range in encoder.range(range) }
        int(mention.section.map { table.position($0, in: .section) } ?? -1)
    }

    private mutating func passage(_ passage: SearchPassage, text: String, table: inout StringTable) {
        int(table.position(passage.anchor, in: .passageAnchor))
        bool(passage.isHeading)
        let quoted = passage.quoted
        let quotesText = quoted.source == text
        bool(quotesText)
        if !quotesText { string(quoted.source) }
        array(quoted.pieces) { encoder, piece in encoder.range(piece) }
        bool(quoted.collapses)
    }

    private mutating func range(_ range: Range<Int>) {
        int(range.lowerBound)
        int(range.upperBound)
    }
}

extension CacheDecoder {
    /// `html` and `text`: the document's HTML and text when the bytes leave them out
    /// (`linkResult(_:includingHTML:includingText:)`). What every stage reads of every
    /// document (its id, word count, the actors it names, its images, the diagnostics)
    /// is decoded now; its table of contents, mentions, search passages and their
    /// strings are checked now and decoded when first read (`EncodedLinkEntry`), so an
    /// entry that would not decode is a miss now, never a failure later.
    mutating func linkResult(html kept: ReleasableHTML? = nil, text keptText: SpillableText? = nil) throws -> LinkResult {
        let id = try documentID()
        let htmlStorage = try kept ?? ReleasableHTML(try string())
        let textStorage = try keptText ?? SpillableText(try string())
        // Its length only: a text left in its entry file is not read for this.
        let textLength = textStorage.utf8Count
        let wordCount = try int()
        let tableOfContentsStart = position
        try skimTableOfContents()
        let tableOfContents = tableOfContentsStart..<position
        let stringsStart = position
        let tableCount = try count()
        // Where each string of the table lies, for the few read now (the actors' slugs,
        // the mentions' document kinds), without making the others.
        let entryBytes = bytes
        let (strings, actors, mentions) = try withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: tableCount) { table in
            for index in 0..<tableCount {
                let length = try count()
                table.initializeElement(at: index, to: position..<position + length)
                position += length
            }
            let strings = stringsStart..<position
            let actors = try array { decoder in
                MentionedActor(actor: try decoder.tableString(table), count: try decoder.count(), passages: try decoder.count(),
                               explicit: try decoder.bool())
            }
            let mentionsLength = try count()
            let mentions = position..<position + mentionsLength
            // Checked now, decoded when read.
            var skimmer = CacheDecoder(bytes, from: mentions.lowerBound, to: mentions.upperBound)
            try skimmer.skimMentions(tableCount: tableCount, textLength: textLength, expecting: actors.reduce(0) { $0 + $1.count },
                                     isDocumentKind: { position in Self.spellsDocumentKind(entryBytes[table[position]]) })
            position = mentions.upperBound
            return (strings, actors, mentions)
        }
        let passagesStart = position
        try skimPassages(tableCount: tableCount, textLength: textLength)
        let passages = passagesStart..<position
        let images = try array { decoder in
            PublishedImage(source: try decoder.string(), output: try decoder.string(), file: URL(fileURLWithPath: try decoder.string()))
        }
        let diagnostics = try array { decoder -> Diagnostic in
            guard let severity = Diagnostic.Severity(rawValue: try decoder.string()) else { throw Malformed() }
            let location = SourceLocation(path: try decoder.string(), line: try decoder.int(), column: try decoder.int())
            return Diagnostic(severity, try decoder.string(), at: location)
        }
        let entry = EncodedLinkEntry(
            bytes: bytes, document: id, textStorage: textStorage, textLength: textLength, mentionCount: actors.reduce(0) { $0 + $1.count },
            tableOfContents: tableOfContents, strings: strings, mentions: mentions, passages: passages)
        let document = LinkedDocument(id: id, htmlStorage: htmlStorage, entry: entry, actors: actors, wordCount: wordCount, images: images)
        return LinkResult(document: document, diagnostics: diagnostics)
    }

    /// Reads a table of contents as `EncodedLinkEntry` decodes it, making nothing.
    private mutating func skimTableOfContents() throws {
        let count = try self.count()
        for _ in 0..<count {
            _ = try int()
            _ = try skipString()
            _ = try skipString()
        }
    }

    /// The string of `table` (where an entry's strings lie) at the position read next.
    private mutating func tableString(_ table: UnsafeMutableBufferPointer<Range<Int>>) throws -> String {
        let index = try int()
        guard index >= 0, index < table.count else { throw Malformed() }
        let range = table[index]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// A kind's name fits a small string, which is made without allocating.
    private static func spellsDocumentKind(_ bytes: ArraySlice<UInt8>) -> Bool {
        DocumentID.Kind(rawValue: String(decoding: bytes, as: UTF8.self)) != nil
    }

    private mutating func documentID() throws -> DocumentID {
        guard let kind = DocumentID.Kind(rawValue: try string()) else { throw Malformed() }
        return DocumentID(kind, try string())
    }

    private mutating func entry(_ table: [String]) throws -> String {
        table[try entryPosition(table)]
    }

    private mutating func optionalEntry(_ table: [String]) throws -> String? {
        try optionalEntryPosition(table).map { table[$0] }
    }

    /// The source a snippet or passage quotes and a range of it, checked to lie inside it.
    private mutating func quotedRange(text: String) throws -> (source: String, range: Range<Int>) {
        let source = try bool() ? text : try string()
        let range = try range()
        guard range.upperBound <= source.utf8.count else { throw Malformed() }
        return (source, range)
    }

    /// The entry's mentions, compact over one origin that holds the entry's table of
    /// strings: what `MentionSharing.share` would make of the wide ones, without hashing
    /// every string of every entry again (13 % of a cached 10k build). A mention of
    /// another document, quoting another text or with a range past 32 bits stays wide.
    /// Decoded when first read (`MentionList`): `textLength` is the origin's text's, so
    /// that a spilled text is read back only for a mention that quotes something else.
    mutating func mentions(over origin: MentionOrigin, textLength: Int) throws -> [Mention] {
        let table = origin.strings
        var checkedDocument: (kind: Int, slug: Int)?
        var allCompact = true
        let mentions = try array { decoder -> Mention in
            let start = decoder.position
            if let compact = try decoder.compactMention(in: origin, textLength: textLength, checkedDocument: &checkedDocument) {
                return Mention(storage: .compact(compact))
            }
            decoder.position = start
            allCompact = false
            return try decoder.mention(text: origin.text, table: table)
        }
        // As `LinkedDocument.init` shares a freshly linked document's mentions.
        return allCompact ? mentions : MentionSharing.share(mentions, text: origin.textStorage, sameAs: origin.text)
    }

    /// Reads the mentions as `mentions(over:textLength:)` does, making nothing, and
    /// throws where it would: so that decoding them later cannot fail.
    mutating func skimMentions(tableCount: Int, textLength: Int, expecting count: Int, isDocumentKind: (Int) -> Bool) throws {
        func position() throws {
            let value = try int()
            guard value >= 0, value < tableCount else { throw Malformed() }
        }
        func optionalPosition() throws {
            let value = try int()
            guard value == -1 || (value >= 0 && value < tableCount) else { throw Malformed() }
        }
        // A document's mentions name one kind of document, nearly always.
        var checkedKind = -1
        let length = try self.count()
        guard length == count else { throw Malformed() }
        for _ in 0..<length {
            try position()
            let kind = try int()
            guard kind >= 0, kind < tableCount else { throw Malformed() }
            if kind != checkedKind {
                guard isDocumentKind(kind) else { throw Malformed() }
                checkedKind = kind
            }
            try position()
            try optionalPosition()
            try position()
            let quotesText = try bool()
            let sourceLength = quotesText ? textLength : try skipString()
            let snippet = try range()
            guard snippet.upperBound <= sourceLength else { throw Malformed() }
            for _ in 0..<4 { _ = try bool() }
            _ = try range()
            let others = try self.count()
            for _ in 0..<others { _ = try range() }
            try optionalPosition()
        }
        guard isAtEnd else { throw Malformed() }
    }

    /// The next mention over `origin`, or nil (having read it) when it must stay wide.
    /// `checkedDocument`: the table positions of a kind and slug already found to name
    /// the origin's document, so the strings are compared once per entry.
    private mutating func compactMention(
        in origin: MentionOrigin, textLength: Int, checkedDocument: inout (kind: Int, slug: Int)?
    ) throws -> CompactMention? {
        let table = origin.strings, limit = Int(CompactMention.none)
        let actor = try entryPosition(table)
        let kind = try entryPosition(table), slug = try entryPosition(table)
        let anchor = try optionalEntryPosition(table)
        let mentionText = try entryPosition(table)
        guard try bool() else { return nil }
        let snippet = try range()
        guard snippet.upperBound <= textLength else { throw Malformed() }
        var flags: CompactMention.Flags = []
        for flag in [CompactMention.Flags.cutBefore, .cutAfter, .linked, .explicit] where try bool() { flags.insert(flag) }
        let match = try range()
        let others = try array { decoder in try decoder.range() }
        let section = try optionalEntryPosition(table)
        if checkedDocument.map({ $0 != (kind, slug) }) ?? true {
            guard DocumentID.Kind(rawValue: table[kind]) != nil else { throw Malformed() }
            guard table[kind] == origin.document.kind.rawValue, table[slug] == origin.document.slug else { return nil }
            checkedDocument = (kind, slug)
        }
        guard table.count < limit, snippet.upperBound < limit, match.upperBound < limit, others.allSatisfy({ $0.upperBound < limit })
        else { return nil }
        return CompactMention(
            origin: origin, actor: UInt32(actor), anchor: anchor.map(UInt32.init) ?? CompactMention.none,
            section: section.map(UInt32.init) ?? CompactMention.none, text: UInt32(mentionText), snippetSource: CompactMention.none,
            snippet: (UInt32(snippet.lowerBound), UInt32(snippet.upperBound)), match: (UInt32(match.lowerBound), UInt32(match.upperBound)),
            otherMatches: others.flatMap { [UInt32($0.lowerBound), UInt32($0.upperBound)] }, flags: flags)
    }

    private mutating func entryPosition(_ table: [String]) throws -> Int {
        let position = try int()
        guard table.indices.contains(position) else { throw Malformed() }
        return position
    }

    private mutating func optionalEntryPosition(_ table: [String]) throws -> Int? {
        let position = try int()
        guard position != -1 else { return nil }
        guard table.indices.contains(position) else { throw Malformed() }
        return position
    }

    private mutating func mention(text: String, table: [String]) throws -> Mention {
        let actor = try entry(table)
        guard let kind = DocumentID.Kind(rawValue: try entry(table)) else { throw Malformed() }
        let document = DocumentID(kind, try entry(table))
        let anchor = try optionalEntry(table)
        let mentionText = try entry(table)
        let (source, bytes) = try quotedRange(text: text)
        let snippet = MentionSnippet(source: source, bytes: bytes, cutBefore: try bool(), cutAfter: try bool())
        return Mention(
            actor: actor, document: document, anchor: anchor, text: mentionText, quoting: snippet, linked: try bool(),
            explicit: try bool(), snippetMatch: try range(), otherMatches: try array { decoder in try decoder.range() },
            section: try optionalEntry(table))
    }

    /// An entry's search passages, as `skimPassages` checked them (`PassageList`).
    mutating func passages(text: SpillableText, table: [String]) throws -> [SearchPassage] {
        try array { decoder in try decoder.passage(text: text, table: table) }
    }

    /// Reads the passages as `passages(text:table:)` does, making nothing, and throws
    /// where it would: so that decoding them later cannot fail.
    mutating func skimPassages(tableCount: Int, textLength: Int) throws {
        let count = try self.count()
        for _ in 0..<count {
            let anchor = try int()
            guard anchor >= 0, anchor < tableCount else { throw Malformed() }
            _ = try bool()
            let sourceLength = try bool() ? textLength : try skipString()
            let pieces = try self.count()
            for _ in 0..<pieces {
                guard try range().upperBound <= sourceLength else { throw Malformed() }
            }
            _ = try bool()
        }
    }

    /// Moves past a string, returning its length in bytes.
    private mutating func skipString() throws -> Int {
        let length = try count()
        position += length
        return length
    }

    /// A passage quoting the document's text quotes `text` itself, shared, not a copy.
    private mutating func passage(text: SpillableText, table: [String]) throws -> SearchPassage {
        let anchor = try entry(table)
        let isHeading = try bool()
        let source: QuotedSource = try bool() ? .document(text) : .own(try string())
        let pieces = try array { decoder in try decoder.range() }
        let sourceLength = source.utf8Count
        guard pieces.allSatisfy({ $0.upperBound <= sourceLength }) else { throw Malformed() }
        return SearchPassage(anchor: anchor, quoting: SearchPassage.Quoted(quoting: source, pieces: pieces, collapses: try bool()), isHeading: isHeading)
    }

    private mutating func range() throws -> Range<Int> {
        let lower = try int(), upper = try int()
        guard lower >= 0, lower <= upper else { throw Malformed() }
        return lower..<upper
    }
}
