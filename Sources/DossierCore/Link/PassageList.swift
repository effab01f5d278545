/// A document's search passages as a build cache entry holds them, decoded the first
/// time they are read: only the search index reads them, for the parts of it a build
/// makes again, and decoding every entry's passages (about 40 a document) took a
/// sixth of the time a cached 10,000-briefing build spent reading the link memo.
final class PassageList: Sendable {
    private let storage: DecodedOnce<EncodedPassages, [SearchPassage]>

    /// The bytes of an entry's passages (`CacheEncoder.linkResult`), checked when the
    /// entry was read (`CacheDecoder.skimPassages`), and what decoding them needs.
    struct EncodedPassages: Sendable {
        let bytes: [UInt8]
        let text: SpillableText
        let strings: [String]
        let document: DocumentID
    }

    init(encoded: EncodedPassages) {
        storage = DecodedOnce(encoded: encoded)
    }

    var passages: [SearchPassage] {
        storage.value(decodingWith: Self.decode)
    }

    var isDecoded: Bool { storage.isDecoded }

    /// The entry's light part passed its checksum and these bytes their skim, so a
    /// failure here is a defect in the coding, not a damaged file.
    private static func decode(_ encoded: EncodedPassages) -> [SearchPassage] {
        var decoder = CacheDecoder(encoded.bytes, to: encoded.bytes.count)
        guard let passages = try? decoder.passages(text: encoded.text, table: encoded.strings), decoder.isAtEnd else {
            preconditionFailure("the search passages of \(encoded.document) in the build cache do not decode")
        }
        return passages
    }
}
