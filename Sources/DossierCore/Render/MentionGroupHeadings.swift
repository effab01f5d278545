import Foundation
import Mustache

/// The heading of a "Mentioned in" group (the document's title as a link, its mention
/// count, its date), made once per build for each document, page depth and language
/// (and each count) instead of once per group.
///
/// At 10,000 briefings an actor's mention pages show about 200,000 groups of 12,000
/// documents, and each group's heading cost about ten Mustache lookups. The heading
/// is drawn by three theme partials, so a project's override applies to every group:
/// `partials/mention-group-title` and `partials/mention-group-date` see the document's
/// link values (`title`, `url`, `kind`, `date`, `lang_dir_html`),
/// `partials/mention-group-count` the count's (`count`, `count_label`). Pages insert
/// them with `{{{title_html}}}`, `{{{date_html}}}` and `{{{count_html}}}`.
final class MentionGroupHeadings: Sendable {
    static let titlePartial = "partials/mention-group-title"
    static let datePartial = "partials/mention-group-date"
    static let countPartial = "partials/mention-group-count"

    /// What a count's heading depends on: the document's mentions, the distinct
    /// passages they fall in, and the page's language (digits, plurals).
    struct CountKey: Hashable, Sendable {
        var mentions: Int
        var passages: Int
        var language: LanguageTag
    }

    /// A document's heading as the build keeps it: one per document, page depth and
    /// language, about 240,000 at 100,000 briefings, each kept to the end of rendering.
    /// As the link's whole values (a dictionary, about 1.6 KB with its copy in
    /// `PageContexts.documentLinks`) they rose the 100,000-briefing build's resident size
    /// by about 0.4 GB over rendering; the built-in sections read only these strings.
    /// A class: each of the 386,000 groups and lines at 10,000 briefings takes its
    /// heading from the memo, and a struct's copy retained and released its eight fields.
    final class Heading {
        let url: String
        let titleHTML: String
        let dateHTML: String
        let langDirHTML: String
        /// The title escaped and the date's values, for the lines of linked documents
        /// (`MentionSectionsHTML.appendLinks`).
        let escapedTitle: String
        let date: MentionSectionsHTML.LinkDate?
        /// The link's values with `title_html` and `date_html`, kept only when a template
        /// may read a group's values (`MentionSectionsHTML.groupValuesMayBeRead`).
        let values: PageContexts.Context?

        init(url: String, titleHTML: String, dateHTML: String, langDirHTML: String, escapedTitle: String,
             date: MentionSectionsHTML.LinkDate?, values: PageContexts.Context?) {
            self.url = url
            self.titleHTML = titleHTML
            self.dateHTML = dateHTML
            self.langDirHTML = langDirHTML
            self.escapedTitle = escapedTitle
            self.date = date
            self.values = values
        }

        /// `otherLanguageDirHTML` for the document on the pages of this heading's
        /// language: nothing in the page's own language, else its language and direction.
        var otherLanguageDirHTML: String { langDirHTML == PageContexts.sameLanguageDirHTML ? "" : langDirHTML }
    }

    /// The headings of the pages of one depth and language. A page's groups and lines
    /// all share its depth and language: looked up once per page, the headings are then
    /// found by document alone, not by a key of five strings hashed for each line.
    final class DocumentHeadings: @unchecked Sendable {
        private let library: MustacheLibrary?
        private let keepsValues: Bool
        private let headings = BuildMemo<DocumentID, Heading>()
        /// The headings by the document's position in the site's table of mention
        /// sources (`ActorMentionGroups.Groups.documentTable`), for the lines of
        /// "Mentioned in": a line finds its heading without hashing its `DocumentID`
        /// into a table of every document of the site (about 1.8 million lines at
        /// 100,000 briefings). Made for the first table asked for: a built model has one.
        private let positionLock = NSLock()
        private var positionTable: MentionSources?
        private var byPosition: [Heading?] = []

        fileprivate init(library: MustacheLibrary?, keepsValues: Bool) {
            self.library = library
            self.keepsValues = keepsValues
        }

        /// `document(_:link:)` for the document at `source` in `table`.
        func document(_ id: DocumentID, at source: Int, in table: MentionSources, link: () -> PageContexts.Context) -> Heading {
            positionLock.lock()
            if positionTable == nil {
                positionTable = table
                byPosition = Array(repeating: nil, count: table.documents.count)
            }
            let byTable = positionTable === table
            let known = byTable ? byPosition[source] : nil
            positionLock.unlock()
            if let known { return known }
            let heading = document(id, link: link)
            guard byTable else { return heading }
            positionLock.lock()
            byPosition[source] = heading
            positionLock.unlock()
            return heading
        }

        /// The document's heading; `link` makes the link's values the first time it is asked for.
        func document(_ id: DocumentID, link: () -> PageContexts.Context) -> Heading {
            headings.value(for: id) {
                var context = link()
                if let library {
                    context["title_html"] = library.render(context, withTemplate: MentionGroupHeadings.titlePartial) ?? ""
                    context["date_html"] = library.render(context, withTemplate: MentionGroupHeadings.datePartial) ?? ""
                }
                return Heading(url: context["url"] as? String ?? "", titleHTML: context["title_html"] as? String ?? "",
                               dateHTML: context["date_html"] as? String ?? "", langDirHTML: context["lang_dir_html"] as? String ?? "",
                               escapedTitle: HTMLEscaping.escape(context["title"] as? String ?? ""),
                               date: (context["date"] as? PageContexts.Context).map {
                                   MentionSectionsHTML.LinkDate(machine: $0["machine"] as? String ?? "", display: $0["display"] as? String ?? "")
                               },
                               values: keepsValues ? context : nil)
            }
        }
    }

    private struct DepthAndLanguage: Hashable, Sendable {
        var rootPrefix: String
        var language: LanguageTag
    }

    /// Nil when contexts are built without a theme: headings then carry their values only.
    private let library: MustacheLibrary?
    private let keepsValues: Bool
    private let depths = BuildMemo<DepthAndLanguage, DocumentHeadings>()
    private let counts = BuildMemo<CountKey, PageContexts.Context>()

    init(library: MustacheLibrary?, keepsValues: Bool) {
        self.library = library
        self.keepsValues = keepsValues
    }

    /// The headings of the pages at `rootPrefix` in `language`.
    func documents(rootPrefix: String, language: LanguageTag) -> DocumentHeadings {
        depths.value(for: DepthAndLanguage(rootPrefix: rootPrefix, language: language)) {
            DocumentHeadings(library: library, keepsValues: keepsValues)
        }
    }

    /// The count's values with its HTML; `values` makes them the first time this key is asked for.
    func count(_ key: CountKey, values: () -> PageContexts.Context) -> PageContexts.Context {
        counts.value(for: key) {
            var context = values()
            if let library { context["count_html"] = library.render(context, withTemplate: Self.countPartial) ?? "" }
            return context
        }
    }
}
