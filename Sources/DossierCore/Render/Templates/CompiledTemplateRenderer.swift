/// Renders a `CompiledTemplate` into one byte buffer with swift-mustache 2.1.1's rules
/// (`Template+Render.swift`, `Context.swift`, `Sequence.swift`), which the
/// differential tests hold it to byte for byte.
struct CompiledTemplateRenderer {
    let templates: [String: CompiledTemplate]
    private(set) var output: [UInt8] = []
    /// The context stack, innermost last; pushed and popped around sections.
    private var frames: [TemplateValue]

    init(templates: [String: CompiledTemplate], root: [String: Any]) {
        self.templates = templates
        frames = [.dictionary(root)]
        output.reserveCapacity(32_768)
    }

    /// What swift-mustache's `MustacheContext` carries besides the stack.
    struct State {
        var contentType: CompiledTemplate.ContentType
        var sequence: SequencePosition?
        var indentation: [UInt8] = []
        var inherited: [String: CompiledTemplate]?

        init(contentType: CompiledTemplate.ContentType) {
            self.contentType = contentType
        }

        /// `withPartial`: indentation added, overrides merged (the outer ones win), HTML escaping.
        func enteringPartial(indentation added: [UInt8]?, inheriting: [String: CompiledTemplate]?) -> State {
            var state = entering(indentation: added)
            state.contentType = .mustacheHTML
            if let inheriting {
                state.inherited = inherited.map { $0.merging(inheriting) { outer, _ in outer } } ?? inheriting
            }
            return state
        }

        /// `withBlockExpansion`, and the indentation part of `withPartial`.
        func entering(indentation added: [UInt8]?) -> State {
            var state = self
            state.sequence = nil
            if let added { state.indentation += added }
            return state
        }
    }

    /// Where an element is in the list a section walks (`MustacheSequenceContext`).
    struct SequencePosition {
        var first: Bool
        var last: Bool
        var index: Int
    }

    mutating func render(_ template: CompiledTemplate, _ state: State) throws(TemplateValue.Unsupported) {
        var state = state
        guard !state.indentation.isEmpty else {
            for node in template.nodes { try render(node, of: template, &state) }
            return
        }
        // An indented partial indents what a node writes when this template's own
        // output so far ends a line; swift-mustache compares the last Character, so a
        // "\r\n" of its own does not count.
        let start = output.count
        for node in template.nodes {
            let count = output.count
            let endsLine = count > start && output[count - 1] == 0x0A && !(count - 1 > start && output[count - 2] == 0x0D)
            guard endsLine else {
                try render(node, of: template, &state)
                continue
            }
            output.append(contentsOf: state.indentation)
            let mark = output.count
            try render(node, of: template, &state)
            if output.count == mark { output.removeLast(state.indentation.count) }
        }
    }

    private mutating func render(_ node: CompiledTemplate.Node, of template: CompiledTemplate, _ state: inout State) throws(TemplateValue.Unsupported) {
        switch node {
        case .text(let text):
            template.texts[text].withUnsafeBufferPointer { output.append(contentsOf: $0) }
        case .variable(let path, let escaped):
            guard let value = try lookUp(template.paths[path], state) else { return }
            try write(value, escapingAs: escaped ? state.contentType : .text)
        case .section(let path, let body, let inverted):
            let value = try lookUp(template.paths[path], state)
            if inverted {
                try renderInverted(template.sections[body], for: value, state)
            } else {
                try render(template.sections[body], for: value, state)
            }
        // The call read where it lies, field by field: a copy retained its five fields.
        case .partial(let call):
            guard let partial = templates[template.calls[call].name] else { return }
            try render(partial, state.enteringPartial(indentation: template.calls[call].indentation, inheriting: template.calls[call].inherits))
        case .dynamicPartial(let call):
            guard let path = template.calls[call].path, case .string(let name)? = try lookUp(path, state), let partial = templates[name] else { return }
            try render(partial, state.enteringPartial(indentation: template.calls[call].indentation, inheriting: template.calls[call].inherits))
        case .block(let call):
            guard let fallback = template.calls[call].fallback else { return }
            try render(state.inherited?[template.calls[call].name] ?? fallback, state.entering(indentation: template.calls[call].indentation))
        case .contentType(let contentType):
            state.contentType = contentType
        }
    }

