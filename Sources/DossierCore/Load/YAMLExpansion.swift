import Yams

/// Bounds on one file's YAML with every alias expanded. Dossier expands aliases
/// wherever their values are used (unknown keys become template params), so without
/// a bound a few hundred bytes of anchors and aliases stand for billions of values
/// ("billion laughs"). No honest front matter or dossier.yml comes near either bound.
enum YAMLLimits {
    static let maxNodes = 100_000
    static let maxDepth = 100
}

/// The node where a document went past `YAMLLimits`: usually the alias that did it.
struct YAMLLimitExceeded: Error {
    var message: String
    var mark: Mark?
}

/// Composes YAML only once its alias-expanded tree is known to stay within `YAMLLimits`.
///
/// The bound must be proved before `Yams.compose` sees the real text: Yams hashes
/// mapping keys to find duplicates, and a key that is an alias is hashed through its
/// whole expansion, inside compose. Yams has no event API, so the proof composes a
/// stand-in copy of the text in which every `*name` is an empty flow list of the same
/// length (`*ab` → `[ ]`). A list, like an alias, is one complete token, so the copy
/// has the real text's structure with no alias in it, and each stand-in list starts at
/// its alias's line and column, which name the alias. Walking the copy in document
/// order then adds up what each alias expands to, with anchors registered as Yams
/// registers them (when their node ends, the latest one winning).
enum YAMLExpansion {
    /// Said here rather than left to Yams: its default reads the whole process
    /// environment (for `YAMS_DEFAULT_ENCODING`) on every call, a sixth of the load
    /// stage's time. Native Swift strings are UTF-8, the default's own answer.
    static var encoding: Parser.Encoding { .utf8 }

    static func compose(_ text: String) throws -> Node? {
        // Yams fails on a leading byte-order mark, which a dossier.yml saved by Notepad has.
        var yaml = text
        if yaml.unicodeScalars.first == "\u{FEFF}" { yaml.unicodeScalars.removeFirst() }
        let scan = AliasScan(yaml)
        if scan.aliases.isEmpty {
            let root = try ImplicitTagShortcut.compose(yaml, encoding: encoding)
            var measure = ExpansionMeasure(scan: scan)
            if let root { _ = try measure.visit(root, depth: 1) }
            return root
        }
        let parser = try Parser(yaml: scan.standIn, encoding: encoding)
        // A node's anchor is a weak reference that only the parser holds.
        try withExtendedLifetime(parser) {
            let root: Node?
            do {
                root = try parser.singleRoot()
            } catch let error as YamlError {
                throw scan.explaining(error)
            }
            var measure = ExpansionMeasure(scan: scan)
            if let root { _ = try measure.visit(root, depth: 1) }
        }
        return try Yams.compose(yaml: yaml, .default, .default, encoding)
    }
}

/// Composes YAML without the default resolver's regular expressions where they cannot
/// change the outcome.
///
/// Yams checks every mapping for duplicate keys by hashing each key with its resolved
/// tag, and resolving a plain scalar's tag runs up to seven `NSRegularExpression`s (is
/// it a bool, an int, a float…): a tenth of the load stage, for keys such as `title`.
/// Dossier never reads a resolved tag, so the tag matters only to that check, and only
/// where two keys of one mapping spell the same string: with no rules, every implicit or
/// quoted scalar resolves to `str`, so such keys are always duplicates, while the
/// default tells `1` from `"1"`. The basic resolver therefore finds every duplicate the
/// default finds and perhaps more; when it finds one, the text is composed again with
/// the default resolver, whose answer stands. That holds only when no key carries an
/// explicit tag (`!!int 1` equals a plain `1` by default, not here) and no `=` can
/// resolve to Yams' `value` tag, which `Node.string` reads in a mapping: text with `!`
/// or `=` anywhere takes the default path. Aliases share nodes, and a shared node's tag
/// is resolved once by whichever resolver composed it: the caller sends text with
/// aliases elsewhere.
enum ImplicitTagShortcut {
    static func compose(_ yaml: String, encoding: Parser.Encoding) throws -> Node? {
        guard mayResolveBasically(yaml) else {
            return try Yams.compose(yaml: yaml, .default, .default, encoding)
        }
        do {
            return try Yams.compose(yaml: yaml, .basic, .default, encoding)
        } catch YamlError.duplicatedKeysInMapping {
            return try Yams.compose(yaml: yaml, .default, .default, encoding)
        }
    }

    static func mayResolveBasically(_ yaml: String) -> Bool {
        !yaml.utf8.contains { $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "=") }
    }
}

/// A line and column as libyaml counts them (1-based; columns in Unicode scalars).
struct YAMLPosition: Hashable {
    var line: Int
    var column: Int
}

/// Every `*name` in a YAML text that may be an alias, by the position of its `*`, and
/// the stand-in text. Some of them sit inside scalars or comments; composing the
/// stand-in tells which are aliases (those become empty lists).
struct AliasScan {
    var aliases: [YAMLPosition: String] = [:]
    /// Where the stand-in has '['. Every empty list must start at one of them: that
    /// checks that positions here are counted the way libyaml counts them.
    var openBrackets: Set<YAMLPosition> = []
    var standIn: String

