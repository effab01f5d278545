import Mustache
import Synchronization

/// A theme's templates compiled once at load (`TemplateCompiler`), to render pages
/// without swift-mustache's per-lookup protocol casts.
///
/// A template renders compiled only when it and every template it can reach through
/// partials compiled; any other (a project's override using `{{count(list)}}`, say)
/// returns nil here and is rendered by swift-mustache, as is a page whose context
/// holds a value of a type the renderer does not know (`TemplateValue`).
final class CompiledTemplateLibrary: Sendable {
    let templates: [String: CompiledTemplate]
    /// The templates whose whole reach compiled.
    let renderable: Set<String>
    /// Pages of a renderable template left to swift-mustache for a value of a type the
    /// renderer does not know: tests expect none from the built-in contexts.
    var unsupportedPages: Int { unsupportedPageCount.withLock { $0 } }
    private let unsupportedPageCount = Mutex(0)

    /// Compiles the templates `library` holds under `names`.
    init(library: MustacheLibrary, names: some Sequence<String>) {
        var templates: [String: CompiledTemplate] = [:]
        var failed: Set<String> = []
        for name in names {
            guard let template = library.getTemplate(named: name) else { continue }
            if let compiled = TemplateCompiler.compile(template) { templates[name] = compiled } else { failed.insert(name) }
        }
        self.templates = templates
        var references: [String: Reach] = [:]
        for (name, template) in templates { references[name] = Reach(of: template) }
        renderable = Set(templates.keys.filter { name in
            var seen: Set<String> = [name]
            var pending = [name]
            while let next = pending.popLast() {
                if failed.contains(next) { return false }
                guard let reach = references[next] else { continue }
                if reach.dynamic, !failed.isEmpty { return false }
                for partial in reach.partials where seen.insert(partial).inserted { pending.append(partial) }
            }
            return true
        })
    }

    /// The page `template` renders for `context`, or nil when swift-mustache must render it.
    func render(_ context: [String: Any], template name: String) -> [UInt8]? {
        guard renderable.contains(name), let template = templates[name] else { return nil }
        var renderer = CompiledTemplateRenderer(templates: templates, root: context)
        do {
            try renderer.render(template, CompiledTemplateRenderer.State(contentType: .mustacheHTML))
        } catch {
            unsupportedPageCount.withLock { $0 += 1 }
            return nil
        }
        return renderer.output
    }

    /// The partials a template names, wherever in it (sections, blocks, overrides).
    private struct Reach {
        var partials: Set<String> = []
        var dynamic = false

        init(of template: CompiledTemplate) {
            add(template)
        }

        private mutating func add(_ template: CompiledTemplate) {
            for section in template.sections { add(section) }
            for (node, call) in template.nodes.compactMap({ node in Self.call(of: node).map { (node, template.calls[$0]) } }) {
                if case .partial = node { partials.insert(call.name) }
                if case .dynamicPartial = node { dynamic = true }
                for block in (call.inherits ?? [:]).values { add(block) }
                if let fallback = call.fallback { add(fallback) }
            }
        }

        private static func call(of node: CompiledTemplate.Node) -> Int? {
            switch node {
            case .partial(let call), .dynamicPartial(let call), .block(let call): call
            case .text, .variable, .section, .contentType: nil
            }
        }
    }
}
