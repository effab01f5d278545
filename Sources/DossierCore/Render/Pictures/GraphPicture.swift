/// The relation network drawn as a static SVG at build time: the whole network (graph
/// page) or one actor's neighbourhood (actor page, centre node in the middle).
public enum GraphPicture {
    /// Whole-network picture (graph page) or an actor's neighbourhood (actor page; the center node drawn in the middle).
    ///
    /// - Parameters:
    ///   - id: prefix for every id inside the picture; when nil it is derived from the title.
    ///     Give distinct ids when two pictures with the same title share a page.
    /// - Returns: an `<svg>` element for inlining in HTML, byte-identical for the same input
    ///   in any order.
    public static func svg(nodes: [GraphNode], edges: [GraphEdge], title: String, width: Int = 960,
                           height: Int = 640, id: String? = nil) -> String {
        // The hash alone: the id is said five times, and the title is in the picture anyway.
        let prefix = PictureSVG.idPrefix(explicit: id, kind: "graph", title: title, withSlug: false)
        guard !nodes.isEmpty else {
            return PictureSVG.emptyPicture(prefix: prefix, cssClass: "dossier-graph", title: title,
                                           message: "No actors or relations to show.")
        }
        let layout = GraphPictureLayout.make(nodes: nodes, edges: edges, width: width, height: height)
        return render(layout, title: title, prefix: prefix)
    }

    /// How many actors and lines the picture draws for this input: duplicates, self-loops
    /// and edges to actors not drawn are left out, so text about the picture must use these.
    public static func drawnCounts(nodes: [GraphNode], edges: [GraphEdge]) -> (actors: Int, edges: Int) {
        let drawn = GraphPictureLayout.normalizedNodes(nodes)
        return (drawn.count, GraphPictureLayout.normalizedEdges(edges, nodeIDs: Set(drawn.map(\.id))).count)
    }

