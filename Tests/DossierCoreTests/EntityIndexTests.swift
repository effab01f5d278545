import Testing
@testable import DossierCore

@Suite struct EntityIndexTests {
    func load(_ files: String) throws -> (EntityIndex, [Diagnostic], TestProject) {
        let project = try TestProject(files)
        let loaded = ProjectLoader.load(root: project.root)
        let (index, diagnostics) = EntityIndexer.build(loaded)
        return (index, loaded.diagnostics + diagnostics, project)
    }

    @Test func aliasClaimedByTwoActorsIsAnError() throws {
        let (_, diagnostics, project) = try load("""
        -- content/actors/congo.md --
        ---
        title: Republic of the Congo
        kind: state
        aliases: [Congo]
        ---
        -- content/actors/drc.md --
        ---
        title: Democratic Republic of the Congo
        kind: state
        aliases: [Congo]
        ---
        """)
        defer { project.remove() }
        #expect(diagnostics.sorted().lines == [
            "content/actors/drc.md:4:11: error: the alias 'Congo' of 'drc' is also an alias of 'congo' (content/actors/congo.md); remove one, or set 'autolink: false' on one of them",
        ])
    }

    @Test func aNameThatIsAnotherActorsAliasIsAnError() throws {
        let (_, diagnostics, project) = try load("""
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        aliases: [Tehran]
        ---
        -- content/actors/tehran.md --
        ---
        title: Tehran
        kind: place
        ---
        """)
        defer { project.remove() }
        #expect(diagnostics.sorted().lines == [
            "content/actors/tehran.md:2:8: error: the name 'Tehran' of 'tehran' is also an alias of 'iran' (content/actors/iran.md); remove one, or set 'autolink: false' on one of them",
        ])
    }

    @Test func autolinkFalseResolvesASharedName() throws {
        let (index, diagnostics, project) = try load("""
        -- content/actors/georgia.md --
        ---
        title: Georgia
        kind: state
        autolink: false
        ---
        -- content/actors/georgia-us.md --
        ---
        title: Georgia
        kind: place
        ---
        """)
        defer { project.remove() }
        #expect(diagnostics.isEmpty)
        #expect(index.matcher.matches(in: "Georgia").map(\.owner) == [index.position(of: "georgia-us")!])
    }

    @Test func referencesAreCheckedWithSuggestions() throws {
        let (index, diagnostics, project) = try load("""
        -- dossier.yml --
        relation_types:
          mediates-between:
            label: mediates between
            inverse: mediation offered by
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        relations:
          - type: member-of
            target: sco
          - type: membr-of
            target: sco
          - type: ally
            target: rusia
          - type: mediates-between
            target: sco
        events:
          - date: 2025
            title: Something
            actors: [irann]
            place: sco
        ---
        -- content/actors/sco.md --
        ---
        title: Shanghai Cooperation Organisation
        kind: organization
        ---
        -- content/actors/russia.md --
        ---
        title: Russia
        kind: state
        ---
        -- content/briefings/b.md --
        ---
        title: B
        date: 2025-01-01
        actors: [iran, chna]
        ---
        """)
        defer { project.remove() }
        #expect(diagnostics.sorted().lines == [
            "content/actors/iran.md:7:11: error: unknown relation type 'membr-of' (did you mean 'member-of'?); add it under 'relation_types' in dossier.yml",
            "content/actors/iran.md:10:13: error: unknown actor 'rusia' in relation target (did you mean 'russia'?)",
            "content/actors/iran.md:16:14: error: unknown actor 'irann' in event actors (did you mean 'iran'?)",
            "content/actors/iran.md:17:12: warning: event place 'sco' is an organization, not a place",
            "content/briefings/b.md:4:16: error: unknown actor 'chna' in actors",
        ])
        #expect(index.relations.map(\.type.name) == ["member-of", "mediates-between"])
    }
}
