/// Names that the matcher would find all over any English text: a single
/// character, a common word, or nothing but punctuation. Such a name is allowed
/// (it may be right for an actor that does not auto-link) but warned about, since
/// as an auto-linked name it turns every "the" of every briefing into a mention.
enum WeakName: Equatable {
    case singleCharacter
    case commonWord
    case noLetterOrDigit

    /// Articles, prepositions, conjunctions, pronouns and auxiliaries: the short
    /// words of English prose. Names of actors are not among them; abbreviations
    /// such as "US" or "WHO" are caught only when matching ignores case.
    static let commonWords: Set<String> = [
        "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "but", "by",
        "can", "could", "do", "for", "from", "had", "has", "have", "he", "her", "his", "if", "in", "into", "is", "it",
        "its", "may", "more", "most", "no", "not", "of", "on", "one", "or", "other", "our", "out", "over", "she", "so",
        "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to",
        "under", "up", "us", "was", "we", "were", "what", "when", "which", "who", "will", "with", "would", "you",
    ]

    /// Why `name` would link everywhere, or nil. With case-sensitive matching a
    /// common word counts only as prose writes it: "the" or "The", not "THE".
    static func weakness(of name: String, caseSensitive: Bool) -> WeakName? {
        let scalars = name.unicodeScalars.filter { !$0.properties.isWhitespace }
        let wordCharacters = scalars.filter { NameFolding.isWordCharacter($0.value) }.count
        if wordCharacters == 0 { return .noLetterOrDigit }
        if scalars.count == 1 { return .singleCharacter }
        let lowercased = name.lowercased()
        guard commonWords.contains(lowercased) else { return nil }
        if !caseSensitive { return .commonWord }
        let capitalized = lowercased.prefix(1).uppercased() + lowercased.dropFirst()
        return name == lowercased || name == capitalized ? .commonWord : nil
    }

    /// The warning for a title (`isTitle`) or alias of the actor `slug`.
    func message(name: String, isTitle: Bool, slug: String) -> String {
        let what = isTitle ? "the name" : "the alias"
        let problem = switch self {
        case .singleCharacter: "is a single character and would be linked wherever it appears as a word"
        case .commonWord: "is a common English word and would be linked wherever it appears"
        case .noLetterOrDigit: "has no letter or digit and would be linked wherever it appears"
        }
        let advice = isTitle
            ? "set 'autolink: false' and link it where it is meant with [\(name)](@\(slug))"
            : "choose a longer alias, or set 'autolink: false'"
        return "\(what) '\(name)' \(problem); \(advice)"
    }
}
