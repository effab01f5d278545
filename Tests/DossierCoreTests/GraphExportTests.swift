import Foundation
import Testing
@testable import DossierCore

/// `data/graph.graphml` and `data/graph.gexf`, parsed back and compared with the model.
@Suite struct GraphExportTests {
    /// Titles, summaries and notes with everything XML must escape, and a relation
    /// declared with dates at both ends.
    static let project = """
    -- dossier.yml --
    title: "Graph & <Desk>"
    exports: all
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    summary: "A \\"state\\" & <SCO> member\\u0007 with a bell"
    relations:
      - type: member-of
        target: sco
        since: 2023-07
        until: 2030
      - type: strategic-partner
        target: russia
        note: "line one\\nline two"
    ---
    -- content/actors/russia.md --
    ---
    title: Russia
    kind: state
    ---
    -- content/actors/sco.md --
    ---
    title: "Shanghai Cooperation Organisation"
    kind: organization
    aliases: [SCO]
    ---
    -- content/briefings/a.md --
    ---
    title: A
    date: 2025-01-01
    ---
    Iran joined the SCO. Russia too.

    Iran and Russia met.
    """

    struct Built {
        var model: SiteModel
        var graphML: PictureSVGNode
        var gexf: PictureSVGNode
        var graphMLText: String
    }

    func build() throws -> Built {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        let report = project.build()
        #expect(report.diagnostics.lines == [])
        let model = try #require(report.model)
        let graphML = try project.read("data/graph.graphml")
        return Built(model: model, graphML: try PictureSVGParser.parse(graphML),
                     gexf: try PictureSVGParser.parse(project.read("data/graph.gexf")), graphMLText: graphML)
    }

    /// Every `<data>` of a node or edge, by its key's `attr.name`, checked against the key's declaration.
    func values(of element: PictureSVGNode, keys: [String: PictureSVGNode]) -> [String: String] {
        var result: [String: String] = [:]
        for data in element.children where data.name == "data" {
            guard let key = data["key"].flatMap({ keys[$0] }) else {
                Issue.record("data with an undeclared key \(data["key"] ?? "")")
                continue
            }
            #expect(key["for"] == element.name || key["for"] == "all", "key \(key["id"] ?? "") is not for \(element.name)")
            let text = data.text
            switch key["attr.type"] {
            case "int", "long": #expect(Int(text) != nil, "\(text) is no \(key["attr.type"]!)")
            case "double", "float": #expect(Double(text) != nil, "\(text) is no number")
            case "boolean": #expect(text == "true" || text == "false")
            default: break
            }
            result[key["attr.name"]!] = text
        }
        return result
    }

    @Test func graphMLHasTheModelsNodesAndEdgesWithTheirAttributes() throws {
        let built = try build()
        let root = built.graphML
        #expect(root.name == "graphml")
        #expect(root["xmlns"] == "http://graphml.graphdrawing.org/xmlns")

        // Keys first, each typed; then one directed graph.
        let keyElements = root.children.filter { $0.name == "key" }
        #expect(root.children.map(\.name) == Array(repeating: "key", count: keyElements.count) + ["graph"])
        let keys = Dictionary(uniqueKeysWithValues: keyElements.map { ($0["id"]!, $0) })
        for key in keyElements {
            #expect(["graph", "node", "edge", "all"].contains(key["for"] ?? ""))
            #expect(["boolean", "int", "long", "float", "double", "string"].contains(key["attr.type"] ?? ""))
            #expect(key["attr.name"]?.allSatisfy { $0.isLetter || $0.isNumber || "._-:".contains($0) } == true)
        }
        let graph = try #require(root.children.last)
        #expect(graph["edgedefault"] == "directed")
        #expect(values(of: graph, keys: keys)["title"] == "Graph & <Desk>")

        let nodes = graph.children.filter { $0.name == "node" }
        #expect(nodes.map { $0["id"]! } == built.model.actors.map(\.actor.slug))
        for (node, actor) in zip(nodes, built.model.actors) {
            let data = values(of: node, keys: keys)
            #expect(data["title"] == actor.actor.title)
            #expect(data["label"] == actor.actor.title)
            #expect(data["kind"] == actor.actor.kind.rawValue)
            #expect(data["url"] == "actors/\(actor.actor.slug)/index.html")
            #expect(data["mention_count"] == String(actor.mentionCount))
            #expect(data["summary"] == actor.actor.summary.map { $0.replacingOccurrences(of: "\u{7}", with: "\u{FFFD}") })
        }
        #expect(values(of: nodes[0], keys: keys)["summary"] == "A \"state\" & <SCO> member\u{FFFD} with a bell")

        let edges = graph.children.filter { $0.name == "edge" }
        #expect(Set(edges.map { $0["id"]! }).count == edges.count)
        let ids = Set(nodes.map { $0["id"]! })
        #expect(edges.allSatisfy { ids.contains($0["source"]!) && ids.contains($0["target"]!) })

        let relations = edges.filter { values(of: $0, keys: keys)["kind"] == "relation" }
        #expect(relations.count == built.model.relations.count)
        for (edge, relation) in zip(relations, built.model.relations) {
            let data = values(of: edge, keys: keys)
            #expect((edge["source"], edge["target"]) == (relation.from, relation.to))
            #expect(data["type"] == relation.type.name)
            #expect(data["label"] == relation.type.label)
            #expect(data["inverse_label"] == relation.type.inverseLabel)
            #expect(data["symmetric"] == String(relation.type.symmetric))
            #expect(data["since"] == relation.since?.text)
            #expect(data["until"] == relation.until?.text)
            #expect(data["note"] == relation.note)
            #expect(data["declared_in"] == "content/actors/iran.md")
            #expect(data["weight"] == "1")
        }
        #expect(values(of: relations[0], keys: keys)["since"] == "2023-07")
        #expect(values(of: relations[0], keys: keys)["until"] == "2030")
        #expect(values(of: relations[1], keys: keys)["note"] == "line one\nline two")

        let coMentions = edges.filter { values(of: $0, keys: keys)["kind"] == "co-mention" }
        #expect(coMentions.count == built.model.coMentions.count)
        #expect(relations.count + coMentions.count == edges.count)
        for (edge, pair) in zip(coMentions, built.model.coMentions) {
            let data = values(of: edge, keys: keys)
            #expect((edge["source"], edge["target"]) == (pair.actor, pair.other))
            #expect(data["weight"] == String(pair.sameBlock))
            #expect(data["same_block"] == String(pair.sameBlock))
            #expect(data["same_document"] == String(pair.sameDocument))
            #expect(data["type"] == nil)
        }
        let iranRussia = try #require(built.model.coMentions.first { $0.actor == "iran" && $0.other == "russia" })
        #expect(iranRussia.sameBlock == 2 && iranRussia.sameDocument == 1)
    }

