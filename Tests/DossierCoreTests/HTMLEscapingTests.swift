import Foundation
import Mustache
import Testing
@testable import DossierCore

@Suite struct HTMLEscapingTests {
    @Test(arguments: ["plain", "a < b > c & d \"q\" 'a'", "Côte d’Ivoire & 東京 <x>", "", "&amp;", "🇮🇷 <"])
    func escapesExactlyAsSwiftMustacheDoes(text: String) throws {
        let template = try MustacheTemplate(string: "{{value}}")
        #expect(HTMLEscaping.escape(text) == template.render(["value": text]))
    }

    @Test func theThemeUsesIt() throws {
        _ = DossierHTMLContentType.registration
        let template = try MustacheTemplate(string: DossierHTMLContentType.pragma + "<p>{{value}}</p>")
        #expect(template.render(["value": "a & <b>"]) == "<p>a &amp; &lt;b&gt;</p>")
    }
}

@Suite struct JSONWriterTests {
    @Test func writesValidJSONThatReadsBackTheSame() throws {
        let tricky = "quote \" backslash \\ newline \n tab \t bell \u{07} slash / Côte d’Ivoire 🇮🇷"
        var writer = JSONWriter()
        writer.object { json in
            json.key("a"); json.strings([tricky, ""])
            json.key("b"); json.int(-42)
            json.key("c"); json.bool(true)
            json.field("d", nil)
            json.key("e"); json.object { inner in inner.key("x"); inner.array { _ in } }
        }
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text.contains("\"b\":-42,\"c\":true,\"e\":{\"x\":[]}"))
        #expect(text.contains("slash / Côte"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any])
        #expect(parsed["a"] as? [String] == [tricky, ""])
        #expect(parsed["d"] == nil)
    }
}
