import Foundation

/// The actor network for network tools: every actor a node, every relation an
/// edge, and a weighted co-mention edge for the pairs of actors named in the same
/// passage that rank among either one's strongest (`CoMentionSelection`). Written as
/// `data/graph.graphml` (GraphML) and `data/graph.gexf` (GEXF 1.3);
/// docs/graph-export.md describes both.
///
/// The graph is directed (networkx refuses a file that mixes directed and
/// undirected edges): a relation points from the actor that declares it to its
/// target; symmetric relations say so in `symmetric`, and co-mention edges, which
/// have no direction, point from the smaller slug to the larger.
///
/// Edges are made one at a time as a file is written (`forEachEdge`), so neither
/// file holds more than its own bytes and the current edge.
struct ExportGraph {
    enum ValueType: String { case string, int, double, boolean }
    enum Value {
        case string(String)
        case int(Int)
        case double(Int)
        case boolean(Bool)

        var text: String {
            switch self {
            case .string(let value): value
            case .int(let value), .double(let value): String(value)
            case .boolean(let value): value ? "true" : "false"
            }
        }
    }

    struct Attribute {
        var name: String
        var type: ValueType
    }

    struct Item {
        var id: String
        /// Edges only.
        var source = ""
        var target = ""
        /// Aligned with the attribute list; nil where the value is absent.
        var values: [Value?]
    }

    static let nodeAttributes = [
        Attribute(name: "label", type: .string), Attribute(name: "title", type: .string), Attribute(name: "kind", type: .string),
        Attribute(name: "url", type: .string), Attribute(name: "mention_count", type: .int), Attribute(name: "summary", type: .string),
    ]

    static let edgeAttributes = [
        Attribute(name: "kind", type: .string), Attribute(name: "type", type: .string), Attribute(name: "label", type: .string),
        Attribute(name: "inverse_label", type: .string), Attribute(name: "symmetric", type: .boolean),
        Attribute(name: "since", type: .string), Attribute(name: "until", type: .string), Attribute(name: "note", type: .string),
        Attribute(name: "declared_in", type: .string), Attribute(name: "weight", type: .double),
        Attribute(name: "same_block", type: .int), Attribute(name: "same_document", type: .int),
    ]

    var title: String
    /// By slug.
    var nodes: [Item]
    private let relations: [Relation]
    /// The co-mention pairs kept, by pair.
    let coMentions: [CoMention]

    var edgeCount: Int { relations.count + coMentions.count }

    init(_ model: SiteModel, urls: SiteURLs) {
        title = model.config.title
        nodes = model.actors.map { actor in
            let value = actor.actor
            return Item(id: value.slug, values: [
                .string(value.title), .string(value.title), .string(value.kind.rawValue), .string(urls.path(.actor(value.slug))),
                .int(actor.mentionCount), value.summary.map(Value.string),
            ])
        }
        relations = model.relations
        coMentions = CoMentionSelection.strongest(model.coMentions, perActor: model.config.graphCoMentionsPerActor)
    }

    /// Relations in the model's order (declaring actor by slug, then as written), then
    /// the kept co-mentions by pair, each made just before `body` writes it.
    func forEachEdge(_ body: (Item) -> Void) {
        for (index, relation) in relations.enumerated() {
            body(Item(id: "relation-\(index + 1)", source: relation.from, target: relation.to, values: [
                .string("relation"), .string(relation.type.name), .string(relation.type.label), .string(relation.type.inverseLabel),
                .boolean(relation.type.symmetric), relation.since.map { .string($0.text) }, relation.until.map { .string($0.text) },
                relation.note.map(Value.string), .string(relation.location.path), .double(1), nil, nil,
            ]))
        }
        for (index, pair) in coMentions.enumerated() {
            body(Item(id: "co-mention-\(index + 1)", source: pair.actor, target: pair.other, values: [
                .string("co-mention"), nil, nil, nil, .boolean(true), nil, nil, nil, nil,
                .double(pair.sameBlock), .int(pair.sameBlock), .int(pair.sameDocument),
            ]))
        }
    }
}
