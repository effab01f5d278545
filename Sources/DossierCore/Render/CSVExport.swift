import Foundation

/// `data/mentions.csv` and `data/relations.csv`: the mentions and relations as tables
/// for spreadsheets (docs/csv-export.md). RFC 4180: comma-separated, CRLF line ends,
/// a header row, fields quoted when they hold a comma, a quote or a line break.
enum CSVExport {
    static let mentionColumns = ["actor", "document", "document_kind", "document_title", "date", "anchor", "url", "text", "linked", "explicit"]
    static let relationColumns = ["from", "type", "label", "to", "since", "until", "note", "declared_in"]

    /// The header row of mentions.csv.
    static var mentionHeader: Data { CSVTable(columns: mentionColumns, expectedRows: 0).bytes }

    /// Each document's title and date as the mention rows show them.
    static func mentionDocuments(_ model: SiteModel) -> [DocumentID: (title: String, date: String)] {
        var titles: [DocumentID: (title: String, date: String)] = [:]
        for briefing in model.briefings {
            titles[DocumentID(.briefing, briefing.briefing.slug)] = (briefing.briefing.title, briefing.briefing.date.text)
        }
        for actor in model.actors { titles[DocumentID(.actor, actor.actor.slug)] = (actor.actor.title, "") }
        for page in model.pages { titles[DocumentID(.page, page.page.slug)] = (page.page.title, "") }
        return titles
    }

    /// The rows of these mentions, one per mention, in their order (the model's: by
    /// document, then reading order). `url` is the page's path from the site root with
    /// the paragraph's anchor. mentions.csv is its header and the rows of every
    /// document's mentions, one document after another (`CSVExportWriter`).
    static func mentionRows(_ mentions: ArraySlice<Mention>, documents: [DocumentID: (title: String, date: String)], urls: SiteURLs) -> Data {
        var table = CSVTable(expectedRows: mentions.count)
        for mention in mentions {
            let document = mention.document
            let page: SiteURLs.Page = switch document.kind {
            case .briefing: .briefing(document.slug)
            case .actor: .actor(document.slug)
            case .page: .page(document.slug)
            }
            let known = documents[document]
            table.append([
                mention.actor, document.slug, document.kind.rawValue, known?.title ?? "", known?.date ?? "",
                mention.anchor ?? "", urls.path(page) + (mention.anchor.map { "#" + $0 } ?? ""), mention.text,
                mention.linked ? "true" : "false", mention.explicit ? "true" : "false",
            ])
        }
        return table.bytes
    }

    /// One row per relation as declared: from the declaring actor to its target.
    static func relations(_ model: SiteModel) -> Data {
        var table = CSVTable(columns: relationColumns, expectedRows: model.relations.count)
        for relation in model.relations {
            table.append([
                relation.from, relation.type.name, relation.type.label, relation.to,
                relation.since?.text ?? "", relation.until?.text ?? "", relation.note ?? "", relation.location.path,
            ])
        }
        return table.bytes
    }

    /// One field as written in a row (see `CSVTable.appendField`).
    static func field(_ value: String) -> String {
        var table = CSVTable()
        table.appendField(value)
        return String(decoding: table.bytes, as: UTF8.self)
    }
}

/// A CSV table written straight into UTF-8 bytes: a 10,000-briefing site has about a
/// million mention rows, and joining Strings per field bridged through Foundation.
/// The bytes are the file's contents as they are, with no copy to hand to the writer.
struct CSVTable {
    private(set) var bytes = Data()

    init() {}

    init(expectedRows: Int) {
        bytes.reserveCapacity(128 * expectedRows)
    }

    init(columns: [String], expectedRows: Int) {
        self.init(expectedRows: expectedRows + 1)
        append(columns)
    }

    mutating func append(_ fields: [String]) {
        for (position, field) in fields.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            appendField(field)
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    /// A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula
    /// (OWASP's "CSV injection"), so such a field from content gets a leading `'`,
    /// which spreadsheets show as text and hide. A field holding a comma, a quote or
    /// a line break is quoted, its quotes doubled.
    mutating func appendField(_ value: String) {
        let utf8 = value.utf8
        let guarded = utf8.first.map { [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains($0) } ?? false
        let quoted = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        if quoted { bytes.append(UInt8(ascii: "\"")) }
        if guarded { bytes.append(UInt8(ascii: "'")) }
        guard quoted else {
            var value = value
            value.withUTF8 { bytes.append($0) }
            return
        }
        for byte in utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
