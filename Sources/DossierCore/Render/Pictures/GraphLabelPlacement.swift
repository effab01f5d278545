/// Where a node's label goes: under the node unless a line crosses it there and another side
/// (above, right, left) is crossed by fewer lines and clear of every other label and shape.
/// The halo already keeps a crossed label readable; moving it keeps the line readable too.
enum GraphLabelPosition: Sendable, CaseIterable {
    case below, above, right, left
}

enum GraphLabelPlacement {
    /// Chooses positions in node order (deterministic), starting from every label below its
    /// node, which the overlap removal has already made clear of everything.
    static func place(_ nodes: inout [GraphPictureLayout.PlacedNode], edges: [GraphEdge]) {
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.node.id, $0) })
        let segments = edges.compactMap { edge -> (Double, Double, Double, Double)? in
            guard let a = index[edge.from], let b = index[edge.to] else { return nil }
            return (nodes[a].x, nodes[a].y, nodes[b].x, nodes[b].y)
        }
        let shapes = nodes.map(\.shapeBox)
        var labels = nodes.map(\.labelBox)
        for i in nodes.indices {
            var best = (position: nodes[i].labelPosition, crossings: crossings(labels[i], segments))
            guard best.crossings > 0 else { continue }
            for position in GraphLabelPosition.allCases where position != best.position {
                var candidate = nodes[i]
                candidate.labelPosition = position
                let box = candidate.labelBox.padded(2)
                let blocked = nodes.indices.contains { j in
                    j != i && (box.intersects(labels[j]) || box.intersects(shapes[j]))
                }
                if blocked { continue }
                let count = crossings(candidate.labelBox, segments)
                if count < best.crossings { best = (position, count) }
            }
            nodes[i].labelPosition = best.position
            labels[i] = nodes[i].labelBox
        }
    }

    static func crossings(_ box: PictureBox, _ segments: [(Double, Double, Double, Double)]) -> Int {
        segments.filter { crosses(box, $0) }.count
    }

    /// Liang–Barsky: whether the segment passes through the box's interior.
    static func crosses(_ box: PictureBox, _ s: (Double, Double, Double, Double)) -> Bool {
        let dx = s.2 - s.0, dy = s.3 - s.1
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, s.0 - box.minX), (dx, box.maxX - s.0), (-dy, s.1 - box.minY), (dy, box.maxY - s.1)] {
            if p == 0 {
                if q <= 0 { return false }
            } else {
                let r = q / p
                if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
                if t0 >= t1 { return false }
            }
        }
        return true
    }
}

extension PictureBox {
    func padded(_ amount: Double) -> PictureBox {
        PictureBox(minX: minX - amount, minY: minY - amount, maxX: maxX + amount, maxY: maxY + amount)
    }
}
