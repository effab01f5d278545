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
            for node in template.nodes {
                switch node {
                case .text, .variable, .contentType: break
                case .section(_, let section, _): add(section)
                case .block(_, let fallback, _): add(fallback)
                case .partial(let name, _, let inherits):
                    partials.insert(name)
                    for block in (inherits ?? [:]).values { add(block) }
                case .dynamicPartial(_, _, let inherits):
                    dynamic = true
                    for block in (inherits ?? [:]).values { add(block) }
                }
            }
        }
    }
}
