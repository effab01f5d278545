import Foundation
import Testing
@testable import DossierCore

/// "Did you mean …?" for the names authors reach for: a relation type by one of its
/// words, an actor by its name or alias instead of its slug.
@Suite struct ReferenceSuggestionTests {
    @Test(arguments: [
        ("member", "member-of"), ("strategic partner", "strategic-partner"), ("Strategic_Partner", "strategic-partner"),
        ("conflict", "in-conflict-with"), ("memberof", "member-of"), ("host", "hosts"), ("signatory", "signatory-of"),
        ("located", "located-in"),
    ])
    func relationTypesAreSuggestedByTheirWords(written: String, suggested: String) {
        #expect(Suggestion.closestTerm(to: written, in: RelationVocabulary.builtIn.map(\.name).sorted()) == suggested)
    }

    @Test(arguments: ["of", "friend", ""])
    func aWordManyTypesShareOrNoneHasSuggestsNothing(written: String) {
        #expect(Suggestion.closestTerm(to: written, in: RelationVocabulary.builtIn.map(\.name).sorted()) == nil)
    }

    func diagnostics(_ files: String) throws -> [String] {
        let project = try TestProject(files)
        defer { project.remove() }
        return SiteBuilder.check(BuildOptions(root: project.root)).diagnostics.lines
    }

    @Test func anUnknownRelationTypeSuggestsTheTypeWithItsWord() throws {
        let lines = try diagnostics("""
        -- dossier.yml --
        title: T
        relation_types:
          trades-with: {label: trades with, symmetric: true}
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        relations:
          - type: member
            target: sco
          - type: trades
            target: sco
        ---
        -- content/actors/sco.md --
        ---
        title: SCO
        kind: organisation
        ---
        """)
        #expect(lines == [
            "content/actors/iran.md:5:11: error: unknown relation type 'member' (did you mean 'member-of'?); add it under 'relation_types' in dossier.yml",
            "content/actors/iran.md:7:11: error: unknown relation type 'trades' (did you mean 'trades-with'?); add it under 'relation_types' in dossier.yml",
        ])
    }

    @Test func anActorReferredToByItsNameOrAliasSuggestsItsSlug() throws {
        let lines = try diagnostics("""
        -- dossier.yml --
        title: T
        -- content/actors/european-union.md --
        ---
        title: European Union
        kind: organization
        aliases: [EU, Brussels]
        ---
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        relations:
          - type: partner
            target: European Union
        ---
        -- content/briefings/b.md --
        ---
        title: B
        date: 2025-01-01
        actors: [eu, irn]
        events:
          - date: 2025-01-01
            title: Talks
            actors: [Brussels]
        ---
        The [Union](@EU) and Iran.
        """)
        #expect(lines == [
            "content/actors/iran.md:6:13: error: unknown actor 'European Union' in relation target (did you mean 'european-union'? 'European Union' is the name of that actor, and references use its slug)",
            "content/briefings/b.md:4:10: error: unknown actor 'eu' in actors (did you mean 'european-union'? 'EU' is an alias of that actor, and references use its slug)",
            "content/briefings/b.md:4:14: error: unknown actor 'irn' in actors (did you mean 'iran'?)",
            "content/briefings/b.md:8:14: error: unknown actor 'Brussels' in event actors (did you mean 'european-union'? 'Brussels' is an alias of that actor, and references use its slug)",
            "content/briefings/b.md:10:5: error: unknown actor 'EU' in link '[Union](@EU)' (did you mean 'european-union'? 'EU' is an alias of that actor, and references use its slug)",
        ])
    }
}
