/// The mentions part of a document's `MentionView` when they are compact over one
/// origin, as a linked document's are: read by their places in the origin's table of
/// strings, without making a `Mention` or a `MentionSnippet` per mention (each retained
/// its strings and text: 23 % of the end of linking and the model stage at 100,000
/// briefings), nor the export's table of passages, whose key is a string per mention.
///
/// It hashes what `MentionView`'s general reading does — the passages as the export
/// groups them (each one's position, anchor, section, bounds and text) and each
/// mention's actor, name as written, anchor, section, flags, passage, place in it and
/// matches — with each distinct string hashed once, as a number in the order it is
/// first named, and the strings listed in that order: two documents whose mentions
/// read differently never hash alike, and a table that holds its strings in another
/// order, or one twice, hashes the same.
struct CompactMentionView {
    private let origin: MentionOrigin
    private let mentions: [CompactMention]
    /// Each table place's number, -1 until named; equal strings share a number.
    private var numberOfPlace: [Int32]
    private var numbering = FirstSeenNumbering()
    /// The distinct strings named, in the order they are first named.
    var named: [String] { numbering.strings }
    private(set) var passages: [Passage] = []
    /// For each mention, the index of its passage in `passages`.
    private(set) var passageOfMention: [Int32] = []

    /// A passage as `ExportPassages` makes it, its position local to the document.
    struct Passage: Equatable {
        /// The index of its first mention, which gives its anchor, section and source.
        var first: Int32
        var lower: Int32
        var upper: Int32
    }

    /// Nil unless every mention of `stretch` is compact over one origin.
    init?(_ stretch: ArraySlice<Mention>) {
        guard let origin = MentionOrigin.common(to: stretch) else { return nil }
        self.origin = origin
        var mentions: [CompactMention] = []
        mentions.reserveCapacity(stretch.count)
        for index in stretch.indices {
            if case .compact(let mention) = stretch[index].storage { mentions.append(mention) }
        }
        self.mentions = mentions
        numberOfPlace = [Int32](repeating: -1, count: origin.strings.count)
        numberAndGroup()
    }

    private mutating func number(_ place: UInt32) -> Int32 {
        if place == CompactMention.none { return -1 }
        let known = numberOfPlace[Int(place)]
        if known >= 0 { return known }
        let number = Int32(numbering.id(of: origin.strings[Int(place)]))
        numberOfPlace[Int(place)] = number
        return number
    }

    /// Numbers every string in reading order (actor, anchor, section, name, snippet
    /// source of each mention) and groups the mentions into passages as
    /// `ExportPassages.init(range:mention:)` does: by anchor, or by snippet for a mention
    /// outside any block, a new passage where the quoted text's length differs.
    private mutating func numberAndGroup() {
        let documentTextLength = origin.textStorage.utf8Count
        func sourceLength(_ mention: CompactMention) -> Int {
            mention.snippetSource == CompactMention.none ? documentTextLength : origin.strings[Int(mention.snippetSource)].utf8.count
        }
        var passageOfAnchor: [Int32] = []
        var passageOfSnippet: [String: Int32] = [:]
        passageOfMention.reserveCapacity(mentions.count)
        for (index, mention) in mentions.enumerated() {
            _ = number(mention.actor)
            let anchor = number(mention.anchor)
            _ = number(mention.section)
            _ = number(mention.text)
            _ = number(mention.snippetSource)
            let snippetKey = anchor < 0 ? mention.quotedSnippet.string : ""
            if anchor >= 0, passageOfAnchor.count <= Int(anchor) {
                passageOfAnchor += repeatElement(-1, count: Int(anchor) + 1 - passageOfAnchor.count)
            }
            let existing = anchor >= 0 ? passageOfAnchor[Int(anchor)] : passageOfSnippet[snippetKey] ?? -1
            if existing >= 0, sourceLength(mentions[Int(passages[Int(existing)].first)]) == sourceLength(mention) {
                passages[Int(existing)].lower = min(passages[Int(existing)].lower, Int32(mention.snippetStart))
                passages[Int(existing)].upper = max(passages[Int(existing)].upper, Int32(mention.snippetEnd))
                passageOfMention.append(existing)
                continue
            }
            let new = Int32(passages.count)
            if anchor >= 0 { passageOfAnchor[Int(anchor)] = new } else { passageOfSnippet[snippetKey] = new }
            passageOfMention.append(new)
            passages.append(Passage(first: Int32(index), lower: Int32(mention.snippetStart), upper: Int32(mention.snippetEnd)))
        }
    }

