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
    /// laid out by state in `states` and `edges`.
    private var transitions: [UInt64: Int32] = [:]
    /// Everything a step reads about a state, side by side: with 20,000 actors the
    /// tables outgrow the cache, and one array per field cost a cache miss per field.
    private var states: [State] = [State(edgeStart: 0, edgeEnd: 0, failure: 0, firstOutput: -1)]
    /// Each state's transitions, sorted by scalar, from `edgeStart` to `edgeEnd`: a
    /// state has a few, found by a short scan where hashing the key cost more than the
    /// step itself.
    private var edges: [Edge] = []
    /// Transitions from the root for ASCII, the common case, without a search.
    private var rootASCII = [Int32](repeating: 0, count: 128)
    private var patterns: [Pattern] = []

    private struct State {
        var edgeStart: Int32
        var edgeEnd: Int32
        var failure: Int32
        /// The longest pattern ending at this state, or -1; the others follow in
        /// `Pattern.nextOutput`.
        var firstOutput: Int32
    }

    private struct Edge {
        var scalar: UInt32
        var target: Int32
    }

    private struct Pattern {
        var owner: Int
        var length: Int32
        /// The next shorter pattern that ends where this one does, or -1.
        var nextOutput: Int32
    }

    public init(names: [(name: String, owner: Int)], caseSensitive: Bool) {
        self.caseSensitive = caseSensitive
        // The pattern ending exactly at each state, or -1, while the automaton is built.
        var terminal: [Int32] = [-1]
        for (name, owner) in names {
            let key = NameFolding.key(name, caseSensitive: caseSensitive)
            guard !key.isEmpty else { continue }
            insert(key, owner: owner, terminal: &terminal)
        }
        buildFailureLinks(terminal: terminal)
    }

    public var patternCount: Int { patterns.count }

    private mutating func insert(_ key: [UInt32], owner: Int, terminal: inout [Int32]) {
        var state: Int32 = 0
        for scalar in key {
            let edge = UInt64(UInt32(state)) << 32 | UInt64(scalar)
            if let next = transitions[edge] {
                state = next
            } else {
                let next = Int32(terminal.count)
                terminal.append(-1)
                transitions[edge] = next
                if state == 0, scalar < 128 { rootASCII[Int(scalar)] = next }
                state = next
            }
        }
        if terminal[Int(state)] == -1 {
            terminal[Int(state)] = Int32(patterns.count)
            patterns.append(Pattern(owner: owner, length: Int32(key.count), nextOutput: -1))
        }
    }

    private mutating func buildFailureLinks(terminal: [Int32]) {
        var children: [[(UInt32, Int32)]] = Array(repeating: [], count: terminal.count)
        for (edge, next) in transitions {
            children[Int(edge >> 32)].append((UInt32(truncatingIfNeeded: edge), next))
        }
        // Sorted so that construction does not depend on dictionary order.
        for index in children.indices { children[index].sort { $0.0 < $1.0 } }
        states.removeAll()
        states.reserveCapacity(children.count)
        edges.reserveCapacity(transitions.count)
        for (state, stateEdges) in children.enumerated() {
            let start = Int32(edges.count)
            for (scalar, target) in stateEdges { edges.append(Edge(scalar: scalar, target: target)) }
            states.append(State(edgeStart: start, edgeEnd: Int32(edges.count), failure: 0, firstOutput: terminal[state]))
        }
        transitions = [:]
        // The nearest state along the failure chain that has a terminal, or -1.
        var outputLink = [Int32](repeating: -1, count: children.count)
        var queue: [Int32] = children[0].map(\.1)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (scalar, child) in children[Int(state)] {
                var target: Int32 = 0
                if state != 0 {
                    var fallback = states[Int(state)].failure
                    while true {
                        if let next = step(fallback, scalar) {
                            target = next
                            break
                        }
                        if fallback == 0 { break }
                        fallback = states[Int(fallback)].failure
                    }
                }
                states[Int(child)].failure = target
                outputLink[Int(child)] = terminal[Int(target)] >= 0 ? target : outputLink[Int(target)]
                queue.append(child)
            }
        }
        for state in states.indices {
            let link = outputLink[state]
            let linked = link >= 0 ? terminal[Int(link)] : -1
            if terminal[state] >= 0 {
                patterns[Int(terminal[state])].nextOutput = linked
            } else {
                states[state].firstOutput = linked
            }
        }
    }

    @inline(__always)
    private func step(_ state: Int32, _ scalar: UInt32) -> Int32? {
        if state == 0, scalar < 128 {
            let next = rootASCII[Int(scalar)]
            return next == 0 ? nil : next
        }
        return states.withUnsafeBufferPointer { states in
            edges.withUnsafeBufferPointer { edges in
                Self.step(states[Int(state)], scalar, edges: edges)
            }
        }
    }

    @inline(__always)
    private static func step(_ state: State, _ scalar: UInt32, edges: UnsafeBufferPointer<Edge>) -> Int32? {
        let end = Int(state.edgeEnd)
        var low = Int(state.edgeStart), high = end
        // Every edge before `low` has a smaller scalar: halve to a few, then scan on.
        while high - low > 8 {
            let middle = (low + high) / 2
            if edges[middle].scalar < scalar { low = middle + 1 } else { high = middle }
        }
        while low < end {
            let candidate = edges[low]
            if candidate.scalar == scalar { return candidate.target }
            if candidate.scalar > scalar { return nil }
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
        guard !patterns.isEmpty else { return [] }
        var candidates: [Match] = []
        // Unchecked reads: the loop runs once per scalar of every text searched.
        scalars.withUnsafeBufferPointer { scalars in
            states.withUnsafeBufferPointer { states in
                edges.withUnsafeBufferPointer { edges in
                    patterns.withUnsafeBufferPointer { patterns in
                        rootASCII.withUnsafeBufferPointer { rootASCII in
                            var state: Int32 = 0
                            var current = states[0]
                            for (index, scalar) in scalars.enumerated() {
                                while true {
                                    if state == 0, scalar < 128 {
                                        let next = rootASCII[Int(scalar)]
                                        if next != 0 { state = next }
                                        break
                                    }
                                    if let next = Self.step(current, scalar, edges: edges) {
                                        state = next
                                        break
                                    }
                                    if state == 0 { break }
                                    state = current.failure
                                    current = states[Int(state)]
                                }
                                current = states[Int(state)]
                                var output = current.firstOutput
                                while output >= 0 {
                                    let pattern = patterns[Int(output)]
                                    let end = index + 1
                                    let start = end - Int(pattern.length)
                                    if isBoundary(scalars, start: start, end: end) {
                                        candidates.append(Match(start: start, end: end, owner: pattern.owner))
                                    }
                                    output = pattern.nextOutput
                                }
                            }
                        }
                    }
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
