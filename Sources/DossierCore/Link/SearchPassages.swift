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
        guard let covered = coveredBytes else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return quoting.withBytes(covered) { text, start in withPieceBytes(in: text, from: start, body) }
    }

    /// `withPieceBytes(_:)` with its source's bytes from `start` read already: `text`
    /// holds `coveredBytes` as far as the source does.
    func withPieceBytes<Result>(
        in text: UnsafeBufferPointer<UInt8>, from start: Int, _ body: (UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>) -> Result
    ) -> Result {
        // As `string` reads them: clamped to the source, and, collapsed, without the empty ones.
        let read = start..<(start + text.count)
        func local(_ piece: Range<Int>) -> UnsafeBufferPointer<UInt8> {
            let clamped = piece.clamped(to: read)
            return UnsafeBufferPointer(rebasing: text[(clamped.lowerBound - start)..<(clamped.upperBound - start)])
        }
        guard collapses else {
            return withUnsafeTemporaryAllocation(of: UnsafeBufferPointer<UInt8>.self, capacity: 1) { list in
                list.initializeElement(at: 0, to: local(firstPiece))
                return body(UnsafeBufferPointer(list))
            }
        }
        var count = 0
        forEachPiece { _ in count += 1 }
        return withUnsafeTemporaryAllocation(of: UnsafeBufferPointer<UInt8>.self, capacity: max(count, 1)) { list in
            var filled = 0
            forEachPiece { piece in
                list.initializeElement(at: filled, to: local(piece))
                filled += 1
            }
            return body(UnsafeBufferPointer(rebasing: list[0..<filled]))
        }
    }

    /// The bytes of its source that hold every piece `string` reads; nil if none reads anything.
    var coveredBytes: Range<Int>? {
        guard collapses else { return firstPiece }
        var lower = Int.max, upper = Int.min
        forEachPiece { piece in
            lower = min(lower, piece.lowerBound)
            upper = max(upper, piece.upperBound)
        }
        return lower < upper ? lower..<upper : nil
    }

    /// Each piece that reads something, in order.
    private func forEachPiece(_ body: (Range<Int>) -> Void) {
        if !firstPiece.isEmpty { body(firstPiece) }
        for piece in morePieces where !piece.isEmpty { body(piece) }
    }
}

extension SearchPassage {
    /// Calls `body` with each passage's number and pieces (`Quoted.withPieceBytes`),
    /// reading the document text they quote once for them all, where one read a passage
    /// was a `pread` each from the spill file (or a read and check of the whole text
    /// each from its build cache entry).
    static func withPieceBytes(of passages: [SearchPassage], _ body: (Int, UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>) -> Void) {
        var document: SpillableText?
        var lower = Int.max, upper = Int.min
        for index in passages.indices {
            guard case .document(let text) = passages[index].quoted.quoting, let covered = passages[index].quoted.coveredBytes else { continue }
            if document == nil { document = text }
            guard text === document else { continue }
            lower = min(lower, covered.lowerBound)
            upper = max(upper, covered.upperBound)
        }
        guard let document, lower < upper else {
            for index in passages.indices { passages[index].quoted.withPieceBytes { body(index, $0) } }
            return
        }
        document.withBytes(lower..<upper) { text, start in
            for index in passages.indices {
                if case .document(let quoted) = passages[index].quoted.quoting, quoted === document {
                    passages[index].quoted.withPieceBytes(in: text, from: start) { body(index, $0) }
                } else {
                    passages[index].quoted.withPieceBytes { body(index, $0) }
                }
            }
        }
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

    /// What `quote` needs to know of a block's own text, read scalar by scalar.
    private struct SpaceScan {
        /// Something other than spaces.
        var hasText = false
        /// A space that makes one character with a scalar next to it.
        var joinsSpace = false
        /// Not a scalar: nothing before the first.
        private static let none: UInt32 = 0x11_0000
        private var previous = none

        /// Reads `scalars`, which follow those read before; stops at a joining space.
        mutating func read(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) {
            for scalar in scalars {
                let value = scalar.value
                if value == 0x20 {
                    // Only a scalar from U+0600 up may prepend to a space.
                    if previous >= 0x600, previous != Self.none, prependsToASpace(Unicode.Scalar(previous)!) {
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

    /// The block's own text as ranges of the document's text, its spaces collapsed as
    /// it is read; nil when it has nothing but spaces. Spaces are collapsed where they
    /// are whole characters: next to a scalar that may join a space into one
    /// character (a combining mark after it, a prepended mark before it) the text is
    /// collapsed here, by characters, and kept as a string of its own.
    static func quote(_ own: [ArraySlice<Unicode.Scalar>], in text: DocumentText) -> SearchPassage.Quoted? {
        var scan = SpaceScan()
        for piece in own where !scan.joinsSpace {
            // Through a pointer, one access to the scan a piece: this runs once per
            // scalar of every passage.
            piece.withUnsafeBufferPointer { scan.read($0) }
        }
        let hasText = scan.hasText, joinsSpace = scan.joinsSpace
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
