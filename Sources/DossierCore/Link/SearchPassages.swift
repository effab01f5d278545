import DossierMarkdown

/// One block's own text with its anchor: what full-text search matches, quotes and
/// links to (`page#anchor`). The text is kept as byte ranges of the document's text
/// and made into a string each time it is read (by the search index, once a build).
public struct SearchPassage: Sendable, Hashable {
    public var anchor: String
    public var text: String {
        get { quoted.string }
        set { quoted = Quoted(newValue) }
    }
    /// A heading: results name the section a passage is in by the heading before it.
    public var isHeading = false
    /// Where `text` lies, for the build cache.
    var quoted: Quoted

    public init(anchor: String, text: String, isHeading: Bool = false) {
        self.init(anchor: anchor, quoting: Quoted(text), isHeading: isHeading)
    }

    init(anchor: String, quoting quoted: Quoted, isHeading: Bool) {
        self.anchor = anchor
        self.quoted = quoted
        self.isHeading = isHeading
    }

    /// Pieces of a source text read one after the other, every run of spaces made one
    /// space; or, when `collapses` is false, one piece read as it is. Equal when the
    /// texts read the same.
    struct Quoted: Sendable, Hashable {
        var quoting: QuotedSource
        /// Most passages are one piece: it is kept inline, and only the pieces after
        /// it (text around a nested block) take an array.
        var firstPiece: Range<Int>
        var morePieces: [Range<Int>]
        var collapses: Bool

        init(quoting: QuotedSource, pieces: [Range<Int>], collapses: Bool) {
            self.quoting = quoting
            firstPiece = pieces.first ?? 0..<0
            morePieces = Array(pieces.dropFirst())
            self.collapses = collapses
        }

        init(source: String, pieces: [Range<Int>], collapses: Bool) {
            self.init(quoting: .own(source), pieces: pieces, collapses: collapses)
        }

        init(_ text: String) {
            self.init(source: text, pieces: [0..<text.utf8.count], collapses: false)
        }

        /// The whole text quoted from, for the build cache.
        var source: String { quoting.string }

        var pieces: [Range<Int>] { [firstPiece] + morePieces }

        var string: String {
            collapses
                ? DocumentText.collapsingSpaces(quoting, first: firstPiece, more: morePieces)
                : DocumentText.string(quoting, firstPiece, before: "", after: "")
        }

        static func == (lhs: Quoted, rhs: Quoted) -> Bool { lhs.string == rhs.string }
        func hash(into hasher: inout Hasher) { hasher.combine(string) }
    }

    /// This passage quoting `text` instead of its own copy when its source reads `string`.
    func quoting(_ text: SpillableText, ifSameAs string: String) -> SearchPassage {
        guard case .own(let source) = quoted.quoting, source == string else { return self }
        var passage = self
        passage.quoted.quoting = .document(text)
        return passage
    }
}

extension SearchPassage.Quoted {
    /// Calls `body` with the bytes of each piece that `string` reads, in order, before
    /// its spaces are collapsed: the search index tokenizes a passage where it lies
    /// (`SearchTokenizer.forEachTerm(inPieces:into:)`). A spilled text is read once.
    func withPieceBytes<Result>(_ body: (UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>) -> Result) -> Result {
        guard collapses else {
            return quoting.withBytes(firstPiece) { bytes, _ in
                withUnsafeTemporaryAllocation(of: UnsafeBufferPointer<UInt8>.self, capacity: 1) { list in
                    list.initializeElement(at: 0, to: bytes)
                    return body(UnsafeBufferPointer(list))
                }
            }
        }
        // As `DocumentText.collapsingSpaces` reads them.
        var lower = Int.max, upper = Int.min, count = 0
        forEachPiece { piece in
            lower = min(lower, piece.lowerBound)
            upper = max(upper, piece.upperBound)
            count += 1
        }
        guard count > 0 else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return quoting.withBytes(lower..<upper) { text, start in
            withUnsafeTemporaryAllocation(of: UnsafeBufferPointer<UInt8>.self, capacity: count) { list in
                let whole = 0..<text.count
                var filled = 0
                forEachPiece { piece in
                    let local = ((piece.lowerBound - start)..<(piece.upperBound - start)).clamped(to: whole)
                    list.initializeElement(at: filled, to: UnsafeBufferPointer(rebasing: text[local]))
                    filled += 1
                }
                return body(UnsafeBufferPointer(list))
            }
        }
    }

