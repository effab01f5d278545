import Foundation

/// `data/graph.graphml`: GraphML with typed keys (`attr.name`, `attr.type`) for networkx, Gephi, yEd and Cytoscape.
enum GraphMLExport {
    static func data(_ model: SiteModel, urls: SiteURLs) -> Data {
        data(ExportGraph(model, urls: urls))
    }

    static func data(_ graph: ExportGraph) -> Data {
        var xml = XMLWriter(capacity: 512 * (graph.nodes.count + graph.edgeCount) + 4096)
        xml.element("graphml", [
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"),
        ]) { xml in
            xml.empty("key", [("id", "graph-title"), ("for", "graph"), ("attr.name", "title"), ("attr.type", "string")])
            for attribute in ExportGraph.nodeAttributes {
                xml.empty("key", [("id", "node-" + attribute.name), ("for", "node"), ("attr.name", attribute.name), ("attr.type", attribute.type.rawValue)])
            }
            for attribute in ExportGraph.edgeAttributes {
                xml.empty("key", [("id", "edge-" + attribute.name), ("for", "edge"), ("attr.name", attribute.name), ("attr.type", attribute.type.rawValue)])
            }
            xml.element("graph", [("id", "actors"), ("edgedefault", "directed")]) { xml in
                xml.text("data", [("key", "graph-title")], graph.title)
                for node in graph.nodes {
                    xml.element("node", [("id", node.id)]) { xml in
                        write(node.values, attributes: ExportGraph.nodeAttributes, prefix: "node-", to: &xml)
                    }
                }
                graph.forEachEdge { edge in
                    xml.element("edge", [("id", edge.id), ("source", edge.source), ("target", edge.target)]) { xml in
                        write(edge.values, attributes: ExportGraph.edgeAttributes, prefix: "edge-", to: &xml)
                    }
                }
            }
        }
        return xml.bytes
    }

    private static func write(_ values: [ExportGraph.Value?], attributes: [ExportGraph.Attribute], prefix: String, to xml: inout XMLWriter) {
        for (attribute, value) in zip(attributes, values) {
            guard let value else { continue }
            xml.text("data", [("key", prefix + attribute.name)], value.text)
        }
    }
}
