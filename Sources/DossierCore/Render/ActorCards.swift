import Foundation

/// An actor's preview card as a file of its own, `actors/SLUG/card.html`, which
/// `assets/mentions.js` fetches the first time a reader hovers or focuses a link to
/// the actor, and keeps.
///
/// Pages used to hold a hidden copy of the card of every actor they linked: a quarter
/// of a briefing page's bytes, about 90 MB at 10,000 briefings. Now each card is
/// written once per actor. It is drawn by the theme's `partials/mention-preview`, so
/// a project restyles every card by overriding that one partial. The file around it
/// is a whole HTML document, so that it validates, states the actor's language when
/// opened alone, and asks search engines not to index it.
enum ActorCards {
    static let partial = "partials/mention-preview"

    static func path(_ slug: String) -> String { "actors/" + slug + "/card.html" }

    /// The values the card partial sees. The card lands on pages in any language, so
    /// it always names its own (a chip says it only when it differs from the page's).
    static func context(_ actor: Actor, language: LanguageTag) -> [String: Any] {
        let summary: Any = actor.summary.flatMap { $0.isEmpty ? nil : $0 } ?? false
        return [
            "title": actor.title, "kind": actor.kind.rawValue, "kind_label": actor.kind.label, "summary": summary,
            "lang_dir_html": languageAttributes(language),
        ]
    }

    /// The card as a document of its own; `card` is the partial's HTML.
    static func document(card: String, title: String, language: LanguageTag) -> String {
        "<!DOCTYPE html>\n<html" + languageAttributes(language) + ">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"robots\" content=\"noindex\">\n<title>" + HTMLEscaping.escape(title) + "</title>\n</head>\n<body>\n"
            + card + (card.hasSuffix("\n") ? "" : "\n") + "</body>\n</html>\n"
    }

    /// Writes the actor's card, or keeps last build's file when nothing it is made from changed.
    static func write(_ actor: Actor, language: LanguageTag, theme: Theme, to sink: OutputSink) -> Diagnostic? {
        let context = context(actor, language: language)
        let path = path(actor.slug)
        let key = RenderKey.key(template: partial, context: context, templatesFingerprint: theme.templatesFingerprint)
        if let key, sink.reuse(path, renderedFrom: key) { return nil }
        guard let card = theme.library.render(context, withTemplate: partial) else {
            return .error("missing template '\(partial).mustache'", at: SourceLocation(path: "templates/\(partial).mustache"))
        }
        let file = OutputFile(path: path, text: document(card: card, title: actor.title, language: language))
        do {
            if let key { try sink.write(file, renderedFrom: key) } else { try sink.write(file) }
            return nil
        } catch {
            return .error("\(error)", at: SourceLocation(path: path))
        }
    }

    private static func languageAttributes(_ language: LanguageTag) -> String {
        " lang=\"" + language.tag + "\" dir=\"" + language.direction.rawValue + "\""
    }
}
