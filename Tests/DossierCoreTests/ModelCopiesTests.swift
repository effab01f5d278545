import Testing
@testable import DossierCore

/// What the render stage copies stays one reference wide, models copied still behave as
/// values, and elements read in place are the elements: at 100,000 briefings a copy
/// that retained every field of a model was a cache miss per field (issue 10).
@Suite struct ModelCopiesTests {
    static let project = """
    -- dossier.yml --
    title: Copies test
    base_url: https://dossier.test/
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
    ---
    Aldoria is old. Brevia is near.
    -- content/actors/brevia.md --
    ---
    title: Brevia
    kind: state
    ---
    Brevia is young.
    -- content/briefings/harbour.md --
    ---
    title: Harbour
    date: 2025-01-02
    actors: [aldoria]
    ---
    Aldoria opened the harbour to Brevia.
    """

    @Test func thePageContextsAreOneReferenceWide() {
        #expect(MemoryLayout<PageContexts>.size == MemoryLayout<AnyObject>.size)
    }

    @Test func changingAModelsFieldLeavesItsCopiesAsTheyWere() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        let model = try #require(project.build().model)
        var briefing = try #require(model.briefings.first)
        let before = briefing
        briefing.principalActors = ["brevia"]
        briefing.briefing.title = "Changed"
        #expect(briefing.principalActors == ["brevia"] && briefing.briefing.title == "Changed")
        #expect(before.principalActors == ["aldoria"] && before.briefing.title == "Harbour")
        #expect(model.briefings[0].briefing.title == "Harbour")

        var actor = try #require(model.actors.first { $0.actor.slug == "aldoria" })
        let actorBefore = actor
        actor.mentionCount += 5
        actor.actor.title = "Changed"
        #expect(actor.mentionCount == actorBefore.mentionCount + 5 && actor.actor.title == "Changed")
        #expect(actorBefore.actor.title == "Aldoria")
        #expect(actor.mentionsByDocument.map(\.document) == actorBefore.mentionsByDocument.map(\.document))
    }

    @Test func anElementReadInPlaceIsTheElement() {
        let names = ["iran", "qatar", String(repeating: "long name ", count: 4)]
        for position in names.indices {
            #expect(names.withElement(at: position) { $0 } == names[position])
        }
        #expect(names.withElement(at: 2) { $0.count } == 40)
    }
}

/// A compiled template's tables read as the arrays they were made from, and are freed
/// with it: the sections they hold go with the template.
@Suite struct TemplateTableTests {
    static func template(sections: [CompiledTemplate] = []) -> CompiledTemplate {
        CompiledTemplate(nodes: [.text(0), .text(1)], texts: [Array("a".utf8), Array("bc".utf8)], paths: [], sections: sections, calls: [])
    }

    @Test func aTableReadsAsItsArray() {
        let texts: [[UInt8]] = [Array("one".utf8), [], Array("three".utf8)]
        let template = CompiledTemplate(nodes: [], texts: texts, paths: [], sections: [], calls: [])
        #expect(Array(template.texts) == texts)
        #expect(template.texts.count == 3 && template.texts[2] == Array("three".utf8))
        #expect(template.sections.isEmpty && template.calls.isEmpty && template.nodes.isEmpty)
    }

    @Test func aTemplateFreesItsSectionsWithIt() {
        weak var section: CompiledTemplate?
        weak var parent: CompiledTemplate?
        do {
            let body = Self.template()
            let made = Self.template(sections: [body])
            section = body
            parent = made
            #expect(made.sections.count == 1 && made.sections[0] === body)
        }
        #expect(parent == nil)
        #expect(section == nil)
    }
}
