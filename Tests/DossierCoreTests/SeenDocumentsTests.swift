import Foundation
import Testing
@testable import DossierCore

/// A long mention list's digest reads its documents from the table of documents as
/// seen, by position (`SeenDocuments`); it must be the digest of the documents read
/// one by one from the fingerprints, as short lists still are.
@Suite struct SeenDocumentsTests {
    /// Aldoria is named by more briefings than `SeenDocuments.listLengthWorthTheTable`,
    /// Brevia by a few; one briefing is left without a fingerprint in the second test.
    static func projectText(briefings: Int) -> String {
        var text = """
        -- dossier.yml --
        title: Seen documents test
        base_url: https://dossier.test/
        -- content/actors/aldoria.md --
        ---
        title: Aldoria
        kind: state
        ---
        A state next to Brevia.
        -- content/actors/brevia.md --
        ---
        title: Brevia
        kind: state
        ---
        Another state.

        """
        for number in 0..<briefings {
            let other = number % 50 == 0 ? " and Brevia" : ""
            text += """
            -- content/briefings/b\(number).md --
            ---
            title: Briefing \(number)
            date: 2025-01-\(String(format: "%02d", number % 28 + 1))
            ---
            Aldoria\(other) met in round \(number).

            """
        }
        return text
    }

    static func model(_ project: TestProject) -> (SiteModel, DocumentFingerprints) {
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let settings = LinkSettings(mode: loaded.config.linking.mode, urlStyle: loaded.config.urlStyle)
        let (documents, _, linkFingerprints) = LinkMemo.linkAll(loaded, index: index, settings: settings, cache: BuildCache(folder: nil), root: project.root)
        let (model, diagnostics) = SiteModelBuilder.build(project: loaded, index: index, linked: documents)
        #expect(!diagnostics.hasErrors)
        let fingerprints = DocumentFingerprints(project: loaded, index: index, linked: linkFingerprints, drafts: false, root: project.root)
        return (model, fingerprints)
    }

    /// The digest as it was made before the table: each group's document looked up.
    static func digestReadOneByOne(_ actor: ActorModel, _ fingerprints: DocumentFingerprints) -> String? {
        var hasher = StableHasher()
        hasher.combine(actor.mentionCount)
        hasher.combine(actor.mentionGroups.groups.count)
        for group in actor.mentionGroups.groups {
            guard let fingerprint = fingerprints.asSeen(group.document) else { return nil }
            hasher.combine(group.document.description)
            hasher.combine(fingerprint)
        }
        return hasher.finalize()
    }

    @Test func longAndShortListsHaveTheDigestOfTheirDocumentsReadOneByOne() throws {
        let project = try TestProject(Self.projectText(briefings: SeenDocuments.listLengthWorthTheTable + 20))
        defer { project.remove() }
        let (model, fingerprints) = Self.model(project)
        let contexts = PageContexts(model: model, urls: SiteURLs(style: model.config.urlStyle))
        let aldoria = try #require(model.actors.first { $0.actor.slug == "aldoria" })
        let brevia = try #require(model.actors.first { $0.actor.slug == "brevia" })
        #expect(aldoria.mentionGroups.groups.count >= SeenDocuments.listLengthWorthTheTable)
        #expect(brevia.mentionGroups.groups.count < SeenDocuments.listLengthWorthTheTable)
        for actor in [aldoria, brevia] {
            let digest = try #require(contexts.mentionListDigest(of: actor, fingerprints: fingerprints))
            #expect(digest == Self.digestReadOneByOne(actor, fingerprints))
        }
    }

    @Test func aLongListWithADocumentWithoutAFingerprintHasNoDigest() throws {
        let project = try TestProject(Self.projectText(briefings: SeenDocuments.listLengthWorthTheTable + 20))
        defer { project.remove() }
        let (model, fingerprints) = Self.model(project)
        let aldoria = try #require(model.actors.first { $0.actor.slug == "aldoria" })
        let missing = DocumentID(.briefing, "b7")
        let partial = DocumentFingerprints(site: fingerprints.site, documents: fingerprints.all.filter { $0.key != missing })
        let contexts = PageContexts(model: model, urls: SiteURLs(style: model.config.urlStyle))
        #expect(Self.digestReadOneByOne(aldoria, partial) == nil)
        #expect(contexts.mentionListDigest(of: aldoria, fingerprints: partial) == nil)
    }

    @Test func theTableIsMadeOncePerTableOfSources() throws {
        let project = try TestProject(Self.projectText(briefings: 3))
        defer { project.remove() }
        let (model, fingerprints) = Self.model(project)
        let sources = model.actors[0].mentionGroups.groups.documentTable
        let seen = SeenDocuments()
        let first = seen.table(of: sources, fingerprints)
        let again = seen.table(of: sources, .none)
        #expect(first.count == sources.documents.count)
        #expect(again.map { $0?.fingerprint } == first.map { $0?.fingerprint })
        #expect(first.allSatisfy { $0 != nil })
    }

    @Test func anActorAsSeenByPositionIsItsFingerprintsView() throws {
        let project = try TestProject(Self.projectText(briefings: 3))
        defer { project.remove() }
        let (model, fingerprints) = Self.model(project)
        let contexts = PageContexts(model: model, urls: SiteURLs(style: model.config.urlStyle))
        for slug in model.actors.map(\.actor.slug) + ["nowhere"] {
            #expect(contexts.actorAsSeen(slug, fingerprints) == fingerprints.asSeen(DocumentID(.actor, slug)))
        }
        #expect(contexts.actorAsSeen("aldoria", fingerprints) != nil)
        #expect(contexts.actorAsSeen("nowhere", fingerprints) == nil)
    }
}
