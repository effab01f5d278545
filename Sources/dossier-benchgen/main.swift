import DossierCore
import Foundation

// Benchmark helper. Two jobs:
//
//   dossier-benchgen project N DIR   writes a synthetic project of N briefings (about
//                                    8 KB and 70 actor mentions each) and N/5 actors,
//                                    mentioned by title and alias; deterministic for N.
//   dossier-benchgen matcher         measures the mention matcher's throughput with 10
//                                    actors and with 10,000 aliases over the same text.

/// A small deterministic generator (SplitMix64), so every run writes the same project.
struct Generator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
}

let syllables = ["ka", "ra", "mo", "ta", "vi", "sen", "dor", "lan", "qua", "bel", "tor", "min", "zar", "ost", "ur", "phi",
                 "gal", "nek", "sol", "ver", "ash", "bo", "cre", "dia"]
let words = ["the", "government", "said", "talks", "would", "resume", "after", "a", "pause", "of", "several", "months",
             "while", "officials", "in", "both", "capitals", "described", "progress", "as", "limited", "and", "noted",
             "that", "sanctions", "remain", "in", "force", "analysts", "expect", "further", "pressure", "on", "trade",
             "routes", "energy", "exports", "security", "cooperation", "regional", "partners", "agreement", "framework"]

func name(_ generator: inout Generator, parts: Int) -> String {
    (0..<parts).map { _ in generator.pick(syllables) }.joined().capitalized
}

struct SyntheticActor {
    var slug: String
    var title: String
    var alias: String
}

func actors(count: Int) -> [SyntheticActor] {
    var generator = Generator(state: 42)
    var seen: Set<String> = []
    var result: [SyntheticActor] = []
    while result.count < count {
        // 24 syllables make only 14,400 titles of two or three; beyond 12,000 actors
        // (a 60,000-briefing project) titles get one more, which keeps smaller
        // projects exactly as they were.
        let title = name(&generator, parts: 2 + generator.int(2) + (result.count >= 12_000 ? 1 : 0))
        let alias = name(&generator, parts: 3) + " " + generator.pick(["Republic", "Union", "Council", "Front", "Accord"])
        guard !seen.contains(title), !seen.contains(alias) else { continue }
        seen.insert(title)
        seen.insert(alias)
        result.append(SyntheticActor(slug: "a\(result.count)-" + title.lowercased(), title: title, alias: alias))
    }
    return result
}

/// A sentence of 12 to 23 words. `mentions` actors from `actors` are named in it, by
/// title (sometimes possessive) or by alias, at spread-out positions.
func sentence(_ generator: inout Generator, actors: [SyntheticActor], mentions: Int = 1) -> String {
    let length = 12 + generator.int(12)
    var slots: Set<Int> = []
    while slots.count < min(mentions, length) { slots.insert(generator.int(length)) }
    var parts: [String] = []
    for index in 0..<length {
        if slots.contains(index) {
            let actor = generator.pick(actors)
            parts.append(generator.int(3) == 0 ? actor.alias : actor.title + (generator.int(4) == 0 ? "'s" : ""))
        } else {
            parts.append(generator.pick(words))
        }
    }
    let text = parts.joined(separator: " ")
    return text.prefix(1).uppercased() + text.dropFirst() + "."
}

/// A briefing body as heavy as a real desk's (issue 10): about 8 KB of GFM with about
/// 70 actor mentions, mostly of its three principal actors, under headings, with a
/// list, a table, strikethrough and a footnote.
func briefingBody(_ generator: inout Generator, index: Int, principal: [SyntheticActor], cast: [SyntheticActor]) -> String {
    var body = ""
    for section in 0..<4 {
        body += "## Section \(section + 1): \(generator.pick(words)) \(generator.pick(words))\n\n"
        for _ in 0..<4 {
            // Four sentences of about 105 bytes each, one mention apiece, one of
            // them of an actor outside the principal three.
            body += (0..<4).map { _ in
                sentence(&generator, actors: generator.int(4) == 0 ? cast : principal)
            }.joined(separator: " ") + "\n\n"
        }
        if section == 1 {
            body += "- \(sentence(&generator, actors: principal))\n- ~~\(generator.pick(words))~~ \(sentence(&generator, actors: cast))\n\n"
            body += "| Actor | Position |\n|---|---|\n| \(principal[0].title) | \(generator.pick(words)) |\n| \(principal[1].title) | \(generator.pick(words)) |\n\n"
        }
    }
    body += "See the record.[^src]\n\n[^src]: Synthetic source \(index).\n"
    return body
}

