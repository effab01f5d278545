import Foundation
import Testing
@testable import DossierCore

/// A document's fingerprint follows its linked form (the hash of its link result as
/// the cache encodes it), not the names or project it was linked under: a new alias
/// found in no text, or a new briefing naming no actor, leaves every other
/// document's fingerprint, and so the data files and pages keyed on them, as it was.
@Suite struct LinkedFormFingerprintTests {
    static let projectText = AggregateMemoTests.projectText
    static let aldoria = AggregateMemoTests.aldoria, brevia = AggregateMemoTests.brevia, csv = AggregateMemoTests.csv

    /// Each document's linked form as the build's parse-and-link stage gives it.
    static func linkedForms(_ project: TestProject, cache: BuildCache) -> [DocumentID: String] {
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let settings = LinkSettings(mode: loaded.config.linking.mode, urlStyle: loaded.config.urlStyle)
        return LinkMemo.linkAll(loaded, index: index, settings: settings, cache: cache, root: project.root).linkedForms
    }

    static func fingerprints(_ project: TestProject, cache: BuildCache) -> DocumentFingerprints {
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let settings = LinkSettings(mode: loaded.config.linking.mode, urlStyle: loaded.config.urlStyle)
        let linked = LinkMemo.linkAll(loaded, index: index, settings: settings, cache: cache, root: project.root).linkedForms
        return DocumentFingerprints(project: loaded, index: index, linked: linked, drafts: false, root: project.root)
    }

    static let first = DocumentID(.briefing, "first"), second = DocumentID(.briefing, "second")

    // MARK: The stage

