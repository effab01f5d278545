/// Build-time layout of a relation graph: a seeded Fruchterman–Reingold simulation
/// with a fixed number of iterations, then removal of overlaps between the nodes'
/// shape-plus-label boxes, then fitting into a viewBox with a legend underneath.
///
/// Only `+ − × ÷` and `sqrt` touch the coordinates (all correctly rounded in IEEE 754),
/// and the initial placement comes from an FNV hash of each id, so the result is the
/// same on every run and every platform, and independent of the input order.
struct GraphPictureLayout: Sendable {
    struct PlacedNode: Sendable {
        var node: GraphNode
        /// Centre of the shape, in viewBox coordinates.
        var x: Double
        var y: Double
        var radius: Double
        var fontSize: Double
        var lines: [String]
        var labelPosition: GraphLabelPosition = .below

        static let lineHeightFactor = 1.25
        static let labelGap = 3.0
        static let padding = 2.0

        var lineHeight: Double { fontSize * Self.lineHeightFactor }
        var labelWidth: Double {
            lines.map { PictureSVG.textWidth($0, fontSize: fontSize) }.max() ?? 0
        }
        var labelHeight: Double { Double(lines.count) * lineHeight }
        var labelTop: Double {
            switch labelPosition {
            case .below: y + radius + Self.labelGap
            case .above: y - radius - Self.labelGap - labelHeight
            case .right, .left: y - labelHeight / 2
            }
        }
        /// The x of the label's `text-anchor` point.
        var labelX: Double {
            switch labelPosition {
            case .below, .above: x
            case .right: x + radius + Self.labelGap + 1
            case .left: x - radius - Self.labelGap - 1
            }
        }
        var labelAnchor: PictureSVG.LabelAnchor {
            switch labelPosition {
            case .below, .above: .middle
            case .right: .start
            case .left: .end
            }
        }
        /// Baseline of label line `index`.
        func baseline(_ index: Int) -> Double { labelTop + fontSize * 0.92 + Double(index) * lineHeight }
        /// The estimated box of the label text.
        var labelBox: PictureBox {
            let w = labelWidth
            let minX: Double
            switch labelAnchor {
            case .middle: minX = labelX - w / 2
            case .start: minX = labelX
            case .end: minX = labelX - w
            }
            return PictureBox(minX: minX, minY: labelTop, maxX: minX + w, maxY: labelTop + labelHeight)
        }
        /// The node's shape (with the centre node's halo).
        var shapeBox: PictureBox {
            let r = radius + (node.isCenter ? 5 : 1)
            return PictureBox(minX: x - r, minY: y - r, maxX: x + r, maxY: y + r)
        }
        /// Shape and label together, padded: the box that must not overlap any other.
        var box: PictureBox {
            Self.box(x: x, y: y, radius: radius, labelWidth: labelWidth, lineCount: lines.count, lineHeight: lineHeight)
        }

        static func box(x: Double, y: Double, radius: Double, labelWidth: Double, lineCount: Int,
                        lineHeight: Double) -> PictureBox {
            let half = max(radius + 2, labelWidth / 2) + padding
            return PictureBox(minX: x - half, minY: y - radius - 2 - padding, maxX: x + half,
                              maxY: y + radius + labelGap + Double(lineCount) * lineHeight + padding)
        }
    }

    struct LegendItem: Sendable {
        enum Sample: Sendable {
            case kind(ActorKind)
            case edge(PictureEdgeStyle)
        }

        var sample: Sample
        var text: String
        var x: Double
        var y: Double
    }

    var nodes: [PlacedNode]
    var edges: [GraphEdge]
    var width: Double
    var height: Double
    var legend: [LegendItem]
    var legendTop: Double

