import Testing
@testable import DossierCore

/// The legend finds each edge's style once (not once per style), and the co-mention
/// type skips the search: both must name the same styles and labels as before.
@Suite struct GraphLegendStyleTests {
    static let types = ["co-mention", "Co-Mention", "comention", "co-mentioned", "in-conflict-with", "strategic-partner",
                        "hosts", "member-of", "neighbour", "ALLY", ""]

    @Test func theCoMentionTypeAndItsSpellingsAreCoMentions() {
        for type in ["co-mention", "Co-Mention", "CO-MENTION", "comention", "co-mentioned"] {
            #expect(PictureEdgeStyle(type: type) == .coMention, "\(type)")
        }
        #expect(PictureEdgeStyle(type: "in-conflict-with") == .conflict)
        #expect(PictureEdgeStyle(type: "co-mention-of-war") == .conflict)
        #expect(PictureEdgeStyle(type: "strategic-partner") == .partnership)
        #expect(PictureEdgeStyle(type: "neighbour") == .other)
    }

    @Test func legendEntriesListEachStyleInOrderWithItsLabels() {
        let nodes = ["a", "b", "c"].map { GraphNode(id: $0, label: $0.uppercased(), kind: .state, href: $0 + ".html") }
        let edges = Self.types.enumerated().map { position, type in
            GraphEdge(from: "a", to: position % 2 == 0 ? "b" : "c", type: type, label: position % 3 == 0 ? "" : "label \(position % 4)",
                      strength: position + 1)
        }
        // Read style by style, as the legend did before it found each edge's style once.
        var expected = ["kind \(ActorKind.state.rawValue) \(ActorKind.state.pictureName)"]
        for style in PictureEdgeStyle.allCases {
            var labels: [String] = []
            for edge in edges.filter({ PictureEdgeStyle(type: $0.type) == style }).sorted(by: { $0.type < $1.type }) {
                let label = style == .coMention ? "mentioned together" : (edge.label.isEmpty ? edge.type : edge.label)
                if !labels.contains(label) { labels.append(label) }
            }
            expected += labels.map { "edge \(style.className) \($0)" }
        }
        let entries = GraphPictureLayout.legendEntries(nodes: nodes, edges: edges).map { sample, text -> String in
            switch sample {
            case .kind(let kind): "kind \(kind.rawValue) \(text)"
            case .edge(let style): "edge \(style.className) \(text)"
            }
        }
        #expect(entries == expected)
        #expect(entries.filter { $0.contains("mentioned together") }.count == 1)
    }
}
