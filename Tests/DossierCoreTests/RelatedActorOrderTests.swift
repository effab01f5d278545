import Testing
@testable import DossierCore

/// A related briefing's shared actors, found through the briefing's actor order made
/// once per page, are those the former sets gave, in the same order.
@Suite struct RelatedActorOrderTests {
    /// The former reading: a set of the other briefing's actors, the briefing's own filtered by it, each once.
    static func expected(ours: ([String], [String]), theirs: ([String], [String])) -> [String] {
        let theirs = Set(theirs.0 + theirs.1)
        var seen: Set<String> = []
        return (ours.0 + ours.1).filter { theirs.contains($0) && seen.insert($0).inserted }
    }

    @Test func sharedActorsAreTheFormerOnesInTheBriefingsOrder() {
        var generator = SystemRandomNumberGenerator()
        let slugs = (0..<12).map { "actor-\($0)" }
        func list() -> [String] { (0..<Int.random(in: 0...8, using: &generator)).map { _ in slugs.randomElement(using: &generator)! } }
        for _ in 0..<500 {
            let ours = (list(), list()), theirs = (list(), list())
            let order = RelatedActorOrder(principal: ours.0, secondary: ours.1)
            #expect(order.shared(principal: theirs.0, secondary: theirs.1) == Self.expected(ours: ours, theirs: theirs))
        }
        let order = RelatedActorOrder(principal: ["qatar", "iran"], secondary: ["oman", "iran", "qatar", "yemen"])
        #expect(order.shared(principal: ["yemen"], secondary: ["iran", "yemen", "oman", "nowhere"]) == ["iran", "oman", "yemen"])
        #expect(order.shared(principal: [], secondary: []).isEmpty)
    }
}