    /// Each piece that reads something, in order.
    private func forEachPiece(_ body: (Range<Int>) -> Void) {
        if !firstPiece.isEmpty { body(firstPiece) }
        for piece in morePieces where !piece.isEmpty { body(piece) }
    }
}

/// Cuts a document into the passages search shows: each anchored block's own text,
/// leaving out what its nested blocks hold, so a word is found once, in the
/// innermost block that says it (a list item's paragraph, not the whole list item
/// and its quote around it).
enum SearchPassages {
    static func passages(of blocks: [MarkdownBlock], anchors: [Int: String], text: DocumentText) -> [SearchPassage] {
        // Blocks are in document order and a block's text is a slice of one buffer,
        // so a child's slice lies inside its parent's by index.
        var children: [Int: [Int]] = [:]
        for block in blocks {
            if let parent = block.parentIndex { children[parent, default: []].append(block.index) }
        }
        var passages: [SearchPassage] = []
        for block in blocks {
            guard let anchor = anchors[block.index] else { continue }
            let scalars = block.plainTextScalars
            var own: [ArraySlice<Unicode.Scalar>] = []
            var cursor = scalars.startIndex
            for child in children[block.index] ?? [] {
                let range = blocks[child].plainTextScalars.indices
                if range.lowerBound > cursor { own.append(scalars[cursor..<range.lowerBound]) }
                cursor = max(cursor, range.upperBound)
            }
            if cursor < scalars.endIndex { own.append(scalars[cursor..<scalars.endIndex]) }
            guard let quoted = quote(own, in: text) else { continue }
            var isHeading = false
            if case .heading = block.kind { isHeading = true }
            passages.append(SearchPassage(anchor: anchor, quoting: quoted, isHeading: isHeading))
        }
        return passages
    }

    /// A scalar that makes one Character with a space before it (Unicode's grapheme
    /// rules GB9 and GB9a: Extend, ZWJ, SpacingMark).
    static func extendsASpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x300
            && (scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .spacingMark || scalar == "\u{200D}")
    }

    /// A scalar that makes one Character with a space after it (GB9b: Prepend, which
    /// is a few format characters and a few letters of scripts between U+111C2 and
    /// U+11F02; that whole range is taken, to be safe).
    static func prependsToASpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x600 && (scalar.properties.generalCategory == .format || (0x111C2...0x11F02).contains(scalar.value))
    }

    /// The block's own text as ranges of the document's text, its spaces collapsed as
    /// it is read; nil when it has nothing but spaces. Spaces are collapsed where they
    /// are whole characters: next to a scalar that may join a space into one
    /// character (a combining mark after it, a prepended mark before it) the text is
    /// collapsed here, by characters, and kept as a string of its own.
    static func quote(_ own: [ArraySlice<Unicode.Scalar>], in text: DocumentText) -> SearchPassage.Quoted? {
        var hasText = false
        var joinsSpace = false
        // Not a scalar: nothing before the first.
        let none: UInt32 = 0x11_0000
        var previous = none
        for piece in own where !joinsSpace {
            // Through a pointer: this loop runs once per scalar of every passage.
            piece.withUnsafeBufferPointer { scalars in
                for scalar in scalars {
                    let value = scalar.value
                    if value == 0x20 {
                        // Only a scalar from U+0600 up may prepend to a space.
                        if previous >= 0x600, previous != none, prependsToASpace(Unicode.Scalar(previous)!) {
                            joinsSpace = true
                            return
                        }
                    } else {
                        hasText = true
                        // Only a scalar from U+0300 up may extend a space.
                        if previous == 0x20, value >= 0x300, extendsASpace(scalar) {
                            joinsSpace = true
                            return
                        }
                    }
                    previous = value
                }
            }
        }
        guard hasText else { return nil }
        guard !joinsSpace else {
            var scalars = String.UnicodeScalarView()
            for piece in own { scalars.append(contentsOf: piece) }
            let collapsed = String(scalars).split(whereSeparator: { $0 == " " }).joined(separator: " ")
            return collapsed.isEmpty ? nil : SearchPassage.Quoted(collapsed)
        }
        return SearchPassage.Quoted(source: text.string, pieces: own.map { text.bytes(of: $0) }, collapses: true)
    }
}
