/// Finds actor names in text with one Aho–Corasick automaton over every name, so the
/// cost is linear in the text and does not grow with the number of actors.
///
/// ```swift
/// let matcher = MentionMatcher(names: [("Iran", 0), ("Islamic Republic of Iran", 0)], caseSensitive: true)
/// matcher.matches(in: "The Islamic Republic of Iran's envoy")
/// // [Match(start: 4, end: 28, owner: 0)] — longest match wins; "'s" still matches
/// ```
///
/// Rules: whole words only (Unicode letters, digits and marks count as word
/// characters), except next to a letter of a script written without spaces (Han,
/// kana, Thai, Lao, Khmer, Myanmar), where a name may begin or end anywhere that
/// does not cut a syllable (see `UnspacedScripts`); a possessive `'s`/`’s` may
/// follow, the leftmost-longest match wins, typographic and Arabic-script variants
/// fold together (see `NameFolding`). Offsets are always those of the original text. Owners are caller-defined
/// integers; the caller uses a separate owner for phrases to ignore, which still
/// compete in longest match and are then dropped by the caller.
public struct MentionMatcher: Sendable {
    public struct Match: Sendable, Hashable {
        /// Offsets in Unicode scalars of the searched text; `end` excludes a possessive.
        public var start: Int
        public var end: Int
        public var owner: Int
    }

    public let caseSensitive: Bool
    /// Transitions keyed by `state << 32 | scalar`, while the automaton is built; then
    /// laid out by state in `edgeStart`, `edgeScalar` and `edgeTarget`.
    private var transitions: [UInt64: Int32] = [:]
    /// Where each state's transitions begin in `edgeScalar` and `edgeTarget` (one more
    /// entry than states), sorted by scalar: a state has a few, found by a short scan
    /// where hashing the key cost more than the step itself.
    private var edgeStart: [Int32] = [0]
    private var edgeScalar: [UInt32] = []
    private var edgeTarget: [Int32] = []
    /// Transitions from the root for ASCII, the common case, without a search.
    private var rootASCII = [Int32](repeating: 0, count: 128)
    private var failure: [Int32] = [0]
    /// The pattern ending exactly at each state, or -1.
    private var terminal: [Int32] = [-1]
    /// The nearest state along the failure chain that has a terminal, or -1.
    private var outputLink: [Int32] = [-1]
    private var patternLength: [Int] = []
    private var patternOwner: [Int] = []

    public init(names: [(name: String, owner: Int)], caseSensitive: Bool) {
        self.caseSensitive = caseSensitive
        for (name, owner) in names {
            let key = NameFolding.key(name, caseSensitive: caseSensitive)
            guard !key.isEmpty else { continue }
            insert(key, owner: owner)
        }
        buildFailureLinks()
    }

    public var patternCount: Int { patternLength.count }

    private mutating func insert(_ key: [UInt32], owner: Int) {
        var state: Int32 = 0
        for scalar in key {
            let edge = UInt64(UInt32(state)) << 32 | UInt64(scalar)
            if let next = transitions[edge] {
                state = next
            } else {
                let next = Int32(failure.count)
                failure.append(0)
                terminal.append(-1)
                outputLink.append(-1)
                transitions[edge] = next
                if state == 0, scalar < 128 { rootASCII[Int(scalar)] = next }
                state = next
            }
        }
        if terminal[Int(state)] == -1 {
            terminal[Int(state)] = Int32(patternLength.count)
            patternLength.append(key.count)
            patternOwner.append(owner)
        }
    }

