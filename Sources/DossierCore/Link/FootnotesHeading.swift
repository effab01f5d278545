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
        var source = html
        // Found and copied on the UTF-8 bytes: `range(of:options:.backwards)` went
        // through NSString and built UTF-16 breadcrumbs of every page.
        let inserted: String? = source.withUTF8 { bytes in
            let needle = Array(opening.utf8), addition = Array(heading.utf8)
            guard bytes.count >= needle.count else { return nil }
            var start = bytes.count - needle.count
            while start >= 0, !(bytes[start] == needle[0] && bytes[start..<(start + needle.count)].elementsEqual(needle)) { start -= 1 }
            guard start >= 0 else { return nil }
            let cut = start + needle.count
            // Copied into a string of exactly the new size: `String.insert` grows the
            // storage to about twice the page, and the linked HTML of every document is
            // held until the site is written (a quarter of the peak memory).
            return String(unsafeUninitializedCapacity: bytes.count + addition.count) { buffer in
                let base = UnsafeMutableRawPointer(buffer.baseAddress!), origin = UnsafeRawPointer(bytes.baseAddress!)
                base.copyMemory(from: origin, byteCount: cut)
                addition.withUnsafeBytes { base.advanced(by: cut).copyMemory(from: $0.baseAddress!, byteCount: addition.count) }
                base.advanced(by: cut + addition.count).copyMemory(from: origin.advanced(by: cut), byteCount: bytes.count - cut)
                return bytes.count + addition.count
            }
        }
        return inserted ?? html
    }
}
