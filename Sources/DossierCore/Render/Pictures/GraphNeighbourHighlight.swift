/// Hovering or focusing a node dims every node and edge that is not its neighbour, with CSS
/// only (no script): each node gets a number, each element lists the numbers of the nodes it
/// belongs to, and one `:has()` rule per node does the dimming. Browsers without `:has()`
/// just show no highlight.
struct NeighbourHighlight {
    /// Node id → its number, in the layout's (id) order.
    private let numbers: [String: Int]
    /// Node id → the numbers of the node and of its neighbours, ascending.
    private let neighbours: [String: [Int]]

    init(_ layout: GraphPictureLayout) {
        var numbers: [String: Int] = [:]
        for (index, placed) in layout.nodes.enumerated() { numbers[placed.node.id] = index }
        var neighbours: [String: Set<Int>] = [:]
        for (id, number) in numbers { neighbours[id] = [number] }
        for edge in layout.edges {
            guard let from = numbers[edge.from], let to = numbers[edge.to] else { continue }
            neighbours[edge.from, default: []].insert(to)
            neighbours[edge.to, default: []].insert(from)
        }
        self.numbers = numbers
        self.neighbours = neighbours.mapValues { $0.sorted() }
    }

    /// `n4 hl4 hl9`: the node's own number, then the groups it is highlighted with.
    func classes(ofNode id: String) -> String {
        guard let number = numbers[id] else { return "" }
        return (["n\(number)"] + (neighbours[id] ?? []).map { "hl\($0)" }).joined(separator: " ")
    }

    func classes(ofEdge edge: GraphEdge) -> String {
        [numbers[edge.from], numbers[edge.to]].compactMap { $0 }.map { "hl\($0)" }.joined(separator: " ")
    }

    /// The rules for the picture's `<style>`: one selector per node, all sharing one
    /// declaration. Scoped by the picture's class, not its id: the dimmed elements are
    /// matched under the picture holding the hovered node, so two pictures on a page
    /// still highlight apart, and the rules no longer repeat the picture's long id.
    func rules() -> String {
        guard numbers.count > 1 else { return "" }
        var selectors: [String] = []
        selectors.reserveCapacity(numbers.count)
        for number in 0..<numbers.count {
            selectors.append(".dossier-graph:has(.n\(number):is(:hover,:focus-visible)) :is(.node,.edge):not(.hl\(number))")
        }
        return selectors.joined(separator: ",") + "{opacity:.15}"
    }
}
