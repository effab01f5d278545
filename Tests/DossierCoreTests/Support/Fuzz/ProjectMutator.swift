/// One project to try: the files that differ from the example project, and what
/// was done to them (for the failure message and the saved case).
struct FuzzCase: Sendable {
    var name: String
    var changedFiles: ProjectFiles
    var steps: [String]
}

/// Makes fuzz cases from the example project. Each case applies one to three
/// mutations to its front matter, Markdown bodies, dossier.yml or templates, drawn
/// from a generator seeded by (seed, case number), so any case can be made again
/// on its own from those two numbers.
struct ProjectMutator: Sendable {
    /// The deepest nested blockquotes and lists tried while the quadratic-nesting fix
    /// (issue 9, item 6) is pending: deep enough to reach every nesting code path,
    /// shallow enough to finish. Other shapes go to `deepestNesting` regardless.
    static let depthBelowKnownQuadraticNesting = 1_000
    static let deepestNesting = 100_000
    static let hugeValueBytes = 1 << 20
    /// For titles and dossier.yml values while `KnownFailure.hugeRepeatedTitle` is not reached.
    static let largeRepeatedValueBytes = 64 << 10
    static let hugeListCount = 10_000

    let base: ProjectFiles
    /// The built-in theme's templates under the project paths that would override
    /// them, so every template gets fuzzed, not only the example's one override.
    let themeTemplates: ProjectFiles
    /// The known, unfixed failures whose mutations are made.
    let reached: Set<KnownFailure>

    private let contentPaths: [String]
    private let templatePaths: [String]
    private let donorPaths: [String]

    init(base: ProjectFiles, themeTemplates: ProjectFiles, reaching reached: Set<KnownFailure>) {
        self.base = base
        self.themeTemplates = themeTemplates
        self.reached = reached
        // Sorted: a dictionary's order changes from run to run, a seed's cases must not.
        contentPaths = base.keys.filter { $0.hasPrefix("content/") && $0.hasSuffix(".md") }.sorted()
        templatePaths = Set(base.keys.filter { $0.hasPrefix("templates/") && $0.hasSuffix(".mustache") })
            .union(themeTemplates.keys).sorted()
        donorPaths = Set(base.keys).union(themeTemplates.keys).sorted()
    }

    func makeCase(seed: UInt64, number: Int) -> FuzzCase {
        var random = SplitMix64(seed: seed, stream: UInt64(number))
        var changed: ProjectFiles = [:]
        var steps: [String] = []
        for _ in 0..<random.pick([1, 1, 1, 2, 2, 3]) {
            let kind = random.pick(Mutation.weighted)
            let region = random.pick(kind.regions)
            let path = region == .config ? "dossier.yml" : random.pick(region == .template ? templatePaths : contentPaths)
            var bytes = changed[path] ?? base[path] ?? themeTemplates[path] ?? []
            if kind == .duplicateFile {
                let copy = duplicatePath(of: path, &random)
                changed[copy] = bytes
                steps.append("\(copy): a copy of \(path)")
                continue
            }
            let range = region.range(in: bytes)
            let step = apply(kind, to: &bytes, in: range, region: region, path: path, &random)
            changed[path] = bytes
            steps.append("\(path) (\(region.rawValue)): \(step)")
        }
        return FuzzCase(name: "seed \(seed) case \(number)", changedFiles: changed, steps: steps)
    }

