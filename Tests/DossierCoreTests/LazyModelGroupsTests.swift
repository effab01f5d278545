import Foundation
import Testing
@testable import DossierCore

/// The model's mention lists made when read (`SiteMentionList`, `ActorMentionGroups`)
/// from the documents' summaries (`MentionedActor`): equal to those made from the
/// mention values, and a cached build's model stage decodes no document's mentions.
@Suite struct LazyModelGroupsTests {
    static let projectText = """
    -- dossier.yml --
    title: Site mentions test
    base_url: https://dossier.test/
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
    ---
    Aldoria lies near Brevia. Aldoria is old.
    -- content/actors/brevia.md --
    ---
    title: Brevia
    kind: state
    ---
    Brevia borders Aldoria.
    -- content/briefings/harbour.md --
    ---
    title: Harbour
    date: 2025-01-02
    ---
    Aldoria and Brevia opened the harbour.

    Aldoria paid.
    -- content/briefings/talks.md --
    ---
    title: Talks
    date: 2025-01-03
    ---
    Brevia talked. Aldoria listened.
    -- content/pages/about.md --
    ---
    title: About
    ---
    About Aldoria.
    """

    static func linkedProject() throws -> (TestProject, LoadedProject, EntityIndex, [DocumentID: LinkedDocument], [DocumentID]) {
        let project = try TestProject(Self.projectText)
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let (linked, _) = ProjectLinker.linkAll(loaded, index: index, settings: LinkSettings(mode: .all, urlStyle: .disk))
        let briefings = loaded.briefings.sorted { $0.date != $1.date ? $0.date > $1.date : $0.slug < $1.slug }
        let order = briefings.map { DocumentID(.briefing, $0.slug) } + index.actors.map { DocumentID(.actor, $0.slug) }
            + loaded.pages.map { DocumentID(.page, $0.slug) }
        return (project, loaded, index, linked, order)
    }

    /// `documents` as the build cache gives them back: their mentions not yet decoded.
    static func throughTheCache(_ documents: [DocumentID: LinkedDocument]) throws -> [DocumentID: LinkedDocument] {
        try documents.mapValues { document in
            var encoder = CacheEncoder()
            encoder.linkResult(LinkResult(document: document, diagnostics: []))
            var decoder = CacheDecoder(encoder.bytes)
            let read = try decoder.linkResult().document
            #expect(!read.mentionList.isDecoded || read.mentionCount == 0)
            return read
        }
    }

