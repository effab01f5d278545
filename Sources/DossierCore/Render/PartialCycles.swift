/// Templates that include one another in a cycle (`{{> partials/a}}` in
/// partials/b and `{{> partials/b}}` in partials/a, or a partial that includes
/// itself). swift-mustache expands partials while rendering with no depth limit,
/// so a cycle overflows the stack. Every cycle is refused, even one guarded by a
/// section (`{{#children}}{{> tree}}{{/children}}`): the built-in theme needs no
/// recursion, and refusing them all keeps the rule simple to state.
enum PartialCycles {
    struct Template {
        var path: String
        var references: [TemplateReferences.Reference]
    }

    /// One diagnostic per cycle, at the reference that starts it in the first of its
    /// templates (by name) that the project wrote, so that it points at a file the
    /// user can edit; the built-in theme has no cycle of its own.
    static func find(in templates: [String: Template], projectTemplates: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var reported: Set<[String]> = []
        for cycle in cycles(in: templates) {
            let start = cycle.filter(projectTemplates.contains).min() ?? cycle.min()!
            let offset = cycle.firstIndex(of: start)!
            let rotated = Array(cycle[offset...] + cycle[..<offset])
            guard reported.insert(rotated).inserted, let template = templates[start] else { continue }
            let next = rotated.count > 1 ? rotated[1] : start
            guard let reference = template.references.first(where: { $0.name == next }) else { continue }
            diagnostics.append(.error(
                "templates include each other in a cycle, so rendering would never end: \((rotated + [start]).joined(separator: " → "))",
                at: SourceLocation(path: reference.writtenIn ?? template.path, line: reference.line, column: reference.column)))
        }
        return diagnostics
    }

    /// Cycles met by a depth-first walk, each as the names along it (the first not
    /// repeated at the end). The walk keeps its own stack: a fuzzed theme may have
    /// many templates, and the order is fixed (names sorted, references as written).
    static func cycles(in templates: [String: Template]) -> [[String]] {
        enum State { case onPath, done }
        var state: [String: State] = [:]
        var result: [[String]] = []
        for root in templates.keys.sorted() where state[root] == nil {
            var path: [(name: String, nextReference: Int)] = [(root, 0)]
            state[root] = .onPath
            while let top = path.last {
                let references = templates[top.name]?.references ?? []
                guard top.nextReference < references.count else {
                    state[top.name] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].nextReference += 1
                let next = references[top.nextReference].name
                guard templates[next] != nil else { continue }
                switch state[next] {
                case .onPath:
                    let names = path.map(\.name)
                    result.append(Array(names[names.lastIndex(of: next)!...]))
                case .done:
                    continue
                case nil:
                    state[next] = .onPath
                    path.append((next, 0))
                }
            }
        }
        return result
    }
}