    private func apply(_ kind: Mutation, to bytes: inout [UInt8], in range: Range<Int>, region: Region, path: String,
                       _ random: inout SplitMix64) -> String {
        switch kind {
        case .randomBytes: return insertRandomBytes(&bytes, range, &random)
        case .bitFlips: return flipBits(&bytes, range, &random)
        case .truncation: return truncate(&bytes, range, &random)
        case .splice: return splice(&bytes, range, region: region, &random)
        case .lineEdit: return editLines(&bytes, range, region: region, &random)
        case .deepNesting: return nest(&bytes, range, region: region, path: path, &random)
        case .hugeValue: return insertHugeValue(&bytes, range, region: region, &random)
        case .invalidUTF8: return insertInvalidUTF8(&bytes, range, &random)
        case .nulBytes: return insertNulBytes(&bytes, range, &random)
        case .lineEndings: return changeLineEndings(&bytes, &random)
        case .byteOrderMark: return insertByteOrderMark(&bytes, range, &random)
        case .yamlAnchors: return insertAnchorsAndAliases(&bytes, range, &random)
        case .yamlSyntax: return insertYAMLSyntax(&bytes, range, &random)
        case .markdownSyntax: return insertMarkdownSyntax(&bytes, range, &random)
        case .mustacheTags: return insertMustacheTags(&bytes, range, path: path, &random)
        case .duplicateFile: preconditionFailure("makeCase makes copies: they change the file list, not a file")
        }
    }

    // MARK: - Bytes

    private func insertRandomBytes(_ bytes: inout [UInt8], _ range: Range<Int>, _ random: inout SplitMix64) -> String {
        let count = random.logUniform(1...64)
        let offset = random.inRange(range.lowerBound...range.upperBound)
        if random.chance(50), offset + count <= bytes.count {
            bytes.replaceSubrange(offset..<offset + count, with: random.bytes(count))
            return "overwrote \(count) bytes at \(offset) with random bytes"
        }
        bytes.insert(contentsOf: random.bytes(count), at: offset)
        return "inserted \(count) random bytes at \(offset)"
    }

    private func flipBits(_ bytes: inout [UInt8], _ range: Range<Int>, _ random: inout SplitMix64) -> String {
        guard !range.isEmpty else { return "no bits to flip" }
        let count = random.logUniform(1...16)
        for _ in 0..<count {
            bytes[random.inRange(range.lowerBound...range.upperBound - 1)] ^= 1 << UInt8(random.below(8))
        }
        return "flipped \(count) bits"
    }

    private func truncate(_ bytes: inout [UInt8], _ range: Range<Int>, _ random: inout SplitMix64) -> String {
        let offset = random.inRange(range.lowerBound...range.upperBound)
        let total = bytes.count
        bytes.removeSubrange(offset...)
        return "truncated at byte \(offset) of \(total)"
    }

    private func splice(_ bytes: inout [UInt8], _ range: Range<Int>, region: Region, _ random: inout SplitMix64) -> String {
        // Template text spliced into a template can make it include itself (issue 9, item 7).
        let donors = region == .template && !reached.contains(.recursivePartial)
            ? donorPaths.filter { !$0.hasSuffix(".mustache") } : donorPaths
        let donorPath = random.pick(donors)
        let donor = base[donorPath] ?? themeTemplates[donorPath] ?? []
        guard !donor.isEmpty else { return "nothing to splice from \(donorPath)" }
        let start = random.below(donor.count)
        let length = random.logUniform(1...min(4096, donor.count - start))
        let offset = random.inRange(range.lowerBound...range.upperBound)
        let replaced = random.chance(50) ? min(random.logUniform(1...4096), bytes.count - offset) : 0
        bytes.replaceSubrange(offset..<offset + replaced, with: donor[start..<start + length])
        return "replaced \(replaced) bytes at \(offset) with \(length) bytes of \(donorPath) from \(start)"
    }

