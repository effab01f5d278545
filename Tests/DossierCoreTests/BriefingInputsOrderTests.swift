import Testing
@testable import DossierCore

/// A briefing page's inputs key, with the actors it shows read by their positions and
/// ranks (`ShownActors`), is the key the slugs gave: a set of them sorted as strings.
@Suite struct BriefingInputsOrderTests {
    /// The key as it was made before the positions, read for read.
    static func formerKey(_ contexts: PageContexts, _ briefing: BriefingModel, _ fingerprints: DocumentFingerprints) -> String? {
        guard let own = fingerprints(DocumentID(.briefing, briefing.briefing.slug)) else { return nil }
        var hasher = StableHasher()
        hasher.combine("briefing page")
        hasher.combine("t")
        hasher.combine(fingerprints.site)
        hasher.combine(own)
        guard contexts.combineNavigation(into: &hasher, fingerprints) else { return nil }
        hasher.combine(briefing.principalActors.joined(separator: "\n"))
        hasher.combine(briefing.secondaryActors.joined(separator: "\n"))
        var shown = briefing.principalActors + briefing.secondaryActors + briefing.linked.mentionedActors.map(\.actor)
        for item in briefing.events {
            shown += item.event.actors.map(\.value)
            if let place = item.event.place { shown.append(place.value) }
            hasher.combine(item.anchor)
            hasher.combine(contexts.timelinePageByAnchor[item.anchor] ?? 1)
            hasher.combine(item.origin.description)
        }
        for slug in Set(shown).sorted() {
            hasher.combine(slug)
            hasher.combine(contexts.actorAsSeen(slug, fingerprints) ?? "no such actor")
        }
        hasher.combine(briefing.related.count)
        for related in briefing.related {
            hasher.combine(related.slug)
            hasher.combine(related.shared)
            hasher.combine(fingerprints(DocumentID(.briefing, related.slug)) ?? "no such briefing")
        }
        return hasher.finalize()
    }

    /// Actors whose slugs sort otherwise than they are listed, briefings naming them in
    /// front matter, body and events, and slugs no actor has among them.
    static let projectText: String = {
        var text = """
        -- dossier.yml --
        title: Order test
        base_url: https://dossier.test/

        """
        for slug in ["zeta", "alpha", "mu", "beta-2", "beta", "omega", "a"] {
            text += """
            -- content/actors/\(slug).md --
            ---
            title: \(slug.capitalized)
            kind: state
            ---
            A state.

            """
        }
        let briefings: [(principal: [String], body: [String], event: [String])] = [
            (["zeta", "alpha"], ["mu", "zeta"], ["beta"]), (["omega", "nowhere", "a"], ["beta-2"], ["zzz", "alpha"]),
            ([], ["mu", "omega", "alpha"], []), (["b-unknown", "beta", "mu"], [], ["zeta", "aaa"]), (["a"], ["a"], ["a"]),
        ]
        for (index, briefing) in briefings.enumerated() {
            text += """
            -- content/briefings/b\(index).md --
            ---
            title: Briefing \(index)
            date: 2025-01-0\(index + 1)
            actors: [\(briefing.principal.joined(separator: ", "))]
            \(briefing.event.isEmpty ? "" : "events:\n  - date: 2025-01-0\(index + 1)\n    title: Event \(index)\n    actors: [\(briefing.event.joined(separator: ", "))]")
            ---
            \(briefing.body.map { "[\($0.capitalized)](@\($0)) met." }.joined(separator: " "))

            """
        }
        return text
    }()

    @Test func theKeyIsTheOneTheSortedSlugsGave() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let settings = LinkSettings(mode: loaded.config.linking.mode, urlStyle: loaded.config.urlStyle)
        let (documents, _, linkFingerprints) = LinkMemo.linkAll(loaded, index: index, settings: settings, cache: BuildCache(folder: nil), root: project.root)
        let model = SiteModelBuilder.build(project: loaded, index: index, linked: documents).model
        let fingerprints = DocumentFingerprints(project: loaded, index: index, linked: linkFingerprints, drafts: false, root: project.root)
        let contexts = PageContexts(model: model, urls: SiteURLs(style: loaded.config.urlStyle))
        #expect(model.briefings.count == 5)
        #expect(model.briefings.contains { $0.events.contains { $0.event.actors.contains { $0.value == "zzz" } } })
        for briefing in model.briefings {
            let key = contexts.briefingInputs(briefing, fingerprints: fingerprints, templates: "t")
            #expect(key != nil)
            #expect(key == Self.formerKey(contexts, briefing, fingerprints), "\(briefing.briefing.slug)")
        }
    }

    @Test func linesAreHashedAsTheirJoinedString() {
        for lines in [[], [""], ["iran"], ["a13938-sensentasen", "a16408-viminlanvi", ""], ["côte-d’ivoire", "日本", "x"]] {
            var joined = StableHasher(), written = StableHasher()
            joined.combine(lines.joined(separator: "\n"))
            PageContexts.combineLines(lines, into: &written)
            #expect(joined.finalize() == written.finalize())
        }
    }
}
