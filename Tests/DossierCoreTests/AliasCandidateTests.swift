import Foundation
import Testing
@testable import DossierCore

/// After a names change, the documents whose texts' filters (`NameSignature`) rule out
/// every changed name are reused without reading their texts: the filter must let
/// through every text the matcher could find a name in, and an incremental build
/// after an alias change must equal a clean one.
@Suite struct AliasCandidateTests {
    /// Pieces that fold together or apart: case, precomposed and combining diacritics,
    /// curly apostrophes, the spaces and dashes that fold, ZWNJ and tatweel, Arabic and
    /// Persian letter variants, Cyrillic, Han and kana without spaces, the Kelvin sign.
    static let pieces: [String] = [
        "a", "A", "e", "é", "E\u{301}", "É", "o", "Ö", "ö", "k", "K", "\u{212A}", "s", "S", "r", "n", "x", "Z", "z",
        " ", "  ", "\u{A0}", "\n", "-", "\u{2013}", "'", "\u{2019}", "\u{200C}", "\u{0640}",
        "ی", "ي", "ى", "ک", "ك", "ا", "ر", "ن", "Мос", "ква", "МОСКВА", "北", "京", "和", "上海", "は", "イ", "ラン",
        "Örebro", "örebro", "Kern", "Pact", "pact", "Aldor", "Aldoria", "ian", ".", ",", "**",
    ]

