import Foundation

/// The actor network for network tools: every actor a node, every relation an
/// edge, and every pair of actors mentioned in the same document a weighted
/// co-mention edge. Written as `data/graph.graphml` (GraphML) and
/// `data/graph.gexf` (GEXF 1.3); docs/graph-export.md describes both.
///
/// The graph is directed (networkx refuses a file that mixes directed and
/// undirected edges): a relation points from the actor that declares it to its
/// target; symmetric relations say so in `symmetric`, and co-mention edges, which
/// have no direction, point from the smaller slug to the larger.
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
    /// Relations in the model's order (declaring actor by slug, then as written), then co-mentions by pair.
    var edges: [Item]

    init(_ model: SiteModel, urls: SiteURLs) {
        title = model.config.title
        nodes = model.actors.map { actor in
            let value = actor.actor
            return Item(id: value.slug, values: [
                .string(value.title), .string(value.title), .string(value.kind.rawValue), .string(urls.path(.actor(value.slug))),
                .int(actor.mentionCount), value.summary.map(Value.string),
            ])
        }
        var edges: [Item] = []
        for (index, relation) in model.relations.enumerated() {
            edges.append(Item(id: "relation-\(index + 1)", source: relation.from, target: relation.to, values: [
                .string("relation"), .string(relation.type.name), .string(relation.type.label), .string(relation.type.inverseLabel),
                .boolean(relation.type.symmetric), relation.since.map { .string($0.text) }, relation.until.map { .string($0.text) },
                relation.note.map(Value.string), .string(relation.location.path), .double(1), nil, nil,
            ]))
        }
        for (index, pair) in model.coMentions.enumerated() {
            edges.append(Item(id: "co-mention-\(index + 1)", source: pair.actor, target: pair.other, values: [
                .string("co-mention"), nil, nil, nil, .boolean(true), nil, nil, nil, nil,
                .double(pair.sameDocument), .int(pair.sameBlock), .int(pair.sameDocument),
            ]))
        }
        self.edges = edges
    }
}
