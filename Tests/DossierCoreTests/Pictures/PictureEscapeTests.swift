import Testing
@testable import DossierCore

/// The XML escaping of feeds and pictures, done over bytes, writes what the
/// scalar-by-scalar version wrote: for pictures, line breaks and tabs as spaces first.
@Suite struct PictureEscapeTests {
    /// `XMLText.escape` as it was, scalar by scalar: the reference.
    static func xmlScalarByScalar(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                if scalar.value < 0x20, scalar != "\t", scalar != "\n", scalar != "\r" { continue }
                if scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The pictures' escaping as it was: scalars mapped, then the XML escaping.
    static func scalarByScalar(_ text: String) -> String {
        xmlScalarByScalar(String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })))
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
        for text in Self.texts {
            #expect(XMLText.escape(text) == Self.xmlScalarByScalar(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(XMLText.escape("A & B\n") == "A &amp; B\n")
        #expect(PictureSVG.escape("x\u{FFFF}y\u{7F}") == "xy")
    }
}
