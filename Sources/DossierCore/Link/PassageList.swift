import Synchronization

/// A document's search passages as a build cache entry holds them, decoded the first
/// time they are read: only the search index reads them, for the parts of it a build
/// makes again, and decoding every entry's passages (about 40 a document) took a
/// sixth of the time a cached 10,000-briefing build spent reading the link memo.
final class PassageList: Sendable {
    private let state: Mutex<State>

    private enum State: Sendable {
        case decoded([SearchPassage])
        case encoded(EncodedPassages)
    }

    /// The bytes of an entry's passages (`CacheEncoder.linkResult`), checked when the
    /// entry was read (`CacheDecoder.skimPassages`), and what decoding them needs.
    struct EncodedPassages: Sendable {
        let bytes: [UInt8]
        let text: SpillableText
        let strings: [String]
        let document: DocumentID
    }

    init(encoded: EncodedPassages) {
        state = Mutex(.encoded(encoded))
    }

    /// Decoded once, under the lock, so threads that ask at the same time share one list.
    var passages: [SearchPassage] {
        state.withLock { state in
            switch state {
            case .decoded(let passages):
                return passages
            case .encoded(let encoded):
                let passages = Self.decode(encoded)
                state = .decoded(passages)
                return passages
            }
        }
    }

    var isDecoded: Bool {
        state.withLock { if case .decoded = $0 { true } else { false } }
    }

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
