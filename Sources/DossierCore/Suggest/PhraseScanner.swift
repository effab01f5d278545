/// A word of a capitalised phrase, or a name an actor already owns.
struct PhraseElement: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case word, covered }
    var kind: Kind
    /// As written, without a possessive `'s`; an abbreviation keeps its full stop ("St.").
    var text: String
    /// Unicode-scalar offsets in the run's text.
    var start: Int
    var end: Int
}

/// What joins two elements of a phrase. Spaces and lowercase connectors ("of",
/// "bin") bind one name; "and", a hyphen, and anything next to a name an actor
/// already owns may join two names ("Niger and Mali", "Iran-Iraq") or be one
/// ("Trinidad and Tobago", "Guinea-Bissau"); `NameRanker` decides from the counts.
enum PhraseJoint: Sendable, Hashable {
    case space
    case connector(String)
    case and(String)
    case hyphen(String)

    var isAnd: Bool { if case .and = self { true } else { false } }
    var isHyphen: Bool { if case .hyphen = self { true } else { false } }

    var text: String {
        switch self {
        case .space: " "
        case .connector(let words): " " + words + " "
        case .and(let word): " " + word + " "
        case .hyphen(let dash): dash
        }
    }
}

/// A run of capitalised words (and owned names) in one text run, as found before
/// any corpus-wide decision.
struct PhraseOccurrence: Sendable, Hashable {
    var elements: [PhraseElement]
    /// `joints[i]` joins `elements[i]` and `elements[i + 1]`.
    var joints: [PhraseJoint]
    /// The first element begins a sentence, so its capital proves nothing.
    var sentenceInitial: Bool
    /// The phrase comes right after a title ("President Pezeshkian"): it names a person.
    var followsTitle = false
    /// Index of the run in its document's prose runs.
    var run: Int
}

/// Finds capitalised phrases in one run of prose: the candidates for names.
///
/// Pure and per run: the corpus-wide decisions (is "The" a name? is "Niger and Mali"
/// one?) belong to `NameRanker`. Offsets are in Unicode scalars of the run's text.
enum PhraseScanner {
    struct Result: Sendable {
        var phrases: [PhraseOccurrence] = []
        /// Words written in lowercase, counted: evidence that a capitalised form is a common word.
        var lowercaseWords: [String: Int] = [:]
    }

    enum Token {
        case word(start: Int, end: Int, possessive: Bool)
        case covered(start: Int, end: Int, ignored: Bool, possessive: Bool)
        case gap(start: Int, end: Int)
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
    }

