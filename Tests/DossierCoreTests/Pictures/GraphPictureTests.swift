import Foundation
import Testing
@testable import DossierCore

@Suite struct GraphPictureTests {
    static let kindShapes: [ActorKind: String] = [
        .state: "circle", .organization: "rect", .person: "circle", .place: "polygon", .agreement: "path",
        .group: "polygon",
    ]

    // MARK: - Determinism

    @Test func sameInputGivesByteIdenticalOutput() {
        let (nodes, edges) = PictureFixtures.graph(count: 40, edgeCount: 60)
        let first = GraphPicture.svg(nodes: nodes, edges: edges, title: "Network")
        let second = GraphPicture.svg(nodes: nodes, edges: edges, title: "Network")
        #expect(first == second)
    }

    @Test(arguments: [1, 2, 3])
    func inputOrderDoesNotMatter(seed: UInt64) {
        let (nodes, edges) = PictureFixtures.graph(count: 40, edgeCount: 60, center: seed == 3)
        var rng = SplitMix64(seed: seed)
        let shuffledNodes = nodes.shuffled(using: &rng)
        let shuffledEdges = edges.shuffled(using: &rng)
        #expect(shuffledNodes != nodes)
        let original = GraphPicture.svg(nodes: nodes, edges: edges, title: "Network")
        let shuffled = GraphPicture.svg(nodes: shuffledNodes, edges: shuffledEdges, title: "Network")
        #expect(original == shuffled)
    }

    @Test func numbersHaveAtMostOneDecimal() throws {
        let (nodes, edges) = PictureFixtures.graph(count: 40, edgeCount: 60)
        let svg = GraphPicture.svg(nodes: nodes, edges: edges, title: "Network")
        let longNumber = try Regex("[0-9]\\.[0-9]{2,}")
        let match = svg.firstMatch(of: longNumber).map { String(svg[$0.range]) }
        #expect(match == nil)
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        #expect(PictureSVG.number(1.25) == "1.3")
        #expect(PictureSVG.number(-0.04) == "0")
        #expect(PictureSVG.number(12) == "12")
        #expect(PictureSVG.number(-3.14159) == "-3.1")
    }

    // MARK: - Layout quality