    static func render(_ layout: GraphPictureLayout, title: String, prefix: String) -> String {
        let f = PictureSVG.number
        let e = PictureSVG.escape
        var out = ""
        out.reserveCapacity(2_000 + layout.nodes.count * 600 + layout.edges.count * 250)
        out += PictureSVG.openRoot(prefix: prefix, cssClass: "dossier-graph", width: layout.width, height: layout.height,
                                   minimumScale: GraphPictureLayout.minimumScale)
        out += "<title id=\"\(prefix)-title\">\(e(title))</title>"
        out += "<desc id=\"\(prefix)-desc\">\(e(description(layout)))</desc>"

        let position = Dictionary(uniqueKeysWithValues: layout.nodes.map { ($0.node.id, $0) })
        let neighbourhood = NeighbourHighlight(layout)
        out += "<style>" + paintRules(edgeStyles: Set(layout.edges.map { PictureEdgeStyle(type: $0.type) }))
            + neighbourhood.rules() + "</style>"

        // Edges, co-mentions underneath relations; parallel edges between one pair side by side.
        var pairCounts: [String: Int] = [:]
        for edge in layout.edges { pairCounts[pairKey(edge), default: 0] += 1 }
        var pairSeen: [String: Int] = [:]
        var edgeLines: [(PictureEdgeStyle, String)] = []
        for edge in layout.edges {
            guard let a = position[edge.from], let b = position[edge.to] else { continue }
            let key = pairKey(edge)
            let count = pairCounts[key] ?? 1
            let ordinal = pairSeen[key, default: 0]
            pairSeen[key] = ordinal + 1
            // Offset perpendicular to the pair, measured in the pair's canonical direction.
            let (p, q) = edge.from < edge.to ? (a, b) : (b, a)
            let dx = q.x - p.x, dy = q.y - p.y
            let length = max(0.001, (dx * dx + dy * dy).squareRoot())
            let offset = (Double(ordinal) - Double(count - 1) / 2) * 3.5
            let ox = -dy / length * offset, oy = dx / length * offset
            let style = PictureEdgeStyle(type: edge.type)
            var line = "<line class=\"edge edge-\(PictureSVG.token(edge.type)) \(style.className)"
                + " \(neighbourhood.classes(ofEdge: edge))\""
            line += " x1=\"\(f(a.x + ox))\" y1=\"\(f(a.y + oy))\" x2=\"\(f(b.x + ox))\" y2=\"\(f(b.y + oy))\""
            // A co-mention's width tells how often; every other style's width is its rule's.
            if style == .coMention { line += " stroke-width=\"\(f(style.strokeWidth(strength: edge.strength)))\"" }
            line += ">"
            line += "<title>\(e(edgeTooltip(edge, from: a.node, to: b.node)))</title></line>"
            edgeLines.append((style, line))
        }
        out += "<g class=\"edges\" fill=\"none\" stroke-linecap=\"round\">"
        for (style, line) in edgeLines where style == .coMention { out += line }
        for (style, line) in edgeLines where style != .coMention { out += line }
        out += "</g>"

        // Nodes: each one a link around its shape and label, in the order Tab visits them:
        // by name, so a keyboard user can find an actor, and the centre node last, on top.
        out += "<g class=\"nodes\" font-size=\"\(f(GraphPictureLayout.labelFontSize))\" text-anchor=\"middle\">"
        let ordered = TitleOrder.sorted(layout.nodes.filter { !$0.node.isCenter }, title: \.node.label, tie: \.node.id)
            + layout.nodes.filter(\.node.isCenter)
        for placed in ordered {
            let node = placed.node
            var classes = "node node-\(node.kind.rawValue) " + neighbourhood.classes(ofNode: node.id)
            if node.isCenter { classes += " node-center" }
            out += "<a href=\"\(e(node.href))\" class=\"\(classes)\">"
            out += "<title>\(e(node.label)) (\(node.kind.pictureName))</title>"
            if node.isCenter {
                out += "<circle class=\"node-halo\" cx=\"\(f(placed.x))\" cy=\"\(f(placed.y))\" r=\"\(f(placed.radius + 4))\""
                    + " fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.5\" stroke-width=\"1.5\"/>"
            }
            out += shape(kind: node.kind, x: placed.x, y: placed.y, r: placed.radius)
            // Only a label whose size is not the group's says its own (the centre's).
            let size = placed.fontSize == GraphPictureLayout.labelFontSize ? "" : " font-size=\"\(f(placed.fontSize))\""
            let weight = node.isCenter ? " font-weight=\"bold\"" : ""
            out += "<text class=\"node-label\" x=\"\(f(placed.labelX))\" y=\"\(f(placed.baseline(0)))\""
                + PictureSVG.labelAnchor(node.label, placed.labelAnchor, inheriting: "middle") + size + weight + ">"
            if placed.lines.count == 1 {
                out += e(placed.lines[0])
            } else {
                for (index, line) in placed.lines.enumerated() {
                    let dy = index == 0 ? "0" : f(placed.lineHeight)
                    out += "<tspan x=\"\(f(placed.labelX))\" dy=\"\(dy)\">\(e(line))</tspan>"
                }
            }
            out += "</text></a>"
        }
        out += "</g>"

        // Legend.
        if !layout.legend.isEmpty {
            out += "<g class=\"legend\" font-size=\"\(f(GraphPictureLayout.legendFontSize))\" fill=\"currentColor\">"
            out += "<line class=\"legend-rule\" x1=\"\(f(GraphPictureLayout.margin))\" y1=\"\(f(layout.legendTop))\""
                + " x2=\"\(f(layout.width - GraphPictureLayout.margin))\" y2=\"\(f(layout.legendTop))\""
                + " stroke=\"currentColor\" stroke-opacity=\"0.2\"/>"
            for item in layout.legend {
                let middle = item.y + 7
                switch item.sample {
                case .kind(let kind):
                    out += "<g class=\"legend-item legend-\(kind.rawValue)\">"
                    out += shape(kind: kind, x: item.x + 7, y: middle, r: 6)
                    out += "<text x=\"\(f(item.x + 19))\" y=\"\(f(middle + 4))\">\(e(item.text))</text></g>"
                case .edge(let style):
                    out += "<g class=\"legend-item legend-\(style.className)\">"
                    out += "<line x1=\"\(f(item.x))\" y1=\"\(f(middle))\" x2=\"\(f(item.x + GraphPictureLayout.legendSampleWidth))\""
                        + " y2=\"\(f(middle))\" stroke=\"\(style.color)\""
                        + " stroke-width=\"\(f(style == .coMention ? 1.8 : style.strokeWidth(strength: 1)))\""
                    if let dash = style.dashArray { out += " stroke-dasharray=\"\(dash)\"" }
                    if let opacity = style.opacity { out += " stroke-opacity=\"\(f(opacity))\"" }
                    out += "/>"
                    out += "<text x=\"\(f(item.x + GraphPictureLayout.legendSampleWidth + 5))\" y=\"\(f(middle + 4))\">"
                        + "\(e(item.text))</text></g>"
                }
            }
            out += "</g>"
        }
        out += "</svg>"
        return out
    }