    init(_ yaml: String) {
        standIn = yaml
        guard yaml.utf8.contains(UInt8(ascii: "*")) else { return }
        let scalars = Array(yaml.unicodeScalars)
        var replaced = scalars
        var line = 1, column = 1
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let position = YAMLPosition(line: line, column: column)
            if scalar == "*", index == 0 || Self.mayPrecedeAToken(scalars[index - 1]) {
                var end = index + 1
                while end < scalars.count, Self.isAnchorCharacter(scalars[end]) { end += 1 }
                if end > index + 1 {
                    aliases[position] = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                    openBrackets.insert(position)
                    replaced[index] = "["
                    for blank in (index + 1)..<(end - 1) { replaced[blank] = " " }
                    replaced[end - 1] = "]"
                    column += end - index
                    index = end
                    continue
                }
            }
            if scalar == "[" { openBrackets.insert(position) }
            switch scalar {
            case "\r":
                if index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                line += 1
                column = 1
            case "\n", "\u{85}", "\u{2028}", "\u{2029}":
                line += 1
                column = 1
            default:
                column += 1
            }
            index += 1
        }
        if !aliases.isEmpty { standIn = String(String.UnicodeScalarView(replaced)) }
    }

    /// The stand-in fails to compose where a `*word` that libyaml reads as text (it
    /// continues a plain scalar inside `[…]`, as in `[a *b]`) became a list. Say so
    /// at that position rather than leave a bare syntax error.
    func explaining(_ error: YamlError) -> YamlError {
        let hint = { (name: String) in " ('*\(name)' reads as an alias here; if it is text, put the value in quotes)" }
        switch error {
        case let .parser(context, problem, mark, yaml):
            guard let name = aliases[YAMLPosition(line: mark.line, column: mark.column)] else { return error }
            return .parser(context: context, problem: problem + hint(name), mark, yaml: yaml)
        case let .scanner(context, problem, mark, yaml):
            guard let name = aliases[YAMLPosition(line: mark.line, column: mark.column)] else { return error }
            return .scanner(context: context, problem: problem + hint(name), mark, yaml: yaml)
        default:
            return error
        }
    }

    /// Whether a token can start right after this character: after a blank, a line
    /// break or a byte-order mark (libyaml skips those between tokens), or after a
    /// character that can end a token. A `*` after anything else continues a plain
    /// scalar or a tag (`a*b`, `!x*y`); leaving those alone keeps them from being
    /// split in the stand-in. Listing too many characters here could only make a
    /// valid file fail; listing too few would let an alias go uncounted.
    static func mayPrecedeAToken(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\r", "\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}",
             "[", "]", "{", "}", ",", ":", "?", "\"", "'": true
        default: false
        }
    }

    /// The characters libyaml allows in an anchor or alias name.
    static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "A"..."Z", "a"..."z", "_", "-": true
        default: false
        }
    }
}

/// Adds up the expanded size and depth of a stand-in tree, failing at the first node
/// that goes past a limit.
struct ExpansionMeasure {
    let scan: AliasScan
    private var anchors: [String: (nodes: Int, height: Int)] = [:]
    private var nodes = 0

    init(scan: AliasScan) { self.scan = scan }

    /// The expanded node count and height of `node`, which stands at `depth` (the root is 1).
    mutating func visit(_ node: Node, depth: Int) throws -> (nodes: Int, height: Int) {
        if !scan.aliases.isEmpty, case .sequence(let list) = node, list.isEmpty, let mark = list.mark {
            let position = YAMLPosition(line: mark.line, column: mark.column)
            guard scan.openBrackets.contains(position) else {
                throw YAMLLimitExceeded(message: "cannot check the aliases of this YAML (an empty list at an unexpected position)", mark: mark)
            }
            if let name = scan.aliases[position] { return try alias(name, at: mark, depth: depth) }
        }
        nodes += 1
        if nodes > YAMLLimits.maxNodes {
            throw YAMLLimitExceeded(message: "this YAML has more than \(YAMLLimits.maxNodes) values (the limit for one file)", mark: node.mark)
        }
        if depth > YAMLLimits.maxDepth {
            throw YAMLLimitExceeded(message: "this YAML nests deeper than \(YAMLLimits.maxDepth) levels (the limit for one file)", mark: node.mark)
        }
        var size = 1, height = 0
        func add(_ child: Node) throws {
            let measured = try visit(child, depth: depth + 1)
            size += measured.nodes
            height = max(height, measured.height)
        }
        switch node {
        case .scalar, .alias: break
        case .sequence(let list): for item in list { try add(item) }
        case .mapping(let mapping): for (key, value) in mapping { try add(key); try add(value) }
        }
        let measured = (nodes: size, height: height + 1)
        if let anchor = node.anchor { anchors[anchor.rawValue] = measured }
        return measured
    }

    private mutating func alias(_ name: String, at mark: Mark, depth: Int) throws -> (nodes: Int, height: Int) {
        // An alias to no anchor is left to Yams, which reports it as undefined.
        guard let anchored = anchors[name] else { return (1, 1) }
        if depth + anchored.height - 1 > YAMLLimits.maxDepth {
            throw YAMLLimitExceeded(message: "alias '*\(name)' nests this YAML deeper than \(YAMLLimits.maxDepth) levels (the limit for one file)", mark: mark)
        }
        nodes += anchored.nodes
        if nodes > YAMLLimits.maxNodes {
            throw YAMLLimitExceeded(message: "alias '*\(name)' expands this YAML beyond \(YAMLLimits.maxNodes) values (the limit for one file)", mark: mark)
        }
        return anchored
    }
}