    @Test(arguments: [false, true])
    func labelsDoNotOverlapAtFortyActors(center: Bool) throws {
        let (nodes, edges) = PictureFixtures.graph(count: 40, edgeCount: 60, center: center)
        let svg = GraphPicture.svg(nodes: nodes, edges: edges, title: "Network")
        let root = try PictureSVGParser.parse(svg)
        let labels = root.all("text").filter { $0.classes.contains("node-label") }
        #expect(labels.count == 40)
        let boxes = labels.map { estimatedTextBox($0) }
        let overlaps = pictureOverlaps(boxes)
        #expect(overlaps.isEmpty, "overlapping labels: \(overlaps.map { (labels[$0.0].fullText, labels[$0.1].fullText) })")

        // Also from the layout itself: each node's label (wherever it was moved) and shape are
        // clear of every other node's label and shape.
        let layout = GraphPictureLayout.make(nodes: nodes, edges: edges, width: 960, height: 640)
        for i in layout.nodes.indices {
            for j in layout.nodes.indices where j != i {
                let (a, b) = (layout.nodes[i], layout.nodes[j])
                #expect(!a.labelBox.intersects(b.labelBox) && !a.labelBox.intersects(b.shapeBox)
                        && !a.shapeBox.intersects(b.shapeBox), "\(a.node.id) overlaps \(b.node.id)")
            }
        }
    }

    @Test(arguments: [(40, 60), (200, 600), (2, 1), (12, 30)])
    func everyNodeAndLabelIsInsideTheViewBox(count: Int, edgeCount: Int) throws {
        let (nodes, edges) = PictureFixtures.graph(count: count, edgeCount: edgeCount)
        let svg = GraphPicture.svg(nodes: nodes, edges: edges, title: "Network")
        let root = try PictureSVGParser.parse(svg)
        let view = try #require(pictureViewBox(root))
        let links = root.all("a")
        #expect(links.count == count)
        for link in links {
            for shape in link.children where ["circle", "rect", "polygon", "path"].contains(shape.name) {
                let box = try #require(shapeBox(shape))
                #expect(view.contains(box), "\(link["href"] ?? "") shape \(box) outside \(view)")
            }
            for text in link.all("text") {
                let box = estimatedTextBox(text)
                #expect(view.contains(box), "\(text.fullText) label \(box) outside \(view)")
            }
        }
    }

    @Test func neighbourhoodCentreIsInTheMiddle() throws {
        let (nodes, edges) = PictureFixtures.graph(count: 12, edgeCount: 16, center: true)
        let layout = GraphPictureLayout.make(nodes: nodes, edges: edges, width: 640, height: 420)
        let center = try #require(layout.nodes.first { $0.node.isCenter })
        #expect(abs(center.x - layout.width / 2) < 1)
        #expect(abs(center.y - layout.legendTop / 2) < 1)
        let svg = GraphPicture.svg(nodes: nodes, edges: edges, title: "Neighbourhood", width: 640, height: 420)
        let root = try PictureSVGParser.parse(svg)
        let centreLinks = root.all("a").filter { $0.classes.contains("node-center") }
        #expect(centreLinks.count == 1)
        #expect(centreLinks.first?["href"] == nodes[0].href)
    }

    // MARK: - Structure

    @Test func isWellFormedAccessibleSVG() throws {
        let (nodes, edges) = PictureFixtures.graph(count: 40, edgeCount: 60)
        let svg = GraphPicture.svg(nodes: nodes, edges: edges, title: "Relation network")
        let root = try PictureSVGParser.parse(svg)
        #expect(root.name == "svg")
        #expect(root["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root["role"] == nil, "no role: the svg's implicit graphics-document role keeps its links reachable; the Nu validator rejects img-with-links and group")
        #expect(root["width"] == "100%")
        #expect(root["viewBox"] != nil)
        let labelledBy = try #require(root["aria-labelledby"]).split(separator: " ").map(String.init)
        #expect(labelledBy.count == 2)
        let titleElement = try #require(root.children.first { $0.name == "title" })
        let descElement = try #require(root.children.first { $0.name == "desc" })
        #expect(titleElement["id"] == labelledBy[0])
        #expect(descElement["id"] == labelledBy[1])
        #expect(titleElement.fullText == "Relation network")
        #expect(descElement.fullText.contains("40 actors"))
        let ids = ([root] + root.descendants).compactMap { $0["id"] }
        #expect(Set(ids).count == ids.count)
        let prefix = try #require(root["id"])
        #expect(ids.allSatisfy { $0.hasPrefix(prefix) })
    }

    @Test func everyNodeIsWrappedInItsLink() throws {
        let (nodes, edges) = PictureFixtures.graph(count: 40, edgeCount: 60)
        let root = try PictureSVGParser.parse(GraphPicture.svg(nodes: nodes, edges: edges, title: "Network"))
        let links = root.all("a")
        #expect(Set(links.compactMap { $0["href"] }) == Set(nodes.map(\.href)))
        for link in links {
            let node = try #require(nodes.first { $0.href == link["href"] })
            #expect(link.children.first?.name == "title")
            #expect(link.children.first?.fullText.hasPrefix(node.label) == true)
            #expect(link.children.contains { ["circle", "rect", "polygon", "path"].contains($0.name) })
            #expect(link.children.contains { $0.name == "text" })
        }
        // Nothing node-like outside a link.
        for text in root.all("text") where text.classes.contains("node-label") {
            #expect(text.ancestors.contains { $0.name == "a" })
        }
    }

    @Test func labelsAreEscaped() throws {
        let nodes = [
            GraphNode(id: "a-b", label: "A & B <x>", kind: .organization, href: "../actors/a-b/?q=1&r=\"2\"", weight: 3),
            GraphNode(id: "c", label: "\"Quoted\" & 'single'", kind: .state, href: "../actors/c/"),
        ]
        let edges = [GraphEdge(from: "a-b", to: "c", type: "member-of", label: "member <of> & more")]
        let svg = GraphPicture.svg(nodes: nodes, edges: edges, title: "Us & <them>")
        #expect(svg.contains("A &amp; B &lt;x&gt;"))
        #expect(!svg.contains("<x>"))
        #expect(svg.contains("Us &amp; &lt;them&gt;"))
        #expect(svg.contains("href=\"../actors/a-b/?q=1&amp;r=&quot;2&quot;\""))
        let root = try PictureSVGParser.parse(svg)
        #expect(root.all("a").contains { $0["href"] == "../actors/a-b/?q=1&r=\"2\"" })
        #expect(root.all("text").contains { $0.fullText == "A & B <x>" })
        #expect(root.all("title").contains { $0.fullText == "A & B <x> member <of> & more \"Quoted\" & 'single'" })
    }

    @Test func shapesAndClassesByKind() throws {
        let nodes = ActorKind.allCases.map {
            GraphNode(id: $0.rawValue, label: $0.pluralLabel, kind: $0, href: "\($0.rawValue).html", weight: 1)
        }
        let root = try PictureSVGParser.parse(GraphPicture.svg(nodes: nodes, edges: [], title: "Kinds"))
        let style = try #require(root.children.first { $0.name == "style" }?.fullText)
        for kind in ActorKind.allCases {
            let link = try #require(root.all("a").first { $0["href"] == "\(kind.rawValue).html" })
            #expect(link.classes.contains("node"))
            #expect(link.classes.contains("node-\(kind.rawValue)"))
            let shapes = link.children.filter { $0.classes.contains("node-shape") }
            #expect(shapes.first?.name == Self.kindShapes[kind], "\(kind)")
            #expect(shapes.first?["fill"] == kind.pictureColor || shapes.first?.painted("stroke", style: style) == kind.pictureColor)
            // Outlined as the picture's rules say, not as attributes on each shape.
            #expect(shapes.allSatisfy { $0["stroke"] == nil && $0["stroke-width"] == nil })
            if kind != .person {
                #expect(shapes.first?.painted("stroke", style: style) == "currentColor")
                #expect(shapes.first?.painted("stroke-opacity", style: style) == ".5")
                #expect(shapes.first?.painted("stroke-width", style: style) == "1px")
            }
        }
        // Person: a ring and a dot, the dot not outlined.
        let person = try #require(root.all("a").first { $0.classes.contains("node-person") })
        #expect(person.children.filter { $0.name == "circle" }.count == 2)
        let ring = try #require(person.children.first { $0.classes.contains("node-ring") })
        #expect(ring["fill"] == "none" && ring.painted("stroke-width", style: style) == "2px")
        #expect(ring.painted("stroke-opacity", style: style) == "1")
        #expect(person.children.first { $0.classes.contains("node-dot") }?.painted("stroke", style: style) == "none")
        // Labels: the page's colour with a halo of the background behind, sized by their group.
        for label in root.all("text").filter({ $0.classes.contains("node-label") }) {
            #expect(label.painted("fill", style: style) == "currentColor" && label.painted("stroke", style: style) == "Canvas")
            #expect(label.painted("paint-order", style: style) == "stroke" && label.painted("stroke-width", style: style) == "3px")
            #expect(label.inherited("font-size") == "13")
        }
        let place = try #require(root.all("a").first { $0.classes.contains("node-place") })
        #expect(place.all("polygon").first?["points"]?.split(separator: " ").count == 4)
        let group = try #require(root.all("a").first { $0.classes.contains("node-group") })
        #expect(group.all("polygon").first?["points"]?.split(separator: " ").count == 6)
        // The legend names every kind present.
        let legend = try #require(root.all("g").first { $0.classes.contains("legend") })
        for kind in ActorKind.allCases {
            #expect(legend.all("g").contains { $0.classes.contains("legend-\(kind.rawValue)") })
        }
    }

    @Test func edgesStyledByRelationType() throws {
        let nodes = ["a", "b", "c", "d", "e"].map { GraphNode(id: $0, label: $0.uppercased(), kind: .state, href: "\($0)/") }
        let edges = [
            GraphEdge(from: "a", to: "b", type: "in-conflict-with", label: "in conflict with"),
            GraphEdge(from: "a", to: "c", type: "member-of", label: "member of"),
            GraphEdge(from: "b", to: "c", type: "strategic-partner", label: "strategic partner of"),
            GraphEdge(from: "c", to: "d", type: "hosts", label: "hosts"),
            GraphEdge(from: "d", to: "e", type: "co-mention", label: "mentioned together", strength: 5),
            GraphEdge(from: "e", to: "a", type: "co-mention", label: "mentioned together", strength: 1),
            GraphEdge(from: "a", to: "zz", type: "member-of", label: "dangling"),
            GraphEdge(from: "a", to: "a", type: "member-of", label: "self"),
        ]
        let root = try PictureSVGParser.parse(GraphPicture.svg(nodes: nodes, edges: edges, title: "Edges"))
        let lines = root.all("line").filter { $0.classes.contains("edge") }
        #expect(lines.count == 6)
        let style = try #require(root.children.first { $0.name == "style" }?.fullText)
        func line(_ type: String) -> [PictureSVGNode] { lines.filter { $0.classes.contains("edge-\(type)") } }
        func paint(_ type: String, _ property: String) -> String? { line(type).first?.painted(property, style: style) }
        #expect(paint("in-conflict-with", "stroke") == "#d62728")
        #expect(paint("in-conflict-with", "stroke-dasharray") == "6 4")
        #expect(paint("in-conflict-with", "stroke-width") == "1.6px")
        #expect(paint("member-of", "stroke-dasharray") == nil)
        #expect(paint("member-of", "stroke") == "#7f7f7f" && paint("member-of", "stroke-width") == "1.3px")
        #expect(paint("strategic-partner", "stroke") == "#1f77b4")
        #expect(paint("hosts", "stroke") == "#2ca02c")
        #expect(paint("hosts", "stroke-dasharray") == "2 3")
        #expect(paint("co-mention", "stroke") == "#9aa0a6" && paint("co-mention", "stroke-opacity") == "0.6")
        #expect(lines.allSatisfy { $0.painted("stroke-linecap", style: style) == "round" && $0.painted("fill", style: style) == "none" })
        // Only a co-mention's width, which grows with its count, is said on the line.
        let coMentions = line("co-mention").compactMap { $0.double("stroke-width") }.sorted()
        #expect(coMentions.count == 2 && coMentions[0] < coMentions[1])
        #expect(lines.filter { $0.attributes.keys.contains { $0.hasPrefix("stroke") } }.count == 2)
        // Rules only for the styles drawn: no "other" relation here.
        #expect(!style.contains("edge-style-other"))
        #expect(line("member-of").first?.all("title").first?.fullText == "A member of C")
        // The legend has one entry per line style, naming its relation types.
        let legendTexts = root.all("g").filter { $0.classes.contains("legend-item") }.map { $0.all("text").first?.fullText ?? "" }
        #expect(legendTexts.suffix(5) == ["in conflict with", "strategic partner of", "member of", "hosts", "mentioned together"])
        // Co-mentions are drawn underneath relations.
        let firstRelation = try #require(lines.firstIndex { !$0.classes.contains("edge-co-mention") })
        #expect(lines[..<firstRelation].allSatisfy { $0.classes.contains("edge-co-mention") })
    }

    @Test func twoPicturesOnOnePageHaveDistinctIDs() throws {
        let (nodes, edges) = PictureFixtures.graph(count: 5, edgeCount: 4)
        let a = try PictureSVGParser.parse(GraphPicture.svg(nodes: nodes, edges: edges, title: "One"))
        let b = try PictureSVGParser.parse(GraphPicture.svg(nodes: nodes, edges: edges, title: "Two"))
        let c = try PictureSVGParser.parse(GraphPicture.svg(nodes: nodes, edges: edges, title: "One", id: "sidebar graph"))
        let idsA = Set(([a] + a.descendants).compactMap { $0["id"] })
        let idsB = Set(([b] + b.descendants).compactMap { $0["id"] })
        let idsC = Set(([c] + c.descendants).compactMap { $0["id"] })
        #expect(idsA.isDisjoint(with: idsB))
        #expect(idsA.isDisjoint(with: idsC))
        #expect(c["id"] == "sidebar-graph")
    }

    // MARK: - Edge cases

    @Test func emptyGraphSaysThereIsNothingToShow() throws {
        let svg = GraphPicture.svg(nodes: [], edges: [GraphEdge(from: "a", to: "b", type: "ally", label: "ally")],
                                   title: "Nothing")
        let root = try PictureSVGParser.parse(svg)
        #expect(root["role"] == nil, "no role: the svg's implicit graphics-document role keeps its links reachable; the Nu validator rejects img-with-links and group")
        #expect(root.all("text").first?.fullText.contains("No actors") == true)
        #expect(root.all("a").isEmpty)
    }

    @Test func singleNodeWorks() throws {
        let node = GraphNode(id: "iran", label: "Islamic Republic of Iran", kind: .state, href: "../iran/", weight: 12,
                             isCenter: true)
        let svg = GraphPicture.svg(nodes: [node], edges: [], title: "Iran", width: 640, height: 420)
        let root = try PictureSVGParser.parse(svg)
        let view = try #require(pictureViewBox(root))
        let circle = try #require(root.all("a").first?.all("circle").first)
        #expect(abs((circle.double("cx") ?? 0) - view.maxX / 2) < 1)
        #expect(root.all("a").count == 1)
    }

    @Test func duplicateNodeIDsAreDrawnOnce() throws {
        let nodes = [
            GraphNode(id: "x", label: "X", kind: .state, href: "x/"),
            GraphNode(id: "x", label: "X again", kind: .place, href: "x2/"),
            GraphNode(id: "y", label: "Y", kind: .state, href: "y/"),
        ]
        let root = try PictureSVGParser.parse(GraphPicture.svg(nodes: nodes, edges: [], title: "Dupes"))
        #expect(root.all("a").count == 2)
        let reversed = GraphPicture.svg(nodes: nodes.reversed(), edges: [], title: "Dupes")
        #expect(reversed == GraphPicture.svg(nodes: nodes, edges: [], title: "Dupes"))
    }

    @Test func longLabelsAreWrappedOrTruncatedWithFullTitleInTooltip() throws {
        let long = "Treaty on the Non-Proliferation of Nuclear Weapons and Other Very Long Words"
        let node = GraphNode(id: "npt", label: long, kind: .agreement, href: "npt/")
        let root = try PictureSVGParser.parse(GraphPicture.svg(nodes: [node], edges: [], title: "Long"))
        let link = try #require(root.all("a").first)
        let spans = link.all("tspan").map(\.fullText)
        #expect(spans.count == 2)
        #expect(spans.allSatisfy { $0.count <= GraphPictureLayout.maxLabelCharacters })
        #expect(spans.last?.hasSuffix("…") == true)
        #expect(link.children.first?.fullText.contains(long) == true)
    }

    /// Bounding box of a basic shape element.
    func shapeBox(_ shape: PictureSVGNode) -> PictureRect? {
        switch shape.name {
        case "circle":
            guard let cx = shape.double("cx"), let cy = shape.double("cy"), let r = shape.double("r") else { return nil }
            return PictureRect(minX: cx - r, minY: cy - r, maxX: cx + r, maxY: cy + r)
        case "rect":
            guard let x = shape.double("x"), let y = shape.double("y"), let w = shape.double("width"),
                  let h = shape.double("height") else { return nil }
            return PictureRect(minX: x, minY: y, maxX: x + w, maxY: y + h)
        case "polygon":
            let numbers = (shape["points"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            return box(of: numbers)
        case "path":
            return pathBox(shape["d"] ?? "")
        default:
            return nil
        }
    }

    /// Box of a path made of absolute M, L, H, V and Z commands (what the pictures draw).
    func pathBox(_ d: String) -> PictureRect? {
        var xs: [Double] = [], ys: [Double] = []
        var command: Character = "M"
        var pending: [Double] = []
        var token = ""
        func flush() {
            guard let value = Double(token) else { token = ""; return }
            token = ""
            switch command {
            case "H": xs.append(value)
            case "V": ys.append(value)
            default:
                pending.append(value)
                if pending.count == 2 { xs.append(pending[0]); ys.append(pending[1]); pending = [] }
            }
        }
        for character in d {
            if "MLHVZ".contains(character) {
                flush()
                command = character
            } else if character == " " || character == "," {
                flush()
            } else {
                token.append(character)
            }
        }
        flush()
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
        return PictureRect(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }

    func box(of numbers: [Double]) -> PictureRect? {
        guard numbers.count >= 2 else { return nil }
        let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
        let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
        return PictureRect(minX: xs.min()!, minY: ys.min()!, maxX: xs.max()!, maxY: ys.max()!)
    }
}