    @Test func anAliasFoundInNoTextChangesTheFingerprintOfTheActorsFileOnly() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        let before = Self.fingerprints(project, cache: cache)
        try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\naliases: [Zeppelin Land]\n---\nAnother state.\n")
        // A new process, as in CI: the entries come from disk, under the old names.
        let after = Self.fingerprints(project, cache: BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root)))
        #expect(after(Self.first) != nil)
        #expect(after(Self.first) == before(Self.first))
        #expect(after(Self.second) == before(Self.second))
        #expect(after(DocumentID(.actor, "aldoria")) == before(DocumentID(.actor, "aldoria")))
        #expect(after(DocumentID(.actor, "brevia")) != before(DocumentID(.actor, "brevia")))
    }

    /// "The Old Kingdom" is in the second briefing only: that document is linked again
    /// with a new mention, the first is untouched.
    @Test func anAliasThatNewlyMatchesOneDocumentChangesThatDocumentsLinkedFormOnly() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        let before = Self.linkedForms(project, cache: cache)
        try project.write("content/actors/aldoria.md", "---\ntitle: Aldoria\nkind: state\naliases: [Old Kingdom]\n---\nA state.\n")
        let after = Self.linkedForms(project, cache: cache)
        #expect(after[Self.first] != nil)
        #expect(after[Self.first] == before[Self.first])
        #expect(after[Self.second] != before[Self.second])
        #expect(after[DocumentID(.actor, "brevia")] == before[DocumentID(.actor, "brevia")])
    }

    /// A new briefing changes the project key of every entry, so every document is
    /// linked again; those that come out the same keep their linked form.
    @Test func documentsLinkedAgainUnderANewProjectKeyKeepTheirLinkedForm() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let cache = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        let before = Self.linkedForms(project, cache: cache)
        try project.write("content/briefings/third.md", "---\ntitle: Third\ndate: 2025-01-04\n---\nNothing of note.\n")
        let after = Self.linkedForms(project, cache: cache)
        #expect(after.count == before.count + 1)
        for (document, form) in before { #expect(after[document] == form, "\(document)") }
    }

    @Test func anEntryReadFromDiskHasTheLinkedFormItWasStoredWith() throws {
        let folder = try makeTemporaryFolder("dossier-linked-form")
        defer { try? FileManager.default.removeItem(at: folder) }
        let mention = Mention(actor: "aldoria", document: DocumentID(.briefing, "x"), anchor: "p-1", text: "Aldoria", snippet: "Aldoria voted.",
                              linked: true, explicit: false, snippetMatch: 0..<7)
        let result = LinkResult(
            document: LinkedDocument(id: DocumentID(.briefing, "x"), html: "<p>Aldoria voted.</p>", tableOfContents: [], mentions: [mention],
                                     plainText: "Aldoria voted.", wordCount: 2),
            diagnostics: [])
        let stored = BuildCache(folder: folder).store("key", namesKey: "names", result: result)
        let inMemory = BuildCache(folder: nil).store("key", namesKey: "other names", result: result)
        let read = try #require(BuildCache(folder: folder).link("key"))
        #expect(read.linkedForm == stored.linkedForm)
        #expect(inMemory.linkedForm == stored.linkedForm)

        var unlinked = result
        unlinked.document.mentions[0].linked = false
        #expect(BuildCache(folder: nil).store("key", namesKey: "names", result: unlinked).linkedForm != stored.linkedForm)
    }

    // MARK: The build

    @Test func anAliasFoundInNoTextReusesEveryMentionsFileAndTheMentionsTable() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\naliases: [Zeppelin Land]\n---\nAnother state.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(report.reusedDataFiles.contains(Self.aldoria))
        #expect(report.reusedDataFiles.contains(Self.brevia))
        #expect(report.reusedDataFiles.contains(Self.csv))
        // Aliases are searched: the actor's part of the index is made again (documents
        // are numbered by title: Aldoria 0, Brevia 1), the other documents' parts are reused.
        #expect(!report.reusedDataFiles.contains("assets/search/documents/1.js"))
        #expect(report.reusedDataFiles.contains("assets/search/documents/0.js"))
        // The first briefing shows only Aldoria: its page is reused before its context is made.
        #expect(report.reusedRenders.contains("briefings/first/index.html"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func anAliasThatNewlyMatchesTextRemakesTheFilesOfThatDocumentsActorsOnly() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("content/actors/aldoria.md", "---\ntitle: Aldoria\nkind: state\naliases: [Old Kingdom]\n---\nA state.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(!report.reusedDataFiles.contains(Self.aldoria))
        #expect(!report.reusedDataFiles.contains(Self.csv))
        #expect(try project.read(Self.csv).contains("Old Kingdom"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// `serve` keeps one cache: after its alias edit, the entries on disk are still
    /// under the old names, whose table the cache no longer keeps, so the next
    /// `dossier build` links every document again. Those that come out the same keep
    /// their fingerprints, and the files that read only them are reused.
    @Test func documentsLinkedAgainAfterAServeSessionKeepTheirDataFiles() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        func build(_ cache: BuildCache) -> BuildReport {
            var options = BuildOptions(root: project.root)
            options.cache = cache
            let report = SiteBuilder.build(options)
            RetiredOutputs.waitUntilRemoved()
            return report
        }
        let serving = BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root))
        _ = build(serving)
        _ = build(serving)
        try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\naliases: [Zeppelin Land]\n---\nAnother state.\n")
        #expect(build(serving).succeeded)
        try project.write("content/briefings/second.md", "---\ntitle: Second\ndate: 2025-01-03\n---\nBrevia abstained twice.\n")
        let report = build(BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root)))
        #expect(report.succeeded)
        #expect(report.reusedDataFiles.contains(Self.aldoria))
        #expect(!report.reusedDataFiles.contains(Self.brevia))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aNewBriefingNamingNoActorReusesTheMentionsFiles() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("content/briefings/third.md", "---\ntitle: Third\ndate: 2025-01-04\n---\nNothing of note.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(Set([Self.aldoria, Self.brevia, Self.csv]).isSubset(of: Set(report.reusedDataFiles)))
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}
