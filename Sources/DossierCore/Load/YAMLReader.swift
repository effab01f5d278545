import Foundation
import Yams

/// Reads typed values out of a composed YAML tree, turning every problem into a
/// diagnostic at the file position of the offending node. Working on `Yams.Node`
/// rather than through `Decodable` gives every value its own mark and lets one pass
/// report every problem in a file instead of stopping at the first.
struct YAMLReader {
    let path: String
    /// Added to Yams' 1-based lines: the file line of the YAML's first line, minus one.
    let lineOffset: Int
    var diagnostics: [Diagnostic] = []

    init(path: String, firstLine: Int) {
        self.path = path
        self.lineOffset = firstLine - 1
    }

    func location(_ node: Node) -> SourceLocation {
        location(node.mark)
    }

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: lineOffset + 1, column: 1) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    mutating func error(_ message: String, at node: Node) {
        diagnostics.append(.error(message, at: location(node)))
    }

    mutating func warning(_ message: String, at node: Node) {
        diagnostics.append(.warning(message, at: location(node)))
    }

    // MARK: Composing

    /// Composes the YAML; nil (with a diagnostic) when it is not valid YAML or
    /// expands past `YAMLLimits`. An empty document composes to an empty mapping.
    mutating func compose(_ yaml: String) -> Node? {
        do {
            return try YAMLExpansion.compose(yaml) ?? Node([(Node, Node)]())
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, yaml: yaml))
        } catch let limit as YAMLLimitExceeded {
            diagnostics.append(.error(limit.message, at: location(limit.mark)))
        } catch {
            diagnostics.append(.error("invalid YAML: \(error)", at: location(nil as Mark?)))
        }
        return nil
    }

    private func diagnostic(for error: YamlError, yaml: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return .error("invalid YAML: \(text)", at: location(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let first = location(context.mark)
            var second = first
            if let position = Self.secondOccurrence(of: key, after: context.mark, in: yaml) {
                second = SourceLocation(path: path, line: position.line + lineOffset, column: position.column)
            }
            return .error("duplicate key '\(key)' (first set on line \(first.line))", at: second)
        case let .reader(problem, _, _, _):
            return .error("invalid YAML: \(problem)", at: location(nil as Mark?))
        default:
            return .error("invalid YAML: \(error)", at: location(nil as Mark?))
        }
    }

    /// Yams reports a duplicate key at its first occurrence; the mistake is usually
    /// the second, so look for the same key at the same column further down.
    static func secondOccurrence(of key: String, after mark: Mark, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1 else { return nil }
        for index in mark.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            guard scalars.count >= mark.column - 1 + key.unicodeScalars.count else { continue }
            let rest = String(String.UnicodeScalarView(scalars[(mark.column - 1)...]))
            let leading = scalars[..<(mark.column - 1)].allSatisfy { $0 == " " || $0 == "-" }
            if leading, rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return (index + 1, mark.column)
            }
        }
        return nil
    }

    // MARK: Typed values

    /// Key, key node and value of a mapping, in written order; nil (with an error) otherwise.
    mutating func entries(_ node: Node, what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error("expected \(what) to be a mapping of keys to values", at: node)
            return nil
        }
        var result: [(key: String, keyNode: Node, value: Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error("expected a plain key in \(what)", at: key)
                continue
            }
            result.append((scalar.string, key, value))
        }
        return result
    }

    mutating func string(_ node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error("expected a string for '\(key)', found \(Self.describe(node))", at: node)
            return nil
        }
        if scalar.style == .plain && ["~", "null", "Null", "NULL", ""].contains(scalar.string) {
            return nil
        }
        return scalar.string
    }

    mutating func requiredString(_ node: Node, key: String) -> String? {
        guard let value = string(node, key: key) else {
            if case .scalar = node { error("'\(key)' must not be empty", at: node) }
            return nil
        }
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            error("'\(key)' must not be empty", at: node)
            return nil
        }
        return value
    }

    /// A title (of a briefing, actor, page or the site), within `NameLimits.maxTitleCharacters`.
    mutating func title(_ node: Node, key: String, required: Bool = true) -> String? {
        guard let value = required ? requiredString(node, key: key) : string(node, key: key) else { return nil }
        guard NameLimits.fits(value) else {
            error(NameLimits.problem(value, what: "'\(key)'"), at: node)
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        if case .scalar(let scalar) = node {
            switch scalar.string {
            case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
            case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
            default: break
            }
        }
        error("expected true or false for '\(key)', found \(Self.describe(node))", at: node)
        return nil
    }

    mutating func date(_ node: Node, key: String) -> PartialDate? {
        guard let text = string(node, key: key) else {
            if case .scalar = node { error("'\(key)' must not be empty", at: node) }
            return nil
        }
        guard let date = PartialDate(text) else {
            error("invalid date '\(text)' for '\(key)': use YYYY, YYYY-MM, YYYY-MM-DD or a full ISO 8601 timestamp", at: node)
            return nil
        }
        return date
    }

    /// A list of strings; a single string is accepted as a list of one.
    mutating func locatedStrings(_ node: Node, key: String) -> [Located<String>] {
        switch node {
        case .scalar:
            return string(node, key: key).map { [Located($0, at: location(node))] } ?? []
        case .sequence(let sequence):
            var result: [Located<String>] = []
            for item in sequence {
                if let value = string(item, key: key) { result.append(Located(value, at: location(item))) }
            }
            return result
        default:
            error("expected a list of strings for '\(key)', found \(Self.describe(node))", at: node)
            return []
        }
    }

    mutating func strings(_ node: Node, key: String) -> [String] {
        locatedStrings(node, key: key).map(\.value)
    }

    /// Items of a list; a single mapping is accepted as a list of one.
    mutating func items(_ node: Node, key: String) -> [Node] {
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case .mapping: return [node]
        case .scalar(let scalar) where scalar.string.isEmpty || scalar.string == "null" || scalar.string == "~": return []
        default:
            error("expected a list for '\(key)', found \(Self.describe(node))", at: node)
            return []
        }
    }

    func param(_ node: Node) -> ParamValue {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain else { return .string(scalar.string) }
            if ["~", "null", "Null", "NULL", ""].contains(scalar.string) { return .null }
            if let value = Bool.construct(from: scalar) { return .bool(value) }
            if let value = Int.construct(from: scalar) { return .int(value) }
            if let value = Double.construct(from: scalar), !scalar.string.contains(":") { return .double(value) }
            return .string(scalar.string)
        case .sequence(let sequence):
            return .list(sequence.map(param))
        case .mapping(let mapping):
            return .map(mapping.compactMap { key, value in
                key.string.map { ParamEntry(key: $0, value: param(value)) }
            })
        case .alias:
            return .null
        }
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// `[a-z0-9-]+`: the only characters a slug may hold, so no slug can name a path
/// outside the output folder.
enum SlugRules {
    /// A slug is a folder name in the output: longer than this, no file system takes it.
    static let maxBytes = 255

    /// The output's own top-level folders, which a page (written at `<slug>/`) must not take.
    static let reservedPageSlugs = ["actors", "assets", "briefings", "data", "graph", "search", "sources", "tags", "timeline"]

    static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && slug.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") || scalar == "-"
        }
    }
}
