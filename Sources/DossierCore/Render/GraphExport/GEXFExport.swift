import Foundation

/// `data/graph.gexf`: GEXF 1.3, Gephi's own format. Labels, weights and the edge
/// kind are the elements' own XML attributes, as Gephi expects; the rest are attvalues.
enum GEXFExport {
    static func data(_ model: SiteModel, urls: SiteURLs) -> Data {
        data(ExportGraph(model, urls: urls))
    }

    static func data(_ graph: ExportGraph) -> Data {
        // label and weight are written as XML attributes; title repeats the label.
        let nodeAttributes = ExportGraph.nodeAttributes.filter { $0.name != "label" && $0.name != "title" }
        let edgeAttributes = ExportGraph.edgeAttributes.filter { $0.name != "label" && $0.name != "weight" }
        var xml = XMLWriter(capacity: 512 * (graph.nodes.count + graph.edgeCount) + 4096)
        xml.element("gexf", [
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"),
            ("version", "1.3"),
        ]) { xml in
            xml.element("meta") { xml in
                xml.text("creator", [], "Dossier")
                xml.text("description", [], graph.title)
            }
            xml.element("graph", [("defaultedgetype", "directed"), ("mode", "static")]) { xml in
                xml.element("attributes", [("class", "node")]) { xml in
                    for attribute in nodeAttributes {
                        xml.empty("attribute", [("id", attribute.name), ("title", attribute.name), ("type", gexfType(attribute.type))])
                    }
                }
                xml.element("attributes", [("class", "edge")]) { xml in
                    for attribute in edgeAttributes {
                        xml.empty("attribute", [("id", attribute.name), ("title", attribute.name), ("type", gexfType(attribute.type))])
                    }
                }
                xml.element("nodes") { xml in
                    for node in graph.nodes {
                        xml.element("node", [("id", node.id), ("label", value(node, "label", in: ExportGraph.nodeAttributes) ?? node.id)]) { xml in
                            write(node, attributes: nodeAttributes, all: ExportGraph.nodeAttributes, to: &xml)
                        }
                    }
                }
                xml.element("edges") { xml in
                    graph.forEachEdge { edge in
                        // GEXF 1.3's own `kind` lets Gephi keep a relation and a co-mention between the
                        // same two actors as two edges; networkx reads the attvalue of the same name.
                        var attributes = [("id", edge.id), ("source", edge.source), ("target", edge.target)]
                        if let kind = value(edge, "kind", in: ExportGraph.edgeAttributes) { attributes.append(("kind", kind)) }
                        if let label = value(edge, "label", in: ExportGraph.edgeAttributes) { attributes.append(("label", label)) }
                        attributes.append(("weight", value(edge, "weight", in: ExportGraph.edgeAttributes) ?? "1"))
                        xml.element("edge", attributes) { xml in
                            write(edge, attributes: edgeAttributes, all: ExportGraph.edgeAttributes, to: &xml)
                        }
                    }
                }
            }
        }
        return xml.bytes
    }

    private static func gexfType(_ type: ExportGraph.ValueType) -> String {
        switch type {
        case .string: "string"
        case .int: "integer"
        case .double: "double"
        case .boolean: "boolean"
        }
    }

    private static func value(_ item: ExportGraph.Item, _ name: String, in attributes: [ExportGraph.Attribute]) -> String? {
        guard let index = attributes.firstIndex(where: { $0.name == name }) else { return nil }
        return item.values[index]?.text
    }

    private static func write(_ item: ExportGraph.Item, attributes: [ExportGraph.Attribute], all: [ExportGraph.Attribute], to xml: inout XMLWriter) {
        let present = attributes.compactMap { attribute in value(item, attribute.name, in: all).map { (attribute.name, $0) } }
        guard !present.isEmpty else { return }
        xml.element("attvalues") { xml in
            for (name, text) in present { xml.empty("attvalue", [("for", name), ("value", text)]) }
        }
    }
}
