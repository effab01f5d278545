import Foundation
import DossierMarkdown

/// The heading each block sits under, so a passage quoted on another page can say
/// which part of its document it comes from.
enum PassageSections {
    /// Block index → the title of the nearest heading at or before it; blocks before
    /// the first heading have none.
    static func headings(of blocks: [MarkdownBlock]) -> [Int: String] {
        var result: [Int: String] = [:]
        var current: String?
        for block in blocks {
            if case .heading = block.kind {
                let title = block.plainText.trimmingCharacters(in: .whitespaces)
                current = title.isEmpty ? nil : title
            }
            if let current { result[block.index] = current }
        }
        return result
    }
}
