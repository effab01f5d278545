import Foundation
import Testing
@testable import DossierCore

/// Labels readable at the size the picture is shown, a frame fitted to the drawing, a legend
/// that names every line drawn, and neighbours picked out on hover or focus.
@Suite struct GraphLegibilityTests {
    /// The narrowest the picture can be drawn: its `min-width`, as a share of its viewBox width.
    static func smallestScale(_ root: PictureSVGNode) throws -> Double {
        let view = try #require(pictureViewBox(root))
        let style = try #require(root["style"])
        let minWidth = try #require(style.split(separator: ";").first { $0.hasPrefix("min-width:") })
        let pixels = try #require(Double(minWidth.dropFirst("min-width:".count).dropLast(2)))
        return pixels / (view.maxX - view.minX)
    }

    @Test(arguments: [40, 150])
    func labelsAreAtLeastTwelvePixelsAndNeverOverlap(actors: Int) throws {
        let (nodes, edges) = PictureFixtures.graph(count: actors, edgeCount: actors * 3 / 2)
        let root = try PictureSVGParser.parse(GraphPicture.svg(nodes: nodes, edges: edges, title: "Network", width: 1100, height: 760))
        let scale = try Self.smallestScale(root)
        let labels = root.all("text").filter { $0.classes.contains("node-label") }
        #expect(labels.count == actors)
        for label in labels {
            let size = try #require(label.inherited("font-size").flatMap(Double.init))
            #expect(size * scale >= 12 - 1e-9, "\(label.fullText) renders at \(size * scale) px")
        }
        let legendSize = try #require(root.all("g").first { $0.classes.contains("legend") }?.double("font-size"))
        #expect(legendSize * scale >= 12 - 1e-9)
        let boxes = labels.map { estimatedTextBox($0) }
        let overlaps = pictureOverlaps(boxes)
        #expect(overlaps.isEmpty, "overlapping: \(overlaps.prefix(5).map { (labels[$0.0].fullText, labels[$0.1].fullText) })")
        let view = try #require(pictureViewBox(root))
        #expect(boxes.allSatisfy { view.contains($0) })
    }

    @Test(arguments: [40, 150])
    func labelsMoveOffLinesWhereAnotherSideIsFree(actors: Int) throws {
        let (nodes, edges) = PictureFixtures.graph(count: actors, edgeCount: actors * 3 / 2)
        let layout = GraphPictureLayout.make(nodes: nodes, edges: edges, width: 1100, height: 760)
        let position = Dictionary(uniqueKeysWithValues: layout.nodes.map { ($0.node.id, $0) })
        let segments = layout.edges.compactMap { edge -> (Double, Double, Double, Double)? in
            guard let a = position[edge.from], let b = position[edge.to] else { return nil }
            return (a.x, a.y, b.x, b.y)
        }
        let placed = layout.nodes.map { GraphLabelPlacement.crossings($0.labelBox, segments) }.reduce(0, +)
        let allBelow = layout.nodes.map { node -> Int in
            var below = node
            below.labelPosition = .below
            return GraphLabelPlacement.crossings(below.labelBox, segments)
        }.reduce(0, +)
        #expect(layout.nodes.contains { $0.labelPosition != .below })
        #expect(placed < allBelow, "\(placed) line crossings over labels, \(allBelow) with every label below")
    }

    @Test func aThreeActorPictureFillsItsFrame() throws {
        let nodes = [
            GraphNode(id: "iran", label: "Iran", kind: .state, href: "../actors/iran/", weight: 10),
            GraphNode(id: "russia", label: "Russia", kind: .state, href: "../actors/russia/", weight: 8),
            GraphNode(id: "sco", label: "Shanghai Cooperation Organisation", kind: .organization, href: "../actors/sco/", weight: 3),
        ]
        let edges = [
            GraphEdge(from: "iran", to: "sco", type: "member-of", label: "member of"),
            GraphEdge(from: "russia", to: "sco", type: "member-of", label: "member of"),
            GraphEdge(from: "iran", to: "russia", type: "strategic-partner", label: "strategic partner of"),
        ]
        let root = try PictureSVGParser.parse(GraphPicture.svg(nodes: nodes, edges: edges, title: "Three", width: 1100, height: 760))
        let view = try #require(pictureViewBox(root))
        #expect(view.maxX - view.minX < 600, "a 3-actor picture is \(view.maxX - view.minX) wide")
        let labels = root.all("text").filter { $0.classes.contains("node-label") }.map { estimatedTextBox($0) }
        let shapes = root.all("a").filter { $0.classes.contains("node") }
        let xs = shapes.compactMap { $0.all("circle").first?.double("cx") ?? $0.all("rect").first?.double("x") }
        let ys = shapes.compactMap { $0.all("circle").first?.double("cy") ?? $0.all("rect").first?.double("y") }
        let left = min(labels.map(\.minX).min()!, xs.min()!), right = max(labels.map(\.maxX).max()!, xs.max()!)
        let top = ys.min()!, bottom = labels.map(\.maxY).max()!
        let legendTop = try #require(root.all("line").first { $0.classes.contains("legend-rule") }?.double("y1"))
        // The drawing spans most of the frame: no tiny cluster in a large empty box.
        #expect((right - left) / (view.maxX - view.minX) > 0.6, "drawing \(right - left) of \(view.maxX - view.minX)")
        #expect((bottom - top) / legendTop > 0.6, "drawing \(bottom - top) of \(legendTop)")
    }

