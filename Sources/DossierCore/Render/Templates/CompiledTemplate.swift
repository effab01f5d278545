import Mustache

/// A Mustache template as `CompiledTemplateRenderer` walks it: swift-mustache's parse
/// (its standalone-line rules, partial indentation and inheritance already applied),
/// with names split on "." once and text held as bytes.
///
/// The nodes are plain values pointing into the template's tables: two threads walk
/// the same templates, and nodes carrying arrays and strings cost a reference count
/// on shared memory at each visit (half of the renderer's time when they did). The
/// tables are read in place for the same reason (`TemplateTable`).
final class CompiledTemplate: Sendable {
    let nodes: TemplateTable<Node>
    let texts: TemplateTable<[UInt8]>
    let paths: TemplateTable<ValuePath>
    /// Sections' bodies.
    let sections: TemplateTable<CompiledTemplate>
    /// Partials, inheriting partials and blocks.
    let calls: TemplateTable<Call>

    init(nodes: [Node], texts: [[UInt8]], paths: [ValuePath], sections: [CompiledTemplate], calls: [Call]) {
        self.nodes = TemplateTable(nodes)
        self.texts = TemplateTable(texts)
        self.paths = TemplateTable(paths)
        self.sections = TemplateTable(sections)
        self.calls = TemplateTable(calls)
    }

    deinit {
        nodes.free()
        texts.free()
        paths.free()
        sections.free()
        calls.free()
    }

    /// Each index is into the table of its kind.
    enum Node: Sendable {
        case text(Int)
        case variable(path: Int, escaped: Bool)
        case section(path: Int, body: Int, inverted: Bool)
        case partial(call: Int)
        /// `{{>*name}}`: the partial named by the call's `path`'s value.
        case dynamicPartial(call: Int)
        case block(call: Int)
        case contentType(ContentType)
    }

    /// A partial's or a block's parameters.
    struct Call: Sendable {
        /// The partial's or the block's name; unused by a dynamic partial.
        var name: String
        var path: ValuePath?
        /// nil: the tag was not alone on its line.
        var indentation: [UInt8]?
        /// An inheriting partial's blocks.
        var inherits: [String: CompiledTemplate]?
        /// A block's own content.
        var fallback: CompiledTemplate?
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
        var builder = Builder()
        for token in tokens {
            guard builder.add(token) else { return nil }
        }
        return CompiledTemplate(nodes: builder.nodes, texts: builder.texts, paths: builder.paths, sections: builder.sections, calls: builder.calls)
    }

    private struct Builder {
        var nodes: [CompiledTemplate.Node] = []
        var texts: [[UInt8]] = []
        var paths: [CompiledTemplate.ValuePath] = []
        var sections: [CompiledTemplate] = []
        var calls: [CompiledTemplate.Call] = []

        /// Adds the node for one of swift-mustache's tokens; false for a token it cannot.
        mutating func add(_ token: Any) -> Bool {
            let mirror = Mirror(reflecting: token)
            guard mirror.displayStyle == .enum, let payload = mirror.children.first, let label = payload.label else { return false }
            let fields = Mirror(reflecting: payload.value).children.map(\.value)
            switch label {
            case "text":
                guard let text = payload.value as? String else { return false }
                texts.append(Array(text.utf8))
                nodes.append(.text(texts.count - 1))
            case "variable", "unescapedVariable":
                guard fields.count == 2, let name = fields[0] as? String, let transforms = fields[1] as? [String],
                      let path = CompiledTemplate.ValuePath(name: name, transforms: transforms)
                else { return false }
                paths.append(path)
                nodes.append(.variable(path: paths.count - 1, escaped: label == "variable"))
            case "section", "invertedSection":
                guard fields.count == 3, let name = fields[0] as? String, let transforms = fields[1] as? [String],
                      let path = CompiledTemplate.ValuePath(name: name, transforms: transforms), let section = compile(any: fields[2])
                else { return false }
                paths.append(path)
                sections.append(section)
                nodes.append(.section(path: paths.count - 1, body: sections.count - 1, inverted: label == "invertedSection"))
            case "blockExpansion":
                guard fields.count == 3, let name = fields[0] as? String, let fallback = compile(any: fields[1]),
                      let indentation = optionalString(fields[2])
                else { return false }
                calls.append(CompiledTemplate.Call(name: name, indentation: indentation.map { Array($0.utf8) }, fallback: fallback))
                nodes.append(.block(call: calls.count - 1))
            case "partial", "dynamicNamePartial":
                guard fields.count == 3, let name = fields[0] as? String, let indentation = optionalString(fields[1]),
                      let inherits = inheritedBlocks(fields[2])
                else { return false }
                var call = CompiledTemplate.Call(name: name, indentation: indentation.map { Array($0.utf8) }, inherits: inherits)
                if label == "partial" {
                    calls.append(call)
                    nodes.append(.partial(call: calls.count - 1))
                } else {
                    guard let path = CompiledTemplate.ValuePath(name: name, transforms: []) else { return false }
                    call.path = path
                    calls.append(call)
                    nodes.append(.dynamicPartial(call: calls.count - 1))
                }
            case "contentType":
                guard let contentType = contentType(payload.value) else { return false }
                nodes.append(.contentType(contentType))
            default:
                // `blockDefinition` only ever sits inside an inheriting partial's overrides.
                return false
            }
            return true
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
