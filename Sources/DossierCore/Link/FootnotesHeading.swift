import Foundation

/// Gives a document's notes a heading in the HTML itself. cmark-gfm writes the notes
/// as `<section class="footnotes" data-footnotes>` with no heading, and a heading drawn
/// by CSS (`::before`) is not read by screen readers nor listed in their headings menu.
enum FootnotesHeading {
    static let opening = "<section class=\"footnotes\" data-footnotes>\n"
    static let heading = "<h2 class=\"footnotes__title\">Notes</h2>\n"

    /// cmark-gfm puts the notes last, so the last opening tag is theirs even when raw
    /// HTML in the text spells the same tag.
    static func insert(into html: String) -> String {
        guard let range = html.range(of: opening, options: .backwards) else { return html }
        // Copied into a string of exactly the new size: `String.insert` grows the
        // storage to about twice the page, and the linked HTML of every document is
        // held until the site is written (a quarter of the peak memory).
        let before = html.utf8[..<range.upperBound], after = html.utf8[range.upperBound...]
        return String(unsafeUninitializedCapacity: before.count + heading.utf8.count + after.count) { buffer in
            var written = 0
            for part in [before, heading.utf8[...], after] {
                for byte in part { buffer[written] = byte; written += 1 }
            }
            return written
        }
    }
}
