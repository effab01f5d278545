import Mustache

/// A Mustache template as `CompiledTemplateRenderer` walks it: swift-mustache's parse
/// (its standalone-line rules, partial indentation and inheritance already applied),
/// with names split on "." once and text held as bytes.
final class CompiledTemplate: Sendable {
    let nodes: [Node]

    init(nodes: [Node]) {
        self.nodes = nodes
    }

    enum Node: Sendable {
        case text([UInt8])
        case variable(ValuePath, escaped: Bool)
        case section(ValuePath, CompiledTemplate, inverted: Bool)
        /// `indentation` nil: the tag was not alone on its line.
        case partial(String, indentation: [UInt8]?, inherits: [String: CompiledTemplate]?)
        case dynamicPartial(ValuePath, indentation: [UInt8]?, inherits: [String: CompiledTemplate]?)
        case block(String, default: CompiledTemplate, indentation: [UInt8]?)
        case contentType(ContentType)
    }

    /// How `{{…}}` escapes: swift-mustache's own HTML escaping (by Character), Dossier's
    /// (by byte, `DossierHTMLContentType`) or none (`TEXT`).
    enum ContentType: Sendable {
        case mustacheHTML, dossierHTML, text
    }

    /// Where a tag's value comes from.
    struct ValuePath: Sendable {
        enum Scope: Sendable {
            /// The innermost object holding the first part, then down the rest.
            case stack
            /// A name starting with ".": the current object only.
            case current
            /// A sequence transform on the empty name (`{{^last()}}`).
            case sequence(SequenceTransform)
        }

        let scope: Scope
        /// The name split on ".", empty parts dropped (as swift-mustache splits it).
        let parts: [String]

        /// The path swift-mustache reads for `name` and `transforms`; nil when it applies
        /// a transform other than a single sequence transform.
        init?(name: String, transforms: [String]) {
            if !transforms.isEmpty {
                guard name.isEmpty, transforms.count == 1, let transform = SequenceTransform(rawValue: transforms[0]) else { return nil }
                (scope, parts) = (.sequence(transform), [])
                return
            }
            scope = name.first == "." ? .current : .stack
            parts = name == "." ? [] : name.split(separator: ".").map(String.init)
        }
    }

    /// The transforms swift-mustache's sequence context answers.
    enum SequenceTransform: String, Sendable {
        case first, last, index, even, odd
    }
}

/// Turns swift-mustache's parsed templates into `CompiledTemplate`s.
///
/// swift-mustache keeps its tokens internal, so they are read through `Mirror` once
/// per template at theme load. Anything this reading does not recognise — a token
/// or payload of another shape, a transform, a content type of a project's own —
/// makes the template uncompilable, and it is rendered by swift-mustache as before.
enum TemplateCompiler {
    static func compile(_ template: MustacheTemplate) -> CompiledTemplate? {
        compile(any: template)
    }

    private static func compile(any template: Any) -> CompiledTemplate? {
        guard template is MustacheTemplate,
              let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any]
        else { return nil }
        var nodes: [CompiledTemplate.Node] = []
        nodes.reserveCapacity(tokens.count)
        for token in tokens {
            guard let node = node(token) else { return nil }
            nodes.append(node)
        }
        return CompiledTemplate(nodes: nodes)
    }

    private static func node(_ token: Any) -> CompiledTemplate.Node? {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let payload = mirror.children.first, let label = payload.label else { return nil }
        let fields = Mirror(reflecting: payload.value).children.map(\.value)
        switch label {
        case "text":
            guard let text = payload.value as? String else { return nil }
            return .text(Array(text.utf8))
        case "variable", "unescapedVariable":
            guard fields.count == 2, let name = fields[0] as? String, let transforms = fields[1] as? [String],
                  let path = CompiledTemplate.ValuePath(name: name, transforms: transforms)
            else { return nil }
            return .variable(path, escaped: label == "variable")
        case "section", "invertedSection":
            guard fields.count == 3, let name = fields[0] as? String, let transforms = fields[1] as? [String],
                  let path = CompiledTemplate.ValuePath(name: name, transforms: transforms), let section = compile(any: fields[2])
            else { return nil }
            return .section(path, section, inverted: label == "invertedSection")
        case "blockExpansion":
            guard fields.count == 3, let name = fields[0] as? String, let fallback = compile(any: fields[1]),
                  let indentation = optionalString(fields[2])
            else { return nil }
            return .block(name, default: fallback, indentation: indentation.map { Array($0.utf8) })
        case "partial", "dynamicNamePartial":
            guard fields.count == 3, let name = fields[0] as? String, let indentation = optionalString(fields[1]),
                  let inherits = inheritedBlocks(fields[2])
            else { return nil }
            let indentationBytes = indentation.map { Array($0.utf8) }
            if label == "partial" { return .partial(name, indentation: indentationBytes, inherits: inherits) }
            guard let path = CompiledTemplate.ValuePath(name: name, transforms: []) else { return nil }
            return .dynamicPartial(path, indentation: indentationBytes, inherits: inherits)
        case "contentType":
            guard let contentType = contentType(payload.value) else { return nil }
            return .contentType(contentType)
        default:
            // `blockDefinition` only ever sits inside an inheriting partial's overrides.
            return nil
        }
    }

    /// A `String?` payload: `.some(nil)` when it is nil, nil when it is not a `String?`.
    private static func optionalString(_ value: Any) -> String?? {
        guard let optional = value as? String? else { return nil }
        return .some(optional)
    }

    /// An inheriting partial's `[String: MustacheTemplate]?` overrides, compiled.
    private static func inheritedBlocks(_ value: Any) -> [String: CompiledTemplate]?? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return nil }
        guard let wrapped = mirror.children.first?.value else { return .some(nil) }
        guard let blocks = wrapped as? [String: Any] else { return nil }
        var compiled: [String: CompiledTemplate] = [:]
        for (name, template) in blocks {
            guard let block = compile(any: template) else { return nil }
            compiled[name] = block
        }
        return .some(compiled)
    }

    private static func contentType(_ value: Any) -> CompiledTemplate.ContentType? {
        if value is DossierHTMLContentType { return .dossierHTML }
        // swift-mustache's own two are internal: known by their type's name.
        switch String(reflecting: type(of: value)) {
        case "Mustache.HTMLContentType": return .mustacheHTML
        case "Mustache.TextContentType": return .text
        default: return nil
        }
    }
}
