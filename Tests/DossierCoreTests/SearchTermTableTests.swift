import Testing
@testable import DossierCore

/// The index's terms are interned by their UTF-8 bytes (`SearchTermTable`) and made
/// into strings only once each: the terms, their fields and their order must be those
/// the strings gave.
@Suite struct SearchTermTableTests {
    private static func id(_ term: String, in table: inout SearchTermTable) -> Int {
        var term = term
        return term.withUTF8 { table.id(of: $0) }
    }

    @Test func aTermKeepsItsIdAcrossGrowth() {
        var table = SearchTermTable(expectedCount: 4)
        let terms = (0..<3_000).map { "t\(String($0, radix: 36))" } + ["", "伊朗", "ایران", "\u{10330}a"]
        let ids = terms.map { Self.id($0, in: &table) }
        #expect(ids == Array(terms.indices), "numbered in order of arrival")
        #expect(terms.map { Self.id($0, in: &table) } == ids, "asked again, the same ids")
        #expect(table.count == terms.count)
        #expect(ids.map(table.string) == terms)
    }

    @Test func bytesSortAsJavaScriptComparesStrings() {
        // The end of the BMP (U+E000–U+FFFF) sorts after the supplementary planes in UTF-16.
        let terms = ["a", "ab", "b", "z9", "é", "ж", "伊朗", "\u{E000}", "\u{FF41}b", "\u{FFFD}", "\u{10330}a", "\u{1F600}", "\u{10FFFD}",
                     "\u{D7FF}", "\u{FF41}", "\u{10330}"]
        var table = SearchTermTable()
        for term in terms { _ = Self.id(term, in: &table) }
        let sorted = table.idsInUTF16Order().map(table.string)
        #expect(sorted == terms.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
    }

    /// The fields as `termFields` found them from strings before it worked on bytes.
    private static func fieldsFromStrings(title: String, meta: [String], passages: [String]) -> [String: SearchIndex.Field] {
        var fields: [String: SearchIndex.Field] = [:]
        for (texts, field) in [([title], SearchIndex.Field.title), (meta, .meta)] {
            for text in texts {
                for term in SearchTokenizer.terms(text) where fields[term].map({ $0 < field }) ?? true { fields[term] = field }
            }
        }
        var holding: [String: Int] = [:]
        for passage in passages {
            for term in Set(SearchTokenizer.terms(passage)) { holding[term, default: 0] += 1 }
        }
        for (term, count) in holding where fields[term] == nil {
            fields[term] = count >= SearchIndex.repeatedInPassages ? .repeatedBody : .body
        }
        return fields
    }

    @Test func aDocumentsTermsAndFieldsAreThoseOfItsStrings() {
        let title = "Iran’s treaty with Россия"
        let meta = ["Summary: oil, gas and the treaty", "伊朗", "Côte d’Ivoire"]
        let passages = ["Oil prices rose; oil fell.", "伊朗和俄罗斯签署了条约", "Gas, oil.", "OIL and gas", "ایران و روسيه", "gas"]
        let terms = SearchIndex.termFields(title: title, meta: meta, passages: passages)
        #expect(Set(terms.map(\.term)).count == terms.count, "each term once")
        #expect(Dictionary(uniqueKeysWithValues: terms.map { ($0.term, $0.field) })
            == Self.fieldsFromStrings(title: title, meta: meta, passages: passages))
    }
}