    /// Labels are drawn this size in viewBox units, and the picture may shrink to
    /// `minimumRenderedLabelSize / labelFontSize` of its viewBox width, no further (the figure
    /// scrolls instead): labels never render below 12 px.
    static let labelFontSize = 13.0
    static let centerFontSize = 14.0
    static let minimumRenderedLabelSize = 12.0
    static var minimumScale: Double { minimumRenderedLabelSize / labelFontSize }
    /// Share of the frame covered by node-and-label boxes: denser is unreadable, sparser is a
    /// small cluster in a large empty box.
    static let boxDensity = 0.4
    /// Narrowest viewBox, so that a one- or two-actor picture still has room for its legend.
    static let minimumWidth = 240.0
    static let maxLabelCharacters = 24
    static let margin = 12.0
    static let legendRowHeight = 20.0
    static let legendSampleWidth = 26.0

    // MARK: - Input normalisation

    /// Nodes sorted by id (ties broken by every other field), one per id.
    static func normalizedNodes(_ nodes: [GraphNode]) -> [GraphNode] {
        let sorted = nodes.sorted { a, b in
            if a.id != b.id { return a.id < b.id }
            if a.isCenter != b.isCenter { return a.isCenter }
            if a.label != b.label { return a.label < b.label }
            if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
            if a.href != b.href { return a.href < b.href }
            return a.weight > b.weight
        }
        var result: [GraphNode] = []
        result.reserveCapacity(sorted.count)
        for node in sorted where result.last?.id != node.id {
            result.append(node)
        }
        return result
    }

    /// Edges between known, distinct nodes, sorted by (from, to, type), without exact duplicates.
    static func normalizedEdges(_ edges: [GraphEdge], nodeIDs: Set<String>) -> [GraphEdge] {
        let sorted = edges.filter { $0.from != $0.to && nodeIDs.contains($0.from) && nodeIDs.contains($0.to) }
            .sorted { a, b in
                if a.from != b.from { return a.from < b.from }
                if a.to != b.to { return a.to < b.to }
                if a.type != b.type { return a.type < b.type }
                if a.label != b.label { return a.label < b.label }
                return a.strength < b.strength
            }
        var result: [GraphEdge] = []
        result.reserveCapacity(sorted.count)
        for edge in sorted where result.last != edge {
            result.append(edge)
        }
        return result
    }

    static func radius(weight: Int) -> Double {
        7 + min(11, 2 * Double(max(0, weight)).squareRoot())
    }

    // MARK: - Layout

