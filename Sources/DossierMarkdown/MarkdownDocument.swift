import CCmarkGFM
import Foundation

/// One parsed Markdown document: its anchorable blocks, text runs and links, and
/// the operations the linker needs (replace a text run with text and links, change
/// a link's destination) before rendering.
///
/// The class owns its cmark tree. It is `@unchecked Sendable` because a document
/// is built, rewritten and rendered by one task at a time; it is never shared
/// between threads while it is being changed.
public final class MarkdownDocument: @unchecked Sendable {
    private let parser: OpaquePointer
    private let root: OpaquePointer
    private let options: MarkdownOptions

    public private(set) var blocks: [MarkdownBlock] = []
    public private(set) var textRuns: [MarkdownTextRun] = []
    public private(set) var links: [MarkdownLink] = []
    /// Images (`![alt](url)`), in document order, with empty `text`.
    public private(set) var images: [MarkdownLink] = []

    private var blockNodes: [OpaquePointer] = []
    private var textNodes: [OpaquePointer?] = []
    private var linkNodes: [OpaquePointer] = []
    private var imageNodes: [OpaquePointer] = []

    init(parser: OpaquePointer, root: OpaquePointer, options: MarkdownOptions) {
        self.parser = parser
        self.root = root
        self.options = options
        mergeAdjacentText()
        collect()
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    // MARK: Rewriting

    /// Replaces a text run with the given segments. Each run can be replaced once.
    public func replaceTextRun(_ index: Int, with segments: [InlineSegment]) {
        replaceTextRuns([(index, segments)])
    }

    /// Replaces text runs with the given segments. Each run can be replaced once.
    ///
    /// cmark checks on every insertion that the new node is not an ancestor of its
    /// new parent, a walk up to the root: 100,000 levels deep (quotes, lists or
    /// nested emphasis), each link inserted would cost 100,000 steps. So the runs'
    /// ancestors are taken out of the tree first, parents before children, and put
    /// back children first: every insertion then goes into a node with no parent.
    public func replaceTextRuns(_ replacements: [(run: Int, segments: [InlineSegment])]) {
        var detached: [(node: OpaquePointer, parent: OpaquePointer, previous: OpaquePointer?)] = []
        for (index, _) in replacements {
            guard textNodes.indices.contains(index), let node = textNodes[index] else { continue }
            // Up to the root or to an ancestor detached for an earlier run, which has no parent any more.
            var ancestors: [OpaquePointer] = []
            var current = cmark_node_parent(node)
            while let ancestor = current, let parent = cmark_node_parent(ancestor) {
                ancestors.append(ancestor)
                current = parent
            }
            for ancestor in ancestors.reversed() {
                detached.append((ancestor, cmark_node_parent(ancestor)!, cmark_node_previous(ancestor)))
                cmark_node_unlink(ancestor)
            }
        }
        var replaced: [OpaquePointer] = []
        for (index, segments) in replacements {
            guard textNodes.indices.contains(index), let node = textNodes[index] else { continue }
            for segment in segments {
                let newNode: OpaquePointer
                switch segment {
                case .text(let text):
                    guard !text.isEmpty else { continue }
                    newNode = cmark_node_new(CMARK_NODE_TEXT)
                    cmark_node_set_literal(newNode, text)
                case .link(let url, let title, let text):
                    newNode = cmark_node_new(CMARK_NODE_LINK)
                    cmark_node_set_url(newNode, url)
                    cmark_node_set_title(newNode, title)
                    let textNode = cmark_node_new(CMARK_NODE_TEXT)
                    cmark_node_set_literal(textNode, text)
                    cmark_node_append_child(newNode, textNode)
                }
                cmark_node_insert_before(node, newNode)
            }
            replaced.append(node)
            textNodes[index] = nil
        }
        // Each ancestor goes back after its recorded previous sibling: one detached
        // later is back in place first, and a replaced run is still there, after the
        // nodes that replace it ("Talks between" + link, then `*Iran*`). A next sibling
        // would not do: a replaced run's new nodes go before it, so an ancestor put
        // back before it would land after them.
        for (node, parent, previous) in detached.reversed() {
            if let previous {
                cmark_node_insert_after(previous, node)
            } else {
                cmark_node_prepend_child(parent, node)
            }
        }
        for node in replaced { cmark_node_free(node) }
    }

    /// Points an existing link somewhere else, e.g. `@iran` to the actor's page.
    public func setLinkDestination(_ index: Int, url: String, title: String? = nil) {
        guard linkNodes.indices.contains(index) else { return }
        cmark_node_set_url(linkNodes[index], url)
        if let title { cmark_node_set_title(linkNodes[index], title) }
    }

    /// Points an image at another file, e.g. `map.png` to where the site publishes it.
    public func setImageDestination(_ index: Int, url: String) {
        guard imageNodes.indices.contains(index) else { return }
        cmark_node_set_url(imageNodes[index], url)
    }

    // MARK: Rendering

    /// Renders HTML. Blocks named in `blockIDs` get an `id` attribute.
    public func renderHTML(blockIDs: [Int: String] = [:]) -> String {
        var renderOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS
        if options.allowRawHTML { renderOptions |= CMARK_OPT_UNSAFE }
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let raw = cmark_render_html(root, renderOptions, extensions) else { return "" }
        defer { free(raw) }
        var idsBySourcePosition: [SourcePositionRewriter.Key: String] = [:]
        for (index, id) in blockIDs where blockNodes.indices.contains(index) {
            guard let key = sourcePositionKey(blockNodes[index], kind: blocks[index].kind) else { continue }
            idsBySourcePosition[key] = id
        }
        let html = UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw))
        return SourcePositionRewriter.replaceSourcePositions(in: html, ids: idsBySourcePosition)
    }

    /// Renders the (possibly rewritten) tree back to CommonMark.
    public func renderCommonMark() -> String {
        guard let raw = cmark_render_commonmark(root, CMARK_OPT_FOOTNOTES, 0) else { return "" }
        let text = String(cString: raw)
        free(raw)
        return text
    }

    // MARK: Walking

    private func sourcePositionKey(_ node: OpaquePointer, kind: MarkdownBlock.Kind) -> SourcePositionRewriter.Key? {
        let tag: SourcePositionRewriter.Tag
        switch kind {
        case .paragraph: tag = .paragraph
        case .heading(let level):
            guard let heading = SourcePositionRewriter.Tag(headingLevel: level) else { return nil }
            tag = heading
        case .listItem: tag = .listItem
        case .table: tag = .table
        case .blockQuote: tag = .blockQuote
        }
        return SourcePositionRewriter.Key(
            tag: tag, startLine: Int(cmark_node_get_start_line(node)), startColumn: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node)))
    }

    /// cmark splits text at every character that might start markup and at line
    /// breaks, so "Islamic Republic\nof Iran" arrives in several nodes. Joining
    /// adjacent text and soft breaks (as "\n", which renders identically) lets the
    /// linker see whole phrases.
    private func mergeAdjacentText() {
        var runStarts: [OpaquePointer] = []
        forEachNode { node, entering in
            guard entering, cmark_node_get_type(node) == CMARK_NODE_TEXT else { return }
            if let previous = cmark_node_previous(node), Self.isTextLike(previous) { return }
            if let next = cmark_node_next(node), Self.isTextLike(next) { runStarts.append(node) }
        }
        for start in runStarts {
            var literal = String(cString: cmark_node_get_literal(start))
            while let next = cmark_node_next(start), Self.isTextLike(next) {
                if cmark_node_get_type(next) == CMARK_NODE_TEXT {
                    literal += String(cString: cmark_node_get_literal(next))
                } else {
                    literal += "\n"
                }
                cmark_node_free(next)
            }
            cmark_node_set_literal(start, literal)
        }
    }

    private static func isTextLike(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        return type == CMARK_NODE_TEXT || type == CMARK_NODE_SOFTBREAK
    }

    private func forEachNode(_ body: (OpaquePointer, Bool) -> Void) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            body(node, event == CMARK_EVENT_ENTER)
        }
    }

    private static let voidElements: Set<String> = ["br", "img", "hr", "input", "wbr", "meta", "link", "source", "area", "col", "embed", "track"]

    private static func tagName(_ tag: String) -> String {
        String(tag.dropFirst().prefix { $0.isLetter || $0.isNumber }).lowercased()
    }

    /// Table cells and rows hold no paragraph, so their texts would run together.
    private static func separatesText(_ node: OpaquePointer) -> Bool {
        guard let name = cmark_node_get_type_string(node) else { return false }
        let type = String(cString: name)
        return type == "table_cell" || type == "table_row"
    }

    private static func isTableRow(_ node: OpaquePointer) -> Bool {
        guard let name = cmark_node_get_type_string(node) else { return false }
        // cmark-gfm names the header row "table_header".
        let type = String(cString: name)
        return type == "table_row" || type == "table_header"
    }

    private func anchorableKind(_ node: OpaquePointer) -> MarkdownBlock.Kind? {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_PARAGRAPH:
            // A tight list item's paragraph renders without <p>, so it cannot carry an id.
            if let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_ITEM,
               let list = cmark_node_parent(parent), cmark_node_get_list_tight(list) != 0 {
                return nil
            }
            return .paragraph
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_ITEM:
            return .listItem
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote
        default:
            if let name = cmark_node_get_type_string(node), String(cString: name) == "table" {
                return .table
            }
            return nil
        }
    }

    /// Appends `text`'s scalars, each line break as a space, in one pass: appending a
    /// lazy map of them walked the text twice (to count, then to copy), and appending
    /// one by one checked the array's capacity and uniqueness at every scalar. The
    /// array grows once by the text's byte count (its most scalars), the scalars are
    /// decoded from its UTF-8 into that room, ASCII a byte at a time, and the room
    /// left over is dropped.
    private static func appendScalars(of text: String, to scalars: inout [Unicode.Scalar]) {
        var text = text
        text.withUTF8 { bytes in
            let start = scalars.count
            scalars.append(contentsOf: repeatElement(" ", count: bytes.count))
            let written = scalars.withUnsafeMutableBufferPointer { buffer in
                var written = start
                var index = 0
                while index < bytes.count {
                    let lead = bytes[index]
                    if lead < 0x80 {
                        buffer[written] = lead == UInt8(ascii: "\n") ? " " : Unicode.Scalar(lead)
                        written += 1
                        index += 1
                        continue
                    }
                    // A String's UTF-8 is valid: the lead byte says how many follow.
                    let width = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    var value = UInt32(lead) & (0x7F >> UInt32(width))
                    for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                    buffer[written] = Unicode.Scalar(value) ?? "\u{FFFD}"
                    written += 1
                    index += width
                }
                return written
            }
            scalars.removeLast(scalars.count - written)
        }
    }

    private func collect() {
        var openBlocks: [Int] = []
        // Every open block's text ends with the buffer, so text is appended once,
        // not once per open block, and each block keeps only where it starts and ends.
        var plainText: [Unicode.Scalar] = []
        var blockStarts: [Int] = []
        var blockEnds: [Int] = []
        // Where each text run's scalars lie in `plainText`, nil for a run outside every block.
        var runRanges: [Range<Int>?] = []
        var excludedDepth = 0
        var footnoteDepth = 0
        // Text between raw inline tags (`<span>Iran</span>`) counts as inside raw HTML.
        var rawHTMLDepth = 0
        var linkStack: [(index: Int, textStart: Int)] = []
        // The table row being read: where it starts in the table's text, and the runs and links seen in it.
        var openRow: (start: Int, runs: [Int], links: [Int])?

        func innermostIsEmpty() -> Bool {
            openBlocks.last.map { plainText.count == blockStarts[$0] } ?? true
        }

        func offsetInInnermost() -> Int {
            openBlocks.last.map { plainText.count - blockStarts[$0] } ?? 0
        }

        func appendPlain(_ text: String) -> Int {
            guard !openBlocks.isEmpty else { return 0 }
            let start = offsetInInnermost()
            Self.appendScalars(of: text, to: &plainText)
            return start
        }

        forEachNode { node, entering in
            let type = cmark_node_get_type(node)
            if let kind = anchorableKind(node) {
                if entering {
                    let index = blocks.count
                    if !innermostIsEmpty() { plainText.append(" ") }
                    blocks.append(MarkdownBlock(
                        index: index, kind: kind,
                        line: Int(cmark_node_get_start_line(node)),
                        column: Int(cmark_node_get_start_column(node)),
                        parentIndex: openBlocks.last, plainTextScalars: []))
                    blockNodes.append(node)
                    blockStarts.append(plainText.count)
                    blockEnds.append(plainText.count)
                    openBlocks.append(index)
                } else if let index = openBlocks.popLast() {
                    blockEnds[index] = plainText.count
                }
            }
            if entering, !innermostIsEmpty(), plainText.last != " ", Self.separatesText(node) {
                plainText.append(" ")
            }
            if Self.isTableRow(node) {
                if entering {
                    openRow = (offsetInInnermost(), [], [])
                } else if let row = openRow {
                    var end = offsetInInnermost()
                    if end > row.start, let block = openBlocks.last, plainText[blockStarts[block] + end - 1] == " " { end -= 1 }
                    for run in row.runs { textRuns[run].tableRow = row.start..<end }
                    for link in row.links { links[link].tableRow = row.start..<end }
                    openRow = nil
                }
            }
            let excludes = type == CMARK_NODE_HEADING || type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE
            if excludes {
                excludedDepth += entering ? 1 : -1
            }
            if type == CMARK_NODE_FOOTNOTE_DEFINITION {
                footnoteDepth += entering ? 1 : -1
            }
            if type == CMARK_NODE_LINK {
                if entering {
                    linkStack.append((linkNodes.count, offsetInInnermost()))
                    linkNodes.append(node)
                    links.append(MarkdownLink(
                        index: links.count, url: String(cString: cmark_node_get_url(node)), text: "",
                        blockIndex: openBlocks.last, offsetInBlock: linkStack.last!.textStart,
                        isInFootnote: footnoteDepth > 0,
                        line: Int(cmark_node_get_start_line(node)),
                        column: Int(cmark_node_get_start_column(node))))
                    openRow?.links.append(links.count - 1)
                } else if let open = linkStack.popLast() {
                    let text = openBlocks.last.map { String(String.UnicodeScalarView(plainText[(blockStarts[$0] + open.textStart)...])) } ?? ""
                    let link = links[open.index]
                    links[open.index] = MarkdownLink(
                        index: link.index, url: link.url, text: text, blockIndex: link.blockIndex,
                        offsetInBlock: link.offsetInBlock, isInFootnote: link.isInFootnote, line: link.line, column: link.column)
                }
            }
            if type == CMARK_NODE_IMAGE, entering {
                imageNodes.append(node)
                images.append(MarkdownLink(
                    index: images.count, url: String(cString: cmark_node_get_url(node)), text: "",
                    blockIndex: openBlocks.last, offsetInBlock: offsetInInnermost(),
                    line: Int(cmark_node_get_start_line(node)),
                    column: Int(cmark_node_get_start_column(node))))
            }
            guard entering else { return }
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || Self.separatesText(node) { rawHTMLDepth = 0 }
            if type == CMARK_NODE_HTML_INLINE {
                let tag = String(cString: cmark_node_get_literal(node))
                if tag.hasPrefix("</") {
                    rawHTMLDepth = max(0, rawHTMLDepth - 1)
                } else if tag.hasPrefix("<"), !tag.hasSuffix("/>"), !tag.hasPrefix("<!"), !tag.hasPrefix("<?"),
                          !Self.voidElements.contains(Self.tagName(tag)) {
                    rawHTMLDepth += 1
                }
            }
            switch type {
            case CMARK_NODE_TEXT:
                let literal = String(cString: cmark_node_get_literal(node))
                let start = plainText.count
                let offset = appendPlain(literal)
                runRanges.append(openBlocks.isEmpty ? nil : start..<plainText.count)
                textRuns.append(MarkdownTextRun(
                    index: textRuns.count, text: literal, blockIndex: openBlocks.last,
                    offsetInBlock: offset, isLinkable: excludedDepth == 0 && rawHTMLDepth == 0,
                    isInFootnote: footnoteDepth > 0,
                    line: Int(cmark_node_get_start_line(node)),
                    column: Int(cmark_node_get_start_column(node))))
                openRow?.runs.append(textRuns.count - 1)
                textNodes.append(node)
            case CMARK_NODE_CODE:
                _ = appendPlain(String(cString: cmark_node_get_literal(node)))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                _ = appendPlain(" ")
            default:
                break
            }
        }
        for index in blocks.indices {
            blocks[index].plainTextScalars = plainText[blockStarts[index]..<blockEnds[index]]
        }
        for (index, range) in runRanges.enumerated() {
            if let range { textRuns[index].plainTextScalars = plainText[range] }
        }
    }
}
