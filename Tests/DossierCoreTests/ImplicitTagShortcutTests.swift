import Foundation
import Testing
import Yams
@testable import DossierCore

/// YAML composed with the basic resolver (no regular expressions per key) must read
/// exactly as YAML composed with Yams' default: the same nodes, the same template
/// params, the same duplicate-key errors.
@Suite struct ImplicitTagShortcutTests {
    /// Everything Dossier reads from a tree, node by node: kind, text, style, position,
    /// and each value as a template param (keys never become params: a key's tag is
    /// resolved by the duplicate check, by whichever resolver composed it).
    func reading(_ node: Node?) -> String {
        guard let node else { return "nil" }
        let reader = YAMLReader(path: "x.yml", firstLine: 1)
        var lines: [String] = []
        func visit(_ node: Node, depth: Int, isKey: Bool = false) {
            let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "-"
            let pad = String(repeating: " ", count: depth)
            let value = isKey ? "key" : "\(reader.param(node))"
            switch node {
            case .scalar(let scalar):
                lines.append("\(pad)scalar \(scalar.string.debugDescription) \(scalar.style) \(mark) \(value) \(node.string ?? "nil")")
            case .sequence(let list):
                lines.append("\(pad)list \(mark) \(value)")
                for item in list { visit(item, depth: depth + 1) }
            case .mapping(let mapping):
                lines.append("\(pad)map \(mark) \(value)")
                for (key, value) in mapping {
                    lines.append("\(pad) key \(key.string ?? "nil")")
                    visit(key, depth: depth + 2, isKey: true)
                    visit(value, depth: depth + 2)
                }
            case .alias:
                lines.append("\(pad)alias")
            }
        }
        visit(node, depth: 0)
        return lines.joined(separator: "\n")
    }

    func outcome(_ compose: () throws -> Node?) -> String {
        do { return reading(try compose()) } catch { return "error: \(error)" }
    }

    func expectSameReading(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let shortcut = outcome { try ImplicitTagShortcut.compose(yaml, encoding: .utf8) }
        let standard = outcome { try Yams.compose(yaml: yaml, .default, .default, .utf8) }
        #expect(shortcut == standard, "\(yaml)", sourceLocation: sourceLocation)
    }

    static let samples: [String] = [
        "title: Iran\ndate: 2025-01-02\ndraft: no\nactors: [iran, iraq]\n",
        "1: a\n\"1\": b\n",
        "yes: a\n'yes': b\n",
        "yes: a\nyes: b\n",
        "null: a\n~: b\n\"null\": c\n",
        "<<: a\n\"<<\": b\n",
        "1.5: a\n\"1.5\": b\n",
        "2025-01-02: a\n\"2025-01-02\": b\n",
        "0x1F: a\n'0x1F': b\n",
        "!!int 1: a\n1: b\n",
        "!!str 1: a\n\"1\": b\n",
        "? {=: x}\n: y\n",
        "params:\n  =: value\n  flag: yes\n  n: 12\n  f: 1.5\n  t: \"true\"\n  z: ~\n",
        "params: {a: {b: [1, yes, \"no\", 3.0]}, c: [{d: e}]}\n",
        "outer:\n  k: 1\n  \"k\": 2\n",
        "outer:\n  k: 1\n  k: 2\n",
        "a: &x yes\nb: x\n",
        "? [1, 2]\n: pair\n? [\"1\", 2]\n: other\n",
        "",
        "title: [unclosed\n",
        "a: 1\na: 2\nb: [\n",
        "title: Emphasis!\n\"1\": a\n1: b\n",
    ]

    @Test func everySampleReadsAsTheDefaultResolverReadsIt() {
        for yaml in Self.samples { expectSameReading(yaml) }
    }

    /// Random mappings over keys whose plain and quoted spellings resolve apart by
    /// default (numbers, bools, nulls, merge keys, timestamps) or alike (words).
    @Test func randomMappingsReadAsTheDefaultResolverReadsThem() {
        var random = SplitMix64(seed: 30)
        let words = ["title", "1", "01", "yes", "no", "on", "null", "~", "<<", "1.5", ".inf", "2025-01-02", "0o7", "-3", "true", "x", "="]
        let values = ["a", "1", "yes", "\"yes\"", "[1, no]", "{k: 2}", "~", "'q'", "1e3", "!!str 5"]
        for _ in 0..<400 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...5, using: &random) {
                let word = words.randomElement(using: &random)!
                let key = switch Int.random(in: 0..<3, using: &random) {
                case 0: word
                case 1: "\"\(word)\""
                default: "'\(word)'"
                }
                lines.append("\(key): \(values.randomElement(using: &random)!)")
            }
            expectSameReading(lines.joined(separator: "\n") + "\n")
        }
    }

    @Test func plainTextWithoutTagsOrEqualsSignsTakesTheBasicResolver() throws {
        // Resolved by the default rules, a plain `1` is an int; with none, a string.
        let root = try #require(try ImplicitTagShortcut.compose("1: a\n", encoding: .utf8))
        guard case .mapping(let mapping) = root, let key = mapping.first?.key else {
            Issue.record("expected a mapping")
            return
        }
        #expect(key.tag.rawValue == Tag.Name.str.rawValue)
        #expect(ImplicitTagShortcut.mayResolveBasically("title: Iran\n"))
        #expect(!ImplicitTagShortcut.mayResolveBasically("title: Iran!\n"))
        #expect(!ImplicitTagShortcut.mayResolveBasically("a: b=c\n"))
    }
}