    private func editLines(_ bytes: inout [UInt8], _ range: Range<Int>, region: Region, _ random: inout SplitMix64) -> String {
        let lines = Bytes.lineRanges(in: bytes, range)
        guard !lines.isEmpty else { return "no line to edit" }
        let line = random.pick(lines)
        let text = Array(bytes[line])
        switch random.below(4) {
        case 0:
            bytes.insert(contentsOf: text, at: line.lowerBound)
            return "duplicated the line at \(line.lowerBound)"
        case 1:
            bytes.removeSubrange(line)
            return "deleted the line at \(line.lowerBound)"
        case 2:
            // A template line repeated 10,000 times repeats its output as often on every
            // page: gigabytes of site that take minutes to write, asked for, not a bug.
            let times = random.logUniform(2...(region == .template ? 100 : Self.hugeListCount))
            bytes.insert(contentsOf: Array([[UInt8]](repeating: text, count: times).joined()), at: line.lowerBound)
            return "repeated the line at \(line.lowerBound) \(times) times"
        default:
            let other = random.pick(lines)
            let (first, second) = line.lowerBound < other.lowerBound ? (line, other) : (other, line)
            guard first.upperBound <= second.lowerBound else { return "kept a line in place" }
            let firstText = Array(bytes[first]), secondText = Array(bytes[second])
            bytes.replaceSubrange(second, with: firstText)
            bytes.replaceSubrange(first, with: secondText)
            return "swapped the lines at \(first.lowerBound) and \(second.lowerBound)"
        }
    }

    // MARK: - Deep nesting and huge values

    private func nest(_ bytes: inout [UInt8], _ range: Range<Int>, region: Region, path: String, _ random: inout SplitMix64) -> String {
        let blockContainers = ["blockquotes", "spaced blockquotes", "lists", "star lists", "ordered lists"]
        let shapes: [(name: String, open: String, middle: String, close: String)] = switch region {
        case .body: [
            ("blockquotes", ">", " deep", ""), ("spaced blockquotes", "> ", "deep", ""), ("lists", "- ", "x", ""),
            ("star lists", "* ", "x", ""), ("ordered lists", "1. ", "x", ""), ("brackets", "[", "x", "]"),
            ("open brackets", "[", "x", ""), ("links", "[", "Iran](@iran)", ""), ("images", "![", "x", ""),
            ("emphasis", "*", "x", "*"), ("underscores", "_", "x", "_"), ("backticks", "`", "x", ""),
            ("html", "<div>", "x", "</div>"), ("parentheses", "(", "x", ")"), ("footnotes", "[^", "x", "]"),
        ]
        case .frontMatter, .config: [
            ("flow sequences", "[", "x", "]"), ("flow mappings", "{a: ", "x", "}"), ("block sequences", "- ", "x", ""),
            ("unclosed flow sequences", "[", "x", ""), ("quoted keys", "{\"k\": ", "x", "}"),
        ]
        case .template: [
            ("sections", "{{#site_title}}", "x", "{{/site_title}}"), ("inverted sections", "{{^pages}}", "x", "{{/pages}}"),
            ("unclosed sections", "{{#pages}}", "x", ""), ("blocks", "{{$body_class}}", "x", "{{/body_class}}"),
        ]
        }
        let shape = random.pick(shapes)
        let isKnownQuadratic = region == .body && blockContainers.contains(shape.name)
        let deepest = isKnownQuadratic && !reached.contains(.deepBlockNesting) ? Self.depthBelowKnownQuadraticNesting : Self.deepestNesting
        let depth = random.logUniform(2...deepest)
        var text = [UInt8]()
        text.reserveCapacity(depth * (shape.open.utf8.count + shape.close.utf8.count) + 16)
        text += Array("\n".utf8)
        if region == .frontMatter || region == .config { text += Array("fuzz_nested: ".utf8) }
        let open = Array(shape.open.utf8), close = Array(shape.close.utf8)
        for _ in 0..<depth { text += open }
        text += Array(shape.middle.utf8)
        for _ in 0..<depth { text += close }
        text += Array("\n".utf8)
        let offset = region == .frontMatter || region == .config ? range.upperBound : Bytes.randomLineStart(in: bytes, range, &random)
        bytes.insert(contentsOf: text, at: offset)
        return "inserted \(depth) nested \(shape.name) at \(offset)"
    }