    static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013: true
        default: false
        }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar.value == 0xA0 || scalar.value == 0x202F
    }

    static func isWord(_ scalar: Unicode.Scalar) -> Bool { NameFolding.isWordCharacter(scalar.value) }

    // ASCII first: Unicode property lookups cost more than the rest of the scan.
    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x41 && scalar.value <= 0x5A }
        return scalar.properties.isUppercase || scalar.properties.generalCategory == .titlecaseLetter
    }

    static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x61 && scalar.value <= 0x7A }
        return scalar.properties.isLowercase
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        return scalar.properties.isAlphabetic
    }

    /// Splits a run into words, owned names (`covered`, from the mention matcher) and the gaps between.
    static func tokens(_ scalars: [Unicode.Scalar], covered: [MentionMatcher.Match]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        var coveredIndex = 0
        var gapStart = 0
        func closeGap(at end: Int) {
            if end > gapStart { tokens.append(.gap(start: gapStart, end: end)) }
        }
        /// Skips a possessive `'s`, `’s` (or the lone apostrophe of "States'") at `position`.
        func possessiveEnd(at position: Int, afterS: Bool) -> Int? {
            guard position < scalars.count, isApostrophe(scalars[position]) else { return nil }
            let next = position + 1
            if next < scalars.count, scalars[next] == "s" || scalars[next] == "S" {
                if next + 1 == scalars.count || !isWord(scalars[next + 1]) { return next + 1 }
                return nil
            }
            if afterS, next == scalars.count || !isWord(scalars[next]) { return next }
            return nil
        }
        while index < scalars.count {
            // A name inside a skipped possessive ("s" of "Iran's") is passed over with it.
            while coveredIndex < covered.count, covered[coveredIndex].start < index { coveredIndex += 1 }
            if coveredIndex < covered.count, covered[coveredIndex].start == index {
                let match = covered[coveredIndex]
                coveredIndex += 1
                closeGap(at: index)
                var end = match.end
                let afterS = end > 0 && (scalars[end - 1] == "s")
                let possessive = possessiveEnd(at: end, afterS: afterS)
                end = possessive ?? end
                tokens.append(.covered(start: match.start, end: match.end, ignored: match.owner == EntityIndex.ignoredOwner,
                                       possessive: possessive != nil))
                index = end
                gapStart = index
                continue
            }
            guard isWord(scalars[index]) else {
                index += 1
                continue
            }
            closeGap(at: index)
            let start = index
            let limit = coveredIndex < covered.count ? covered[coveredIndex].start : scalars.count
            var possessive = false
            while index < limit {
                if isWord(scalars[index]) {
                    index += 1
                    continue
                }
                if isApostrophe(scalars[index]) {
                    if let end = possessiveEnd(at: index, afterS: scalars[index - 1] == "s") {
                        possessive = true
                        tokens.append(.word(start: start, end: index, possessive: true))
                        index = end
                        break
                    }
                    // An apostrophe inside a name: "Côte d'Ivoire", "O'Neill".
                    if index + 1 < limit, isWord(scalars[index + 1]) {
                        index += 1
                        continue
                    }
                }
                // Dotted acronyms: "U.S.", "U.N." (single capitals, each followed by a full stop).
                if scalars[index] == ".", index - start >= 1, isUpper(scalars[index - 1]),
                   index - 1 == start || scalars[index - 2] == ".",
                   index + 2 < scalars.count, isUpper(scalars[index + 1]), scalars[index + 2] == "." {
                    index += 3
                    continue
                }
                break
            }
            if !possessive {
                // Keep the final full stop of a dotted acronym ("U.S.") with it.
                var end = index
                if end - start >= 3, end < scalars.count, scalars[end] == ".", scalars[end - 2] == "." { end += 1 }
                tokens.append(.word(start: start, end: end, possessive: false))
                index = end
            }
            gapStart = index
        }
        closeGap(at: scalars.count)
        return tokens
    }

    /// The capitalised phrases of one run. `startsSentence`: the run begins a sentence
    /// (at the start of a block or a table cell, or after a full stop).
    static func scan(_ text: String, covered: [MentionMatcher.Match], startsSentence: Bool, run: Int) -> Result {
        let scalars = Array(text.unicodeScalars)
        let tokens = tokens(scalars, covered: covered)
        var result = Result()

        func string(_ start: Int, _ end: Int) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            return String(view)
        }

        var elements: [PhraseElement] = []
        var joints: [PhraseJoint] = []
        var phraseStartsSentence = false
        var phraseFollowsTitle = false
        /// The last word was a title of a person, with only spaces since.
        var afterTitle = false
        var atSentenceStart = startsSentence
        /// Lowercase connector words seen since the last element ("of", "of the").
        var pendingConnectors: [String] = []
        /// The joint to use before the next element, from the gaps and connectors seen.
        var pendingJoint: PhraseJoint? = nil
        /// A particle waiting for its hyphen and name: "al" of "al-Assad".
        var pendingParticle: (text: String, start: Int)? = nil

        func flush() {
            if elements.contains(where: { $0.kind == .word }) {
                let single = elements.count == 1 && elements[0].text.unicodeScalars.count == 1
                if !single {
                    result.phrases.append(PhraseOccurrence(
                        elements: elements, joints: joints, sentenceInitial: phraseStartsSentence, followsTitle: phraseFollowsTitle, run: run))
                }
            }
            elements = []
            joints = []
            pendingConnectors = []
            pendingJoint = nil
            pendingParticle = nil
        }

        func append(_ element: PhraseElement, followsTitle: Bool) {
            if elements.isEmpty {
                phraseStartsSentence = atSentenceStart
                phraseFollowsTitle = followsTitle
            } else if let joint = pendingJoint {
                joints.append(joint)
            } else {
                // Elements are appended only after a joint was recorded.
                joints.append(.space)
            }
            elements.append(element)
            pendingJoint = nil
            pendingConnectors = []
        }

        var position = 0
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token {
            case .gap(let start, let end):
                let gap = scalars[start..<end]
                if !gap.allSatisfy(isSpace) { afterTitle = false }
                if gap.allSatisfy(isSpace) {
                    if !elements.isEmpty, pendingConnectors.isEmpty, pendingJoint == nil { pendingJoint = .space }
                    continue
                }
                if gap.count == 1, isHyphen(gap.first!), pendingConnectors.isEmpty {
                    if pendingParticle != nil { continue }
                    if !elements.isEmpty, pendingJoint == nil { pendingJoint = .hyphen(String(gap.first!)) }
                    continue
                }
                let trimmed = gap.filter { !isSpace($0) }
                if trimmed.count == 1, trimmed.first! == "&", !elements.isEmpty, pendingConnectors.isEmpty {
                    pendingJoint = .and("&")
                    continue
                }
                // A full stop after an abbreviation or an initial belongs to the word
                // and ends neither the phrase nor the sentence: "St. Lucia", "John F. Kennedy".
                if gap.first! == ".", gap.dropFirst().allSatisfy(isSpace), gap.count > 1, let last = elements.last,
                   last.end == start, pendingConnectors.isEmpty,
                   NameVocabulary.abbreviations.contains(last.text) || (last.text.unicodeScalars.count == 1 && isUpper(last.text.unicodeScalars.first!)),
                   position < tokens.count, case .word(let nextStart, let nextEnd, _) = tokens[position], isUpper(scalars[nextStart]),
                   !NameVocabulary.functionWords.contains(string(nextStart, nextEnd).lowercased()) {
                    elements[elements.count - 1].text += "."
                    elements[elements.count - 1].end += 1
                    pendingJoint = .space
                    continue
                }
                let endsSentence = gap.contains { $0 == "." || $0 == "!" || $0 == "?" || $0 == ":" }
                flush()
                if endsSentence {
                    // "Mr. Smith": a title's full stop does not start a sentence.
                    if case .word(let wordStart, let wordEnd, _)? = position >= 2 ? tokens[position - 2] : nil,
                       gap.first! == ".", NameVocabulary.abbreviations.contains(string(wordStart, wordEnd)) {
                        atSentenceStart = false
                    } else {
                        atSentenceStart = true
                    }
                }
            case .covered(let start, let end, let ignored, let possessive):
                afterTitle = false
                if ignored {
                    flush()
                } else {
                    if !elements.isEmpty, let connectors = connectorJoint(pendingConnectors) { pendingJoint = connectors }
                    if !pendingConnectors.isEmpty, connectorJoint(pendingConnectors) == nil { flush() }
                    append(PhraseElement(kind: .covered, text: string(start, end), start: start, end: end), followsTitle: false)
                    if possessive { flush() }
                }
                atSentenceStart = false
            case .word(let start, let end, let possessive):
                let word = string(start, end)
                let first = scalars[start]
                let followsTitle = afterTitle
                afterTitle = false
                defer { atSentenceStart = false }
                // "d'Ivoire", "l'Aquila": an elided particle before a capital is part of a name.
                let elided = isLower(first) && word.unicodeScalars.count > 2 && isApostrophe(scalars[start + 1]) && isUpper(scalars[start + 2])
                if isLower(first), !elided {
                    if scalars[start..<end].allSatisfy(isLetter) {
                        result.lowercaseWords[word, default: 0] += 1
                    }
                    // "al-Assad": the particle joins the name after the hyphen.
                    if NameVocabulary.hyphenParticles.contains(word), !possessive, position + 1 < tokens.count,
                       case .gap(let gapStart, let gapEnd) = tokens[position], gapEnd - gapStart == 1, isHyphen(scalars[gapStart]),
                       case .word(let nextStart, _, _) = tokens[position + 1], isUpper(scalars[nextStart]) {
                        if !elements.isEmpty, pendingJoint == nil { pendingJoint = .space }
                        pendingParticle = (word, start)
                        continue
                    }
                    if !elements.isEmpty, !possessive, NameVocabulary.connectors.contains(word) || word == "the" || word == "and" {
                        pendingConnectors.append(word)
                        if connectorJoint(pendingConnectors) == nil, pendingConnectors != ["and"] { flush() }
                        continue
                    }
                    flush()
                    continue
                }
                if !isUpper(first), !elided {
                    // A number belongs to the name before it: "F-35", "S-400", "Resolution 2231".
                    if let last = elements.last, last.kind == .word, pendingConnectors.isEmpty, let joint = pendingJoint {
                        switch joint {
                        case .hyphen(let dash) where last.end + 1 == start:
                            elements[elements.count - 1].text += dash + word
                        case .space where last.end + 1 == start && scalars[last.end] == " ":
                            elements[elements.count - 1].text += " " + word
                        default:
                            flush()
                            continue
                        }
                        elements[elements.count - 1].end = end
                        pendingJoint = nil
                        if possessive { flush() }
                        continue
                    }
                    flush()
                    continue
                }
                if NameVocabulary.isNeverAName(word) || (word.contains(".") && NameVocabulary.isNeverAName(word.filter { $0 != "." })) {
                    // "Supreme Leader", "Foreign Minister": the word before the title belongs to it.
                    if NameVocabulary.isTitle(word), elements.count == 1, NameVocabulary.titleModifiers.contains(elements[0].text),
                       pendingJoint == .space {
                        elements = []
                    }
                    flush()
                    afterTitle = NameVocabulary.isTitle(word) && !possessive
                    continue
                }
                // "…to the U.S. The talks…": after a dotted acronym, a capitalised function word starts a sentence.
                if let last = elements.last, last.text.hasSuffix("."), NameVocabulary.functionWords.contains(word.lowercased()) {
                    flush()
                    atSentenceStart = true
                }
                var elementText = word
                var elementStart = start
                if let particle = pendingParticle {
                    elementText = string(particle.start, start) + word
                    elementStart = particle.start
                    pendingParticle = nil
                }
                if !pendingConnectors.isEmpty {
                    if pendingConnectors == ["and"] {
                        pendingJoint = .and("and")
                    } else if let joint = connectorJoint(pendingConnectors) {
                        pendingJoint = joint
                    } else {
                        flush()
                    }
                }
                append(PhraseElement(kind: .word, text: elementText, start: elementStart, end: end), followsTitle: followsTitle)
                if possessive { flush() }
            }
        }
        flush()
        return result
    }

    /// "of", "of the", "bin", "al": connectors that may stand inside a name. "the" alone may not.
    static func connectorJoint(_ words: [String]) -> PhraseJoint? {
        guard let first = words.first, NameVocabulary.connectors.contains(first) else { return nil }
        switch words.count {
        case 1: return .connector(first)
        case 2 where words[1] == "the": return .connector(first + " the")
        default: return nil
        }
    }
}
