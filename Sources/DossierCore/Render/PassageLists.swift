import Mustache

/// The passages of a "Mentioned in" group written in Swift, byte for byte as the
/// built-in `partials/passage` draws them, instead of one Mustache section item,
/// partial and four lookups per passage.
///
/// At 10,000 briefings the actor pages and their mention pages show 531,551 passages,
/// and drawing them was most of what Mustache did. A passage is unique, so rendering
/// it once per build does not apply; but while `partials/passage` is the built-in
/// template, what it prints depends only on the passage's link, section and marked
/// snippet, which the contexts already hold. So when it is, and `partials/mention-sections`
/// is the theme's own (not a project's), pages are rendered with a copy of
/// `mention-sections` whose two loops over `partials/passage` insert the group's
/// `passages_html` and `more_passages_html` instead. A project that overrides
/// `partials/passage` or `mention-sections` gets both rendered by Mustache as before,
/// with every value they read.
struct PassageLists: Sendable {
    static let passagePartial = "partials/passage"
    static let sectionsPartial = "partials/mention-sections"

    /// The built-in `partials/passage`, the one `html(_:)` writes.
    static let builtInPassage = """
        <li><a class="snippet" href="{{url}}"{{{lang_dir_html}}}>{{#section}}<span class="snippet__section">{{.}}</span> {{/section}}{{{snippet_html}}}</a></li>

        """

    /// Each loop of the built-in `mention-sections` over a group's list, and the value
    /// whose HTML replaces it. The loop's tags stand alone on their lines, so the loop
    /// prints each passage's line and nothing else; the value's HTML is those lines.
    static let loops = [(list: "passages", key: "passages_html"), (list: "more_passages", key: "more_passages_html")]

    static func loop(over list: String) -> String {
        "{{#\(list)}}\n{{>\(passagePartial)}}\n{{/\(list)}}\n"
    }

    /// `mention-sections` with its loops replaced; nil when passages are drawn by Mustache.
    let sectionsTemplate: String?
    /// Whether some template may still read a group's `passages` or `more_passages`
    /// (e.g. a project's actor page walking the groups itself): their values are then
    /// built as well.
    let listValuesMayBeRead: Bool

    var isActive: Bool { sectionsTemplate != nil }

    static let inactive = PassageLists(sectionsTemplate: nil, listValuesMayBeRead: true)

    private init(sectionsTemplate: String?, listValuesMayBeRead: Bool) {
        self.sectionsTemplate = sectionsTemplate
        self.listValuesMayBeRead = listValuesMayBeRead
    }

    /// Decides from the theme's template texts (name → text, a project's overrides
    /// applied) and the names the project overrides.
    init(texts: [String: String], projectTemplates: Set<String>) {
        guard texts[Self.passagePartial] == Self.builtInPassage, !projectTemplates.contains(Self.sectionsPartial),
              var sections = texts[Self.sectionsPartial]
        else {
            self = .inactive
            return
        }
        for (list, key) in Self.loops {
            let loop = Self.loop(over: list)
            guard sections.components(separatedBy: loop).count == 2 else {
                self = .inactive
                return
            }
            sections = sections.replacingOccurrences(of: loop, with: "{{{\(key)}}}")
        }
        sectionsTemplate = sections
        // Any other mention of the lists' names, in any template, keeps their values.
        var replaced = texts
        replaced[Self.sectionsPartial] = sections
        listValuesMayBeRead = replaced.values.contains { text in
            ["has_more_passages", "more_passages_html", "passages_html"]
                .reduce(text) { $0.replacingOccurrences(of: $1, with: "") }
                .contains("passages")
        }
    }

    /// The library pages are rendered with, `mention-sections` swapped for its copy
    /// inserting the lists' HTML; `pragma` starts every template of the theme.
    func pageLibrary(from library: MustacheLibrary, pragma: String) -> MustacheLibrary {
        guard let sectionsTemplate, let template = try? MustacheTemplate(string: pragma + sectionsTemplate) else { return library }
        var pageLibrary = library
        pageLibrary.register(template, named: Self.sectionsPartial)
        return pageLibrary
    }

    /// One passage as the built-in partial draws it in a group: `url` and `section`
    /// escaped as `{{…}}` escapes, the group's `lang_dir_html` and the snippet as they are.
    static func append(url: String, langDirHTML: String, section: String?, snippetHTML: String, to html: inout String) {
        html += "<li><a class=\"snippet\" href=\""
        html += HTMLEscaping.escape(url)
        html += "\""
        html += langDirHTML
        html += ">"
        if let section, !section.isEmpty {
            html += "<span class=\"snippet__section\">"
            html += HTMLEscaping.escape(section)
            html += "</span> "
        }
        html += snippetHTML
        html += "</a></li>\n"
    }
}
