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
