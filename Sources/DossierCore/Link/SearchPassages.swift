import DossierMarkdown

/// One block's own text with its anchor: what full-text search matches, quotes and
/// links to (`page#anchor`).
public struct SearchPassage: Sendable, Hashable {
    public var anchor: String
    public var text: String
    /// A heading: results name the section a passage is in by the heading before it.
    public var isHeading = false
}

/// Cuts a document into the passages search shows: each anchored block's own text,
/// leaving out what its nested blocks hold, so a word is found once, in the
/// innermost block that says it (a list item's paragraph, not the whole list item
/// and its quote around it).
enum SearchPassages {
    static func passages(of blocks: [MarkdownBlock], anchors: [Int: String]) -> [SearchPassage] {
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
            var own = String.UnicodeScalarView()
            var cursor = scalars.startIndex
            for child in children[block.index] ?? [] {
                let range = blocks[child].plainTextScalars.indices
                if range.lowerBound > cursor { own.append(contentsOf: scalars[cursor..<range.lowerBound]) }
                cursor = max(cursor, range.upperBound)
            }
            if cursor < scalars.endIndex { own.append(contentsOf: scalars[cursor..<scalars.endIndex]) }
            let text = String(own).split(whereSeparator: { $0 == " " }).joined(separator: " ")
            guard !text.isEmpty else { continue }
            var isHeading = false
            if case .heading = block.kind { isHeading = true }
            passages.append(SearchPassage(anchor: anchor, text: text, isHeading: isHeading))
        }
        return passages
    }
}
