/// The names every actor already owns, in the forms the ranker compares with.
struct KnownNames: Sendable {
    /// Titles, aliases and `linking.ignore` phrases, folded without case and without full stops ("U.S." = "US").
    private var keys: Set<[UInt32]> = []
    /// Every word of every title and alias: the bases of demonyms ("Iranian" from "Iran").
    private(set) var words: Set<String> = []
    /// Each run of whole words inside a person's longer title or alias, with the
    /// actor's slug: "Araghchi" in "Abbas Araghchi".
    private var parts: [String: String] = [:]
    private var lastWordsOfNames: Set<String> = []
    /// "UAE" → the actor called "United Arab Emirates"; lowercase connectors are skipped.
    private var initials: [String: String] = [:]
    /// The last words of multi-word names by the words before them: "West" → ["Asia"].
    private var lastWords: [String: Set<String>] = [:]

    init(actors: [Actor], ignored: [String]) {
        for phrase in ignored { keys.insert(Self.key(phrase)) }
        for actor in actors.sorted(by: { $0.slug < $1.slug }) {
            for name in [actor.title] + actor.aliases.map(\.value) {
                keys.insert(Self.key(name))
                let nameWords = name.split(separator: " ").map(String.init)
                words.formUnion(nameWords)
                guard nameWords.count > 1 else { continue }
                lastWords[nameWords.dropLast().joined(separator: " "), default: []].insert(nameWords.last!)
                lastWordsOfNames.insert(nameWords.last!)
                let capitals = nameWords.compactMap { $0.unicodeScalars.first }.filter { PhraseScanner.isUpper($0) }
                if capitals.count > 1 {
                    let key = String(String.UnicodeScalarView(capitals))
                    if initials[key] == nil { initials[key] = actor.slug }
                }
                // A person is often named by one part of the name ("Araghchi", "Xi"); a
                // part of another name is rarely that actor ("Gulf" of "Gulf Cooperation Council").
                guard actor.kind == .person else { continue }
                for length in 1..<nameWords.count {
                    for start in 0...(nameWords.count - length) {
                        let part = nameWords[start..<(start + length)].joined(separator: " ")
                        if parts[part] == nil { parts[part] = actor.slug }
                    }
                }
            }
        }
    }

    static func key(_ name: String) -> [UInt32] {
        NameFolding.key(name, caseSensitive: false).filter { $0 != 0x2E }
    }

    func contains(_ name: String) -> Bool { keys.contains(Self.key(name)) }

    /// "West Asian" beside "West Asia": the same words but the last, which is a demonym of the name's last word.
    func isDemonym(of name: String) -> Bool {
        let words = name.split(separator: " ")
        guard words.count > 1, let lasts = lastWords[words.dropLast().joined(separator: " ")] else { return false }
        return Demonyms(bases: lasts).isDerived(String(words.last!))
    }

    /// Whether `name` is the last word of a longer title or alias: a surname ("Pezeshkian").
    func endsAName(_ name: String) -> Bool { lastWordsOfNames.contains(name) }

    /// The actor `name` may be another name of: its longer title or alias contains
    /// `name` as whole words ("Araghchi"), or `name` is its initials ("UAE").
    func actor(alsoCalled name: String) -> String? {
        parts[name] ?? initials[name.filter { $0 != "." }]
    }
}

/// A candidate name with where it occurs, before it is located in the source.
struct RankedName: Sendable, Hashable {
    struct Occurrence: Sendable, Hashable {
        /// Index of the document in the ranker's input, of the run in the document.
        var document: Int
        var run: Int
        var start: Int
        var end: Int
    }

    var name: String
    /// In reading order, documents in input order.
    var occurrences: [Occurrence]
    var documents: Int
    var aliasOf: String?
}

