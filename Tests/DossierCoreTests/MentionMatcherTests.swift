import Testing
@testable import DossierCore

/// The matching rules of DESIGN.md §4, one small case each, then the real cases
/// from the tracker.
@Suite struct MentionMatcherTests {
    /// Returns the matched texts with their owners' names; ignored phrases are dropped.
    func find(_ text: String, _ names: [String: [String]], ignore: [String] = [], caseSensitive: Bool = true) -> [String] {
        let owners = names.keys.sorted()
        var entries: [(name: String, owner: Int)] = []
        for (index, owner) in owners.enumerated() {
            entries.append((owner, index))
            for alias in names[owner]! { entries.append((alias, index)) }
        }
        for phrase in ignore { entries.append((phrase, -1)) }
        let matcher = MentionMatcher(names: entries, caseSensitive: caseSensitive)
        let scalars = Array(text.unicodeScalars)
        return matcher.matches(in: text).filter { $0.owner >= 0 }.map { match in
            String(String.UnicodeScalarView(scalars[match.start..<match.end])) + "→" + owners[match.owner]
        }
    }

    @Test func wholeWordsOnly() {
        #expect(find("Iranian officials met Iran", ["Iran": []]) == ["Iran→Iran"])
        #expect(find("Iran-backed and (Iran) and Iran.", ["Iran": []]) == ["Iran→Iran", "Iran→Iran", "Iran→Iran"])
    }

    @Test func unicodeBoundaries() {
        #expect(find("Irané Iran", ["Iran": []]) == ["Iran→Iran"])
        #expect(find("«Iran» and Iran’", ["Iran": []]) == ["Iran→Iran", "Iran→Iran"])
    }

    @Test func possessivesStillMatch() {
        #expect(find("Iran's envoy and Iran’s minister", ["Iran": []]) == ["Iran→Iran", "Iran→Iran"])
    }

    @Test func longestMatchWins() {
        #expect(find("the Islamic Republic of Iran said", ["Iran": ["Islamic Republic of Iran"]]) == ["Islamic Republic of Iran→Iran"])
    }

    @Test func caseSensitiveByDefaultAndConfigurable() {
        #expect(find("iran and IRAN and Iran", ["Iran": []]) == ["Iran→Iran"])
        #expect(find("iran and IRAN", ["Iran": []], caseSensitive: false) == ["iran→Iran", "IRAN→Iran"])
    }

    @Test func typographicVariantsAreEquivalent() {
        #expect(find("Côte d’Ivoire and Côte d'Ivoire", ["Côte d'Ivoire": []]) == ["Côte d’Ivoire→Côte d'Ivoire", "Côte d'Ivoire→Côte d'Ivoire"])
        #expect(find("United\u{00A0}States and United\nStates", ["United States": []]) == ["United\u{00A0}States→United States", "United\nStates→United States"])
        #expect(find("Iran‑Russia treaty", ["Iran-Russia treaty": []]) == ["Iran‑Russia treaty→Iran-Russia treaty"])
    }

    @Test func noSilentDiacriticFolding() {
        #expect(find("Cote d'Ivoire", ["Côte d'Ivoire": []]) == [])
        #expect(find("Cote d'Ivoire", ["Côte d'Ivoire": ["Cote d'Ivoire"]]) == ["Cote d'Ivoire→Côte d'Ivoire"])
    }

    @Test func ignoredPhrasesTakePartInLongestMatch() {
        #expect(find("the Niger River floods Niger", ["Niger": []], ignore: ["Niger River"]) == ["Niger→Niger"])
    }

    // MARK: Real cases

    @Test func nigerIsNotInNigeriaOrNigerien() {
        #expect(find("Nigeria and Nigerien troops", ["Niger": []]) == [])
        #expect(find("Nigeria and Niger", ["Niger": [], "Nigeria": []]) == ["Nigeria→Nigeria", "Niger→Niger"])
    }

    @Test func theCongos() {
        let names = ["Democratic Republic of the Congo": ["Congo-Kinshasa"], "Republic of the Congo": ["Congo"]]
        #expect(find("the Democratic Republic of the Congo, the Republic of the Congo and Congo", names) == [
            "Democratic Republic of the Congo→Democratic Republic of the Congo",
            "Republic of the Congo→Republic of the Congo",
            "Congo→Republic of the Congo",
        ])
    }

    @Test func guineas() {
        let names: [String: [String]] = ["Guinea": [], "Papua New Guinea": [], "Equatorial Guinea": [], "Guinea-Bissau": []]
        #expect(find("Papua New Guinea, Equatorial Guinea, Guinea-Bissau and Guinea", names) == [
            "Papua New Guinea→Papua New Guinea", "Equatorial Guinea→Equatorial Guinea", "Guinea-Bissau→Guinea-Bissau", "Guinea→Guinea",
        ])
        #expect(find("New Guinea is an island", ["Guinea": []], ignore: ["New Guinea"]) == [])
    }

    @Test func russianIsNotRussia() {
        #expect(find("Russian drones reached Russia’s ally", ["Russia": []]) == ["Russia→Russia"])
    }

    @Test func burmaIsAnAlias() {
        #expect(find("Burma, now Myanmar", ["Myanmar": ["Burma"]]) == ["Burma→Myanmar", "Myanmar→Myanmar"])
    }

    @Test func costDoesNotDependOnPatternsSharingPrefixes() {
        // Many names sharing prefixes with the text still give only whole-word matches.
        var names: [String: [String]] = [:]
        for index in 0..<500 { names["Iran\(index)"] = [] }
        names["Iran"] = []
        #expect(find("Iran1 Iran Iran499x Iran499", names) == ["Iran1→Iran1", "Iran→Iran", "Iran499→Iran499"])
    }
}
