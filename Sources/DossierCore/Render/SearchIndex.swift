import Foundation

/// The client-side search index, written as a script that assigns a global, so the
/// search page can load it with `<script src>` even from file:// (where `fetch` of
/// a local file is blocked).
///
/// Each entry has its title `t`, URL `u`, kind `k`, date `d` and summary `s` as
/// shown in results, `l` when its language is not the site's, and `w`: the terms of
/// everything else that is searched (actor names, tags, aliases, the opening text),
/// made by `SearchTokenizer`, space-separated, each once, leaving out those of the
/// title and summary, which `search.js` splits itself with the same rules.
enum SearchIndex {
    /// Text kept per document: enough for matching inside the opening paragraphs
    /// without making the index grow with the full length of every briefing.
    static let textLimit = 600

    /// One document as the index shows and searches it.
    struct Document: Sendable {
        var title: String, url: String, kind: String, date: String, summary: String
        var language: String?
        var searched: [String]
    }

    static func script(_ model: SiteModel, urls: SiteURLs) -> String {
        var documents: [Document] = []
        let titles = Dictionary(uniqueKeysWithValues: model.actors.map { ($0.actor.slug, $0.actor.title) })
        func language(_ tag: LanguageTag?) -> String? {
            tag.flatMap { $0.tag == model.config.language ? nil : $0.tag }
        }
        for briefing in model.briefings {
            let value = briefing.briefing
            let names = (briefing.principalActors + briefing.secondaryActors).compactMap { titles[$0] }
            documents.append(Document(
                title: value.title, url: urls.path(.briefing(value.slug)), kind: "briefing", date: DisplayFormat.date(value.date),
                summary: value.summary ?? "", language: language(value.language),
                searched: names + value.tags + [String(briefing.linked.plainText.prefix(textLimit))]))
        }
        for actor in model.actors {
            let value = actor.actor
            documents.append(Document(
                title: value.title, url: urls.path(.actor(value.slug)), kind: value.kind.rawValue, date: "",
                summary: value.summary ?? "", language: language(value.language),
                searched: value.aliases.map(\.value) + [String(actor.profile.plainText.prefix(textLimit))]))
        }
        for page in model.pages {
            documents.append(Document(
                title: page.page.title, url: urls.path(.page(page.page.slug)), kind: "page", date: "",
                summary: page.page.summary ?? "", language: language(page.page.language),
                searched: [String(page.linked.plainText.prefix(textLimit))]))
        }
        // Folding non-Latin text is most of the index's cost (about 0.15 ms a document in Chinese).
        let terms = documents.parallelMap { document in
            let shown = Set(SearchTokenizer.terms(document.title) + SearchTokenizer.terms(document.summary))
            return SearchTokenizer.distinctTerms(document.searched, excluding: shown).joined(separator: " ")
        }
        let entries = zip(documents, terms).map { document, terms -> [String: Any] in
            var entry: [String: Any] = [
                "t": document.title, "u": document.url, "k": document.kind, "d": document.date, "s": document.summary, "w": terms,
            ]
            if let language = document.language { entry["l"] = language }
            return entry
        }
        let data = (try? JSONSerialization.data(withJSONObject: entries, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
        // "</" inside a string would end an inline script; escaping it keeps the file safe to inline too.
        let json = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
        return "window.DOSSIER_SEARCH_INDEX = \(json);\nwindow.DOSSIER_SEARCH_RULES = \(SearchTokenizer.rulesJSON);\n"
    }
}