    @Test func legendNamesEveryRelationTypeAndTheCoMentions() throws {
        let (nodes, edges) = PictureFixtures.graph(count: 40, edgeCount: 80)
        let root = try PictureSVGParser.parse(GraphPicture.svg(nodes: nodes, edges: edges, title: "Legend"))
        let legend = try #require(root.all("g").first { $0.classes.contains("legend") })
        let texts = Set(legend.all("text").map(\.fullText))
        let relationLabels = Set(edges.filter { $0.type != "co-mention" }.map(\.label))
        #expect(relationLabels.count == PictureFixtures.types.count)
        for label in relationLabels { #expect(texts.contains(label), "legend lacks \(label)") }
        #expect(texts.contains("mentioned together"))
        #expect(!texts.contains { $0.contains("…") || $0.contains(",") })
        for kind in Set(nodes.map(\.kind)) { #expect(texts.contains(kind.pictureName)) }
        // Each relation type's sample is drawn like that type's edges.
        for item in legend.all("g").filter({ $0.classes.contains("legend-item") }) {
            guard let sample = item.all("line").first, let label = item.all("text").first?.fullText,
                  let edge = edges.first(where: { $0.label == label }) else { continue }
            #expect(sample["stroke"] == PictureEdgeStyle(type: edge.type).color)
        }
    }

    @Test func hoveringANodeKeepsExactlyItsNeighboursHighlighted() throws {
        let (nodes, edges) = PictureFixtures.graph(count: 12, edgeCount: 20)
        let svg = GraphPicture.svg(nodes: nodes, edges: edges, title: "Hover")
        let root = try PictureSVGParser.parse(svg)
        let style = try #require(root.children.first { $0.name == "style" }?.fullText)
        let nodeLinks = root.all("a").filter { $0.classes.contains("node") }
        #expect(nodeLinks.count == 12)
        for link in nodeLinks {
            let id = try #require(nodes.first { $0.href == link["href"] }?.id)
            let own = try #require(link.classes.first { $0.hasPrefix("n") && Int($0.dropFirst()) != nil })
            let number = String(own.dropFirst())
            #expect(style.contains(":has(.n\(number):is(:hover,:focus-visible)) :is(.node,.edge):not(.hl\(number))"))
            let neighbours = Set(edges.filter { $0.from == id || $0.to == id }.map { $0.from == id ? $0.to : $0.from } + [id])
            let highlighted = Set(nodeLinks.filter { $0.classes.contains("hl\(number)") }.compactMap { node in nodes.first { $0.href == node["href"] }?.id })
            #expect(highlighted == neighbours, "neighbours of \(id)")
            let edgeLines = root.all("line").filter { $0.classes.contains("edge") }
            let touching = edgeLines.filter { $0.classes.contains("hl\(number)") }.count
            #expect(touching == edges.filter { $0.from == id || $0.to == id }.count)
        }
    }
}

/// The graph page of the example project: the counts in its text are those of its picture.
@Suite struct GraphPageCountsTests {
    static let site: MemorySink = {
        let sink = MemorySink()
        _ = SiteBuilder.run(BuildOptions(root: TestPaths.packageRoot), into: sink)
        return sink
    }()

    @Test func actorAndRelationCountsInTheTextAgreeWithThePicture() throws {
        let data = try #require(Self.site.files["graph/index.html"])
        let html = String(decoding: data, as: UTF8.self)
        let lead = try #require(html.firstMatch(of: /draws ([0-9,]+) actors and ([0-9,]+) typed relations/))
        let actors = Int(lead.1.replacingOccurrences(of: ",", with: ""))
        let relations = Int(lead.2.replacingOccurrences(of: ",", with: ""))
        let svgStart = try #require(html.range(of: "<svg"))
        let svgEnd = try #require(html.range(of: "</svg>", range: svgStart.upperBound..<html.endIndex))
        let root = try PictureSVGParser.parse(String(html[svgStart.lowerBound..<svgEnd.upperBound]))
        let drawnActors = root.all("a").filter { $0.classes.contains("node") }.count
        let drawnRelations = root.all("line").filter { $0.classes.contains("edge") && !$0.classes.contains("edge-style-co-mention") }.count
        #expect(drawnActors > 10)
        #expect(actors == drawnActors)
        #expect(relations == drawnRelations)
    }
}
