import Foundation

/// Splits text into the terms of the search index. The theme's `search.js` splits
/// a query the same way, from the rules this type writes beside the index
/// (`rulesJSON`), so a term typed in the browser is a term of the index.
///
/// ```swift
/// SearchTokenizer.terms("Iran’s treaty: 伊朗和俄罗斯")
/// // ["iran", "s", "treaty", "伊朗", "朗和", "和俄", "俄罗", "罗斯"]
/// SearchTokenizer.terms("ايران")  // ["ایران"]: typed with the Arabic yeh, indexed with the Persian one
/// ```
///
/// Folding, in this order: lowercase; decompose (NFD) and drop the Latin combining
/// diacritics U+0300–U+036F, so "Cote" finds "Côte" (search forgives what linking
/// does not); recompose (NFC); then fold the Arabic-script letters as the mention
/// matcher does (ي ى → ی, ك → ک), drop ZWNJ and tatweel, and fold the final sigma
/// ς to σ (JavaScript lowercases Σ by its place in the word, Swift does not).
///
/// Splitting: a term is a run of letters, marks and digits (general categories L, M
/// and N); anything else separates terms. In the scripts written without spaces
/// (`UnspacedScripts`: Han, kana, Thai, Lao, Khmer, Myanmar) a run is cut into
/// overlapping pairs of code points, since no dictionary says where words end: a
/// query's pairs are all found in a text that holds the query. A run of one letter
/// is a term of one letter. Pairs are of code points, not of user-perceived
/// characters, because JavaScript without `Intl.Segmenter` has only code points.
enum SearchTokenizer {
    static let letterFolds: [(variant: UInt32, folded: UInt32)] = NameFolding.arabicLetterVariants + [(0x03C2, 0x03C3)]
    static let strippedMarks: ClosedRange<UInt32> = 0x0300...0x036F

    private static let foldByVariant: [UInt32: Unicode.Scalar] = Dictionary(
        uniqueKeysWithValues: letterFolds.map { ($0.variant, Unicode.Scalar($0.folded)!) })
    private static let transparent = Set(NameFolding.transparentScalars)

    static func fold(_ text: String) -> String {
        var stripped = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        where !strippedMarks.contains(scalar.value) {
            stripped.append(scalar)
        }
        var folded = String.UnicodeScalarView()
        for scalar in String(stripped).precomposedStringWithCanonicalMapping.unicodeScalars
        where !transparent.contains(scalar.value) {
            folded.append(foldByVariant[scalar.value] ?? scalar)
        }
        return String(folded)
    }

    /// The terms of `text` in reading order, repeats included.
    static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var word = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        func endWord() {
            guard !word.isEmpty else { return }
            terms.append(String(word))
            word = String.UnicodeScalarView()
        }
        func endRun() {
            if run.count == 1 { terms.append(String(run[0])) }
            for index in run.indices.dropLast() {
                var pair = String.UnicodeScalarView()
                pair.append(run[index])
                pair.append(run[index + 1])
                terms.append(String(pair))
            }
            run.removeAll(keepingCapacity: true)
        }
        for scalar in fold(text).unicodeScalars {
            if !isTermCharacter(scalar) {
                endWord()
                endRun()
            } else if UnspacedScripts.contains(scalar.value) {
                endWord()
                run.append(scalar)
            } else {
                endRun()
                word.append(scalar)
            }
        }
        endWord()
        endRun()
        return terms
    }

    /// The distinct terms of `texts` in order of first appearance, leaving out those in `known`.
    static func distinctTerms(_ texts: [String], excluding known: Set<String> = []) -> [String] {
        var seen = known
        return texts.flatMap(terms).filter { seen.insert($0).inserted }
    }

    /// Letters, marks and digits: what JavaScript's `/[\p{L}\p{M}\p{N}]/u` matches.
    static func isTermCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// The rules `search.js` applies to a query, as a JSON object: code point ranges
    /// of the unspaced scripts, letter folds, transparent scalars and stripped marks.
    static var rulesJSON: String {
        let rules: [String: Any] = [
            "unspaced": UnspacedScripts.ranges.map { [Int($0.lowerBound), Int($0.upperBound)] },
            "letters": letterFolds.map { [Int($0.variant), Int($0.folded)] },
            "transparent": NameFolding.transparentScalars.map { Int($0) },
            "stripped": [[Int(strippedMarks.lowerBound), Int(strippedMarks.upperBound)]],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: rules, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