    private mutating func buildFailureLinks() {
        var children: [[(UInt32, Int32)]] = Array(repeating: [], count: failure.count)
        for (edge, next) in transitions {
            children[Int(edge >> 32)].append((UInt32(truncatingIfNeeded: edge), next))
        }
        // Sorted so that construction does not depend on dictionary order.
        for index in children.indices { children[index].sort { $0.0 < $1.0 } }
        edgeStart = [0]
        edgeStart.reserveCapacity(children.count + 1)
        edgeScalar.reserveCapacity(transitions.count)
        edgeTarget.reserveCapacity(transitions.count)
        for edges in children {
            for (scalar, target) in edges {
                edgeScalar.append(scalar)
                edgeTarget.append(target)
            }
            edgeStart.append(Int32(edgeScalar.count))
        }
        transitions = [:]
        var queue: [Int32] = children[0].map(\.1)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (scalar, child) in children[Int(state)] {
                var target: Int32 = 0
                if state != 0 {
                    var fallback = failure[Int(state)]
                    while true {
                        if let next = step(fallback, scalar) {
                            target = next
                            break
                        }
                        if fallback == 0 { break }
                        fallback = failure[Int(fallback)]
                    }
                }
                failure[Int(child)] = target
                outputLink[Int(child)] = terminal[Int(target)] >= 0 ? target : outputLink[Int(target)]
                queue.append(child)
            }
        }
    }

    @inline(__always)
    private func step(_ state: Int32, _ scalar: UInt32) -> Int32? {
        if state == 0, scalar < 128 {
            let next = rootASCII[Int(scalar)]
            return next == 0 ? nil : next
        }
        let end = Int(edgeStart[Int(state) + 1])
        var low = Int(edgeStart[Int(state)]), high = end
        // Every edge before `low` has a smaller scalar: halve to a few, then scan on.
        while high - low > 8 {
            let middle = (low + high) / 2
            if edgeScalar[middle] < scalar { low = middle + 1 } else { high = middle }
        }
        while low < end {
            let candidate = edgeScalar[low]
            if candidate == scalar { return edgeTarget[low] }
            if candidate > scalar { return nil }
            low += 1
        }
        return nil
    }

    /// All mentions in `text`, leftmost-longest and non-overlapping, in order.
    public func matches(in text: String) -> [Match] {
        matches(folding: text.unicodeScalars, capacity: text.utf8.count)
    }

    /// All mentions in `scalars`, as `matches(in:)` finds them in the string they
    /// spell; offsets count from the slice's start. A text run's scalars are already
    /// decoded in its block's text: folding them costs less than decoding the run again.
    public func matches(in scalars: ArraySlice<Unicode.Scalar>) -> [Match] {
        matches(folding: scalars, capacity: scalars.count)
    }

    /// Folds `scalars` (at most `capacity` of them) straight into the array the
    /// automaton reads: appending one at a time checked capacity and uniqueness at each.
    private func matches<Scalars: Sequence<Unicode.Scalar>>(folding scalars: Scalars, capacity: Int) -> [Match] {
        // The original offset of each folded scalar, kept only once a transparent
        // scalar (ZWNJ, tatweel) has been skipped: text without one, nearly all
        // text, pays nothing for it.
        var origins: [Int]?
        let folded = [UInt32](unsafeUninitializedCapacity: capacity) { buffer, count in
            var written = 0
            var offset = 0
            for scalar in scalars {
                let value = NameFolding.fold(scalar, caseSensitive: caseSensitive)
                if value == NameFolding.transparent {
                    if origins == nil { origins = Array(0..<written) }
                } else {
                    buffer[written] = value
                    written += 1
                    origins?.append(offset)
                }
                offset += 1
            }
            count = written
        }
        let found = matches(inFolded: folded)
        guard let origins else { return found }
        // A match covers the transparent scalars inside it ("ایـران") but not those around it.
        return found.map { Match(start: origins[$0.start], end: origins[$0.end - 1] + 1, owner: $0.owner) }
    }

    func matches(inFolded scalars: [UInt32]) -> [Match] {
        guard !patternLength.isEmpty else { return [] }
        var candidates: [Match] = []
        var state: Int32 = 0
        // Unchecked reads: the loop runs once per scalar of every text searched.
        scalars.withUnsafeBufferPointer { scalars in
            for (index, scalar) in scalars.enumerated() {
                while true {
                    if let next = step(state, scalar) {
                        state = next
                        break
                    }
                    if state == 0 { break }
                    state = failure[Int(state)]
                }
                var output = terminal[Int(state)] >= 0 ? state : outputLink[Int(state)]
                while output >= 0 {
                    let pattern = Int(terminal[Int(output)])
                    let end = index + 1
                    let start = end - patternLength[pattern]
                    if isBoundary(scalars, start: start, end: end) {
                        candidates.append(Match(start: start, end: end, owner: patternOwner[pattern]))
                    }
                    output = outputLink[Int(output)]
                }
            }
        }
        guard candidates.count > 1 else { return candidates }
        candidates.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var chosen: [Match] = []
        var reached = 0
        for candidate in candidates where candidate.start >= reached {
            chosen.append(candidate)
            reached = candidate.end
        }
        return chosen
    }

    private func isBoundary(_ scalars: UnsafeBufferPointer<UInt32>, start: Int, end: Int) -> Bool {
        if start > 0, !NameFolding.nameMayStart(after: scalars[start - 1], at: scalars[start]) { return false }
        return end == scalars.count || NameFolding.nameMayEnd(at: scalars[end - 1], before: scalars[end])
    }
}
