import Foundation
import Testing
@testable import DossierCore

/// The byte-level rewrites of the seventh round write what the byte-by-byte code wrote:
/// JSON strings copied in runs between escapes, the notes heading spliced on UTF-8.
@Suite struct HotBytePathTests {
    @Test func aJSONStringIsEscapedAtItsEdgesBetweenRunsAndInARow() {
        var writer = JSONWriter()
        writer.strings(["\"edge", "edge\\", "a\n\t\"\"b", "\u{01}\u{1F}x\u{08}\u{0C}\r", "Côte d’Ivoire 🇮🇷 / ایران", ""])
        #expect(String(decoding: writer.bytes, as: UTF8.self)
            == #"["\"edge","edge\\","a\n\t\"\"b","\u0001\u001fx\b\f\r","Côte d’Ivoire 🇮🇷 / ایران",""]"#)
    }

    @Test func theNotesHeadingGoesAfterTheLastOpeningTag() {
        let opening = FootnotesHeading.opening, heading = FootnotesHeading.heading
        // Raw HTML in the text may spell the same tag; cmark-gfm's notes come last.
        let html = "<p>é</p>\n" + opening + "raw\n</section>\n" + opening + "<ol><li>ایران</li></ol>\n</section>\n"
        #expect(FootnotesHeading.insert(into: html)
            == "<p>é</p>\n" + opening + "raw\n</section>\n" + opening + heading + "<ol><li>ایران</li></ol>\n</section>\n")
        #expect(FootnotesHeading.insert(into: opening) == opening + heading)
        #expect(FootnotesHeading.insert(into: String(opening.dropLast())) == String(opening.dropLast()))
        #expect(FootnotesHeading.insert(into: "") == "")
    }
}