    /// The strings, then the passages with their text, then the mentions.
    func combine(into hasher: inout StableHasher) {
        hasher.combine(named.count)
        for string in named { hasher.combine(string) }
        combinePassages(into: &hasher)
        hasher.combine(mentions.count)
        for (mention, passageIndex) in zip(mentions, passageOfMention) {
            let passage = passages[Int(passageIndex)]
            hasher.combine(Int(numberOfPlace[Int(mention.actor)]))
            hasher.combine(Int(numberOfPlace[Int(mention.text)]))
            hasher.combine(placeNumber(mention.anchor))
            hasher.combine(placeNumber(mention.section))
            hasher.combine(Int(mention.flags.rawValue))
            hasher.combine(Int(passageIndex))
            hasher.combine(Int(mention.snippetStart) - Int(passage.lower))
            hasher.combine(Int(mention.snippetEnd) - Int(passage.lower))
            let source = placeNumber(mention.snippetSource)
            hasher.combine(source)
            // The document's text quoted by a mention whose passage quotes its own
            // string (of the same length): the passage's bytes do not cover it.
            if source < 0, mentions[Int(passage.first)].snippetSource != CompactMention.none {
                origin.textStorage.withBytes(Int(mention.snippetStart)..<Int(mention.snippetEnd)) { bytes, _ in
                    hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
                }
            }
            hasher.combine(Int(mention.matchStart))
            hasher.combine(Int(mention.matchEnd))
            hasher.combine(mention.otherMatches.count)
            mention.otherMatches.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    private func placeNumber(_ place: UInt32) -> Int { place == CompactMention.none ? -1 : Int(numberOfPlace[Int(place)]) }

    /// Each passage's anchor, section, source and bounds, and the bytes it spans of the
    /// document's text, read in one stretch: a spilled text is one read, a text still
    /// in its cache entry one verification. A passage quoting its own string is covered
    /// by that string (hashed with the others) and its bounds.
    private func combinePassages(into hasher: inout StableHasher) {
        hasher.combine(passages.count)
        var hull: Range<Int>?
        for passage in passages where mentions[Int(passage.first)].snippetSource == CompactMention.none {
            let bytes = Int(passage.lower)..<max(Int(passage.lower), Int(passage.upper))
            hull = hull.map { min($0.lowerBound, bytes.lowerBound)..<max($0.upperBound, bytes.upperBound) } ?? bytes
        }
        func combineAll(_ documentBytes: UnsafeBufferPointer<UInt8>, _ start: Int) {
            for passage in passages {
                let first = mentions[Int(passage.first)]
                hasher.combine(placeNumber(first.anchor))
                hasher.combine(placeNumber(first.section))
                hasher.combine(placeNumber(first.snippetSource))
                hasher.combine(Int(passage.lower))
                hasher.combine(Int(passage.upper))
                guard first.snippetSource == CompactMention.none else { continue }
                let local = (Int(passage.lower) - start)..<max(Int(passage.lower) - start, Int(passage.upper) - start)
                hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: documentBytes[local.clamped(to: 0..<documentBytes.count)])))
            }
        }
        if let hull {
            origin.textStorage.withBytes(hull) { bytes, start in combineAll(bytes, start) }
        } else {
            combineAll(UnsafeBufferPointer(start: nil, count: 0), 0)
        }
    }
}
