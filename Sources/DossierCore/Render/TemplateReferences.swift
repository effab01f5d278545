/// Finds `{{> name}}` and `{{< name}}` in a template, which swift-mustache would
/// otherwise render as empty when the partial does not exist, and would follow
/// forever when partials include each other. A partial named inside a comment is
/// not a reference; one written after a set-delimiter tag still is.
enum TemplateReferences {
    struct Reference: Equatable { var name: String; var line: Int; var column: Int }

    static func partials(in tags: [TemplateTag]) -> [Reference] {
        tags.compactMap { tag in
            guard tag.sigil == ">" || tag.sigil == "<" else { return nil }
            let name = tag.content.trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? nil : Reference(name: name, line: tag.line, column: tag.column)
        }
    }
}
