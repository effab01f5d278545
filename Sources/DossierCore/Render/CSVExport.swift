/// `data/mentions.csv` and `data/relations.csv`: the mentions and relations as tables
/// for spreadsheets (docs/csv-export.md). RFC 4180: comma-separated, CRLF line ends,
/// a header row, fields quoted when they hold a comma, a quote or a line break.
enum CSVExport {
    static let mentionColumns = ["actor", "document", "document_kind", "document_title", "date", "anchor", "url", "text", "linked", "explicit"]
    static let relationColumns = ["from", "type", "label", "to", "since", "until", "note", "declared_in"]

    /// One row per mention, in the model's order (by document, then reading order).
    /// `url` is the page's path from the site root with the paragraph's anchor.
    static func mentions(_ model: SiteModel, urls: SiteURLs) -> String {
        var titles: [DocumentID: (title: String, date: String)] = [:]
        for briefing in model.briefings {
            titles[DocumentID(.briefing, briefing.briefing.slug)] = (briefing.briefing.title, briefing.briefing.date.text)
        }
        for actor in model.actors { titles[DocumentID(.actor, actor.actor.slug)] = (actor.actor.title, "") }
        for page in model.pages { titles[DocumentID(.page, page.page.slug)] = (page.page.title, "") }
        var table = row(mentionColumns)
        for mention in model.mentions {
            let document = mention.document
            let page: SiteURLs.Page = switch document.kind {
            case .briefing: .briefing(document.slug)
            case .actor: .actor(document.slug)
            case .page: .page(document.slug)
            }
            let known = titles[document]
            table += row([
                mention.actor, document.slug, document.kind.rawValue, known?.title ?? "", known?.date ?? "",
                mention.anchor ?? "", urls.path(page) + (mention.anchor.map { "#" + $0 } ?? ""), mention.text,
                mention.linked ? "true" : "false", mention.explicit ? "true" : "false",
            ])
        }
        return table
    }

    /// One row per relation as declared: from the declaring actor to its target.
    static func relations(_ model: SiteModel) -> String {
        var table = row(relationColumns)
        for relation in model.relations {
            table += row([
                relation.from, relation.type.name, relation.type.label, relation.to,
                relation.since?.text ?? "", relation.until?.text ?? "", relation.note ?? "", relation.location.path,
            ])
        }
        return table
    }

    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula
    /// (OWASP's "CSV injection"), so such a field from content gets a leading `'`,
    /// which spreadsheets show as text and hide.
    static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
