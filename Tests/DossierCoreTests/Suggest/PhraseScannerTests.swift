import Testing
@testable import DossierCore

/// The per-run stage of `suggest`: which capitalised phrases one run of prose holds.
@Suite struct PhraseScannerTests {
    /// The phrases of `text` as written, with `owned` names marked the way the mention matcher marks them.
    func phrases(_ text: String, owned: [String] = [], ignored: [String] = [], startsSentence: Bool = false) -> [String] {
        scan(text, owned: owned, ignored: ignored, startsSentence: startsSentence).map { NameRanker.text($0, 0..<$0.elements.count) }
    }

    func scan(_ text: String, owned: [String] = [], ignored: [String] = [], startsSentence: Bool = false) -> [PhraseOccurrence] {
        let names = owned.enumerated().map { ($0.element, $0.offset) } + ignored.map { ($0, EntityIndex.ignoredOwner) }
        let matcher = MentionMatcher(names: names, caseSensitive: true)
        return PhraseScanner.scan(text, covered: matcher.matches(in: text), startsSentence: startsSentence, run: 0).phrases
    }

    @Test func findsMultiWordNamesAndAcronyms() {
        #expect(phrases("talks with the Gulf Cooperation Council and the IAEA in Vienna") == ["Gulf Cooperation Council", "IAEA", "Vienna"])
    }

    @Test func keepsLowercaseConnectorsInsideANameOnly() {
        #expect(phrases("ships in the Gulf of Oman met Mohammed bin Salman of the") == ["Gulf of Oman", "Mohammed bin Salman"])
        #expect(phrases("the Democratic Republic of the Congo said") == ["Democratic Republic of the Congo"])
        // "the" alone does not join: "Congo the" is no name.
        #expect(phrases("from Congo the envoy went") == ["Congo"])
    }

    @Test func dropsPossessivesAndKeepsApostrophesInsideNames() {
        #expect(phrases("Nigeria's army and the Emirates' fund in Côte d'Ivoire") == ["Nigeria", "Emirates", "Côte d'Ivoire"])
        #expect(phrases("Nigeria’s army") == ["Nigeria"])
        // A possessive ends the name: "Nigeria's Foreign Ministry" is two.
        #expect(phrases("Nigeria's Foreign Ministry said") == ["Nigeria", "Foreign Ministry"])
    }

    @Test func splitsHyphenatedFormsFromTheirLowercaseSuffix() {
        #expect(phrases("a Hezbollah-led bloc and Iran-backed militias") == ["Hezbollah", "Iran"])
        #expect(phrases("Bashar al-Assad bought F-35 jets, S-400 batteries") == ["Bashar al-Assad", "F-35", "S-400"])
        let joined = scan("in Guinea-Bissau today")
        #expect(joined.count == 1)
        #expect(joined.first?.joints == [.hyphen("-")])
    }

    @Test func titlesMonthsAndDaysSeparateNames() {
        #expect(phrases("when President Vladimir Putin met Foreign Minister Abbas Araghchi") == ["Vladimir Putin", "Abbas Araghchi"])
        #expect(phrases("the Supreme Leader Ali Khamenei and the Supreme Court") == ["Ali Khamenei", "Supreme Court"])
        #expect(phrases("in June Qatar said on Monday that Sheikh Tamim") == ["Qatar", "Tamim"])
        #expect(phrases("talks in March") == [])
    }

    @Test func numbersAndRomanNumeralsBelongToTheNameBefore() {
        #expect(phrases("under Resolution 2231 after World War II ended") == ["Resolution 2231", "World War II"])
        #expect(phrases("in 2025 talks") == [])
    }

    @Test func initialsAndAbbreviationsKeepTheirFullStop() {
        #expect(phrases("like John F. Kennedy in St. Lucia") == ["John F. Kennedy", "St. Lucia"])
        #expect(phrases("the U.S. and the U.K. agreed") == ["U.S.", "U.K."])
        // At the end of a sentence the initial's full stop ends the sentence.
        let end = scan("after World War I. The treaty")
        #expect(end.map { NameRanker.text($0, 0..<$0.elements.count) } == ["World War I", "The"])
        #expect(end.last?.sentenceInitial == true)
    }

    @Test func marksWordsThatBeginASentence() {
        let found = scan("The talks failed. However Qatar stayed: Doha hosted them. Then Oman", startsSentence: true)
        #expect(found.map { NameRanker.text($0, 0..<$0.elements.count) } == ["The", "However Qatar", "Doha", "Then Oman"])
        #expect(found.map(\.sentenceInitial) == [true, true, true, true])
        #expect(scan("and then Oman").first?.sentenceInitial == false)
        // "Mr." and "St." end no sentence.
        #expect(scan("said Mr. Smith").first?.sentenceInitial == false)
    }

    @Test func ownedNamesAreElementsAndIgnoredPhrasesBreak() {
        let found = scan("the United States Navy sailed up the Niger River to Qatar Airways offices", owned: ["United States", "Qatar", "Niger"], ignored: ["Niger River"])
        #expect(found.map { NameRanker.text($0, 0..<$0.elements.count) } == ["United States Navy", "Qatar Airways"])
        #expect(found.first?.elements.map(\.kind) == [.covered, .word])
        // A phrase made of owned names only is nothing to suggest.
        #expect(scan("Iran and Russia", owned: ["Iran", "Russia"]).isEmpty)
    }

    @Test func singleLettersAreNoNames() {
        #expect(phrases("A deal I think") == [])
    }

    @Test func offsetsAreUnicodeScalarsOfTheRun() {
        let text = "très été: Ghana"
        let found = scan(text)
        let ghana = try! #require(found.first)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[ghana.elements[0].start..<ghana.elements[0].end])) == "Ghana")
    }

    @Test func countsLowercaseWordsAsEvidence() {
        let result = PhraseScanner.scan("the government and the Government of Chad", covered: [], startsSentence: false, run: 0)
        #expect(result.lowercaseWords["government"] == 1)
        #expect(result.lowercaseWords["the"] == 2)
    }
}
