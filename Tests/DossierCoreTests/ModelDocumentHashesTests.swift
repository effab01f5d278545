import Foundation
import Testing
@testable import DossierCore

/// The model memo's per-document mention hashes (`ModelDocumentHashes`): a document
/// linked as in the last build gives the hash kept under its linked form, and the key
/// so made is always the key computed from every mention.
@Suite struct ModelDocumentHashesTests {
    struct Linked {
        var inputs: ModelMemoTests.Inputs
        var forms: [DocumentID: String]
    }

    /// Loads the project and links it through the link memo, which names each document's linked form.
    static func linked(_ project: TestProject, cache: BuildCache) -> Linked {
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let (documents, _, forms) = LinkMemo.linkAll(loaded, index: index, settings: LinkSettings(mode: .first, urlStyle: .disk),
                                                     cache: cache, root: project.root)
        let briefings = loaded.briefings.sorted { $0.date != $1.date ? $0.date > $1.date : $0.slug < $1.slug }
        let order = briefings.map { DocumentID(.briefing, $0.slug) } + index.actors.map { DocumentID(.actor, $0.slug) }
        let inputs = ModelMemoTests.Inputs(mentions: order.flatMap { documents[$0]?.mentions ?? [] }, order: order,
                                           briefings: briefings, linked: documents)
        return Linked(inputs: inputs, forms: forms)
    }

    static func key(_ linked: Linked, known: ModelDocumentHashes) -> (key: String, hashes: ModelDocumentHashes) {
        ModelMemo.key(documentOrder: linked.inputs.order, briefings: linked.inputs.briefings, linked: linked.inputs.linked,
                      linkedForms: linked.forms, known: known)
    }

    static func computed(_ linked: Linked) -> String {
        ModelMemo.key(documentOrder: linked.inputs.order, briefings: linked.inputs.briefings, linked: linked.inputs.linked)
    }

    static func cacheFolder(_ project: TestProject) -> URL { project.root.appendingPathComponent(".dossier/cache") }

    @Test func hashesKeptFromTheLastBuildGiveTheKeyComputedFromEveryMention() throws {
        let project = try TestProject(ModelMemoTests.projectText)
        defer { project.remove() }
        let cache = BuildCache(folder: Self.cacheFolder(project))
        let first = Self.linked(project, cache: cache)
        let (key, hashes) = Self.key(first, known: ModelDocumentHashes())
        #expect(key == Self.computed(first))
        #expect(hashes.hashes.count == first.inputs.order.count)
        cache.storeModelDocumentHashes(hashes, root: project.root)

        let again = BuildCache(folder: Self.cacheFolder(project))
        let kept = again.modelDocumentHashes(root: project.root)
        #expect(kept.hashes == hashes.hashes)
        let second = Self.linked(project, cache: again)
        #expect(Self.key(second, known: kept).key == key)
    }

    @Test func aDocumentLinkedDifferentlyIsHashedAgainAndChangesTheKey() throws {
        let project = try TestProject(ModelMemoTests.projectText)
        defer { project.remove() }
        let cache = BuildCache(folder: Self.cacheFolder(project))
        let before = Self.linked(project, cache: cache)
        let (oldKey, kept) = Self.key(before, known: ModelDocumentHashes())

        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had rain, and Corvel snow.\n")
        let after = Self.linked(project, cache: cache)
        let (newKey, hashes) = Self.key(after, known: kept)
        #expect(newKey == Self.computed(after))
        #expect(newKey != oldKey)
        let weather = DocumentID(.briefing, "weather")
        #expect(hashes.hashes[try #require(ModelDocumentHashes.lookupKey(weather, linkedForm: after.forms[weather]))] != nil)
        #expect(ModelDocumentHashes.lookupKey(weather, linkedForm: before.forms[weather]).map { hashes.hashes[$0] == nil } == true)
    }

    @Test func aStaleHashUnderAnotherDocumentsNameIsNeverUsed() throws {
        let project = try TestProject(ModelMemoTests.projectText)
        defer { project.remove() }
        let cache = BuildCache(folder: Self.cacheFolder(project))
        let linked = Self.linked(project, cache: cache)
        // Every document's lookup key filed with a wrong hash, but under a linked form no document has.
        var wrong: [String: String] = [:]
        for id in linked.inputs.order { wrong[ModelDocumentHashes.lookupKey(id, linkedForm: "not-its-form")!] = "wrong" }
        #expect(Self.key(linked, known: ModelDocumentHashes(hashes: wrong)).key == Self.computed(linked))
        // A document without a linked form is always hashed.
        #expect(ModelDocumentHashes.lookupKey(DocumentID(.briefing, "weather"), linkedForm: "") == nil)
    }

    @Test func aDamagedOrTruncatedTableReadsAsEmptyAndTheBuildStillMatchesACleanOne() throws {
        let project = try TestProject(ModelMemoTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let folder = Self.cacheFolder(project).appendingPathComponent("v\(BuildCache.formatVersion)/model-documents")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first.map { folder.appendingPathComponent($0) })
        let whole = try Data(contentsOf: file)
        #expect(!BuildCache(folder: Self.cacheFolder(project)).modelDocumentHashes(root: project.root).hashes.isEmpty)

        var damaged = whole
        damaged[damaged.count / 2] ^= 0xFF
        for bytes in [damaged, whole.prefix(whole.count - 9), whole.prefix(whole.count / 3)] {
            try bytes.write(to: file)
            #expect(BuildCache(folder: Self.cacheFolder(project)).modelDocumentHashes(root: project.root).hashes.isEmpty)
        }
        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had rain, and Corvel snow.\n")
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        // The build filed every hash again.
        #expect(BuildCache(folder: Self.cacheFolder(project)).modelDocumentHashes(root: project.root).hashes.count == 6)
    }
}
