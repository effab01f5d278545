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

    /// A briefing of more than 64 actors finds the same ones.
    @Test func aBriefingOfManyActorsSharesTheFormerOnes() {
        var generator = SystemRandomNumberGenerator()
        let slugs = (0..<150).map { "actor-\($0)" }
        func list(_ length: ClosedRange<Int>) -> [String] {
            (0..<Int.random(in: length, using: &generator)).map { _ in slugs.randomElement(using: &generator)! }
        }
        for _ in 0..<200 {
            let ours = (list(40...90), list(40...90)), theirs = (list(0...30), list(0...30))
            let order = RelatedActorOrder(principal: ours.0, secondary: ours.1)
            #expect(order.shared(principal: theirs.0, secondary: theirs.1) == Self.expected(ours: ours, theirs: theirs))
        }
    }

    /// Numbered (`BriefingActorNumbers`), a briefing's related briefings share the actors
    /// the slugs gave: a number stands for exactly one slug.
    @Test func numberedActorsShareTheSlugsActors() throws {
        let model = try RelatedActorOrderTests.model()
        let contexts = PageContexts(model: model, urls: SiteURLs(style: .pretty))
        let numbers = contexts.briefingActorNumbers
        func slug(_ number: Int32) -> String {
            Int(number) < numbers.actorCount ? model.actors[Int(number)].actor.slug : numbers.unknownSlug(number)
        }
        for ours in model.briefings {
            let order = contexts.relatedActorOrder(ours, numbers: numbers)
            for position in model.briefings.indices {
                let theirs = model.briefings[position]
                let shared = order.shared(principal: numbers.principal(of: position), secondary: numbers.secondary(of: position))
                #expect(shared.map(slug) == Self.expected(ours: (ours.principalActors, ours.secondaryActors),
                                                          theirs: (theirs.principalActors, theirs.secondaryActors)))
            }
        }
    }

    /// Briefings whose actors overlap, in front matter and body, two naming an actor
    /// that does not exist (which the model leaves out of their actors).
    static func model() throws -> SiteModel {
        var text = """
        -- dossier.yml --
        title: Related test
        base_url: https://dossier.test/

        """
        let actors = ["aldoria", "brevia", "corvo", "dunmar", "essel"]
        for slug in actors {
            text += """
            -- content/actors/\(slug).md --
            ---
            title: \(slug.capitalized)
            kind: state
            ---
            A state.

            """
        }
        let briefings: [(principal: [String], body: [String])] = [
            (["aldoria", "brevia"], ["corvo"]), (["brevia"], ["aldoria", "essel"]), (["corvo", "nowhere"], ["brevia"]),
            (["essel", "dunmar", "aldoria"], []), ([], ["dunmar", "corvo"]), (["nowhere", "brevia"], ["essel", "aldoria"]),
        ]
        for (index, briefing) in briefings.enumerated() {
            text += """
            -- content/briefings/b\(index).md --
            ---
            title: Briefing \(index)
            date: 2025-01-0\(index + 1)
            actors: [\(briefing.principal.joined(separator: ", "))]
            ---
            \(briefing.body.map { "[\($0.capitalized)](@\($0)) met." }.joined(separator: " "))

            """
        }
        let project = try TestProject(text)
        defer { project.remove() }
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let settings = LinkSettings(mode: loaded.config.linking.mode, urlStyle: loaded.config.urlStyle)
        let (documents, _, _) = LinkMemo.linkAll(loaded, index: index, settings: settings, cache: BuildCache(folder: nil), root: project.root)
        let model = SiteModelBuilder.build(project: loaded, index: index, linked: documents).model
        #expect(model.briefings.count == briefings.count)
        return model
    }
}
