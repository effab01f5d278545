/// A kind of relation between two actors, with the label shown at each end.
public struct RelationType: Sendable, Hashable {
    public var name: String
    /// Shown at the actor that declares the relation: Iran "member of" SCO.
    public var label: String
    /// Shown at the target: SCO "has member" Iran. Equals `label` for symmetric types.
    public var inverseLabel: String
    public var symmetric: Bool

    public init(_ name: String, _ label: String, inverse: String? = nil) {
        self.name = name
        self.label = label
        self.inverseLabel = inverse ?? label
        self.symmetric = inverse == nil
    }
}

public enum RelationVocabulary {
    /// The built-in types (DESIGN.md §3). `dossier.yml` may add more under `relation_types`.
    public static let builtIn: [RelationType] = [
        RelationType("member-of", "member of", inverse: "has member"),
        RelationType("partner", "partner of"),
        RelationType("strategic-partner", "strategic partner of"),
        RelationType("ally", "ally of"),
        RelationType("rival", "rival of"),
        RelationType("in-conflict-with", "in conflict with"),
        RelationType("sanctions", "sanctions", inverse: "sanctioned by"),
        RelationType("hosts", "hosts", inverse: "hosted by"),
        RelationType("leads", "leads", inverse: "led by"),
        RelationType("office-in", "holds office in", inverse: "has office holder"),
        RelationType("signatory-of", "signatory of", inverse: "has signatory"),
        RelationType("party-to", "party to", inverse: "has party"),
        RelationType("borders", "borders"),
        RelationType("dependency-of", "dependency of", inverse: "has dependency"),
        RelationType("capital-of", "capital of", inverse: "has capital"),
        RelationType("located-in", "located in", inverse: "location of"),
        RelationType("part-of", "part of", inverse: "includes"),
    ]

    /// Built-in types plus the project's own; a project type with a built-in name replaces it.
    public static func types(custom: [CustomRelationType]) -> [String: RelationType] {
        var types = Dictionary(uniqueKeysWithValues: builtIn.map { ($0.name, $0) })
        for type in custom {
            var relationType = RelationType(type.name, type.label, inverse: type.symmetric ? nil : type.inverseLabel)
            relationType.symmetric = type.symmetric
            types[type.name] = relationType
        }
        return types
    }
}
