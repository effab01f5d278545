import Testing
@testable import DossierCore

/// The automaton against the rule it implements, written out by brute force: every
/// name at every position where a name may begin and end, then the leftmost, longest
/// ones that do not overlap. Names drawn from a few letters share prefixes and end
/// inside one another, so the failure and output links are all exercised.
@Suite struct MentionMatcherReferenceTests {
    struct Candidate { var start: Int; var end: Int; var owner: Int }

    func bruteForce(_ text: String, names: [(name: String, owner: Int)], caseSensitive: Bool) -> [MentionMatcher.Match] {
        let folded = text.unicodeScalars.map { NameFolding.fold($0, caseSensitive: caseSensitive) }
        // The first owner of a folded key keeps it, as in the automaton.
        var keys: [[UInt32]] = []
        var owners: [Int] = []
        for (name, owner) in names {
            let key = NameFolding.key(name, caseSensitive: caseSensitive)
            guard !key.isEmpty, !keys.contains(key) else { continue }
            keys.append(key)
            owners.append(owner)
        }
        var candidates: [Candidate] = []
        for start in folded.indices {
            for (number, key) in keys.enumerated() where start + key.count <= folded.count {
                let end = start + key.count
                guard Array(folded[start..<end]) == key else { continue }
                if start > 0, !NameFolding.nameMayStart(after: folded[start - 1], at: folded[start]) { continue }
                if end < folded.count, !NameFolding.nameMayEnd(at: folded[end - 1], before: folded[end]) { continue }
                candidates.append(Candidate(start: start, end: end, owner: owners[number]))
            }
        }
        candidates.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var chosen: [MentionMatcher.Match] = []
        var reached = 0
        for candidate in candidates where candidate.start >= reached {
            chosen.append(MentionMatcher.Match(start: candidate.start, end: candidate.end, owner: candidate.owner))
            reached = candidate.end
        }
        return chosen
    }

    @Test func randomNamesInRandomTextMatchAsTheRuleSays() {
        var random = SplitMix64(seed: 2026)
        let letters = ["a", "b", "A", "n", " ", "'", "’", "é", "и", "東", "京", "ก"]
        func word(_ length: ClosedRange<Int>) -> String {
            (0..<Int.random(in: length, using: &random)).map { _ in letters.randomElement(using: &random)! }.joined()
        }
        for round in 0..<300 {
            let names = (0..<Int.random(in: 1...30, using: &random)).map { (name: word(1...5), owner: $0) }
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in word(1...6) }.joined(separator: " ")
            let caseSensitive = round % 2 == 0
            let matcher = MentionMatcher(names: names, caseSensitive: caseSensitive)
            #expect(matcher.matches(in: text) == bruteForce(text, names: names, caseSensitive: caseSensitive),
                    "\(names.map(\.name)) in \(text.debugDescription)")
        }
    }
}
