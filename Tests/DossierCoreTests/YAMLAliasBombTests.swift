import Foundation
import Testing
@testable import DossierCore

/// Aliases are expanded wherever a value is used (unknown keys become template
/// params), so a few hundred bytes of anchors and aliases can stand for billions of
/// values. Every YAML document is bounded after expansion, and the alias that
/// crosses the bound is reported.
@Suite struct YAMLAliasBombTests {
    let limit = YAMLLimits.maxNodes

    func briefing(_ yamlLines: [String]) -> String {
        (["---", "title: Bomb", "date: 2025-01-01"] + yamlLines + ["---", "Body."]).joined(separator: "\n") + "\n"
    }

    /// The first alias on the line of anchor `name`.
    func firstAlias(onLineOf name: String, in text: String) throws -> (line: Int, column: Int) {
        let line = try #require(AliasBomb.position(of: "&\(name) ", in: text)).line
        let row = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
        let range = try #require(row.range(of: "*"))
        return (line, row.unicodeScalars.distance(from: row.startIndex, to: range.lowerBound) + 1)
    }

    @Test func anAliasBombInFrontMatterIsRefusedAtTheAliasThatCrossesTheLimit() throws {
        // Levels a…e expand to 74,742 values with the fixed fields; the first *e on
        // line f adds 66,430 more and crosses 100,000. (Six levels are enough to show
        // it; the command-line tests below use the full-sized bombs.)
        let text = briefing(AliasBomb.lines(levels: 6))
        let result = ContentDecoder.briefing(text, path: "content/briefings/bomb.md", fileSlug: "bomb")
        let alias = try firstAlias(onLineOf: "f", in: text)
        #expect(result.diagnostics.lines == [
            "content/briefings/bomb.md:\(alias.line):\(alias.column): error: alias '*e' expands this YAML beyond \(limit) values (the limit for one file)",
        ])
        #expect(result.value == nil)
    }

    @Test func anAliasBombInDossierYmlIsRefusedAtTheAliasThatCrossesTheLimit() throws {
        let text = (["title: Bomb"] + AliasBomb.lines(levels: 6)).joined(separator: "\n") + "\n"
        let (_, diagnostics) = SiteConfig.decode(text)
        let alias = try firstAlias(onLineOf: "f", in: text)
        #expect(diagnostics.lines == [
            "dossier.yml:\(alias.line):\(alias.column): error: alias '*e' expands this YAML beyond \(limit) values (the limit for one file)",
        ])
    }

    /// Yams compares mapping keys while composing, and hashing a key that is an
    /// alias walks its whole expansion: this bomb used to spend its time inside
    /// `Yams.compose`, before any of Dossier's own code saw the tree.
    @Test func anAliasBombUsedAsAMappingKeyIsRefusedBeforeComposing() throws {
        let text = (["markdown:"] + AliasBomb.lines(levels: 8, indent: "  ") + ["? *h", ": 1"]).joined(separator: "\n") + "\n"
        let (_, diagnostics) = SiteConfig.decode(text)
        let alias = try firstAlias(onLineOf: "f", in: text)
        #expect(diagnostics.filter { $0.severity == .error }.lines == [
            "dossier.yml:\(alias.line):\(alias.column): error: alias '*e' expands this YAML beyond \(limit) values (the limit for one file)",
        ])
    }

    /// An alias may stand as a key, after `? `, after `- `, or in a flow mapping as a
    /// key directly followed by its colon (`{*e:k}`): each of these is counted.
    @Test(arguments: [
        ("value after a colon", "x: *e"),
        ("explicit key", "? *e\n: 1"),
        ("plain key", "*e : 1"),
        ("block list item", "x:\n  - *e"),
        ("flow mapping value", "x: {k: *e}"),
        ("flow mapping key without spaces", "x: {*e:k}"),
        ("flow list", "x: [1, *e]"),
        ("after a tag-less anchor", "x: &y [*e]"),
    ])
    func everyPlaceAnAliasCanStandIsCounted(place: String, yaml: String) throws {
        // a…e take 74,741 values; one more *e crosses the limit.
        let text = briefing(AliasBomb.lines(levels: 5) + yaml.split(separator: "\n").map(String.init))
        let result = ContentDecoder.briefing(text, path: "b.md", fileSlug: "b")
        let lastLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lastLines.lastIndex { $0.contains("*e") }) + 1
        let column = try #require(lastLines[line - 1].range(of: "*e")).lowerBound.utf16Offset(in: lastLines[line - 1]) + 1
        #expect(result.diagnostics.lines == [
            "b.md:\(line):\(column): error: alias '*e' expands this YAML beyond \(limit) values (the limit for one file)",
        ], "\(place)")
    }

    /// Text that merely looks like an alias is not one: emphasis in quoted, block
    /// and plain scalars, comments, and a `*` inside a word or a tag expand nothing.
    @Test func asterisksInsideScalarsAndCommentsAreNotAliases() throws {
        let text = briefing(AliasBomb.lines(levels: 5) + [
            "quoted: \"the *e and *e again\"",
            "note: 'single *e'",
            "plain: a *e b",
            "inside: [C*e, x*e]",
            "tagged: !x*e y",
            "# a comment *e *e *e",
            "block: |",
            "  *e *e",
            "  [*e]",
        ])
        let result = ContentDecoder.briefing(text, path: "b.md", fileSlug: "b")
        #expect(result.diagnostics.isEmpty)
        let params = try #require(result.value?.params)
        #expect(params.first { $0.key == "quoted" }?.value == .string("the *e and *e again"))
        #expect(params.first { $0.key == "block" }?.value == .string("*e *e\n[*e]"))
    }

    /// Positions name the aliases, so they must be counted as libyaml counts them:
    /// CR LF and CR end lines, a byte-order mark takes no column.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func aliasesAreFoundAfterEveryKindOfLineEnd(lineEnd: String) throws {
        let text = "\u{FEFF}title: T" + lineEnd + AliasBomb.lines(levels: 5).joined(separator: lineEnd) + lineEnd + "x: [*e, *e]" + lineEnd
        let (_, diagnostics) = SiteConfig.decode(text)
        #expect(diagnostics.lines == ["dossier.yml:7:5: error: alias '*e' expands this YAML beyond \(limit) values (the limit for one file)"])
    }

    /// libyaml also ends a line at NEL, LS and PS, which YAML allows inside quoted scalars.
    @Test(arguments: ["\u{85}", "\u{2028}", "\u{2029}"])
    func aliasesAreFoundAfterUnicodeLineBreaksInsideScalars(lineBreak: String) throws {
        let text = "title: T\nnote: \"one" + lineBreak + "  two\"\n" + AliasBomb.lines(levels: 5).joined(separator: "\n") + "\nx: [*e, *e]\n"
        let (_, diagnostics) = SiteConfig.decode(text)
        #expect(diagnostics.lines == ["dossier.yml:9:5: error: alias '*e' expands this YAML beyond \(limit) values (the limit for one file)"])
    }

    @Test func aBombOnOneLineIsFoundAtItsColumn() throws {
        let text = "{a: &a [1,1,1,1,1,1,1,1,1,1], b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a], c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b],"
            + " d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c], e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]}\n"
        let (_, diagnostics) = SiteConfig.decode("\u{FEFF}" + text)
        // The mapping, then a key and a list per level: a…d take 1 + 12 + 112 + 1,112
        // + 11,112 = 12,349 values, e's key and list 2 more, and each *d 11,111:
        // the 8th *d crosses 100,000.
        var eighth = text.startIndex
        for _ in 0..<8 { eighth = try #require(text.range(of: "*d", range: text.index(after: eighth)..<text.endIndex)).lowerBound }
        let column = text.unicodeScalars.distance(from: text.startIndex, to: eighth) + 1
        #expect(diagnostics.lines == [
            "dossier.yml:1:\(column): error: alias '*d' expands this YAML beyond \(limit) values (the limit for one file)",
        ])
    }

    /// libyaml reads `*b` in `[a *b]` as the end of the text "a *b"; the stand-in
    /// cannot tell, so the value must be quoted, and the error says so.
    @Test func anAsteriskStartingAWordInsideBracketsAsksForQuotes() throws {
        let (_, diagnostics) = SiteConfig.decode("title: T\ntags: [a *b]\n")
        #expect(diagnostics.lines == [
            "dossier.yml:2:10: error: invalid YAML: while parsing a flow sequence did not find expected ',' or ']' ('*b' reads as an alias here; if it is text, put the value in quotes)",
        ])
        let (_, quoted) = SiteConfig.decode("title: T\ntags: [\"a *b\"]\n")
        #expect(quoted.isEmpty)
    }

    @Test func aliasChainsThatNestTooDeepAreRefused() throws {
        // Each level wraps the previous one in 30 lists: 5 levels nest 150 deep.
        var lines = ["a: &a " + String(repeating: "[", count: 30) + "x" + String(repeating: "]", count: 30)]
        for (previous, name) in zip(["a", "b", "c", "d"], ["b", "c", "d", "e"]) {
            lines.append("\(name): &\(name) " + String(repeating: "[", count: 30) + "*" + previous + String(repeating: "]", count: 30))
        }
        let text = briefing(lines)
        let result = ContentDecoder.briefing(text, path: "b.md", fileSlug: "b")
        let position = try #require(AliasBomb.position(of: "*c", in: text))
        #expect(result.diagnostics.lines == [
            "b.md:\(position.line):\(position.column): error: alias '*c' nests this YAML deeper than \(YAMLLimits.maxDepth) levels (the limit for one file)",
        ])
    }

    @Test func honestAliasesStillWork() throws {
        let text = briefing(["defaults: &defaults {region: west-asia, weight: 3}", "copy: *defaults", "names: &n [a, b]", "again: *n"])
        let result = ContentDecoder.briefing(text, path: "b.md", fileSlug: "b")
        #expect(result.diagnostics.isEmpty)
        let params = try #require(result.value?.params)
        let region = ParamValue.map([ParamEntry(key: "region", value: .string("west-asia")), ParamEntry(key: "weight", value: .int(3))])
        #expect(params == [
            ParamEntry(key: "defaults", value: region), ParamEntry(key: "copy", value: region),
            ParamEntry(key: "names", value: .list([.string("a"), .string("b")])),
            ParamEntry(key: "again", value: .list([.string("a"), .string("b")])),
        ])
    }

    @Test func anUndefinedAliasIsStillReportedByYams() throws {
        let result = ContentDecoder.briefing(briefing(["x: *nowhere"]), path: "b.md", fileSlug: "b")
        #expect(result.diagnostics.lines == ["b.md:4:4: error: invalid YAML: found undefined alias"])
    }

    @Test func plainYAMLWithTooManyValuesIsRefused() throws {
        let text = briefing(["big: [" + Array(repeating: "1", count: limit).joined(separator: ",") + "]"])
        let result = ContentDecoder.briefing(text, path: "b.md", fileSlug: "b")
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message == "this YAML has more than \(limit) values (the limit for one file)")
    }
}