    private func insertHugeValue(_ bytes: inout [UInt8], _ range: Range<Int>, region: Region, _ random: inout SplitMix64) -> String {
        let words = ["Iran", "Russia", "China", "Qatar", "the", "IAEA", "enrichment", "Tehran", "a", "of", "Islamic Republic"]
        let phrase = (0..<16).map { _ in random.pick(words) }.joined(separator: " ") + " "
        let huge = Bytes.repeated(phrase, toLength: Self.hugeValueBytes)
        let list = { (prefix: String, count: Int) -> [UInt8] in
            Array(("[" + (0..<count).map { "\"\(prefix) \($0)\"" }.joined(separator: ", ") + "]").utf8)
        }
        switch region {
        case .frontMatter, .config:
            let keys = region == .config
                ? ["title", "description", "fuzz_param", "linking.ignore"]
                : ["title", "summary", "aliases", "tags", "actors", "authors", "fuzz_param"]
            let key = random.pick(keys)
            let isRepeated = key == "title" || region == .config
            let text = isRepeated && !reached.contains(.hugeRepeatedTitle) ? Array(huge.prefix(Self.largeRepeatedValueBytes)) : huge
            let value: [UInt8] = switch key {
            case "aliases", "authors": list(random.pick(["Alias", "Islamic Republic", "x", "Iran"]), Self.hugeListCount)
            case "tags": list(random.pick(["Alias", "x", "Iran"]), reached.contains(.manyTagsOnOneBriefing) ? Self.hugeListCount : 300)
            case "actors": list("iran", reached.contains(.manyUnknownActors) ? Self.hugeListCount : 1_000)
            case "linking.ignore": Array("{mode: first, ignore: ".utf8) + list("Iran", Self.hugeListCount) + Array("}".utf8)
            default: [UInt8]("\"".utf8) + text + [UInt8]("\"".utf8)
            }
            let name = key == "linking.ignore" ? "linking" : key
            bytes = Bytes.settingTopLevelKey(name, to: value, in: bytes, range)
            return "set \(key) to \(value.count) bytes"
        case .body, .template:
            let shapes: [(String, [UInt8])] = [
                ("a 1 MB paragraph of names", huge),
                ("a 1 MB word", [UInt8](repeating: UInt8(ascii: "x"), count: Self.hugeValueBytes)),
                ("100,000 short lines", Bytes.repeated("x\n", toLength: 200_000)),
                ("10,000 explicit mentions", Bytes.repeated("[Iran](@iran) ", toLength: 140_000)),
            ]
            let (name, value) = random.pick(shapes)
            let offset = Bytes.randomLineStart(in: bytes, range, &random)
            bytes.insert(contentsOf: value + Array("\n".utf8), at: offset)
            return "inserted \(name) at \(offset)"
        }
    }

    // MARK: - Encodings

