/// A block that can carry an anchor id in the rendered HTML: every paragraph
/// (except the bare paragraphs of tight list items), heading, list item, table
/// and block quote.
public struct MarkdownBlock: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case paragraph
        case heading(level: Int)
        case listItem
        case table
        case blockQuote
    }

    /// Position in document order.
    public let index: Int
    public let kind: Kind
    /// 1-based line and column in the Markdown text.
    public let line: Int
    public let column: Int
    /// The innermost anchorable block that contains this one.
    public let parentIndex: Int?
    /// The block's text without markup: text, code spans, link text; line breaks
    /// become spaces. Includes the text of nested blocks, so it is a slice of one
    /// buffer that all the document's blocks share: a copy per block would cost
    /// depth × length in a deeply nested document. Read a bounded part of it.
    public internal(set) var plainTextScalars: ArraySlice<Unicode.Scalar>

    /// The whole of `plainTextScalars` as a string; it costs the block's length.
    public var plainText: String { String(String.UnicodeScalarView(plainTextScalars)) }
}

/// A run of adjacent text (soft line breaks included) inside one inline container.
public struct MarkdownTextRun: Sendable, Hashable {
    public let index: Int
    public let text: String
    /// The innermost anchorable block containing the run.
    public let blockIndex: Int?
    /// Offset of the run's first Unicode scalar in that block's `plainText`.
    public let offsetInBlock: Int
    /// False inside headings, links and images, where mentions are never linked.
    public let isLinkable: Bool
    /// Inside a footnote definition: a citation, not prose about the subject.
    public let isInFootnote: Bool
    /// Inside a table: the enclosing row's part of the block's `plainText`, which
    /// reads as a passage where the whole table flattened would not.
    public internal(set) var tableRow: Range<Int>?
    public let line: Int
    public let column: Int
    /// The run's scalars as they read in its block's `plainTextScalars`, line breaks as
    /// spaces; nil outside any block. A slice of the buffer the blocks share, so the
    /// linker need not decode `text` again to search or cut it.
    public internal(set) var plainTextScalars: ArraySlice<Unicode.Scalar>?
}

/// A link (`[text](url)`) or an image (`![alt](url)`) written in the Markdown.
public struct MarkdownLink: Sendable, Hashable {
    public let index: Int
    public let url: String
    /// The link's visible text, without markup.
    public let text: String
    public let blockIndex: Int?
    public let offsetInBlock: Int
    /// Inside a footnote definition: a citation, not prose about the subject.
    public var isInFootnote: Bool = false
    /// Inside a table: the enclosing row's part of the block's `plainText`.
    public internal(set) var tableRow: Range<Int>?
    public let line: Int
    public let column: Int
}

/// A piece of inline content that replaces a text run.
public enum InlineSegment: Sendable, Hashable {
    case text(String)
    case link(url: String, title: String, text: String)
}
