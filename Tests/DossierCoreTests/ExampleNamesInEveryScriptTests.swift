import Testing
@testable import DossierCore

/// The example project's native-script aliases, as the matcher sees them: Persian
/// aliases find text typed with Arabic letters and without ZWNJ, and the Chinese
/// aliases find names inside Chinese sentences, which the example does not yet have.
@Suite struct ExampleNamesInEveryScriptTests {
    static let index = EntityIndexer.build(ProjectLoader.load(root: TestPaths.packageRoot)).index

    /// Each match as "text→slug".
    func mentions(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return Self.index.matcher.matches(in: text).filter { $0.owner >= 0 }.map { match in
            String(String.UnicodeScalarView(scalars[match.start..<match.end])) + "→" + Self.index.actors[match.owner].slug
        }
    }

    @Test func persianAliasesFindTextTypedWithArabicLetters() {
        #expect(mentions(in: "ايران، روسيه و چين عضو سازمان همكاري شانگهاي هستند.")
            == ["ايران→iran", "روسيه→russia", "چين→china", "سازمان همكاري شانگهاي→sco"])
        #expect(mentions(in: "ايران با آژانس بينالمللي انرژي اتمي توافق كرد.") == ["ايران→iran", "آژانس بينالمللي انرژي اتمي→iaea"])
    }

    @Test func chineseAliasesFindNamesInsideChineseSentences() {
        #expect(mentions(in: "伊朗、中国和俄罗斯都是上海合作组织成员国。") == ["伊朗→iran", "中国→china", "俄罗斯→russia", "上海合作组织→sco"])
        #expect(mentions(in: "2025年1月，伊朗和俄罗斯签署了条约。") == ["伊朗→iran", "俄罗斯→russia"])
    }
}