    @Test func groupsFromTheDocumentsSummariesEqualGroupsOfTheMentionsLeavingOutTheActorsOwnProfile() throws {
        let (project, _, index, linked, order) = try Self.linkedProject()
        defer { project.remove() }
        let site = SiteMentionList(documentOrder: order, linked: linked)
        let all = order.flatMap { linked[$0]?.mentions ?? [] }
        #expect(site.mentions == all)
        #expect(site.count == all.count)
        #expect(site.documents == order.filter { !(linked[$0]?.mentions ?? []).isEmpty })
        #expect(site.starts == SiteMentionList(all).starts)
        let groupsOf = SiteModelBuilder.siteOrderGroups(documentOrder: order, linked: linked)
        for actor in index.actors {
            let own = DocumentID(.actor, actor.slug)
            let groups = ActorMentionGroups(actor: actor.slug, sources: groupsOf.sources,
                                            groups: groupsOf.groups(of: actor.slug, leavingOut: own))
            let expected = ActorMentions.siteOrderGroups(all.filter { $0.actor == actor.slug && $0.document != own })
            #expect(groups.documents == expected.map(\.document))
            #expect(groups.groups.map(\.count) == expected.map(\.mentions.count))
            #expect(groups.mentionGroups.map(\.mentions) == expected.map(\.mentions))
            // The weights the pager reads equal those of the eager groups.
            #expect(groups.groups.map(\.passages) == ActorMentionGroups(expected).groups.map(\.passages))
            // A line of "Mentioned in", read in place, shows what the group's mentions show.
            for made in [groups, ActorMentionGroups(expected)] {
                let lines = made.lines(in: made.groups.indices)
                #expect(lines.map(\.document) == expected.map(\.document))
                #expect(lines.map(\.count) == expected.map(\.mentions.count))
                #expect(lines.map(\.firstAnchor) == expected.map { $0.mentions.lazy.compactMap(\.anchor).first })
                #expect(lines.contains { $0.firstAnchor != nil })
            }
            #expect(groups.lines(in: 1..<groups.groups.count).map(\.document) == expected.dropFirst().map(\.document))
        }
        // Aldoria's own profile mentions it twice; its list holds both briefings, Brevia's profile and the page.
        let aldoria = groupsOf.groups(of: "aldoria", leavingOut: DocumentID(.actor, "aldoria"))
        #expect(aldoria.map(groupsOf.document(of:)) == [DocumentID(.briefing, "talks"), DocumentID(.briefing, "harbour"),
                                                        DocumentID(.actor, "brevia"), DocumentID(.page, "about")])
        #expect(aldoria.reduce(0) { $0 + Int($1.count) } == 5)
        // The table holds each document that mentions an actor once, in site order.
        #expect(groupsOf.sources.documents == order.filter { !(linked[$0]?.mentions ?? []).isEmpty })
    }

    @Test func aModelFromCachedDocumentsEqualsTheModelFromFreshlyLinkedOnes() throws {
        let (project, loaded, index, fresh, _) = try Self.linkedProject()
        defer { project.remove() }
        let (model, _) = SiteModelBuilder.build(project: loaded, index: index, linked: try Self.throughTheCache(fresh))
        let (freshModel, _) = SiteModelBuilder.build(project: loaded, index: index, linked: fresh)
        #expect(model.briefings.map(\.secondaryActors) == freshModel.briefings.map(\.secondaryActors))
        #expect(model.actors.map(\.mentionCount) == freshModel.actors.map(\.mentionCount))
        for (lazy, eager) in zip(model.actors, freshModel.actors) {
            #expect(lazy.mentionsByDocument.map(\.document) == eager.mentionsByDocument.map(\.document))
            #expect(lazy.mentionsByDocument.map(\.mentions) == eager.mentionsByDocument.map(\.mentions))
        }
        #expect(model.mentions == freshModel.mentions)
    }

    @Test func aCachedBuildsModelStageDecodesNoDocumentsMentions() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let cache = { BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root)) }
        var options = BuildOptions(root: project.root)
        options.cache = cache()
        #expect(SiteBuilder.run(options, into: nil).succeeded)
        options.cache = cache()
        let report = SiteBuilder.run(options, into: nil)
        let model = try #require(report.model)
        let documents = model.briefings.map(\.linked) + model.actors.map(\.profile) + model.pages.map(\.linked)
        #expect(documents.contains { $0.mentionCount > 0 })
        #expect(documents.allSatisfy { !$0.mentionList.isDecoded })
        // Read, they are those of a build without a cache.
        options.cache = nil
        let clean = try #require(SiteBuilder.run(options, into: nil).model)
        #expect(model.mentions == clean.mentions)
        #expect(model.actors.map(\.mentionsByDocument.count) == clean.actors.map(\.mentionsByDocument.count))
        #expect(model.briefings.map(\.secondaryActors) == clean.briefings.map(\.secondaryActors))
    }

    @Test func concurrentFirstReadsOfOneDocumentsMentionsGiveTheSameValues() throws {
        let (project, _, _, fresh, _) = try Self.linkedProject()
        defer { project.remove() }
        let document = try #require(fresh[DocumentID(.briefing, "harbour")])
        for _ in 0..<20 {
            let cached = try #require(try Self.throughTheCache([document.id: document])[document.id])
            #expect(!cached.mentionList.isDecoded)
            let reads = Array(0..<16).parallelMap { _ in cached.mentions }
            #expect(reads.allSatisfy { $0 == document.mentions })
            // One decoding, shared: every read holds the same boxes.
            #expect(reads.allSatisfy { read in zip(read, reads[0]).allSatisfy { $0.storage.isSameBox(as: $1.storage) } })
        }
    }
}