/// Turns the capitalised phrases of every document into ranked candidate names,
/// deciding with evidence from the whole corpus:
///
/// - a capitalised word at the start of a sentence is dropped when the corpus also
///   writes it in lowercase ("The", "Following") or it is a function word, and a
///   single such word counts only if it is also capitalised mid-sentence;
/// - "A and B", "A-B" and an actor's name next to a capitalised word ("Qatar
///   Airways") are one name when the whole recurs at least as often as its parts
///   alone ("Trinidad and Tobago", "Guinea-Bissau"), else separate ones ("Niger and Mali");
/// - names an actor owns (any case), `linking.ignore` phrases, common nouns
///   capitalised now and then ("Government"), and demonyms of known names
///   ("Iranian", "Nigerian" beside "Nigeria") are left out.
enum NameRanker {
    static func rank(_ documents: [ScannedDocument], known: KnownNames, minimumOccurrences: Int) -> [RankedName] {
        var lowercase: [String: Int] = [:]
        for document in documents { lowercase.merge(document.lowercaseWords, uniquingKeysWith: +) }

        var midSentence: [String: Int] = [:]
        /// Words met right after a title of a person: surnames, whatever their ending.
        var afterTitle: Set<String> = []
        for document in documents {
            for phrase in document.phrases {
                for (index, element) in phrase.elements.enumerated() where element.kind == .word {
                    if index == 0 && phrase.sentenceInitial { continue }
                    midSentence[element.text, default: 0] += 1
                }
                if phrase.followsTitle, let last = phrase.elements.last { afterTitle.insert(last.text) }
            }
        }

        // Sentence-initial words that are not names.
        var phrases: [(document: Int, phrase: PhraseOccurrence)] = []
        for (documentIndex, document) in documents.enumerated() {
            for var phrase in document.phrases {
                if phrase.sentenceInitial, phrase.elements[0].kind == .word {
                    let word = phrase.elements[0].text
                    let lowered = word.lowercased()
                    let acronym = isAcronym(word)
                    if !acronym, NameVocabulary.functionWords.contains(lowered) || lowercase[lowered, default: 0] > midSentence[word, default: 0] {
                        phrase.elements.removeFirst()
                        if !phrase.joints.isEmpty { phrase.joints.removeFirst() }
                        phrase.sentenceInitial = false
                        guard phrase.elements.contains(where: { $0.kind == .word }) else { continue }
                    } else if phrase.elements.count == 1, !acronym, midSentence[word, default: 0] == 0 {
                        continue
                    }
                }
                phrases.append((documentIndex, phrase))
            }
        }

        // Whole phrases and their parts, counted.
        var counts = PartCounts()
        let split = phrases.map { parts(of: $0.phrase) }
        for (index, item) in phrases.enumerated() { counts.add(item.phrase, split[index]) }

        struct Candidate {
            var name: String
            var occurrences: [RankedName.Occurrence] = []
            var documents: Set<Int> = []
            var words = 1
        }
        var candidates: [[UInt32]: Candidate] = [:]
        var order: [[UInt32]] = []
        func add(_ phrase: PhraseOccurrence, _ range: Range<Int>, document: Int) {
            let name = text(phrase, range)
            let nameKey = key(name)
            if candidates[nameKey] == nil {
                candidates[nameKey] = Candidate(name: name, words: range.count)
                order.append(nameKey)
            }
            candidates[nameKey]!.occurrences.append(RankedName.Occurrence(
                document: document, run: phrase.run, start: phrase.elements[range.lowerBound].start,
                end: phrase.elements[range.upperBound - 1].end))
            candidates[nameKey]!.documents.insert(document)
        }
        for (index, item) in phrases.enumerated() {
            let phraseParts = split[index]
            let phrase = item.phrase
            if phraseParts.count == 1 {
                if !phraseParts[0].covered { add(phrase, phraseParts[0].range, document: item.document) }
                continue
            }
            let isOneName = counts.isOneName(phrase, split[index])
            if isOneName {
                add(phrase, 0..<phrase.elements.count, document: item.document)
            } else {
                for part in phraseParts where !part.covered { add(phrase, part.range, document: item.document) }
            }
        }

        // Single words that other names explain.
        let singleNames = Set(candidates.values.filter { $0.words == 1 }.map(\.name))
        let bases = Demonyms(bases: known.words.union(singleNames))
        let lastWordsOfNames = Set(candidates.values.filter { $0.words > 1 && $0.occurrences.count >= minimumOccurrences }
            .compactMap { $0.name.split(separator: " ").last.map(String.init) })
        var ranked: [RankedName] = []
        for nameKey in order {
            let candidate = candidates[nameKey]!
            guard candidate.occurrences.count >= minimumOccurrences, !known.contains(candidate.name) else { continue }
            if candidate.words == 1 {
                let name = candidate.name
                if NameVocabulary.genericAcronyms.contains(name) || NameVocabulary.isRomanNumeral(name) { continue }
                if !isAcronym(name), lowercase[name.lowercased(), default: 0] >= candidate.occurrences.count { continue }
                if bases.isDerived(name) { continue }
                // "Spanish", "Phoenicians", "Muslim" — unless it is a surname ("Pezeshkian"): it follows a
                // title, or ends an actor's name or another name found.
                if !isAcronym(name), NameVocabulary.isAdjectiveOrPeople(name), !known.endsAName(name),
                   !afterTitle.contains(name), !lastWordsOfNames.contains(name) { continue }
                // "Arabs" beside the more frequent "Arab": a plural, not another name.
                if name.hasSuffix("s"), let singular = candidates[key(String(name.dropLast()))],
                   singular.occurrences.count >= candidate.occurrences.count { continue }
            } else if known.isDemonym(of: candidate.name) {
                continue
            }
            ranked.append(RankedName(
                name: candidate.name, occurrences: candidate.occurrences, documents: candidate.documents.count,
                aliasOf: known.actor(alsoCalled: candidate.name)))
        }
        ranked.sort {
            if score($0) != score($1) { return score($0) > score($1) }
            if $0.documents != $1.documents { return $0.documents > $1.documents }
            return $0.name < $1.name
        }
        return ranked
    }