    @Test func gexfCarriesTheSameGraph() throws {
        let built = try build()
        let root = built.gexf
        #expect(root.name == "gexf")
        #expect(root["version"] == "1.3")
        #expect(root["xmlns"] == "http://gexf.net/1.3")
        let graph = try #require(root.children.first { $0.name == "graph" })
        #expect(graph["defaultedgetype"] == "directed")
        let declared = Dictionary(uniqueKeysWithValues: graph.children.filter { $0.name == "attributes" }.map {
            ($0["class"]!, Set($0.children.map { $0["id"]! }))
        })
        let nodes = graph.all("node")
        #expect(nodes.map { $0["id"]! } == built.model.actors.map(\.actor.slug))
        #expect(nodes.map { $0["label"]! } == built.model.actors.map(\.actor.title))
        let edges = graph.all("edge")
        #expect(edges.count == built.model.relations.count + built.model.coMentions.count)
        #expect(edges.map { $0["kind"]! } == Array(repeating: "relation", count: built.model.relations.count)
            + Array(repeating: "co-mention", count: built.model.coMentions.count))
        #expect(edges.first?["label"] == "member of")
        for (element, kind) in nodes.map({ ($0, "node") }) + edges.map({ ($0, "edge") }) {
            for value in element.all("attvalue") {
                #expect(declared[kind]?.contains(value["for"]!) == true, "\(kind) attvalue for \(value["for"]!) is not declared")
            }
        }
    }

    @Test func bothFilesAreDeclaredXMLAndEndWithANewline() throws {
        let built = try build()
        #expect(built.graphMLText.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "))
        #expect(built.graphMLText.hasSuffix("</graphml>\n"))
    }

    @Test func aSiteWithoutActorsHasAnEmptyGraph() throws {
        let project = try TestProject("-- dossier.yml --\ntitle: Empty\nexports: all\n")
        defer { project.remove() }
        #expect(!project.build().diagnostics.hasErrors)
        let graphML = try PictureSVGParser.parse(project.read("data/graph.graphml"))
        #expect(graphML.all("node").isEmpty && graphML.all("edge").isEmpty)
        let gexf = try PictureSVGParser.parse(project.read("data/graph.gexf"))
        #expect(gexf.all("nodes").count == 1 && gexf.all("node").isEmpty)
    }

    static var networkxIsInstalled: Bool {
        guard let python = which("python3"), let result = try? run(python, ["-c", "import networkx"]) else { return false }
        return result.status == 0
    }

    /// Issue 14: the files must load in networkx (`pip install networkx`).
    @Test(.enabled(if: networkxIsInstalled, "python3 with networkx is not installed (pip install networkx)"))
    func networkxReadsBothFiles() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        let model = try #require(project.build().model)
        let script = """
        import json, sys, networkx as nx
        result = {}
        for name, graph in (("graphml", nx.read_graphml(sys.argv[1])), ("gexf", nx.read_gexf(sys.argv[2]))):
            result[name] = {
                "directed": graph.is_directed(),
                "nodes": sorted(graph.nodes),
                "kinds": sorted(data["kind"] for _, _, data in graph.edges(data=True)),
                "iran": graph.nodes["iran"].get("kind"),
                "mentions": graph.nodes["iran"].get("mention_count"),
                "weights": sorted(data["weight"] for _, _, data in graph.edges(data=True)),
                "member": [data.get("since") for a, b, data in graph.edges(data=True) if (a, b) == ("iran", "sco") and data["kind"] == "relation"],
            }
        print(json.dumps(result, sort_keys=True))
        """
        let result = try run(try #require(which("python3")), [
            "-c", script, project.output.appendingPathComponent("data/graph.graphml").path,
            project.output.appendingPathComponent("data/graph.gexf").path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        struct Summary: Decodable, Equatable {
            var directed: Bool
            var nodes: [String]
            var kinds: [String]
            var iran: String
            var mentions: Int
            var weights: [Double]
            var member: [String]
        }
        let loaded = try JSONDecoder().decode([String: Summary].self, from: Data(result.standardOutput.utf8))
        let expected = Summary(
            directed: true, nodes: model.actors.map(\.actor.slug).sorted(),
            kinds: (Array(repeating: "co-mention", count: model.coMentions.count) + Array(repeating: "relation", count: model.relations.count)),
            iran: "state", mentions: model.actors.first { $0.actor.slug == "iran" }!.mentionCount,
            weights: (model.relations.map { _ in 1.0 } + model.coMentions.map { Double($0.sameBlock) }).sorted(),
            member: ["2023-07"])
        #expect(loaded["graphml"] == expected)
        #expect(loaded["gexf"] == expected)
    }
}