    static func randomText(_ generator: inout SplitMix64, pieces count: Int) -> String {
        (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test(arguments: [false, true])
    func theFilterLetsThroughEveryTextTheMatcherOrTheScanFindsANameIn(caseSensitive: Bool) {
        var generator = SplitMix64(seed: caseSensitive ? 7 : 11)
        var found = 0, ruledOut = 0
        for _ in 0..<3000 {
            let text = Self.randomText(&generator, pieces: Int.random(in: 20...120, using: &generator))
            var copy = text
            let signature = copy.withUTF8 { NameSignature.of(text: $0) }[...]
            for _ in 0..<4 {
                // A name cut from the text itself (so that it often occurs) or made anew.
                let name: String
                if Bool.random(using: &generator) {
                    let scalars = Array(text.unicodeScalars)
                    let start = Int.random(in: 0..<scalars.count, using: &generator)
                    let end = min(scalars.count, start + Int.random(in: 1...8, using: &generator))
                    name = String(String.UnicodeScalarView(scalars[start..<end]))
                } else {
                    name = Self.randomText(&generator, pieces: Int.random(in: 1...3, using: &generator))
                }
                let occurrence = NameOccurrence(names: [name], caseSensitive: caseSensitive)
                let matched = !MentionMatcher(names: [(name, 0)], caseSensitive: caseSensitive).matches(in: text).isEmpty
                let occurs = occurrence.occurs(in: text)
                let mayOccur = occurrence.mayOccur(inTextWithSignature: signature)
                #expect(!matched || occurs, "the scan misses \(name.debugDescription) in \(text.debugDescription)")
                #expect(!occurs || mayOccur, "the filter rules out \(name.debugDescription) in \(text.debugDescription)")
                if matched { found += 1 }
                if !mayOccur { ruledOut += 1 }
            }
        }
        // The generated cases include both kinds, so the implications above were tested.
        #expect(found > 500 && ruledOut > 500)
    }

    @Test func aFilterRulesOutANameWhoseLettersTheTextDoesNotHold() {
        var text = "Aldoria opened the Northern Harbour."
        let signature = text.withUTF8 { NameSignature.of(text: $0) }[...]
        #expect(!NameOccurrence(names: ["Zorblax Accord"], caseSensitive: false).mayOccur(inTextWithSignature: signature))
        #expect(NameOccurrence(names: ["NORTHERN harbour"], caseSensitive: false).mayOccur(inTextWithSignature: signature))
        // A filter of another length is no filter: it rules nothing out.
        #expect(NameOccurrence(names: ["Zorblax"], caseSensitive: false).mayOccur(inTextWithSignature: [1, 2, 3][...]))
    }

    static let projectText = """
    -- dossier.yml --
    title: Alias test
    base_url: https://dossier.test/
    linking:
      case_sensitive: false
    -- content/actors/orebro.md --
    ---
    title: Örebro Union
    kind: organisation
    aliases: []
    ---
    A union.
    -- content/actors/moscow.md --
    ---
    title: Moscow Office
    kind: organisation
    aliases: []
    ---
    An office.
    -- content/actors/beijing.md --
    ---
    title: Beijing Desk
    kind: organisation
    aliases: []
    ---
    A desk.
    -- content/briefings/pact.md --
    ---
    title: Pact
    date: 2025-01-02
    ---
    The ÖREBRO pact was signed; the Orebro pact was not.
    -- content/briefings/cyrillic.md --
    ---
    title: Cyrillic
    date: 2025-01-03
    ---
    Встреча прошла в МОСКВЕ, а не в Москва-Сити; Москва молчит.
    -- content/briefings/han.md --
    ---
    title: Han
    date: 2025-01-04
    ---
    北京和上海的代表会面。
    -- content/briefings/longer.md --
    ---
    title: Longer
    date: 2025-01-05
    ---
    The Orebropactists met; nobody said Pacts.
    -- content/briefings/unrelated.md --
    ---
    title: Unrelated
    date: 2025-01-06
    ---
    Rain fell on the harbour all week.
    """

    /// The entries whose files a build wrote again (their inodes changed).
    static func rewrittenEntries(_ project: TestProject, since before: [String: UInt64]) -> Int {
        BuildCacheTests.entries(project).filter { before[$0.key] != $0.value }.count
    }

    static func setAliases(_ project: TestProject, actor: String, title: String, kind: String, _ aliases: [String], body: String) throws {
        let list = aliases.map { "\"\($0)\"" }.joined(separator: ", ")
        try project.write("content/actors/\(actor).md", "---\ntitle: \(title)\nkind: \(kind)\naliases: [\(list)]\n---\n\(body)\n")
    }

    @Test func anAliasAddedChangedAndRemovedInLatinWithCaseAndDiacriticsRelinksOnlyWhereItOccurs() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        var before = BuildCacheTests.entries(project)

        // "Örebro Pact" occurs (without case: "ÖREBRO pact") in pact.md only; "Orebro
        // pact" is another word, and "Orebropactists" a longer one.
        try Self.setAliases(project, actor: "orebro", title: "Örebro Union", kind: "organisation", ["Örebro Pact"], body: "A union.")
        #expect(project.cachedBuild().succeeded)
        #expect(try project.read("briefings/pact/index.html").contains("ÖREBRO pact</a>"))
        #expect(Self.rewrittenEntries(project, since: before) == 2)  // pact.md and the actor's profile
        #expect(try project.differenceFromCleanBuild() == nil)

        before = BuildCacheTests.entries(project)
        try Self.setAliases(project, actor: "orebro", title: "Örebro Union", kind: "organisation", ["Orebro Pact"], body: "A union.")
        #expect(project.cachedBuild().succeeded)
        #expect(try project.read("briefings/pact/index.html").contains("Orebro pact</a>"))
        #expect(try !project.read("briefings/longer/index.html").contains("</a>ists"))
        #expect(try project.differenceFromCleanBuild() == nil)

        before = BuildCacheTests.entries(project)
        try Self.setAliases(project, actor: "orebro", title: "Örebro Union", kind: "organisation", [], body: "A union.")
        #expect(project.cachedBuild().succeeded)
        #expect(try !project.read("briefings/pact/index.html").contains("pact</a>"))
        #expect(Self.rewrittenEntries(project, since: before) == 2)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func anAliasInCyrillicOrHanIsFoundWhereItOccursAndTheRestIsReusedUnread() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        var before = BuildCacheTests.entries(project)

        try Self.setAliases(project, actor: "moscow", title: "Moscow Office", kind: "organisation", ["Москва"], body: "An office.")
        #expect(project.cachedBuild().succeeded)
        #expect(try project.read("briefings/cyrillic/index.html").contains(">Москва</a>-Сити"))
        #expect(Self.rewrittenEntries(project, since: before) == 2)
        #expect(try project.differenceFromCleanBuild() == nil)

        before = BuildCacheTests.entries(project)
        try Self.setAliases(project, actor: "beijing", title: "Beijing Desk", kind: "organisation", ["北京"], body: "A desk.")
        #expect(project.cachedBuild().succeeded)
        #expect(try project.read("briefings/han/index.html").contains("北京</a>"))
        #expect(Self.rewrittenEntries(project, since: before) == 2)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func anAliasInsideALongerWordOnlyIsNotLinkedAndStillGivesTheSiteOfACleanBuild() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try Self.setAliases(project, actor: "orebro", title: "Örebro Union", kind: "organisation", ["Pactist"], body: "A union.")
        #expect(project.cachedBuild().succeeded)
        #expect(try !project.read("briefings/longer/index.html").contains("/actors/orebro/"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test(arguments: ["flipped", "truncated", "removed"])
    func damagedTextFiltersAreNotUsedAndTheSiteIsThatOfACleanBuild(damage: String) throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let folder = LinkMemoPackTests.cacheFolder(project).appendingPathComponent(LinkedEntryPack.folderName + LinkedTextSignatures.folderSuffix)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        #expect(!files.isEmpty)
        for name in files {
            let file = folder.appendingPathComponent(name)
            var bytes = [UInt8](try Data(contentsOf: file))
            switch damage {
            case "flipped":
                // A bit cleared in every filter byte: a filter that would wrongly rule names out.
                for index in bytes.indices.dropLast(8) { bytes[index] &= 0xFE }
                try Data(bytes).write(to: file)
            case "truncated": try Data(bytes.prefix(bytes.count / 2)).write(to: file)
            default: try FileManager.default.removeItem(at: file)
            }
        }
        try Self.setAliases(project, actor: "moscow", title: "Moscow Office", kind: "organisation", ["Москва"], body: "An office.")
        #expect(project.cachedBuild().succeeded)
        #expect(try project.read("briefings/cyrillic/index.html").contains(">Москва</a>-Сити"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}