    /// How often each phrase occurs whole and each of its parts occurs anywhere,
    /// to tell one name from several that meet ("Trinidad and Tobago", "Niger and Mali").
    struct PartCounts {
        /// Phrases of one part, by key.
        private var standalone: [[UInt32]: Int] = [:]
        /// Phrases of several parts, whole, by key.
        private var whole: [[UInt32]: Int] = [:]
        /// Every part not owned by an actor, alone or in a longer phrase.
        private var anywhere: [[UInt32]: Int] = [:]

        mutating func add(_ phrase: PhraseOccurrence, _ parts: [(range: Range<Int>, covered: Bool)]) {
            if parts.count == 1 {
                if !parts[0].covered { standalone[key(text(phrase, parts[0].range)), default: 0] += 1 }
            } else {
                whole[key(text(phrase, 0..<phrase.elements.count)), default: 0] += 1
            }
            for part in parts where !part.covered { anywhere[key(text(phrase, part.range)), default: 0] += 1 }
        }

        func isOneName(_ phrase: PhraseOccurrence, _ parts: [(range: Range<Int>, covered: Bool)]) -> Bool {
            let wholeCount = whole[key(text(phrase, 0..<phrase.elements.count)), default: 0]
            let uncovered = parts.filter { !$0.covered }.map { key(text(phrase, $0.range)) }
            let ands = phrase.joints.indices.filter { if case .and = phrase.joints[$0] { true } else { false } }
            guard !ands.isEmpty else {
                // Capitalised words joined by a hyphen make one name: "Guinea-Bissau", "Spanish-American
                // War", "AL-ASAD". Next to an actor's name, the whole must recur at least as often as its
                // parts stand alone: "Iran-Contra" is a name, "Iran-Iraq" is Iran and Iraq.
                if phrase.elements.allSatisfy({ $0.kind == .word }) { return true }
                return wholeCount >= 2 && uncovered.allSatisfy { wholeCount >= standalone[$0, default: 0] }
            }
            // "and" joins two names unless the whole recurs, has one word before "and"
            // ("Trinidad and Tobago", not "Vladimir Putin and Kim Jong Un"), touches no
            // actor's name, and its parts seldom occur anywhere else ("Muscat and Doha" beside "Doha and Muscat").
            for index in ands {
                if phrase.elements[index].kind == .covered || phrase.elements[index + 1].kind == .covered { return false }
                if index > 0, !(phrase.joints[index - 1].isAnd || phrase.joints[index - 1].isHyphen) { return false }
            }
            guard wholeCount >= 2 else { return false }
            return uncovered.allSatisfy { part in
                let inside = uncovered.filter { $0 == part }.count * wholeCount
                return 2 * (anywhere[part, default: 0] - inside) < wholeCount
            }
        }
    }