    /// `renderSection`: a list renders once per element, `true` in the same context,
    /// anything else present (0 and "" included) once with itself pushed.
    private mutating func render(_ section: CompiledTemplate, for value: TemplateValue?, _ state: State) throws(TemplateValue.Unsupported) {
        guard let value else { return }
        if case .bool(let isTrue) = value {
            if isTrue { try render(section, state) }
            return
        }
        var inner = state
        guard let count = value.count else {
            inner.sequence = nil
            frames.append(value)
            try render(section, inner)
            frames.removeLast()
            return
        }
        for index in 0..<count {
            inner.sequence = SequencePosition(first: index == 0, last: index == count - 1, index: index)
            frames.append(try value.element(index))
            try render(section, inner)
            frames.removeLast()
        }
    }

    /// `renderInvertedSection`: renders for a missing value, `false` or an empty list
    /// (which is pushed, as swift-mustache pushes it).
    private mutating func renderInverted(_ section: CompiledTemplate, for value: TemplateValue?, _ state: State) throws(TemplateValue.Unsupported) {
        guard let value else { return try render(section, state) }
        if case .bool(let isTrue) = value {
            if !isTrue { try render(section, state) }
            return
        }
        guard value.count == 0 else { return }
        var inner = state
        inner.sequence = nil
        frames.append(value)
        try render(section, inner)
        frames.removeLast()
    }

    /// `getChild`: the first name looked up from the innermost object out, the rest
    /// below the object that holds it.
    private func lookUp(_ path: CompiledTemplate.ValuePath, _ state: State) throws(TemplateValue.Unsupported) -> TemplateValue? {
        // The names and the frames read in place: an element copied out of an array is
        // a retain, and the names are shared with the other render thread.
        try path.parts.withUnsafeBufferPointer { parts throws(TemplateValue.Unsupported) in
            try frames.withUnsafeBufferPointer { frames throws(TemplateValue.Unsupported) in
                try lookUp(parts, scope: path.scope, in: frames, state)
            }
        }
    }

    private func lookUp(
        _ parts: UnsafeBufferPointer<String>, scope: CompiledTemplate.ValuePath.Scope, in frames: UnsafeBufferPointer<TemplateValue>, _ state: State
    ) throws(TemplateValue.Unsupported) -> TemplateValue? {
        var value: TemplateValue
        var next = 0
        switch scope {
        case .sequence(let transform):
            guard let position = state.sequence else { return nil }
            switch transform {
            case .first: return .bool(position.first)
            case .last: return .bool(position.last)
            case .index: return .int(position.index)
            case .even: return .bool(position.index & 1 == 0)
            case .odd: return .bool(position.index & 1 == 1)
            }
        case .current:
            value = frames[frames.count - 1]
        case .stack:
            guard !parts.isEmpty else { return frames[frames.count - 1] }
            var found: TemplateValue?
            var index = frames.count - 1
            while index >= 0 {
                if let child = try frames[index].child(parts[0]) {
                    found = child
                    break
                }
                index -= 1
            }
            guard let found else { return nil }
            value = found
            next = 1
        }
        while next < parts.count {
            guard let child = try value.child(parts[next]) else { return nil }
            value = child
            next += 1
        }
        return value
    }

    /// A variable's text: what `String(describing:)` gives for these types, escaped.
    /// A list or dictionary prints its description, which swift-mustache's rendering
    /// alone reproduces (a dictionary's order even varies by run).
    private mutating func write(_ value: TemplateValue, escapingAs contentType: CompiledTemplate.ContentType) throws(TemplateValue.Unsupported) {
        switch value {
        case .string(let string): append(string, escapingAs: contentType)
        case .bool(let bool): output.append(contentsOf: (bool ? "true" : "false").utf8)
        case .int(let int): output.append(contentsOf: String(int).utf8)
        case .double(let double): append(String(describing: double), escapingAs: contentType)
        case .dictionary, .dictionaries, .strings, .values: throw TemplateValue.Unsupported()
        }
    }

    private mutating func append(_ string: String, escapingAs contentType: CompiledTemplate.ContentType) {
        switch contentType {
        case .text: output.append(contentsOf: string.utf8)
        case .dossierHTML: HTMLEscaping.append(escaping: string, to: &output)
        case .mustacheHTML: appendEscapingCharacters(string)
        }
    }

    /// swift-mustache's `htmlEscape`: whole Characters compared, so a "<" carrying a
    /// combining mark stays as it is.
    private mutating func appendEscapingCharacters(_ string: String) {
        for character in string {
            switch character {
            case "<": output.append(contentsOf: "&lt;".utf8)
            case ">": output.append(contentsOf: "&gt;".utf8)
            case "&": output.append(contentsOf: "&amp;".utf8)
            case "\"": output.append(contentsOf: "&quot;".utf8)
            case "'": output.append(contentsOf: "&#39;".utf8)
            default: output.append(contentsOf: character.utf8)
            }
        }
    }
}