func writeProject(briefings count: Int, to root: URL) throws {
    let fm = FileManager.default
    try? fm.removeItem(at: root)
    try fm.createDirectory(at: root.appendingPathComponent("content/actors"), withIntermediateDirectories: true)
    try fm.createDirectory(at: root.appendingPathComponent("content/briefings"), withIntermediateDirectories: true)
    try "title: Benchmark\nbase_url: https://example.org/bench/\n".write(to: root.appendingPathComponent("dossier.yml"), atomically: true, encoding: .utf8)
    let cast = actors(count: max(2, count / 5))
    var generator = Generator(state: 7)
    for (index, actor) in cast.enumerated() {
        let target = cast[(index * 7 + 3) % cast.count]
        let relation = target.slug == actor.slug ? "" : "relations:\n  - type: \(generator.pick(["member-of", "hosts", "leads", "sanctions"]))\n    target: \(target.slug)\n    since: \(2000 + index % 25)\n"
        try """
        ---
        title: \(actor.title)
        kind: \(generator.pick(["state", "organization", "person", "place", "agreement", "group"]))
        aliases: ["\(actor.alias)"]
        summary: \(sentence(&generator, actors: cast))
        \(relation)---
        \(sentence(&generator, actors: cast)) \(sentence(&generator, actors: cast))

        """.write(to: root.appendingPathComponent("content/actors/\(actor.slug).md"), atomically: false, encoding: .utf8)
    }
    for index in 0..<count {
        let principal = (0..<3).map { _ in generator.pick(cast) }
        let body = briefingBody(&generator, index: index, principal: principal, cast: cast)
        let month = 1 + index % 12, day = 1 + index % 28
        try """
        ---
        title: "Briefing \(index): \(principal[0].title) and \(principal[1].title)"
        date: \(2000 + index % 26)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)
        summary: \(sentence(&generator, actors: principal))
        authors: [Bench desk]
        actors: [\(Set(principal.map(\.slug)).sorted().joined(separator: ", "))]
        tags: [\(generator.pick(["energy", "security", "trade", "sanctions"]))]
        events:
          - date: \(2000 + index % 26)
            title: Event \(index)
            actors: [\(principal[0].slug)]
        ---
        \(body)
        """.write(to: root.appendingPathComponent("content/briefings/b\(index).md"), atomically: false, encoding: .utf8)
    }
}

/// Megabytes per second of the matcher over `text`, best of three runs.
func throughput(_ matcher: MentionMatcher, _ text: String) -> (megabytesPerSecond: Double, matches: Int) {
    var best = Double.infinity
    var found = 0
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds
        found = matcher.matches(in: text).count
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (Double(text.utf8.count) / 1_000_000 / best, found)
}

func matcherBenchmark() {
    let cast = actors(count: 10_000)
    var generator = Generator(state: 99)
    var text = ""
    while text.utf8.count < 4_000_000 {
        text += sentence(&generator, actors: Array(cast.prefix(10)), mentions: 3) + " "
    }
    let small = MentionMatcher(names: cast.prefix(10).enumerated().map { ($1.title, $0) }, caseSensitive: true)
    let large = MentionMatcher(names: cast.enumerated().flatMap { [($1.title, $0), ($1.alias, $0)] }.prefix(10_000).map { $0 },
                               caseSensitive: true)
    let few = throughput(small, text)
    let many = throughput(large, text)
    print(String(format: "text: %.1f MB", Double(text.utf8.count) / 1_000_000))
    print(String(format: "matcher, %5d names: %6.1f MB/s (%d matches)", small.patternCount, few.megabytesPerSecond, few.matches))
    print(String(format: "matcher, %5d names: %6.1f MB/s (%d matches)", large.patternCount, many.megabytesPerSecond, many.matches))
    print(String(format: "ratio: %.2f", max(few.megabytesPerSecond, many.megabytesPerSecond) / min(few.megabytesPerSecond, many.megabytesPerSecond)))
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "project":
    guard arguments.count == 3, let count = Int(arguments[arguments.startIndex + 1]) else {
        FileHandle.standardError.write(Data("usage: dossier-benchgen project N DIR\n".utf8))
        exit(2)
    }
    do {
        try writeProject(briefings: count, to: URL(fileURLWithPath: arguments[arguments.startIndex + 2]))
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
case "matcher":
    matcherBenchmark()
default:
    FileHandle.standardError.write(Data("usage: dossier-benchgen project N DIR | dossier-benchgen matcher\n".utf8))
    exit(2)
}
