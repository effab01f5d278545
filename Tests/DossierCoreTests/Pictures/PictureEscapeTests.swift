import Testing
@testable import DossierCore

/// The pictures' escaping, done over bytes, writes what the scalar-by-scalar version
/// wrote: line breaks and tabs as spaces, then the feeds' XML escaping.
@Suite struct PictureEscapeTests {
    /// The escaping as it was: scalars mapped, then `XMLText.escape`.
    static func scalarByScalar(_ text: String) -> String {
        XMLText.escape(String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })))
    }

    static let texts = [
        "", "Aldoria", "Relations and co-mentions of Aldoria", "A & B <c> \"d\" 'e'", "tab\there\nnew\rcr\r\nend",
        "\u{1}bell\u{7}del\u{7F}", "\u{FFFE}\u{FFFF}\u{FFFD}\u{FEFF}\u{FFBE}", "end\u{FFFF}", "\u{FFFF}", "ïé漢字 ایران 🇮🇷",
        "&&&", "<", "x\u{0}y", "Caf\u{E9} & Co.", "\u{EF}\u{BF}",
    ]

    @Test func escapingMatchesTheScalarByScalarVersion() {
        for text in Self.texts {
            #expect(PictureSVG.escape(text) == Self.scalarByScalar(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(PictureSVG.escape("A & B\n") == "A &amp; B ")
        #expect(PictureSVG.escape("x\u{FFFF}y\u{7F}") == "xy")
    }
}
