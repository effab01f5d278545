import Foundation

/// The client-side search index, written as a script that assigns a global, so the
/// search page can load it with `<script src>` even from file:// (where `fetch` of
/// a local file is blocked).
enum SearchIndex {
    /// Text kept per document: enough for matching inside the opening paragraphs
    /// without making the index grow with the full length of every briefing.
    static let textLimit = 600

    static func script(_ model: SiteModel, urls: SiteURLs) -> String {
        var entries: [[String: Any]] = []
        let titles = Dictionary(uniqueKeysWithValues: model.actors.map { ($0.actor.slug, $0.actor.title) })
        for briefing in model.briefings {
            let value = briefing.briefing
            let names = (briefing.principalActors + briefing.secondaryActors).compactMap { titles[$0] }
            entries.append([
                "t": value.title, "u": urls.path(.briefing(value.slug)), "k": "briefing",
                "d": DisplayFormat.date(value.date), "s": value.summary ?? "",
                "x": ([names.joined(separator: " "), value.tags.joined(separator: " "), String(briefing.linked.plainText.prefix(textLimit))])
                    .joined(separator: " "),
            ])
        }
        for actor in model.actors {
            let value = actor.actor
            entries.append([
                "t": value.title, "u": urls.path(.actor(value.slug)), "k": value.kind.rawValue, "d": "",
                "s": value.summary ?? "",
                "x": (value.aliases.map(\.value) + [String(actor.profile.plainText.prefix(textLimit))]).joined(separator: " "),
            ])
        }
        for page in model.pages {
            entries.append([
                "t": page.page.title, "u": urls.path(.page(page.page.slug)), "k": "page", "d": "",
                "s": page.page.summary ?? "", "x": String(page.linked.plainText.prefix(textLimit)),
            ])
        }
        let data = (try? JSONSerialization.data(withJSONObject: entries, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
        // "</" inside a string would end an inline script; escaping it keeps the file safe to inline too.
        let json = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
        return "window.DOSSIER_SEARCH_INDEX = \(json);\n"
    }
}
