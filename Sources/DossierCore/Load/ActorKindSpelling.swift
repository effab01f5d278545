extension ActorKind {
    /// Spellings accepted for a kind besides its name. Dossier's kinds use American
    /// spelling, but its users write British English as often ("organisation"),
    /// and a kind is not worth an error over it.
    static let otherSpellings: [String: ActorKind] = ["organisation": .organization]

    /// The kind named by `spelling`, as written in front matter or given to `new --kind`.
    public init?(spelling: String) {
        guard let kind = ActorKind(rawValue: spelling) ?? Self.otherSpellings[spelling] else { return nil }
        self = kind
    }
}
