import Foundation
import Testing
@testable import DossierCore

/// The example project shows the feature: a Persian briefing whose names link to
/// the same actors as the English ones, through native-script aliases.
@Suite struct ExampleLanguagesTests {
    static let report = SiteBuilder.run(BuildOptions(root: TestPaths.packageRoot), into: CountingSink())

    @Test func theExampleHasABriefingInPersian() throws {
        let model = try #require(Self.report.model)
        let persian = model.briefings.filter { $0.briefing.language?.tag == "fa" }
        #expect(persian.count == 1)
        #expect(persian.first?.briefing.language?.direction == .rtl)
        #expect(model.config.language == "en")
    }

    @Test func persianNamesLinkToTheMainActors() throws {
        let model = try #require(Self.report.model)
        let briefing = try #require(model.briefings.first { $0.briefing.language?.tag == "fa" })
        let linked = Dictionary(
            model.mentions.filter { $0.document == briefing.linked.id && $0.linked }.map { ($0.actor, $0.text) },
            uniquingKeysWith: { first, _ in first })
        let expected = ["iran": "ایران", "russia": "روسیه", "china": "چین", "qatar": "قطر", "israel": "اسرائیل", "turkey": "ترکیه"]
        for (slug, name) in expected {
            let mentioned = model.mentions.contains { $0.document == briefing.linked.id && $0.actor == slug && $0.text == name }
            #expect(mentioned, "'\(name)' is not found as \(slug)")
            #expect(linked[slug] != nil, "\(slug) is not linked from the Persian briefing")
        }
    }

    @Test func mainActorsHaveNamesInTheirOwnScripts() throws {
        let model = try #require(Self.report.model)
        func aliases(_ slug: String) -> Set<String> {
            Set(model.actors.first { $0.actor.slug == slug }?.actor.aliases.map(\.value) ?? [])
        }
        #expect(aliases("iran").isSuperset(of: ["ایران", "Иран", "伊朗"]))
        #expect(aliases("russia").isSuperset(of: ["روسیه", "Россия"]))
        #expect(aliases("china").isSuperset(of: ["چین", "中国"]))
        #expect(aliases("qatar").contains("قطر"))
        #expect(aliases("israel").contains("اسرائیل"))
        #expect(aliases("turkey").isSuperset(of: ["ترکیه", "Türkiye"]))
    }

    /// Until Arabic-script letters are folded, an alias typed with the Arabic yeh or
    /// kaf would match only text typed the same way: the example uses Persian letters throughout.
    @Test func persianTextUsesPersianLettersThroughout() throws {
        let content = TestPaths.packageRoot.appendingPathComponent("content")
        var offenders: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: content.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".md") else { continue }
            let text = try String(contentsOf: content.appendingPathComponent(relative), encoding: .utf8)
            for line in text.split(separator: "\n") where line.unicodeScalars.contains(where: { $0.value == 0x064A || $0.value == 0x0643 }) {
                offenders.append("content/\(relative): \(line)")
            }
        }
        #expect(offenders == [])
    }
}
