import Mustache
import Testing
@testable import DossierCore

/// A passage's marked snippet is made on the snippet's UTF-8 bytes (no array of
/// scalars per passage, half a million passages at 10,000 briefings) and must stay
/// what the segments render to, whatever the scripts, marks and escapes.
@Suite struct PassageBytesTests {
    static func reference(_ mention: Mention) throws -> String {
        _ = DossierHTMLContentType.registration
        let template = try MustacheTemplate(string: DossierHTMLContentType.pragma
            + "{{#segments}}{{#marked}}<mark>{{text}}</mark>{{/marked}}{{^marked}}{{text}}{{/marked}}{{/segments}}")
        return template.render(["segments": PageContexts.markedSegments(mention)])
    }

    static func mention(_ snippet: String, _ match: Range<Int>, _ others: [Range<Int>] = []) -> Mention {
        Mention(actor: "iran", document: DocumentID(.briefing, "talks"), text: "Iran", snippet: snippet, linked: true,
                explicit: false, snippetMatch: match, otherMatches: others)
    }

    @Test func marksOverMultiByteScalarsFallWhereTheSegmentsPutThem() throws {
        let cases: [Mention] = [
            // Persian, with a mark at the very start and one at the very end.
            Self.mention("ایران و عراق «توافق» کردند؛ ایران", 0..<5, [28..<33]),
            // Emoji (four bytes), combining accents (two scalars, one character), escapes inside a mark.
            Self.mention("👍 Café <Iran> & “Iran's” 🇮🇷 e\u{301}", 8..<14, [19..<25]),
            // Two marks that touch, one past the end (clamped), an empty one.
            Self.mention("IranIran said", 0..<4, [4..<8, 10..<40, 9..<9]),
            // No mark at all, and an empty snippet.
            Self.mention("nothing <here>", 0..<0),
            Self.mention("", 0..<0),
        ]
        for mention in cases {
            #expect(PageContexts.markedSnippetHTML(mention) == (try Self.reference(mention)), "\(mention.snippet)")
        }
        #expect(PageContexts.markedSnippetHTML(cases[0]) == "<mark>ایران</mark> و عراق «توافق» کردند؛ <mark>ایران</mark>")
        #expect(PageContexts.markedSnippetHTML(cases[2]) == "<mark>Iran</mark><mark>Iran</mark> s<mark>aid</mark>")
    }
}
