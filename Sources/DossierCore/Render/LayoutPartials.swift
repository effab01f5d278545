import Foundation
import Mustache

/// The site's header and footer (`partials/header`, `partials/footer`), rendered once
/// per page depth, language and highlighted section instead of once per page.
///
/// Every one of 15,535 pages at 10,000 briefings drew the same header and footer
/// through about 60 Mustache lookups. What the built-in ones read (the site's title,
/// links made from the page's `../` prefix, the navigation with its current section,
/// the free pages with their language attributes) depends only on those three, so
/// each partial is rendered through the theme — a project's override included — once
/// per (depth, language, section), and the page's copy of the partial is swapped for
/// one that inserts that HTML.
///
/// A partial is rendered apart only when that gives the same bytes as rendering it on
/// the page: it reads only those layout values (`readsOnlyLayoutValues`) and every
/// template reaches it from its top level (`reachedOnlyAtTopLevel`). An override that
/// reads a page's value (`{{page_title}}`, `{{params.x}}`), includes another partial
/// or is included inside a section is rendered on each page, as before.
struct LayoutPartials: Sendable {
    /// The partials that may be rendered apart, each with the value that carries its
    /// HTML in a page's context.
    static let candidates = [(partial: "partials/header", key: "dossier_header_html"), (partial: "partials/footer", key: "dossier_footer_html")]

    /// Top-level values of a page's context that depend only on the page's depth,
    /// language and section (`PageContexts.layoutValues`), and the keys of the items of
    /// its two lists. No page's own values replace them.
    static let layoutValueNames: Set<String> = [
        "site_title", "site_description", "home_url", "css_url", "favicon_url", "shortcuts_script_url", "feed_url", "json_feed_url", "search_url",
        "pages", "navigation", "language", "direction", "site_lang_dir_html",
    ]
    static let itemNames: [String: Set<String>] = [
        "navigation": ["label", "url", "current"],
        "pages": ["title", "url", "lang_dir_html"],
    ]

    /// The candidates rendered apart for this theme, with their keys.
    let spliced: [(partial: String, key: String)]

    init(spliced: [(partial: String, key: String)]) {
        self.spliced = spliced
    }

    /// Decides from the templates' tags which candidates can be rendered apart.
    init(templates: [String: [TemplateTag]]) {
        spliced = Self.candidates.filter { candidate in
            guard let tags = templates[candidate.partial] else { return false }
            return Self.readsOnlyLayoutValues(tags) && Self.reachedOnlyAtTopLevel(candidate.partial, in: templates)
        }
    }

    /// The library pages are rendered with: each spliced partial replaced by a template
    /// that inserts its pre-rendered HTML, unescaped. Its trailing newline is in the HTML.
    func pageLibrary(from library: MustacheLibrary) -> MustacheLibrary {
        var pageLibrary = library
        for (partial, key) in spliced {
            // A triple mustache around a fixed name always parses.
            if let insertion = try? MustacheTemplate(string: "{{{\(key)}}}") { pageLibrary.register(insertion, named: partial) }
        }
        return pageLibrary
    }

    /// Each spliced partial's HTML rendered from `values` (a context holding at least
    /// the layout values), by its key.
    func render(_ values: [String: Any], with library: MustacheLibrary) -> [String: Any] {
        var rendered: [String: Any] = [:]
        for (partial, key) in spliced {
            rendered[key] = library.render(values, withTemplate: partial) ?? ""
        }
        return rendered
    }

    // MARK: What a partial reads

    /// True when every tag reads a layout value, or an item's value inside a section
    /// over `navigation` or `pages`, and none includes, defines or changes anything
    /// (partials, blocks, pragmas, transforms, dotted names).
    static func readsOnlyLayoutValues(_ tags: [TemplateTag]) -> Bool {
        // Each open section: the names its item holds (none for a value that is not a
        // list of items, or an inverted section, which pushes nothing).
        var scopes: [(names: Set<String>, isScalar: Bool)] = []
        func resolves(_ raw: String) -> Bool {
            let name = raw.trimmingCharacters(in: .whitespaces)
            // `{{.}}` is the current item: a scalar's text, never a whole context.
            if name == "." { return scopes.last?.isScalar == true }
            guard !name.isEmpty, !name.contains("."), !name.contains("("), !name.contains(" ") else { return false }
            return layoutValueNames.contains(name) || scopes.contains { $0.names.contains(name) }
        }
        for tag in tags {
            switch tag.sigil {
            case "!", "=":
                continue
            case "#":
                guard resolves(tag.content) else { return false }
                let name = tag.content.trimmingCharacters(in: .whitespaces)
                let isItemName = scopes.contains { $0.names.contains(name) }
                if !isItemName, let names = itemNames[name] {
                    scopes.append((names, false))
                } else {
                    scopes.append(([], true))
                }
            case "^":
                guard resolves(tag.content) else { return false }
                scopes.append(([], false))
            case "/":
                guard scopes.popLast() != nil else { return false }
            case "{", "&":
                guard resolves(tag.content) else { return false }
            case ">", "<", "$", "%":
                return false
            default:
                guard resolves(String(tag.sigil) + tag.content) else { return false }
            }
        }
        return scopes.isEmpty
    }

    // MARK: Where a partial is included

    /// True when every inclusion of `partial` (through `{{>…}}` or `{{<…}}`) is at the
    /// start of a line and outside any section or block, in a template itself reached
    /// only that way (a page's own template is). Inside a section the partial would
    /// read the section's item first; after indentation, each of its lines would be
    /// indented. A dynamic partial (`{{>*name}}`) may be any template: none is spliced.
    static func reachedOnlyAtTopLevel(_ partial: String, in templates: [String: [TemplateTag]]) -> Bool {
        struct Inclusion { var includer: String; var included: String; var isAtTopLevel: Bool }
        var inclusions: [Inclusion] = []
        for (name, tags) in templates {
            var depth = 0
            for tag in tags {
                switch tag.sigil {
                case ">", "<":
                    let included = tag.content.trimmingCharacters(in: .whitespaces)
                    if included.hasPrefix("*") { return false }
                    inclusions.append(Inclusion(includer: name, included: included, isAtTopLevel: depth == 0 && tag.column == 1))
                default:
                    break
                }
                switch tag.sigil {
                case "#", "^", "$", "<": depth += 1
                case "/": depth -= 1
                default: break
                }
            }
        }
        // A template is reached off the top level if one inclusion of it is, or if its
        // includer is; repeated until nothing changes (a handful of templates).
        var offTopLevel: Set<String> = []
        var changed = true
        while changed {
            changed = false
            for inclusion in inclusions where !offTopLevel.contains(inclusion.included) {
                if !inclusion.isAtTopLevel || offTopLevel.contains(inclusion.includer) {
                    offTopLevel.insert(inclusion.included)
                    changed = true
                }
            }
        }
        return !offTopLevel.contains(partial)
    }
}
