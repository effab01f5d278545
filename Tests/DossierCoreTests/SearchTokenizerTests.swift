import Foundation
import Testing
@testable import DossierCore

/// The search index's terms (issue 15, item 3): words in spaced scripts, pairs of
/// letters in unspaced ones, and Arabic-script letters folded as the matcher folds them.
@Suite struct SearchTokenizerTests {
    @Test func spacedScriptsSplitIntoFoldedWords() {
        #expect(SearchTokenizer.terms("Iran’s treaty (2025), Russia-Iran") == ["iran", "s", "treaty", "2025", "russia", "iran"])
        #expect(SearchTokenizer.terms("Côte d’Ivoire") == ["cote", "d", "ivoire"])
        #expect(SearchTokenizer.terms("Иран и Россия подписали договор") == ["иран", "и", "россия", "подписали", "договор"])
        // Σ lowercases to σ in Swift and to ς at the end of a word in JavaScript: both fold to σ.
        #expect(SearchTokenizer.terms("ΟΔΟΣ οδος") == ["οδοσ", "οδοσ"])
    }

    @Test func chineseIsCutIntoOverlappingPairs() {
        #expect(SearchTokenizer.terms("伊朗和俄罗斯签署了条约") == ["伊朗", "朗和", "和俄", "俄罗", "罗斯", "斯签", "签署", "署了", "了条", "条约"])
        // Punctuation ends a run; a run of one letter is a term of its own.
        #expect(SearchTokenizer.terms("伊朗，中国。美") == ["伊朗", "中国", "美"])
    }

    @Test func japaneseRunsOfKanaAndKanjiArePairedAndLatinStaysWhole() {
        #expect(SearchTokenizer.terms("イランはIAEAと協力") == ["イラ", "ラン", "ンは", "iaea", "と協", "協力"])
        // A decomposed voiced kana (ハ + ゙) is composed first, like the query.
        #expect(SearchTokenizer.terms("ハ\u{3099}ク") == SearchTokenizer.terms("バク"))
    }

    @Test func thaiLaoKhmerAndMyanmarArePairedByCodePoint() {
        #expect(SearchTokenizer.terms("จีนและไทย") == ["จี", "ีน", "นแ", "แล", "ละ", "ะไ", "ไท", "ทย"])
        #expect(SearchTokenizer.terms("ຈີນ") == ["ຈີ", "ີນ"])
        // The Khmer full stop (khan) and the Myanmar section mark end a run.
        #expect(SearchTokenizer.terms("ចិន។រុស្ស៊ី") == ["ចិ", "ិន", "រុ", "ុស", "ស្", "្ស", "ស៊", "៊ី"])
        #expect(SearchTokenizer.terms("တရုတ်။") == ["တရ", "ရု", "ုတ", "တ်"])
    }

    @Test func arabicScriptVariantsFoldAsInMatching() {
        // Arabic yeh and kaf, alef maksura, ZWNJ and tatweel.
        #expect(SearchTokenizer.terms("ايران و روسيه") == SearchTokenizer.terms("ایران و روسیه"))
        #expect(SearchTokenizer.terms("همكاري") == ["همکاری"])
        #expect(SearchTokenizer.terms("مصطفى") == ["مصطفی"])
        #expect(SearchTokenizer.terms("بین‌المللی ایـــران") == ["بینالمللی", "ایران"])
        // Letters with hamza stay themselves: ئ is not folded through its decomposition.
        #expect(SearchTokenizer.terms("مسئول") == ["مسئول"])
        #expect(SearchTokenizer.terms("إيران") != SearchTokenizer.terms("ایران"))
    }

    @Test func theLetterSwitchAgreesWithTheTablesTheBrowserGets() {
        for (variant, folded) in SearchTokenizer.letterFolds {
            #expect(SearchTokenizer.foldLetter(variant) == folded)
        }
        for scalar in NameFolding.transparentScalars {
            #expect(SearchTokenizer.foldLetter(scalar) == NameFolding.transparent)
        }
        #expect(SearchTokenizer.foldLetter(0x06CC) == 0x06CC && SearchTokenizer.foldLetter(0x61) == 0x61)
    }

    /// The shortcut for English prose rests on this: folding turns none of the
    /// separators it lets through into a letter, mark or digit. (It would not hold for
    /// every symbol: NFD splits a musical note into a note and a combining stem.)
    @Test func noProseSeparatorBecomesALetterWhenFolded() {
        var checked = 0
        for block in SearchTokenizer.proseSeparatorBlocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value), !SearchTokenizer.isTermCharacter(scalar) else { continue }
                checked += 1
                let folded = SearchTokenizer.fold(String(Character(scalar)))
                #expect(!folded.unicodeScalars.contains(where: SearchTokenizer.isTermCharacter), "U+\(String(value, radix: 16))")
            }
        }
        #expect(checked > 100)
    }

    @Test func englishProseTakesTheShortcutWithTheSameTerms() {
        let prose = "Iran’s “strategic” treaty — signed 17\u{00A0}January 2025 – isn't a ‘pact’."
        #expect(SearchTokenizer.terms(prose) == ["iran", "s", "strategic", "treaty", "signed", "17", "january", "2025", "isn", "t", "a", "pact"])
    }

    @Test func theRulesForTheBrowserDescribeTheTokenizer() throws {
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(SearchTokenizer.rulesJSON.utf8)) as? [String: Any])
        let unspaced = try #require(rules["unspaced"] as? [[Int]])
        #expect(unspaced.count == UnspacedScripts.ranges.count)
        #expect(unspaced.contains([0x4E00, 0x9FFF]))
        let letters = try #require(rules["letters"] as? [[Int]])
        #expect(letters.contains([0x064A, 0x06CC]) && letters.contains([0x0643, 0x06A9]) && letters.contains([0x03C2, 0x03C3]))
        #expect(rules["transparent"] as? [Int] == [0x200C, 0x0640])
        #expect(rules["stripped"] as? [[Int]] == [[0x0300, 0x036F]])
    }
}