    /// How the shapes, labels and lines are painted, said once in the picture rather than
    /// as attributes on each node and edge (about a third of an actor page's picture).
    /// Scoped to the picture's class, since an inline `<svg>`'s style applies to the whole
    /// HTML page; the picture still draws alone, without the page's CSS. Only the edge
    /// styles drawn get a rule. A co-mention's width varies, so it stays on its line.
    static func paintRules(edgeStyles: Set<PictureEdgeStyle>) -> String {
        let f = PictureSVG.number
        let scope = ".dossier-graph "
        var rules = scope + ".node-shape," + scope + ".node-fold{stroke:currentColor;stroke-opacity:.5;stroke-width:1px}"
            + scope + ".node-ring{stroke:\(ActorKind.person.pictureColor);stroke-opacity:1;stroke-width:2px}"
            + scope + ".node-dot{stroke:none}"
            + scope + ".node-label{fill:currentColor;paint-order:stroke;stroke:Canvas;stroke-width:3px;stroke-linejoin:round}"
        for style in PictureEdgeStyle.allCases where edgeStyles.contains(style) {
            rules += scope + "." + style.className + "{stroke:" + style.color
            if style != .coMention { rules += ";stroke-width:" + f(style.strokeWidth(strength: 1)) + "px" }
            if let dash = style.dashArray { rules += ";stroke-dasharray:" + dash }
            if let opacity = style.opacity { rules += ";stroke-opacity:" + f(opacity) }
            rules += "}"
        }
        return rules
    }

    static func pairKey(_ edge: GraphEdge) -> String {
        edge.from < edge.to ? edge.from + "\u{1}" + edge.to : edge.to + "\u{1}" + edge.from
    }

    static func edgeTooltip(_ edge: GraphEdge, from: GraphNode, to: GraphNode) -> String {
        if PictureEdgeStyle(type: edge.type) == .coMention {
            let label = edge.label.isEmpty
                ? "mentioned together " + (edge.strength == 1 ? "once" : "\(edge.strength) times") : edge.label
            return "\(from.label) and \(to.label): \(label)"
        }
        return "\(from.label) \(edge.label.isEmpty ? edge.type : edge.label) \(to.label)"
    }

    static func description(_ layout: GraphPictureLayout) -> String {
        let nodes = layout.nodes.map(\.node)
        let actorCount = nodes.count == 1 ? "1 actor" : "\(nodes.count) actors"
        let relations = layout.edges.filter { PictureEdgeStyle(type: $0.type) != .coMention }.count
        let coMentions = layout.edges.count - relations
        var parts: [String] = []
        for kind in ActorKind.allCases {
            let count = nodes.filter { $0.kind == kind }.count
            if count > 0 { parts.append("\(count) \(count == 1 ? kind.pictureName : kind.pluralLabel.lowercased())") }
        }
        var text: String
        if let center = nodes.first(where: \.isCenter) {
            text = "Actors connected to \(center.label): \(actorCount)"
        } else {
            text = "Relation network of \(actorCount)"
        }
        text += " (" + parts.joined(separator: ", ") + "), "
        text += relations == 1 ? "1 relation" : "\(relations) relations"
        if coMentions > 0 { text += " and " + (coMentions == 1 ? "1 co-mention link" : "\(coMentions) co-mention links") }
        text += ". Each actor links to its page."
        return text
    }

    /// The shape for a kind, centred on (x, y) with size r.
    static func shape(kind: ActorKind, x: Double, y: Double, r: Double) -> String {
        let f = PictureSVG.number
        let color = kind.pictureColor
        switch kind {
        case .state:
            return "<circle class=\"node-shape\" cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" fill=\"\(color)\"/>"
        case .organization:
            let s = r * 0.9
            return "<rect class=\"node-shape\" x=\"\(f(x - s))\" y=\"\(f(y - s))\" width=\"\(f(2 * s))\" height=\"\(f(2 * s))\""
                + " rx=\"\(f(s * 0.3))\" fill=\"\(color)\"/>"
        case .person:
            return "<circle class=\"node-shape node-ring\" cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r - 1))\" fill=\"none\"/>"
                + "<circle class=\"node-shape node-dot\" cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r * 0.5))\" fill=\"\(color)\"/>"
        case .place:
            return "<polygon class=\"node-shape\" points=\"\(f(x)),\(f(y - r)) \(f(x + r)),\(f(y)) \(f(x)),\(f(y + r))"
                + " \(f(x - r)),\(f(y))\" fill=\"\(color)\"/>"
        case .agreement:
            let w = r * 0.8, h = r, fold = r * 0.4
            let left = x - w, right = x + w, top = y - h, bottom = y + h
            return "<path class=\"node-shape\" d=\"M\(f(left)) \(f(top))H\(f(right - fold))L\(f(right)) \(f(top + fold))"
                + "V\(f(bottom))H\(f(left))Z\" fill=\"\(color)\"/>"
                + "<path class=\"node-fold\" d=\"M\(f(right - fold)) \(f(top))V\(f(top + fold))H\(f(right))\" fill=\"none\"/>"
        case .group:
            let half = r / 2, rise = r * 3.0.squareRoot() / 2
            return "<polygon class=\"node-shape\" points=\"\(f(x + r)),\(f(y)) \(f(x + half)),\(f(y + rise))"
                + " \(f(x - half)),\(f(y + rise)) \(f(x - r)),\(f(y)) \(f(x - half)),\(f(y - rise))"
                + " \(f(x + half)),\(f(y - rise))\" fill=\"\(color)\"/>"
        }
    }
}
