import Foundation
import DossierMarkdown

/// The heading each block sits under, so a passage quoted on another page can say
/// which part of its document it comes from.
enum PassageSections {
    /// Unicode scalars of a heading kept as a section title.
    static let maximumLength = 120

    /// Block index → the title of the nearest heading at or before it; blocks before
    /// the first heading have none.
    static func headings(of blocks: [MarkdownBlock]) -> [Int: String] {
        var result: [Int: String] = [:]
        var current: String?
        for block in blocks {
            if case .heading = block.kind {
                // Read only the start: a heading can be as long as the document, and
                // every passage under it repeats its title.
                let scalars = block.plainTextScalars
                var kept = scalars.prefix(maximumLength)
                // As `trimmingCharacters(in: .whitespaces)` trims, without Foundation's copies.
                while let first = kept.first, isWhitespace(first) { kept = kept.dropFirst() }
                while let last = kept.last, isWhitespace(last) { kept = kept.dropLast() }
                var title = PlainText.string(kept)
                if scalars.count > maximumLength { title += "…" }
                current = title.isEmpty ? nil : title
            }
            if let current { result[block.index] = current }
        }
        return result
    }

    /// What `CharacterSet.whitespaces` holds here: the tab, the space separators (Zs)
    /// and the zero-width space (listed by asking it about every scalar).
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
