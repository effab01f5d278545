import Foundation

/// The passages of the data export (version 3), each stored once, in its document's
/// `data/passages/KIND/SLUG.json`; every actor's `data/mentions/SLUG.json` refers to
/// them by position and quotes its snippet as a range of the passage's text.
///
/// A passage is a block of a document that mentions actors (a paragraph, a list item,
/// a table…). Its text is the stretch of the block that the snippets of all its
/// mentions quote, so each actor's snippet is a range of it. Version 2 stored the
/// snippet in the file of every actor the block names: 100 MB of the 295 MB of
/// `data/mentions/` at 10,000 briefings, and the anchor and section with each copy.
///
/// Built in one pass over `model.mentions`, where each document's mentions are one
/// stretch in reading order; held as integers, since at 100,000 briefings there are
/// seven million mentions.
struct ExportPassages: Sendable {
    struct Passage: Sendable {
        /// The position in `model.mentions` of the passage's first mention, which gives
        /// its document, anchor, section and the text its snippet quotes.
        var first: Int32
        /// Its position in its document's list.
        var ordinal: Int32
        /// The bytes of that text the passage spans: every snippet of the passage.
        var lower: Int32
        var upper: Int32
    }

    /// Each document with mentions, in site order, and the range of `passages` that is its list.
    private(set) var documents: [(id: DocumentID, passages: Range<Int>)] = []
    private(set) var passages: [Passage] = []
    /// For each mention of `range`, the index of its passage in `passages`.
    private var passageOfMention: [Int32] = []
    /// The stretch of `model.mentions` the table covers: all of it, or the documents a
    /// cached build makes files of (`init(_:range:)`).
    let range: Range<Int>

    init(_ mentions: [Mention]) {
        self.init(mentions, range: mentions.indices)
    }

    /// The passages of the documents whose mentions are `range`, a run of whole
    /// documents' stretches; positions (`Passage.first`) are still `mentions`'s.
    init(_ mentions: [Mention], range: Range<Int>) {
        self.init(range: range) { mentions[$0] }
    }

    /// The passages of the documents whose mentions are `range` of the site's list,
    /// each read through `mention` (`SiteMentionList`'s subscript decodes only the
    /// documents read, where `model.mentions` would decode every document).
    init(range: Range<Int>, mention mentionAt: (Int) -> Mention) {
        self.range = range
        passageOfMention.reserveCapacity(range.count)
        var document: DocumentID?
        var start = 0
        // Mentions in one block share its passage; the rare mention outside any block
        // shares one with those of the same snippet, as on the actor page.
        var byKey: [String: Int] = [:]
        for position in range {
            let mention = mentionAt(position)
            if mention.document != document {
                if let document { documents.append((document, start..<passages.count)) }
                document = mention.document
                start = passages.count
                byKey.removeAll(keepingCapacity: true)
            }
            let quoted = mention.quotedSnippet
            let key = mention.anchor.map { "a" + $0 } ?? "s" + quoted.string
            if let index = byKey[key], mentionAt(Int(passages[index].first)).quotedSnippet.quoting.utf8Count == quoted.quoting.utf8Count {
                passages[index].lower = min(passages[index].lower, Int32(quoted.bytes.lowerBound))
                passages[index].upper = max(passages[index].upper, Int32(quoted.bytes.upperBound))
                passageOfMention.append(Int32(index))
                continue
            }
            byKey[key] = passages.count
            passageOfMention.append(Int32(passages.count))
            passages.append(Passage(first: Int32(position), ordinal: Int32(passages.count - start),
                                    lower: Int32(quoted.bytes.lowerBound), upper: Int32(quoted.bytes.upperBound)))
        }
        if let document { documents.append((document, start..<passages.count)) }
    }

    /// The index in `passages` of the passage holding the mention at `position` of `model.mentions`.
    func passage(ofMention position: Int) -> Int {
        Int(passageOfMention[position - range.lowerBound])
    }

    /// The passage's text: the part of its block its snippets quote.
    func text(of passage: Passage, in mentions: [Mention]) -> String {
        text(of: passage, first: mentions[Int(passage.first)])
    }

    /// The passage's text, given the mention at its `first` position.
    func text(of passage: Passage, first: Mention) -> String {
        let source = first.quotedSnippet.quoting
        return DocumentText.string(source, Int(passage.lower)..<Int(passage.upper), before: "", after: "")
    }

    /// Where `mention`'s snippet lies in its passage's text, in Unicode scalars.
    func snippetRange(of mention: Mention, in passage: Passage) -> Range<Int> {
        let quoted = mention.quotedSnippet
        // One read from the passage's start to the snippet's end covers both counts.
        let lower = min(Int(passage.lower), quoted.bytes.lowerBound)
        return quoted.quoting.withBytes(lower..<max(lower, quoted.bytes.upperBound)) { bytes, start in
            func scalars(_ range: Range<Int>) -> Int {
                var count = 0
                let local = (range.lowerBound - start)..<max(range.lowerBound - start, range.upperBound - start)
                for byte in bytes[local.clamped(to: 0..<bytes.count)] where byte & 0xC0 != 0x80 { count += 1 }
                return count
            }
            let before = Int(passage.lower)..<max(Int(passage.lower), quoted.bytes.lowerBound)
            let start = scalars(before)
            return start..<(start + scalars(quoted.bytes))
        }
    }
}

extension ExportPassages {
    /// The build memo's key for the passages file of the document at `index`: the
    /// document's linked form (its mentions), through `documents`, whose stretches of
    /// `model.mentions` are this table's documents in the same order, and the build.
    static func fileKey(_ index: Int, documents: AggregateKeys.MentionDocuments, fingerprints: DocumentFingerprints) -> String? {
        guard !fingerprints.isEmpty, index < documents.digests.count, let digest = documents.digests[index] else { return nil }
        var hasher = StableHasher()
        hasher.combine("data/passages")
        hasher.combine(EntitiesExport.version)
        hasher.combine(fingerprints.site)
        hasher.combine(digest)
        return hasher.finalize()
    }
}
