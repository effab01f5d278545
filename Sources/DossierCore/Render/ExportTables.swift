import Foundation

/// What the data export's mentions and passages files are made from: the passages of
/// the documents (`ExportPassages`) and each actor's mentions among the site's. A
/// build that makes every file (a clean one, or after a large change) makes both for
/// the whole site at once; a cached build after a small edit makes a few files, and
/// makes only the passages of the documents those files read, each once, and finds an
/// actor's mentions in its own documents: finding every actor's mentions and every
/// document's passages cost 0.2 CPU-seconds at 10,000 briefings for a one-line edit.
final class ExportTables: @unchecked Sendable {
    private let model: SiteModel
    private let documents: AggregateKeys.MentionDocuments
    private let perDocument: Bool
    private let whole = ComputedOnce<ExportPassages>()
    private let positions = ComputedOnce<[[Int]]>()
    private let tables = BuildMemo<Int, ExportPassages>()
    private let stretchOf = ComputedOnce<[DocumentID: Int]>()

    /// `perDocument`: few files will be made; each asks for its documents alone.
    init(_ model: SiteModel, documents: AggregateKeys.MentionDocuments, perDocument: Bool) {
        self.model = model
        self.documents = documents
        self.perDocument = perDocument
    }

    /// `data/passages/KIND/SLUG.json` of the document at `stretch` of `documents`.
    func passagesFile(_ stretch: Int) -> Data {
        guard perDocument else { return EntitiesExport.documentPassages(stretch, passages: wholeTable(), in: model) }
        return EntitiesExport.documentPassages(0, passages: table(stretch), in: model)
    }

    /// `data/mentions/SLUG.json` of the actor at `index` of `model.actors`.
    func mentionsFile(actor index: Int, coMentions: Range<Int>) -> Data {
        let actor = model.actors[index], slug = actor.actor.slug
        guard perDocument else {
            let positions = positions.value { EntitiesExport.mentionPositions(model) }
            return EntitiesExport.actorMentions(slug, positions: positions[index], coMentions: coMentions, in: model, passages: wholeTable())
        }
        var positions: [Int] = [], stretchByPosition: [Int: Int] = [:]
        for stretch in stretches(of: actor) {
            for position in range(stretch) where model.mentionList[position].actor == slug {
                positions.append(position)
                stretchByPosition[position] = stretch
            }
        }
        return EntitiesExport.actorMentions(slug, positions: positions, coMentions: coMentions, in: model) { table(stretchByPosition[$0]!) }
    }

    private func wholeTable() -> ExportPassages {
        whole.value { ExportPassages(model.mentions) }
    }

    private func range(_ stretch: Int) -> Range<Int> {
        // `documents` holds the model list's stretches (`AggregateKeys.MentionDocuments`).
        model.mentionList.positions(ofStretch: stretch)
    }

    private func table(_ stretch: Int) -> ExportPassages {
        tables.value(for: stretch) { ExportPassages(range: range(stretch)) { model.mentionList[$0] } }
    }

    /// The stretches, in site order, of the documents that can hold the actor's
    /// mentions: those of its mention list and its own profile.
    private func stretches(of actor: ActorModel) -> [Int] {
        let index = stretchOf.value { Dictionary(uniqueKeysWithValues: documents.ids.enumerated().map { ($1, $0) }) }
        let ids = actor.mentionGroups.documents + [DocumentID(.actor, actor.actor.slug)]
        return Set(ids.compactMap { index[$0] }).sorted()
    }
}
