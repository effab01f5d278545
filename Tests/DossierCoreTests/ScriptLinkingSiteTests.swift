import Foundation
import Testing
@testable import DossierCore

/// Issue 15, item 2, end to end: briefings in eight languages built for real, and
/// each one's HTML links the names written in its own script, with the text as
/// the author typed it.
@Suite struct ScriptLinkingSiteTests {
    static let site = BuiltSite(ScriptsProject.text)

    /// A mention link's pattern: its kind, and "alias" when the text is not the title, are in `data-card`.
    func link(_ slug: String, _ title: String, _ text: String) -> String {
        NSRegularExpression.escapedPattern(for: "href=\"../../actors/\(slug)/index.html\" data-card=\"")
            + "[a-z]+( alias)?" + NSRegularExpression.escapedPattern(for: "\">\(text)</a>")
    }

    @Test func theProjectBuildsWithoutAWarning() {
        #expect(Self.site.diagnostics == [])
    }

    struct Name { var slug: String; var title: String; var text: String }

    static let iran = "Iran", russia = "Russia", moscow = "Moscow", china = "China", saudi = "Saudi Arabia"
    static func name(_ title: String, _ text: String) -> Name {
        Name(slug: title.lowercased().replacingOccurrences(of: " ", with: "-"), title: title, text: text)
    }

    /// For each briefing, the names its HTML must link, as written in it.
    static let expected: [String: [Name]] = [
        "zh-treaty": [name(iran, "伊朗"), name(russia, "俄罗斯"), name(moscow, "莫斯科"), name(saudi, "沙特阿拉伯"), name(china, "中国")],
        "ja-treaty": [name(iran, "イラン"), name(russia, "ロシア"), name(moscow, "モスクワ"), name(china, "中国")],
        "th-treaty": [name(iran, "อิหร่าน"), name(russia, "รัสเซีย"), name(moscow, "มอสโก")],
        "lo-treaty": [name(iran, "ອີຣານ"), name(russia, "ລັດເຊຍ"), name(china, "ຈີນ")],
        "km-treaty": [name(iran, "អ៊ីរ៉ង់"), name(russia, "រុស្ស៊ី"), name(moscow, "មូស្គូ"), name(china, "ចិន")],
        "my-treaty": [name(iran, "အီရန်"), name(russia, "ရုရှား"), name(moscow, "မော်စကို"), name(china, "တရုတ်")],
        // Typed with the Arabic yeh and kaf; the aliases use the Persian letters.
        "fa-treaty": [name(iran, "ايران"), name(russia, "روسيه"), name(moscow, "مسكو"), name(china, "چین")],
        "ar-treaty": [name(iran, "إيران"), name(russia, "روسيا"), name(moscow, "موسكو"), name(saudi, "المملكة العربية السعودية"),
                      name(china, "الصين")],
    ]

    @Test(arguments: expected.keys.sorted())
    func eachBriefingLinksTheNamesInItsScript(briefing: String) throws {
        let html = try Self.site.read("briefings/\(briefing)/index.html")
        for name in Self.expected[briefing]! {
            #expect(html.range(of: link(name.slug, name.title, name.text), options: .regularExpression) != nil,
                    "\(briefing): \(name.text) is not linked to \(name.slug)")
        }
    }

    @Test func actorPagesListTheMentionsWithTheirSnippets() throws {
        let html = try Self.site.read("actors/iran/index.html")
        for briefing in ["zh-treaty", "zh-energy", "ja-treaty", "th-treaty", "lo-treaty", "km-treaty", "my-treaty", "fa-treaty", "ar-treaty"] {
            #expect(html.contains("../../briefings/\(briefing)/index.html#"), "no deep link from Iran's page to \(briefing)")
        }
        #expect(html.contains("<mark>伊朗</mark>和俄罗斯在莫斯科签署了为期二十年的全面战略伙伴关系条约"))
        #expect(html.contains("<mark>ايران</mark> و روسيه در ژانویهٔ ۲۰۲۵ در مسكو"))
    }
}
