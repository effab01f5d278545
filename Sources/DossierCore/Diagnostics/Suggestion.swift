/// "Did you mean …?" for names typed by hand.
public enum Suggestion {
    /// The candidate closest to `name` by edit distance, if it is close enough to be
    /// a likely typo: at most a third of the name's length, and never more than 3.
    /// `closest(to: "irn", in: ["iran", "iraq", "israel"])` is `"iran"`.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let threshold = min(3, max(1, name.count / 3))
        var best: (candidate: String, distance: Int)?
        let length = name.count
        for candidate in candidates {
            // The distance is at least the difference in length: most candidates end here.
            guard abs(candidate.count - length) <= threshold else { continue }
            let distance = editDistance(name, candidate)
            guard distance <= threshold else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.candidate) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance over Characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// " (did you mean 'iran'?)" or "".
    static func didYouMean(_ name: String, in candidates: some Sequence<String>) -> String {
        closest(to: name, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The term of a vocabulary of hyphenated terms (relation types) that `name` most
    /// likely means: the same words written with spaces or underscores
    /// ("strategic partner"), a typo, or the one term that has all of the name's words
    /// ("member" → "member-of", "conflict" → "in-conflict-with").
    static func closestTerm(to name: String, in terms: [String]) -> String? {
        let words = name.lowercased().split { $0 == " " || $0 == "_" || $0 == "-" }
        let normalized = words.joined(separator: "-")
        if terms.contains(normalized) { return normalized }
        if let typo = closest(to: normalized, in: terms) { return typo }
        guard !words.isEmpty else { return nil }
        let containing = terms.filter { term in
            let termWords = term.split(separator: "-")
            return words.allSatisfy { termWords.contains($0) }
        }
        return containing.count == 1 ? containing[0] : nil
    }
}
