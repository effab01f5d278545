/// Reads back the parts of the search index a previous build wrote (only ever this
/// program's own output, so only the JSON that `JSONWriter` writes): a cached build
/// takes the postings of the documents it did not change from the previous term
/// shards instead of tokenizing those documents again (`SearchIndexWriter`). Anything
/// it does not recognise is nil, and the index is then made from every document.
enum SearchIndexPartReader {
    /// The first term of each shard, from the manifest (`SearchIndex.manifest`).
    static func shardFirstTerms(manifest bytes: [UInt8]) -> [String]? {
        let marker = Array("\"shards\":".utf8)
        guard let start = find(marker, in: bytes) else { return nil }
        var reader = Reader(bytes: bytes, position: start + marker.count)
        return reader.stringArray()
    }

    /// The number of documents, from the manifest (`SearchIndex.manifest`).
    static func documentCount(manifest bytes: [UInt8]) -> Int? {
        let marker = Array("{\"documents\":".utf8)
        guard bytes.count > marker.count, let start = find(marker, in: bytes) else { return nil }
        var position = start + marker.count, value = 0, digits = 0
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]), digits < 12 {
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            position += 1
            digits += 1
        }
        return digits > 0 && position < bytes.count && bytes[position] == UInt8(ascii: ",") ? value : nil
    }

    /// What a document part (`SearchIndex.documentJSON`) shows and is searched by:
    /// everything `SearchIndex.termFields` reads when the part has its passages
    /// (`search.passages`; nil without them). A part written without keywords has none
    /// (`SearchIndexEdit` checks them against the part's inputs key).
    struct DocumentText: Equatable {
        var title = "", url = "", summary = ""
        var passages: [String]?
        var keywords: [String] = []
    }

    /// The document part `name` ("documents/3"), as `SearchIndex.part` wrote it.
    static func document(_ bytes: [UInt8], name: String) -> DocumentText? {
        guard let (start, end) = partReader(bytes, name: name) else { return nil }
        var reader = start
        var text = DocumentText()
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = reader.string(), reader.take(UInt8(ascii: ":")) else { return nil }
            if key == "b" {
                guard let passages = reader.passages() else { return nil }
                text.passages = passages
                continue
            }
            if key == "w" {
                guard let keywords = reader.stringArray() else { return nil }
                text.keywords = keywords
                continue
            }
            guard let value = reader.string() else { return nil }
            switch key {
            case "t": text.title = value
            case "u": text.url = value
            case "s": text.summary = value
            default: break
            }
        } while reader.take(UInt8(ascii: ","))
        guard reader.take(UInt8(ascii: "}")), reader.position == end else { return nil }
        return text
    }

    /// The entries of term shard `name` ("terms/3"), as `SearchIndex.part` wrote them.
    static func shard(_ bytes: [UInt8], name: String) -> [SearchIndex.Postings]? {
        guard let (start, end) = partReader(bytes, name: name) else { return nil }
        var reader = start
        guard reader.take(UInt8(ascii: "[")) else { return nil }
        var entries: [SearchIndex.Postings] = []
        if reader.take(UInt8(ascii: "]")) { return reader.position == end ? entries : nil }
        repeat {
            guard let pair = reader.stringArray(), pair.count == 2, let packed = decode(pair[1]) else { return nil }
            entries.append(SearchIndex.Postings(term: pair[0], packed: packed))
        } while reader.take(UInt8(ascii: ","))
        guard reader.take(UInt8(ascii: "]")), reader.position == end else { return nil }
        return entries
    }

    /// What term shard `name` says of the documents `numbers`: the terms that list any
    /// of them, with the field each holds it in, by document number (the terms a document
    /// held in the previous build, when its part does not show its passages:
    /// `SearchIndexEdit`), and the shard's first term. Read in place: only the first term
    /// and a matching term are made strings, so reading every shard of a site costs a
    /// pass over their bytes and no more memory than one shard's.
    static func terms(
        holding numbers: Set<Int>, inShard bytes: [UInt8], name: String
    ) -> (firstTerm: String, held: [Int: [(term: String, field: SearchIndex.Field)]])? {
        guard let (start, end) = partReader(bytes, name: name) else { return nil }
        var reader = start
        guard reader.take(UInt8(ascii: "[")) else { return nil }
        var found: [Int: [(term: String, field: SearchIndex.Field)]] = [:]
        if reader.take(UInt8(ascii: "]")) { return reader.position == end ? ("", found) : nil }
        var firstTerm: String?
        let highest = numbers.max() ?? -1
        repeat {
            guard reader.take(UInt8(ascii: "[")) else { return nil }
            let termStart = reader.position
            guard reader.skipString(), reader.take(UInt8(ascii: ",")) else { return nil }
            let listStart = reader.position
            guard reader.skipString() else { return nil }
            var hits: [(number: Int, field: SearchIndex.Field)] = []
            let listed = forEachPosting(bytes[(listStart + 1)..<(reader.position - 1)]) { posting in
                let number = Int(posting >> 2)
                if number <= highest, numbers.contains(number) { hits.append((number, SearchIndex.Field(rawValue: Int(posting & 3))!)) }
            }
            guard listed, reader.take(UInt8(ascii: "]")) else { return nil }
            if !hits.isEmpty || firstTerm == nil {
                var termReader = Reader(bytes: bytes, position: termStart)
                guard let term = termReader.string() else { return nil }
                if firstTerm == nil { firstTerm = term }
                for hit in hits { found[hit.number, default: []].append((term, hit.field)) }
            }
        } while reader.take(UInt8(ascii: ","))
        guard reader.take(UInt8(ascii: "]")), reader.position == end, let firstTerm else { return nil }
        return (firstTerm, found)
    }

    /// The inverse of `SearchIndex.encode(packed:)`.
    static func decode(_ text: String) -> [UInt32]? {
        var packed: [UInt32] = []
        return forEachPosting(text.utf8) { packed.append($0) } ? packed : nil
    }

    /// Calls `body` with each posting of a document list as `SearchIndex.encode(packed:)`
    /// wrote it, packed as it was; false (after the postings before it) at the first
    /// thing `encode` does not write.
    static func forEachPosting(_ list: some Collection<UInt8>, _ body: (UInt32) -> Void) -> Bool {
        var previous: UInt64 = 0, isFirst = true
        for item in list.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            var value: UInt64 = 0
            guard !item.isEmpty, item.count <= 8 else { return false }
            for byte in item {
                let digit: UInt64
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
                default: return false
                }
                value = value * 36 + digit
            }
            let number = previous + value / 4
            guard number <= UInt64(UInt32.max >> 2), isFirst || value / 4 > 0 else { return false }
            body(UInt32(number) << 2 | UInt32(value % 4))
            previous = number
            isFirst = false
        }
        return true
    }

    /// A reader at the value of part `name` as `SearchIndex.part` wrote it, and where
    /// that value must end; nil when the bytes are not that part.
    private static func partReader(_ bytes: [UInt8], name: String) -> (reader: Reader, end: Int)? {
        let prefix = Array("DossierSearch.receive(\"\(name)\", ".utf8), suffix = Array(");\n".utf8)
        guard bytes.count >= prefix.count + suffix.count, bytes.starts(with: prefix), bytes.suffix(suffix.count).elementsEqual(suffix) else { return nil }
        return (Reader(bytes: bytes, position: prefix.count), bytes.count - suffix.count)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }

    private struct Reader {
        let bytes: [UInt8]
        var position: Int

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// `["a","b",…]`
        mutating func stringArray() -> [String]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var strings: [String] = []
            if take(UInt8(ascii: "]")) { return strings }
            repeat {
                guard let string = string() else { return nil }
                strings.append(string)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? strings : nil
        }

        /// Past a JSON string, without making it.
        mutating func skipString() -> Bool {
            guard take(UInt8(ascii: "\"")) else { return false }
            while position < bytes.count {
                let byte = bytes[position]
                position += byte == UInt8(ascii: "\\") ? 2 : 1
                if byte == UInt8(ascii: "\"") { return true }
            }
            return false
        }

        /// `[[anchor,text],[anchor,text,1],…]`: the texts.
        mutating func passages() -> [String]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var texts: [String] = []
            if take(UInt8(ascii: "]")) { return texts }
            repeat {
                guard take(UInt8(ascii: "[")), string() != nil, take(UInt8(ascii: ",")), let text = string() else { return nil }
                if take(UInt8(ascii: ",")), !take(UInt8(ascii: "1")) { return nil }
                guard take(UInt8(ascii: "]")) else { return nil }
                texts.append(text)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? texts : nil
        }

        /// A JSON string with the escapes `JSONWriter` writes.
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            var text: [UInt8] = []
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(validating: text, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard position < bytes.count else { return nil }
                    let escaped = bytes[position]
                    position += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                    case UInt8(ascii: "n"): text.append(0x0A)
                    case UInt8(ascii: "r"): text.append(0x0D)
                    case UInt8(ascii: "t"): text.append(0x09)
                    case UInt8(ascii: "b"): text.append(0x08)
                    case UInt8(ascii: "f"): text.append(0x0C)
                    case UInt8(ascii: "u"):
                        // `JSONWriter` escapes only control characters this way.
                        guard position + 4 <= bytes.count, let value = UInt8(String(decoding: bytes[position..<(position + 4)], as: UTF8.self), radix: 16),
                              value < 0x20 else { return nil }
                        text.append(value)
                        position += 4
                    default: return nil
                    }
                default:
                    text.append(byte)
                }
            }
            return nil
        }
    }
}
