import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import DossierCore

/// A parsed SVG element: enough of a DOM to check the pictures' structure and geometry.
final class PictureSVGNode {
    let name: String
    let attributes: [String: String]
    var children: [PictureSVGNode] = []
    var text = ""
    weak var parent: PictureSVGNode?

    init(name: String, attributes: [String: String], parent: PictureSVGNode?) {
        self.name = name
        self.attributes = attributes
        self.parent = parent
    }

    subscript(_ attribute: String) -> String? { attributes[attribute] }

    func double(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }

    var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }

    /// Every descendant (depth first, document order), not including self.
    var descendants: [PictureSVGNode] { children.flatMap { [$0] + $0.descendants } }

    func all(_ name: String) -> [PictureSVGNode] { descendants.filter { $0.name == name } }

    /// Text content including the descendants' text.
    var fullText: String { text + children.map(\.fullText).joined() }

    /// An attribute as the element inherits it: its own, else its nearest ancestor's.
    func inherited(_ attribute: String) -> String? {
        attributes[attribute] ?? ancestors.lazy.compactMap { $0.attributes[attribute] }.first
    }

    /// A paint property as a browser resolves it from the picture's own `<style>` (rules
    /// `.dossier-graph .class{…}`, the last one matching a class of the element winning)
    /// and presentation attributes, which CSS beats; then inherited from the ancestors.
    func painted(_ property: String, style: String) -> String? {
        var value: String?
        for rule in style.split(separator: "}") {
            let parts = rule.split(separator: "{", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let selectors = parts[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard selectors.contains(where: { selector in
                selector.hasPrefix(".dossier-graph .") && classes.contains(String(selector.dropFirst(".dossier-graph .".count)))
            }) else { continue }
            for declaration in parts[1].split(separator: ";") {
                let pair = declaration.split(separator: ":", maxSplits: 1).map(String.init)
                if pair.count == 2, pair[0] == property { value = pair[1] }
            }
        }
        return value ?? attributes[property] ?? parent?.painted(property, style: style)
    }

    var ancestors: [PictureSVGNode] {
        var result: [PictureSVGNode] = []
        var current = parent
        while let node = current {
            result.append(node)
            current = node.parent
        }
        return result
    }
}

enum PictureSVGParseError: Error, CustomStringConvertible {
    case malformed(String)
    var description: String {
        switch self {
        case .malformed(let message): "malformed SVG: \(message)"
        }
    }
}

/// Parses the picture with Foundation's XMLParser, which fails on anything that is not
/// well-formed XML (bad escaping, mismatched tags, duplicate attributes).
final class PictureSVGParser: NSObject, XMLParserDelegate {
    var root: PictureSVGNode?
    private var stack: [PictureSVGNode] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let node = PictureSVGNode(name: elementName, attributes: attributeDict, parent: stack.last)
        if let parent = stack.last { parent.children.append(node) } else { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    static func parse(_ svg: String) throws -> PictureSVGNode {
        let parser = XMLParser(data: Data(svg.utf8))
        let builder = PictureSVGParser()
        parser.delegate = builder
        let ok = parser.parse()
        if !ok || parser.parserError != nil {
            throw PictureSVGParseError.malformed(parser.parserError.map { "\($0)" } ?? "unknown error")
        }
        guard let root = builder.root else { throw PictureSVGParseError.malformed("no root element") }
        return root
    }
}

struct PictureRect: CustomStringConvertible {
    var minX, minY, maxX, maxY: Double
    func intersects(_ o: PictureRect) -> Bool { minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY }
    func contains(_ o: PictureRect) -> Bool { minX <= o.minX && minY <= o.minY && o.maxX <= maxX && o.maxY <= maxY }
    var description: String { "[\(minX), \(minY) – \(maxX), \(maxY)]" }
}

/// The viewBox of the root element.
func pictureViewBox(_ root: PictureSVGNode) -> PictureRect? {
    guard let parts = root["viewBox"]?.split(separator: " ").compactMap({ Double($0) }), parts.count == 4 else {
        return nil
    }
    return PictureRect(minX: parts[0], minY: parts[1], maxX: parts[0] + parts[2], maxY: parts[1] + parts[3])
}

/// Estimated box of a `<text>` element (with or without `<tspan>` lines): width is
/// 0.6 × font size × characters of the longest line, height one line per line.
func estimatedTextBox(_ text: PictureSVGNode, defaultFontSize: Double = 11) -> PictureRect {
    let fontSize = text.inherited("font-size").flatMap(Double.init) ?? defaultFontSize
    let x = text.double("x") ?? 0
    let baseline = text.double("y") ?? 0
    let spans = text.all("tspan")
    let lines = spans.isEmpty ? [text.fullText] : spans.map(\.fullText)
    let width = 0.6 * fontSize * Double(lines.map(\.count).max() ?? 0)
    var lastBaseline = baseline
    for span in spans.dropFirst() { lastBaseline += span.double("dy") ?? 0 }
    let minX: Double
    switch text.inherited("text-anchor") {
    case "middle": minX = x - width / 2
    case "end": minX = x - width
    default: minX = x
    }
    // Ascent ≈ 0.8 em above the baseline, descent ≈ 0.25 em below.
    return PictureRect(minX: minX, minY: baseline - 0.8 * fontSize, maxX: minX + width, maxY: lastBaseline + 0.25 * fontSize)
}

/// Pairs of rectangles that intersect.
func pictureOverlaps(_ rects: [PictureRect]) -> [(Int, Int)] {
    var result: [(Int, Int)] = []
    for i in rects.indices {
        for j in rects.indices where j > i && rects[i].intersects(rects[j]) {
            result.append((i, j))
        }
    }
    return result
}

enum PictureFixtures {
    static let titles = [
        "Comprehensive Strategic Partnership Agreement", "Islamic Republic of Iran", "Russian Federation",
        "People's Republic of China", "United States of America", "European Union", "North Atlantic Treaty Organization",
        "Shanghai Cooperation Organisation", "BRICS", "Organization of the Petroleum Exporting Countries",
        "International Atomic Energy Agency", "Joint Comprehensive Plan of Action", "Strait of Hormuz",
        "Persian Gulf", "Ayatollah Ali Khamenei", "Vladimir Putin", "Xi Jinping", "Islamic Revolutionary Guard Corps",
        "Hezbollah", "Houthis (Ansar Allah)", "Kingdom of Saudi Arabia", "United Arab Emirates", "Republic of Türkiye",
        "State of Israel", "Republic of India", "Caspian Sea", "International North–South Transport Corridor",
        "Eurasian Economic Union", "Collective Security Treaty Organization", "Gulf Cooperation Council",
        "United Nations Security Council", "Treaty on the Non-Proliferation of Nuclear Weapons", "Masoud Pezeshkian",
        "Abbas Araghchi", "Sergei Lavrov", "Bandar Abbas", "Chabahar Port", "Kharg Island",
        "Astana Format on Syria", "Iran–China 25-Year Cooperation Program", "Wagner Group", "Kataib Hezbollah",
        "Syrian Arab Republic", "Republic of Iraq", "Islamic Emirate of Afghanistan", "Republic of Azerbaijan",
        "Armenia", "Tehran", "Moscow", "Beijing",
    ]
    static let kinds: [ActorKind] = [.agreement, .state, .state, .state, .state, .organization, .organization,
                                     .organization, .organization, .organization, .organization, .agreement, .place,
                                     .place, .person, .person, .person, .group, .group, .group, .state, .state, .state,
                                     .state, .state, .place, .agreement, .organization, .organization, .organization,
                                     .organization, .agreement, .person, .person, .person, .place, .place, .place,
                                     .agreement, .agreement, .group, .group, .state, .state, .state, .state, .state,
                                     .place, .place, .place]
    static let types = [("member-of", "member of"), ("strategic-partner", "strategic partner of"),
                        ("in-conflict-with", "in conflict with"), ("hosts", "hosts"), ("party-to", "party to"),
                        ("rival", "rival of"), ("ally", "ally of"), ("leads", "leads"), ("borders", "borders")]

    static func slug(_ title: String) -> String { PictureSVG.token(title, maxLength: 100) }

    /// `count` nodes with realistic (often long) labels, and `edgeCount` relations and co-mentions.
    static func graph(count: Int, edgeCount: Int, seed: UInt64 = 42, center: Bool = false) -> ([GraphNode], [GraphEdge]) {
        var rng = SplitMix64(seed: seed)
        var nodes: [GraphNode] = []
        for i in 0..<count {
            let base = titles[i % titles.count]
            let title = i < titles.count ? base : "\(base) \(i / titles.count + 1)"
            let id = slug(title)
            nodes.append(GraphNode(id: id, label: title, kind: kinds[i % kinds.count], href: "../actors/\(id)/",
                                   weight: Int(rng.next() % 40), isCenter: center && i == 0))
        }
        var edges: [GraphEdge] = []
        var seen = Set<String>()
        while edges.count < edgeCount {
            let a = center && edges.count < min(edgeCount, count - 1) ? 0 : Int(rng.next() % UInt64(count))
            let b = center && edges.count < min(edgeCount, count - 1) ? edges.count + 1 : Int(rng.next() % UInt64(count))
            guard a != b else { continue }
            let coMention = rng.next() % 4 == 0
            let type = types[Int(rng.next() % UInt64(types.count))]
            let key = "\(a)-\(b)-\(coMention ? "co-mention" : type.0)"
            guard seen.insert(key).inserted else { continue }
            if coMention {
                let strength = Int(rng.next() % 6) + 1
                edges.append(GraphEdge(from: nodes[a].id, to: nodes[b].id, type: "co-mention",
                                       label: "mentioned together in \(strength) passages", strength: strength))
            } else {
                edges.append(GraphEdge(from: nodes[a].id, to: nodes[b].id, type: type.0, label: type.1))
            }
        }
        return (nodes, edges)
    }

    static func date(_ text: String) -> PartialDate { PartialDate(text)! }
}