    /// Occurrences plus documents: each further document counts as one more
    /// occurrence, so of two names met equally often the one met in more documents
    /// ranks first, yet a name a whole briefing is about is not buried under names
    /// that appear once here and there. (Ranking by documents first put 30 of 66
    /// missing countries in the corpus test's top 132; this puts 47.)
    static func score(_ name: RankedName) -> Int { name.occurrences.count + name.documents }

    /// "IAEA", "U.S.": two or more letters, all capitals.
    static func isAcronym(_ word: String) -> Bool {
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
    }

    /// The phrase split where two names may meet: at "and", at a hyphen, and on
    /// both sides of a name an actor owns.
    static func parts(of phrase: PhraseOccurrence) -> [(range: Range<Int>, covered: Bool)] {
        var result: [(range: Range<Int>, covered: Bool)] = []
        var start = 0
        for index in 0..<phrase.elements.count {
            let isLast = index == phrase.elements.count - 1
            var boundary = isLast
            if !isLast {
                switch phrase.joints[index] {
                case .and, .hyphen: boundary = true
                case .space, .connector: boundary = phrase.elements[index].kind == .covered || phrase.elements[index + 1].kind == .covered
                }
            }
            if boundary {
                result.append((start..<(index + 1), phrase.elements[start].kind == .covered))
                start = index + 1
            }
        }
        return result
    }

    static func text(_ phrase: PhraseOccurrence, _ range: Range<Int>) -> String {
        var result = ""
        for index in range {
            if index > range.lowerBound { result += phrase.joints[index - 1].text }
            result += phrase.elements[index].text
        }
        return result
    }

    static func key(_ name: String) -> [UInt32] { NameFolding.key(name, caseSensitive: true) }
}

/// Tells whether a word is an adjective or demonym made from a known name:
/// Iran → Iranian, China → Chinese, Israel → Israeli, Turkey → Turkish, Germany → German.
struct Demonyms {
    private var byPrefix: [String: [String]] = [:]
    private let bases: Set<String>

    init(bases: Set<String>) {
        self.bases = bases
        for base in bases where base.count >= 3 { byPrefix[String(base.prefix(3)), default: []].append(base) }
    }

    func isDerived(_ word: String) -> Bool {
        var forms = [word]
        if word.hasSuffix("s") { forms.append(String(word.dropLast())) }
        for form in forms {
            if bases.contains(form + "y") || bases.contains(form + "stan") || bases.contains(form + "istan") { return true }
            let candidates = byPrefix[String(form.prefix(3))] ?? []
            for suffix in NameVocabulary.demonymSuffixes where form.hasSuffix(suffix) {
                let stem = form.dropLast(suffix.count)
                guard stem.count >= 3 else { continue }
                // Not shorter than the base, and a stem of four letters when as long: "British" derives
                // from "Britain", but "Mali" not from "Male", nor "Bahrain" from "Bahraini".
                for base in candidates where base != form && base.hasPrefix(stem) && base.count - stem.count <= 3
                    && (form.count > base.count || (form.count == base.count && stem.count >= 4)) {
                    return true
                }
            }
        }
        return false
    }
}
