import Mustache

/// The groups of "Mentioned in" written in Swift, byte for byte as the built-in
/// `partials/mention-sections` and `partials/passage` draw them, instead of a
/// Mustache section item and about ten lookups per group and per passage.
///
/// At 10,000 briefings the actor pages and their mention pages show 203,044 groups
/// and 531,551 passages, and drawing them was most of what Mustache did. Both are
/// unique, so rendering once per build does not apply; but the built-in partials
/// print nothing the contexts do not already hold (the headings' HTML, the passages'
/// links, sections and marked snippets). So while neither partial is a project's,
/// pages are rendered with a `mention-sections` that inserts each kind's
/// `groups_html`. A project that overrides either partial gets both rendered by
/// Mustache as before, with every value they read; so does a theme whose built-in
/// partials differ from the text below (`isActive` is then false).
struct MentionSectionsHTML: Sendable {
    static let sectionsPartial = "partials/mention-sections"
    static let passagePartial = "partials/passage"
    static let linkPartial = "partials/mention-link"

    /// The built-in `partials/mention-sections` and `partials/passage`, the ones `appendGroup` writes.
    static let builtInSections = """
        {{#mention_sections}}
        <h3 class="label">{{label}}</h3>
        {{#groups}}
        <section class="mention-group">
        {{! The title, count and date are rendered once per document (or count) by their partials, each ending in a newline. }}
        <div class="mention-group__header">
        {{{title_html}}}{{{count_html}}}</div>
        {{{date_html}}}<ul class="mentions">
        {{#passages}}
        {{>partials/passage}}
        {{/passages}}
        </ul>
        {{#has_more_passages}}
        <details class="mentions-more">
        <summary>{{more_label}}</summary>
        <ul class="mentions">
        {{#more_passages}}
        {{>partials/passage}}
        {{/more_passages}}
        </ul>
        </details>
        {{/has_more_passages}}
        </section>
        {{/groups}}
        {{#has_links}}
        <ul class="mention-links">
        {{#links}}
        {{>partials/mention-link}}
        {{/links}}
        </ul>
        {{/has_links}}
        {{/mention_sections}}

        """
    static let builtInPassage = """
        <li><a class="snippet" href="{{url}}"{{{snippet_lang_dir_html}}}>{{#section}}<span class="snippet__section">{{.}}</span> {{/section}}{{{snippet_html}}}</a></li>

        """

    static let builtInLink = """
        <li><a href="{{url}}"{{{link_lang_dir_html}}}>{{title}}</a>{{#date}} <time datetime="{{machine}}">{{display}}</time>{{/date}} · {{count_label}}</li>

        """

    /// What pages include instead: `groups_html` holds every group and the list of
    /// links but the last newline,
    /// which the line gives back, so the standalone tags around it print nothing, as
    /// `{{#groups}}` and `{{/groups}}` did.
    static let insertingSections = """
        {{#mention_sections}}
        <h3 class="label">{{label}}</h3>
        {{{groups_html}}}
        {{/mention_sections}}

        """

    let isActive: Bool
    /// Whether some template may still read a kind's `groups` (e.g. a project's actor
    /// page walking `mention_sections` itself): their values are then built too.
    let groupValuesMayBeRead: Bool

    static let inactive = MentionSectionsHTML(isActive: false, groupValuesMayBeRead: true)

    private init(isActive: Bool, groupValuesMayBeRead: Bool) {
        self.isActive = isActive
        self.groupValuesMayBeRead = groupValuesMayBeRead
    }

    /// Decides from the theme's template texts (name → text, a project's overrides
    /// applied) and the names the project overrides.
    init(texts: [String: String], projectTemplates: Set<String>) {
        guard !projectTemplates.contains(Self.sectionsPartial), !projectTemplates.contains(Self.passagePartial),
              !projectTemplates.contains(Self.linkPartial),
              texts[Self.sectionsPartial] == Self.builtInSections, texts[Self.passagePartial] == Self.builtInPassage,
              texts[Self.linkPartial] == Self.builtInLink
        else {
            self = .inactive
            return
        }
        isActive = true
        // A group's values are reached only through `mention_sections`: any other
        // template naming it keeps them (a false alarm only costs time).
        groupValuesMayBeRead = texts.contains { name, text in name != Self.sectionsPartial && text.contains("mention_sections") }
    }