/// The same bombs through the real executable, under a memory cap and a deadline:
/// `dossier check` must answer at once with the error, not exhaust the machine.
@Suite struct YAMLAliasBombCommandLineTests {
    func dossier() throws -> URL {
        try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
    }

    /// 9 levels (the 418-byte file of the report: 387 million values) and 10
    /// levels (3.5 billion).
    @Test(arguments: [9, 10])
    func checkRefusesAnAliasBombQuicklyInABriefingAndInDossierYml(levels: Int) throws {
        let bomb = AliasBomb.lines(levels: levels).joined(separator: "\n")
        let project = try TestProject("""
        -- dossier.yml --
        title: Bombs
        \(bomb)
        -- content/briefings/bomb.md --
        ---
        title: Bomb
        date: 2025-01-01
        \(bomb)
        ---
        Body.
        """)
        defer { project.remove() }
        let run = try BoundedRun.run(dossier(), ["check", "--root", project.root.path],
                                     bounds: RunBounds(timeoutSeconds: 20, memoryLimitBytes: 1 << 30),
                                     logs: project.root.appendingPathComponent("logs"))
        #expect(run.ending == .exited(1))
        let errors = run.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.contains("error: alias '*e' expands this YAML beyond") })
        // The project is outside the current folder, so diagnostics name it by its absolute path.
        #expect(errors.first?.hasPrefix(project.root.path + "/content/briefings/bomb.md:9:") == true)
        #expect(errors.last?.hasPrefix(project.root.path + "/dossier.yml:7:") == true)
    }
}