    private func insertInvalidUTF8(_ bytes: inout [UInt8], _ range: Range<Int>, _ random: inout SplitMix64) -> String {
        let sequences: [[UInt8]] = [
            [0xFF], [0xFE], [0x80], [0xC3], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98], [0xF8, 0x88, 0x80, 0x80, 0x80],
        ]
        let count = random.inRange(1...4)
        for _ in 0..<count {
            bytes.insert(contentsOf: random.pick(sequences), at: random.inRange(range.lowerBound...range.upperBound))
        }
        return "inserted \(count) invalid UTF-8 sequences"
    }

    private func insertNulBytes(_ bytes: inout [UInt8], _ range: Range<Int>, _ random: inout SplitMix64) -> String {
        let count = random.inRange(1...3)
        for _ in 0..<count {
            bytes.insert(0, at: random.inRange(range.lowerBound...range.upperBound))
        }
        return "inserted \(count) NUL bytes"
    }

    private func changeLineEndings(_ bytes: inout [UInt8], _ random: inout SplitMix64) -> String {
        let style = random.pick(["CRLF", "CR", "mixed CRLF", "CRCRLF"])
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            guard byte == UInt8(ascii: "\n") else {
                result.append(byte)
                continue
            }
            switch style {
            case "CRLF": result += [0x0D, 0x0A]
            case "CR": result.append(0x0D)
            case "CRCRLF": result += [0x0D, 0x0D, 0x0A]
            default: result += random.chance(50) ? [0x0D, 0x0A] : [0x0A]
            }
        }
        bytes = result
        return "changed line endings to \(style)"
    }

    private func insertByteOrderMark(_ bytes: inout [UInt8], _ range: Range<Int>, _ random: inout SplitMix64) -> String {
        let (name, mark): (String, [UInt8]) = random.pick([
            ("UTF-8 BOM", [0xEF, 0xBB, 0xBF]), ("two UTF-8 BOMs", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]),
            ("UTF-16LE BOM", [0xFF, 0xFE]), ("UTF-16BE BOM", [0xFE, 0xFF]),
        ])
        let offset = random.chance(70) ? 0 : range.lowerBound
        bytes.insert(contentsOf: mark, at: offset)
        return "inserted a \(name) at \(offset)"
    }

    // MARK: - Syntax

    private func insertAnchorsAndAliases(_ bytes: inout [UInt8], _ range: Range<Int>, _ random: inout SplitMix64) -> String {
        var shapes = [
            "fuzz_anchor: &fa {a: [1, 2, 3], b: text}\nfuzz_alias: *fa\n",
            "fuzz_base: &fb {x: 1}\nfuzz_merged:\n  <<: *fb\n  y: 2\n",
            "fuzz_undefined: *nowhere\n",
            "fuzz_loop: &fl [*fl]\n",
            "fuzz_fan1: &f1 [a, b, c]\nfuzz_fan2: &f2 [*f1, *f1, *f1]\nfuzz_fan3: [*f2, *f2, *f2]\n",
            "&fk fuzz_key: value\nfuzz_other: *fk\n",
            "fuzz_tagged: !!str &ft text\nfuzz_tagged_again: *ft\n",
            "fuzz_anchor_only: &unused\n",
        ]
        if reached.contains(.yamlAliasBomb) {
            let levels = random.inRange(4...9)
            var bomb = "fuzz_l0: &l0 [" + Array(repeating: "\"lol\"", count: 10).joined(separator: ",") + "]\n"
            for level in 1...levels {
                bomb += "fuzz_l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ",") + "]\n"
            }
            shapes.append(bomb)
        }
        let text = random.pick(shapes)
        // At the end of the YAML, so the new keys are top-level ones.
        bytes.insert(contentsOf: Bytes.onItsOwnLine(text, at: range.upperBound, in: bytes), at: range.upperBound)
        return "inserted anchors and aliases: \(Bytes.abbreviated(text))"
    }

    private func insertYAMLSyntax(_ bytes: inout [UInt8], _ range: Range<Int>, _ random: inout SplitMix64) -> String {
        let values = [
            "~", "null", "", "[]", "{}", "[a, b", "{a: 1", "\"unterminated", "'", "|", ">-", "!!binary aGVsbG8=",
            "!!python/object:os.system", "!custom x", "*undefined", "? complex", "- item", "0x1F", "1e400", "-.inf",
            ".nan", "2025-02-30", "0000-00-00", "99999-01-01", "2025-1-1", "2025-06-15T25:61:61Z", "12:30:00", "yes",
            "@iran", "`", "%", "\t", "a: b: c", "\"\\u0000\"", "\"\\uD800\"", "'it''s'", "[nested, [list]]",
            "{a: {b: {c: d}}}", "-1", "18446744073709551616", "\"javascript:alert(1)\"", "../../etc/passwd",
        ]
        let lines = [
            "title: duplicate", "slug: \"\"", "slug: ../../etc", "slug: Ωmega", "slug: a/b", "draft: true", "date: 2025",
            "actors: [nope, iran, iran]", "tags: [\"\", \" \", \"../x\", \"a/b\"]", "aliases: [\"\", \"a\", \"the\", \"Iran\"]",
            "relations:\n  - type: nope\n    target: iran", "relations:\n  - {type: member-of, target: iran}",
            "sources:\n  - id: x", "sources:\n  - {id: x, url: 'https://e.org', date: 2025-13-01}", "url_style: weird",
            "base_url: not a url", "linking: {mode: every}", "linking: {ignore: [\"\"]}", "events:\n  - {date: 2025-06, title: x}",
            "relation_types: {fuzz: {label: x, inverse: y}}", "---", "...", "%YAML 1.1", "\t- tab indented",
            "key: &a value", "other: *a", "<<: {merged: true}", "kind: ~", "language: \"\"", "summary: |\n  two\n  lines",
        ]
        switch random.below(3) {
        case 0:
            let keyLines = Bytes.lineRanges(in: bytes, range).filter { bytes[$0].firstRange(of: Array(": ".utf8)) != nil }
            guard let line = keyLines.isEmpty ? nil : random.pick(keyLines),
                  let colon = bytes[line].firstRange(of: Array(": ".utf8)) else { return "no value to replace" }
            let value = random.pick(values)
            let end = bytes[line].last == UInt8(ascii: "\n") ? line.upperBound - 1 : line.upperBound
            bytes.replaceSubrange(colon.upperBound..<end, with: Array(value.utf8))
            return "replaced the value at \(colon.upperBound) with \(Bytes.abbreviated(value))"
        case 1:
            let line = random.pick(lines)
            let offset = Bytes.randomLineStart(in: bytes, range, &random)
            bytes.insert(contentsOf: Array((line + "\n").utf8), at: offset)
            return "inserted the line \(Bytes.abbreviated(line)) at \(offset)"
        default:
            let token = random.pick(["- ", ": ", "&a ", "*a", "!!str ", "? ", "|", ">", "\"", "'", "{", "}", "[", "]", ",", "#", "\t", "  "])
            let offset = random.inRange(range.lowerBound...range.upperBound)
            bytes.insert(contentsOf: Array(token.utf8), at: offset)
            return "inserted \(Bytes.abbreviated(token)) at \(offset)"
        }
    }

    private func insertMarkdownSyntax(_ bytes: inout [UInt8], _ range: Range<Int>, _ random: inout SplitMix64) -> String {
        let inline = [
            "[Iran](@iran)", "[x](@nope)", "[@iran]", "[x](@)", "[x]( @iran )", "[x](@IRAN)", "[x](@iran#y)", "[^1]",
            "<script>alert(1)</script>", "<!--", "-->", "<https://example.org>", "www.example.org", "![img](x.png)",
            "&#0;", "&#x110000;", "&nbsp;", "\\", "~~strike~~", "**bold", "_em", "`code", "\u{202E}", "\u{200B}",
            "Islamic Republic of Iran", "Russia Iran China", "Washington Post", "[Iran](@iran)[Iran](@iran)", "<?php ?>",
            "<![CDATA[ x ]]>", "[a](javascript:alert(1))", "[ref]", "[Iran][ref]", "\u{0301}", "I\u{0307}ran", "ＩＲＡＮ",
        ]
        let blocks = [
            "[^1]: note", "| a | b |\n| --- | --- |\n| [Iran](@iran) | 2 |", "<div>", "</div>", "```", "~~~", "    code",
            "# ", "####### x", "Setext\n===", "---", "***", "- [ ] task", "- [x] done", "[ref]: https://example.org",
            "[ref]: @iran", "> quote", "1) item", "<details><summary>x</summary>", "$$\nmath\n$$", "## Iran {#iran}",
        ]
        if random.chance(50) {
            let token = random.pick(inline)
            let offset = random.inRange(range.lowerBound...range.upperBound)
            bytes.insert(contentsOf: Array(token.utf8), at: offset)
            return "inserted \(Bytes.abbreviated(token)) at \(offset)"
        }
        let block = random.pick(blocks)
        let offset = Bytes.randomLineStart(in: bytes, range, &random)
        bytes.insert(contentsOf: Array(("\n" + block + "\n").utf8), at: offset)
        return "inserted the block \(Bytes.abbreviated(block)) at \(offset)"
    }

    private func insertMustacheTags(_ bytes: inout [UInt8], _ range: Range<Int>, path: String, _ random: inout SplitMix64) -> String {
        var tags = [
            "{{", "}}", "{{{", "}}}", "{{site_title}}", "{{{site_title}}}", "{{&site_title}}", "{{#pages}}", "{{/pages}}",
            "{{^pages}}", "{{/nope}}", "{{#a}}{{/b}}", "{{! comment }}", "{{=<% %>=}}", "{{= | | =}}", "{{=}}",
            "{{count(pages)}}", "{{first(pages)}}", "{{nope(pages)}}", "{{a.b.c.d}}", "{{.}}", "{{$content}}x{{/content}}",
            "{{$nope}}", "{{>partials/nonexistent}}", "{{> }}", "{{#}}", "{{/}}", "{{%CONTENT_TYPE: TEXT}}", "{{ title }}",
            "{{#params}}{{.}}{{/params}}", "{{#pages}}{{#pages}}{{title}}{{/pages}}{{/pages}}", "{{<nonexistent}}{{/nonexistent}}",
        ]
        if reached.contains(.recursivePartial) {
            let selfName = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            tags += ["{{>\(selfName)}}", "{{<layout}}{{/layout}}", "{{>layout}}", "{{>partials/header}}", "{{>partials/footer}}"]
        }
        let count = random.inRange(1...3)
        var inserted: [String] = []
        for _ in 0..<count {
            let tag = random.pick(tags)
            bytes.insert(contentsOf: Array(tag.utf8), at: random.inRange(range.lowerBound...range.upperBound))
            inserted.append(tag)
        }
        return "inserted \(inserted.joined(separator: " "))"
    }

    private func duplicatePath(of path: String, _ random: inout SplitMix64) -> String {
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        let name = random.pick([
            "fuzz-copy.md", "fuzz copy.md", "fuzz-ü.md", "FUZZ-COPY.md", "-.md", ".md", "a..md", "fuzz.copy.md",
            "fuzz-copy.MD", "nested/deeper/fuzz-copy.md", "%41.md", "fuzz-copy.markdown",
        ])
        return folder + "/" + name
    }
}

