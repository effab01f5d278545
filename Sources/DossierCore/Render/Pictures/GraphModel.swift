/// An actor drawn in a relation picture.
public struct GraphNode: Sendable, Hashable {
    /// Actor slug, `[a-z0-9-]`.
    public var id: String
    /// Actor title; escaped when drawn.
    public var label: String
    public var kind: ActorKind
    /// Relative URL of the actor page, used as-is in the `<a href>`.
    public var href: String
    /// For example the mention count; bigger nodes for bigger weight (bounded).
    public var weight: Int
    /// The actor whose neighbourhood this is; drawn in the middle.
    public var isCenter: Bool

    public init(id: String, label: String, kind: ActorKind, href: String, weight: Int = 0, isCenter: Bool = false) {
        self.id = id
        self.label = label
        self.kind = kind
        self.href = href
        self.weight = weight
        self.isCenter = isCenter
    }
}

/// A line between two actors: a typed relation or a co-mention.
public struct GraphEdge: Sendable, Hashable {
    /// Node ids.
    public var from: String, to: String
    /// Relation type, e.g. `member-of`, `strategic-partner`, `in-conflict-with`, `hosts`, or `co-mention`.
    public var type: String
    /// Human label, e.g. "member of"; used in the `<title>` tooltip.
    public var label: String
    /// Co-mention count; 1 for relations.
    public var strength: Int

    public init(from: String, to: String, type: String, label: String, strength: Int = 1) {
        self.from = from
        self.to = to
        self.type = type
        self.label = label
        self.strength = strength
    }
}

/// How an edge is drawn, by family of relation types.
enum PictureEdgeStyle: Int, Sendable, CaseIterable, Comparable {
    case conflict, partnership, membership, location, other, coMention

    static func < (lhs: PictureEdgeStyle, rhs: PictureEdgeStyle) -> Bool { lhs.rawValue < rhs.rawValue }

    init(type: String) {
        // Every neighbourhood picture's co-mention lines are of this type: no lowercasing.
        if type == "co-mention" {
            self = .coMention
            return
        }
        let t = type.lowercased()
        func has(_ parts: String...) -> Bool { parts.contains { t.contains($0) } }
        if t == "co-mention" || t == "comention" || t == "co-mentioned" {
            self = .coMention
        } else if has("conflict", "rival", "sanction", "war", "hostil", "dispute", "advers", "oppos") {
            self = .conflict
        } else if has("partner", "ally", "alli", "cooperat", "friend") {
            self = .partnership
        } else if has("host", "locat", "border", "based", "seat") {
            self = .location
        } else if has("member", "party", "signator", "lead", "depend", "part-of", "office", "head", "chair") {
            self = .membership
        } else {
            self = .other
        }
    }

    var className: String {
        switch self {
        case .conflict: "edge-style-conflict"
        case .partnership: "edge-style-partnership"
        case .membership: "edge-style-membership"
        case .location: "edge-style-location"
        case .other: "edge-style-other"
        case .coMention: "edge-style-co-mention"
        }
    }

    var color: String {
        switch self {
        case .conflict: "#d62728"
        case .partnership: "#1f77b4"
        case .membership: "#7f7f7f"
        case .location: "#2ca02c"
        case .other: "#8c6d31"
        case .coMention: "#9aa0a6"
        }
    }

    var dashArray: String? {
        switch self {
        case .conflict: "6 4"
        case .location: "2 3"
        default: nil
        }
    }

    func strokeWidth(strength: Int) -> Double {
        switch self {
        case .conflict: 1.6
        case .partnership: 1.8
        case .membership: 1.3
        case .location: 1.6
        case .other: 1.2
        case .coMention: min(4, 0.6 + 0.4 * Double(max(1, strength) - 1))
        }
    }

    var opacity: Double? { self == .coMention ? 0.55 : nil }

    /// Pull of an edge of this style in the force layout.
    func attraction(strength: Int) -> Double {
        self == .coMention ? min(1, 0.35 + 0.1 * Double(max(1, strength))) : 1
    }
}

extension ActorKind {
    /// Fill colour of the kind's shape (readable on light and dark backgrounds).
    var pictureColor: String {
        switch self {
        case .state: "#4e79a7"
        case .organization: "#f28e2b"
        case .person: "#b07aa1"
        case .place: "#59a14f"
        case .agreement: "#9c755f"
        case .group: "#76b7b2"
        }
    }

    /// Singular name used in tooltips and the legend.
    var pictureName: String { label.lowercased() }
}
