import Foundation
import Testing
@testable import DossierCore

/// The XML of the data exports: whatever a project's files hold, the file parses
/// and gives the value back.
@Suite struct XMLWriterTests {
    static let awkward = "Tom & \"Jerry\" <b>'s</b>\nline\ttab\r\u{7}bell \u{FFFE} Côte d’Ivoire طهران"
    /// What survives: the forbidden characters (BEL, U+FFFE) become U+FFFD.
    static let parsedBack = "Tom & \"Jerry\" <b>'s</b>\nline\ttab\r\u{FFFD}bell \u{FFFD} Côte d’Ivoire طهران"

    func document(_ body: (inout XMLWriter) -> Void) -> String {
        var writer = XMLWriter()
        writer.element("root", [], body)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func attributeAndTextValuesParseBackAsWritten() throws {
        let xml = document { writer in
            writer.empty("item", [("value", Self.awkward)])
            writer.text("note", [("kind", "a&b")], Self.awkward)
        }
        let root = try PictureSVGParser.parse(xml)
        #expect(root.children.first?["value"] == Self.parsedBack)
        #expect(root.children.last?["kind"] == "a&b")
        #expect(root.children.last?.text == Self.parsedBack)
    }

    @Test func writesOneElementPerLineIndented() {
        let xml = document { writer in
            writer.element("graph", [("id", "g")]) { writer in writer.empty("node", [("id", "a")]) }
        }
        #expect(xml == """
        <?xml version="1.0" encoding="UTF-8"?>
        <root>
          <graph id="g">
            <node id="a"/>
          </graph>
        </root>

        """)
    }
}