    static func make(nodes rawNodes: [GraphNode], edges rawEdges: [GraphEdge], width: Int, height: Int) -> GraphPictureLayout {
        let nodes = normalizedNodes(rawNodes)
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id, $0) })
        let edges = normalizedEdges(rawEdges, nodeIDs: Set(index.keys))
        let n = nodes.count
        let targetWidth = Double(max(160, width))
        let targetHeight = Double(max(120, height))

        var placed = nodes.map { node -> PlacedNode in
            let fontSize = node.isCenter ? centerFontSize : labelFontSize
            return PlacedNode(node: node, x: 0, y: 0, radius: radius(weight: node.weight), fontSize: fontSize,
                              lines: PictureSVG.wrap(node.label, maxCharacters: maxLabelCharacters, maxLines: 2))
        }
        let centerIndex = nodes.firstIndex(where: \.isCenter)

        // Box sizes relative to the node centre, for the overlap pass.
        let relative = placed.map { p in PlacedNode.box(x: 0, y: 0, radius: p.radius, labelWidth: p.labelWidth,
                                                        lineCount: p.lines.count, lineHeight: p.lineHeight) }

        // The simulation frame: the requested area, grown when the labels need more room.
        let legendEstimate = 2 * legendRowHeight + 8
        var frameWidth = targetWidth - 2 * margin
        var frameHeight = max(80, targetHeight - 2 * margin - legendEstimate)
        let boxArea = relative.reduce(0.0) { $0 + $1.width * $1.height }
        // The frame grows or shrinks to the area the boxes need: a few actors are not
        // spread over a frame made for a hundred.
        let wanted = boxArea / boxDensity
        let frameScale = (wanted / (frameWidth * frameHeight)).squareRoot()
        frameWidth *= frameScale
        frameHeight *= frameScale
        // Keep room for the widest box inside the frame.
        let maxHalfWidth = relative.map { $0.maxX }.max() ?? 0
        let maxHalfHeight = relative.map { max(-$0.minY, $0.maxY) }.max() ?? 0
        let halfWidth = max(frameWidth / 2 - maxHalfWidth, frameWidth / 4)
        let halfHeight = max(frameHeight / 2 - maxHalfHeight, frameHeight / 4)

        var xs = [Double](repeating: 0, count: n)
        var ys = [Double](repeating: 0, count: n)
        if n > 1 {
            let springs = edges.map { edge in
                (index[edge.from]!, index[edge.to]!, PictureEdgeStyle(type: edge.type).attraction(strength: edge.strength))
            }
            let seeds = nodes.map { PictureSVG.hash($0.id) }
            forceLayout(xs: &xs, ys: &ys, seeds: seeds, springs: springs, pinned: centerIndex,
                        halfWidth: halfWidth, halfHeight: halfHeight)
            separate(xs: &xs, ys: &ys, pinned: centerIndex)
            removeOverlaps(xs: &xs, ys: &ys, boxes: relative, pinned: centerIndex)
        }

        for i in 0..<n {
            placed[i].x = xs[i]
            placed[i].y = ys[i]
        }
        GraphLabelPlacement.place(&placed, edges: edges)

        // Content bounds (symmetric about the centre node, so it is drawn in the middle).
        var bounds = PictureBox(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for node in placed {
            for b in [node.shapeBox, node.labelBox] {
                bounds.minX = min(bounds.minX, b.minX - PlacedNode.padding)
                bounds.minY = min(bounds.minY, b.minY - PlacedNode.padding)
                bounds.maxX = max(bounds.maxX, b.maxX + PlacedNode.padding)
                bounds.maxY = max(bounds.maxY, b.maxY + PlacedNode.padding)
            }
        }
        if n == 0 { bounds = PictureBox(minX: 0, minY: 0, maxX: 0, maxY: 0) }
        if let c = centerIndex {
            let cx = xs[c], cy = ys[c]
            let halfX = max(cx - bounds.minX, bounds.maxX - cx)
            let halfY = max(cy - bounds.minY, bounds.maxY - cy)
            bounds = PictureBox(minX: cx - halfX, minY: cy - halfY, maxX: cx + halfX, maxY: cy + halfY)
        }

        // The viewBox is fitted to the drawing (and wide enough for the legend's widest entry).
        let widestLegendItem = legendEntries(nodes: nodes, edges: edges).map { legendItemWidth($0.0, $0.1) }.max() ?? 0
        let viewWidth = max(minimumWidth, bounds.width + 2 * margin, widestLegendItem + 2 * margin).rounded(.up)
        let (legend, legendHeight) = legendItems(nodes: nodes, edges: edges, width: viewWidth)
        let contentHeight = bounds.height + 2 * margin
        let viewHeight = (contentHeight + legendHeight).rounded(.up)
        let offsetX = (viewWidth - bounds.width) / 2 - bounds.minX
        let offsetY = (contentHeight - bounds.height) / 2 - bounds.minY
        for i in 0..<n {
            placed[i].x = xs[i] + offsetX
            placed[i].y = ys[i] + offsetY
        }
        let legendTop = contentHeight
        let shiftedLegend = legend.map { item in
            var item = item
            item.y += legendTop
            return item
        }
        return GraphPictureLayout(nodes: placed, edges: edges, width: viewWidth, height: viewHeight,
                                  legend: shiftedLegend, legendTop: legendTop)
    }

    /// Fruchterman–Reingold with linear cooling, a little gravity, and the frame as a wall.
    static func forceLayout(xs: inout [Double], ys: inout [Double], seeds: [UInt32], springs: [(Int, Int, Double)],
                            pinned: Int?, halfWidth: Double, halfHeight: Double) {
        let n = xs.count
        for i in 0..<n {
            if i == pinned { continue }
            let seed = seeds[i]
            let u = Double(seed & 0xFFFF) / 65_535
            let v = Double(seed >> 16) / 65_535
            xs[i] = (u * 2 - 1) * halfWidth * 0.8
            ys[i] = (v * 2 - 1) * halfHeight * 0.8
        }
        let area = 4 * halfWidth * halfHeight
        let k = 0.8 * (area / Double(n)).squareRoot()
        let k2 = k * k
        let iterations = n <= 60 ? 300 : max(80, 18_000 / n)
        let startTemperature = max(halfWidth, halfHeight) / 4
        // A harmonic pull towards the middle: with the pairwise repulsion it settles into an
        // even disc stretched to the frame's aspect ratio, so loose actors do not end up
        // in the corners.
        let gravity = 2.5
        let gravityX = gravity * halfHeight / halfWidth
        let gravityY = gravity * halfWidth / halfHeight
        var dx = [Double](repeating: 0, count: n)
        var dy = [Double](repeating: 0, count: n)

        xs.withUnsafeMutableBufferPointer { x in
            ys.withUnsafeMutableBufferPointer { y in
                dx.withUnsafeMutableBufferPointer { fx in
                    dy.withUnsafeMutableBufferPointer { fy in
                        for iteration in 0..<iterations {
                            for i in 0..<n {
                                fx[i] = 0
                                fy[i] = 0
                            }
                            // Repulsion between every pair.
                            for i in 0..<n {
                                let xi = x[i], yi = y[i]
                                var sx = 0.0, sy = 0.0
                                var j = i + 1
                                while j < n {
                                    var ddx = xi - x[j]
                                    var ddy = yi - y[j]
                                    var d2 = ddx * ddx + ddy * ddy
                                    if d2 < 0.01 {
                                        // Coincident: split them along a direction fixed by their indices.
                                        ddx = Double((i * 7 + j * 3) % 11) - 5 + 0.5
                                        ddy = Double((i * 5 + j * 11) % 13) - 6 + 0.5
                                        d2 = ddx * ddx + ddy * ddy
                                    }
                                    let f = k2 / d2
                                    sx += ddx * f
                                    sy += ddy * f
                                    fx[j] -= ddx * f
                                    fy[j] -= ddy * f
                                    j += 1
                                }
                                fx[i] += sx
                                fy[i] += sy
                            }
                            // Attraction along edges.
                            for (a, b, w) in springs {
                                let ddx = x[a] - x[b]
                                let ddy = y[a] - y[b]
                                let d = (ddx * ddx + ddy * ddy).squareRoot()
                                let f = d / k * w
                                fx[a] -= ddx * f
                                fy[a] -= ddy * f
                                fx[b] += ddx * f
                                fy[b] += ddy * f
                            }
                            // Gravity towards the middle keeps loose components in the picture.
                            let temperature = startTemperature * (1 - Double(iteration) / Double(iterations)) + 0.5
                            for i in 0..<n {
                                if i == pinned { continue }
                                let gx = fx[i] - x[i] * gravityX
                                let gy = fy[i] - y[i] * gravityY
                                let length = (gx * gx + gy * gy).squareRoot()
                                if length > 0 {
                                    let step = min(length, temperature)
                                    x[i] += gx / length * step
                                    y[i] += gy / length * step
                                }
                                x[i] = min(halfWidth, max(-halfWidth, x[i]))
                                y[i] = min(halfHeight, max(-halfHeight, y[i]))
                            }
                        }
                    }
                }
            }
        }
    }

    /// Makes every centre distinct, so that scaling the layout always separates boxes.
    /// The pinned node is never moved; the others move right in index order.
    static func separate(xs: inout [Double], ys: inout [Double], pinned: Int?) {
        struct Point: Hashable {
            var x: Double
            var y: Double
        }
        var taken = Set<Point>()
        let order = pinned.map { p in [p] + xs.indices.filter { $0 != p } } ?? Array(xs.indices)
        for i in order {
            while !taken.insert(Point(x: xs[i], y: ys[i])).inserted {
                xs[i] += 0.5
            }
        }
    }

    /// Pushes apart overlapping boxes (along the axis of least overlap) until none overlap.
    /// If the pushing does not settle, the whole layout is spread out a little and the
    /// pushing repeats; with distinct centres that always ends.
    static func removeOverlaps(xs: inout [Double], ys: inout [Double], boxes: [PictureBox], pinned: Int?) {
        let n = xs.count
        guard n > 1 else { return }
        let gap = 1.0
        for _ in 0..<60 {
            for _ in 0..<80 {
                var moved = false
                let order = (0..<n).sorted { a, b in
                    let la = xs[a] + boxes[a].minX, lb = xs[b] + boxes[b].minX
                    return la != lb ? la < lb : a < b
                }
                for (position, a) in order.enumerated() {
                    var next = position + 1
                    while next < n {
                        let b = order[next]
                        next += 1
                        let aMaxX = xs[a] + boxes[a].maxX
                        let bMinX = xs[b] + boxes[b].minX
                        if bMinX >= aMaxX + gap { break }
                        let overlapX = min(aMaxX, xs[b] + boxes[b].maxX) - max(xs[a] + boxes[a].minX, bMinX) + gap
                        let overlapY = min(ys[a] + boxes[a].maxY, ys[b] + boxes[b].maxY)
                            - max(ys[a] + boxes[a].minY, ys[b] + boxes[b].minY) + gap
                        guard overlapX > 0, overlapY > 0 else { continue }
                        moved = true
                        let shareA = a == pinned ? 0.0 : (b == pinned ? 1.0 : 0.5)
                        let shareB = 1 - shareA
                        if overlapX <= overlapY {
                            let aFirst = xs[a] != xs[b] ? xs[a] < xs[b] : a < b
                            let sign = aFirst ? -1.0 : 1.0
                            xs[a] += sign * overlapX * shareA
                            xs[b] -= sign * overlapX * shareB
                        } else {
                            let aFirst = ys[a] != ys[b] ? ys[a] < ys[b] : a < b
                            let sign = aFirst ? -1.0 : 1.0
                            ys[a] += sign * overlapY * shareA
                            ys[b] -= sign * overlapY * shareB
                        }
                    }
                }
                if !moved { break }
            }
            if !hasOverlap(xs: xs, ys: ys, boxes: boxes) { return }
            let cx = pinned.map { xs[$0] } ?? 0
            let cy = pinned.map { ys[$0] } ?? 0
            for i in 0..<n {
                xs[i] = cx + (xs[i] - cx) * 1.15
                ys[i] = cy + (ys[i] - cy) * 1.15
            }
        }
        if hasOverlap(xs: xs, ys: ys, boxes: boxes) {
            gridFallback(xs: &xs, ys: &ys, boxes: boxes, pinned: pinned)
        }
    }

    static func hasOverlap(xs: [Double], ys: [Double], boxes: [PictureBox]) -> Bool {
        let n = xs.count
        let order = (0..<n).sorted { a, b in
            let la = xs[a] + boxes[a].minX, lb = xs[b] + boxes[b].minX
            return la != lb ? la < lb : a < b
        }
        for (position, a) in order.enumerated() {
            let boxA = PictureBox(minX: xs[a] + boxes[a].minX, minY: ys[a] + boxes[a].minY,
                                  maxX: xs[a] + boxes[a].maxX, maxY: ys[a] + boxes[a].maxY)
            for b in order[(position + 1)...] {
                if xs[b] + boxes[b].minX >= boxA.maxX { break }
                let boxB = PictureBox(minX: xs[b] + boxes[b].minX, minY: ys[b] + boxes[b].minY,
                                      maxX: xs[b] + boxes[b].maxX, maxY: ys[b] + boxes[b].maxY)
                if boxA.intersects(boxB) { return true }
            }
        }
        return false
    }

    /// Last resort (never needed in practice): a grid of equal slots in reading order of the layout.
    static func gridFallback(xs: inout [Double], ys: inout [Double], boxes: [PictureBox], pinned: Int?) {
        let n = xs.count
        let cellWidth = (boxes.map(\.width).max() ?? 1) + 2
        let cellHeight = (boxes.map(\.height).max() ?? 1) + 2
        let columns = max(1, Int(Double(n).squareRoot().rounded(.up)))
        var order = (0..<n).sorted { a, b in
            if ys[a] != ys[b] { return ys[a] < ys[b] }
            if xs[a] != xs[b] { return xs[a] < xs[b] }
            return a < b
        }
        if let pinned, let at = order.firstIndex(of: pinned) {
            order.remove(at: at)
            order.insert(pinned, at: 0)
        }
        for (slot, i) in order.enumerated() {
            xs[i] = Double(slot % columns) * cellWidth - boxes[i].minX - boxes[i].width / 2 + cellWidth / 2
            ys[i] = Double(slot / columns) * cellHeight - boxes[i].minY
        }
    }

    // MARK: - Legend

    /// Every kind and every relation type drawn, each by name (co-mentions too), in a fixed order.
    static func legendEntries(nodes: [GraphNode], edges: [GraphEdge]) -> [(LegendItem.Sample, String)] {
        var entries: [(LegendItem.Sample, String)] = []
        let kinds = Set(nodes.map(\.kind))
        for kind in ActorKind.allCases where kinds.contains(kind) {
            entries.append((.kind(kind), kind.pictureName))
        }
        // Each edge's style found once, not once for each style: finding it lowercases and
        // searches the type, and a picture's layout and legend each read the entries.
        let styles = edges.map { PictureEdgeStyle(type: $0.type) }
        for style in PictureEdgeStyle.allCases {
            var labels: [String] = []
            let ofStyle = zip(edges, styles).filter { $0.1 == style }.map(\.0)
            for edge in ofStyle.sorted(by: { $0.type < $1.type }) {
                let label = style == .coMention ? "mentioned together" : (edge.label.isEmpty ? edge.type : edge.label)
                if !labels.contains(label) { labels.append(label) }
            }
            for label in labels { entries.append((.edge(style), label)) }
        }
        return entries
    }

    static func legendItemWidth(_ sample: LegendItem.Sample, _ text: String) -> Double {
        let sampleWidth: Double
        switch sample {
        case .kind: sampleWidth = 14
        case .edge: sampleWidth = legendSampleWidth
        }
        return sampleWidth + 5 + PictureSVG.textWidth(text, fontSize: legendFontSize) + 12
    }

    static let legendFontSize = 13.0

    /// Legend entries flowed into rows.
    static func legendItems(nodes: [GraphNode], edges: [GraphEdge], width: Double) -> ([LegendItem], Double) {
        guard !nodes.isEmpty else { return ([], 0) }
        var items: [LegendItem] = []
        var x = margin
        var row = 0
        for (sample, text) in legendEntries(nodes: nodes, edges: edges) {
            let itemWidth = legendItemWidth(sample, text)
            if x > margin, x + itemWidth > width - margin {
                row += 1
                x = margin
            }
            items.append(LegendItem(sample: sample, text: text, x: x, y: Double(row) * legendRowHeight + 6))
            x += itemWidth
        }
        return (items, Double(row + 1) * legendRowHeight + 10)
    }
}