/// The kinds of mutation, each with the regions of a project it applies to.
enum Mutation: CaseIterable {
    case randomBytes, bitFlips, truncation, splice, lineEdit, deepNesting, hugeValue, invalidUTF8, nulBytes
    case lineEndings, byteOrderMark, yamlAnchors, yamlSyntax, markdownSyntax, mustacheTags, duplicateFile

    var regions: [Region] {
        switch self {
        case .hugeValue: Region.allCases
        case .yamlAnchors, .yamlSyntax: [.frontMatter, .config]
        case .markdownSyntax: [.body]
        case .mustacheTags: [.template]
        case .duplicateFile: [.frontMatter, .body]
        default: Region.allCases
        }
    }

    /// Syntax-aware mutations more often than blind ones: blind ones mostly stop at
    /// the first YAML error, syntax-aware ones reach the later stages.
    static let weighted: [Mutation] = allCases.flatMap { kind -> [Mutation] in
        switch kind {
        case .yamlSyntax, .markdownSyntax: [kind, kind, kind]
        case .hugeValue, .invalidUTF8, .nulBytes, .lineEndings, .byteOrderMark, .duplicateFile: [kind]
        default: [kind, kind]
        }
    }
}

/// Which part of a project a mutation aims at.
enum Region: String, CaseIterable {
    case frontMatter = "front matter"
    case body
    case config = "config"
    case template

    /// The bytes of this region in a file; for a content file without front matter
    /// (or with a broken one), the whole file.
    func range(in bytes: [UInt8]) -> Range<Int> {
        switch self {
        case .config, .template: return 0..<bytes.count
        case .frontMatter: return Bytes.frontMatterRanges(in: bytes)?.frontMatter ?? 0..<bytes.count
        case .body: return Bytes.frontMatterRanges(in: bytes)?.body ?? 0..<bytes.count
        }
    }
}