    /// The library pages are rendered with: `mention-sections` swapped for the one
    /// inserting `groups_html`; `pragma` starts every template of the theme.
    func pageLibrary(from library: MustacheLibrary, pragma: String) -> MustacheLibrary {
        guard isActive, let template = try? MustacheTemplate(string: pragma + Self.insertingSections) else { return library }
        var pageLibrary = library
        pageLibrary.register(template, named: Self.sectionsPartial)
        return pageLibrary
    }

    /// A passage of a group: its link (`url`, escaped as `{{…}}` escapes), its section
    /// and its marked snippet.
    struct Passage {
        var url: String
        var section: String?
        var snippetHTML: String
    }

    /// One group as the built-in partials draw it: the headings' HTML and the passages'
    /// `snippet_lang_dir_html` as they are, `more_label` escaped, the first `shown` passages
    /// listed and the rest folded.
    static func appendGroup(
        titleHTML: String, countHTML: String, dateHTML: String, langDirHTML: String, passages: [Passage], shown: Int, moreLabel: String,
        to html: inout String
    ) {
        html += "<section class=\"mention-group\">\n<div class=\"mention-group__header\">\n"
        html += titleHTML
        html += countHTML
        html += "</div>\n"
        html += dateHTML
        html += "<ul class=\"mentions\">\n"
        for passage in passages.prefix(shown) { append(passage, langDirHTML: langDirHTML, to: &html) }
        html += "</ul>\n"
        if passages.count > shown {
            html += "<details class=\"mentions-more\">\n<summary>"
            html += HTMLEscaping.escape(moreLabel)
            html += "</summary>\n<ul class=\"mentions\">\n"
            for passage in passages.dropFirst(shown) { append(passage, langDirHTML: langDirHTML, to: &html) }
            html += "</ul>\n</details>\n"
        }
        html += "</section>\n"
    }

    /// A linked document's `<time>`: its values as the link's `date` holds them.
    struct LinkDate: Sendable {
        var machine: String
        var display: String
    }

    /// A linked document's line: its link (`url`, escaped as `{{…}}` escapes), its
    /// title already escaped, its `link_lang_dir_html`, its date and its count's label.
    struct Link {
        var url: String
        var titleHTML: String
        var langDirHTML: String
        var date: LinkDate?
        var countLabel: String
    }

    /// The linked documents of a section as the built-in partials draw them; nothing
    /// when there are none.
    static func appendLinks(_ links: [Link], to html: inout String) {
        guard !links.isEmpty else { return }
        html += "<ul class=\"mention-links\">\n"
        for link in links {
            html += "<li><a href=\""
            html += HTMLEscaping.escape(link.url)
            html += "\""
            html += link.langDirHTML
            html += ">"
            html += link.titleHTML
            html += "</a>"
            if let date = link.date {
                html += " <time datetime=\""
                html += HTMLEscaping.escape(date.machine)
                html += "\">"
                html += HTMLEscaping.escape(date.display)
                html += "</time>"
            }
            html += " · "
            html += HTMLEscaping.escape(link.countLabel)
            html += "</li>\n"
        }
        html += "</ul>\n"
    }

    private static func append(_ passage: Passage, langDirHTML: String, to html: inout String) {
        html += "<li><a class=\"snippet\" href=\""
        html += HTMLEscaping.escape(passage.url)
        html += "\""
        html += langDirHTML
        html += ">"
        if let section = passage.section, !section.isEmpty {
            html += "<span class=\"snippet__section\">"
            html += HTMLEscaping.escape(section)
            html += "</span> "
        }
        html += passage.snippetHTML
        html += "</a></li>\n"
    }
}
