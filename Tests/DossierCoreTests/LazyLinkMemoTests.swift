import Foundation
import Testing
@testable import DossierCore

/// The link memo's entries read without their HTML (`LinkedEntryFile`, `CachedHTML`):
/// a page rendered again reads its document's HTML from the entry, and an entry that
/// no longer reads back whole gives the page of a fresh link, never another's bytes.
@Suite struct LazyLinkMemoTests {
    static func entryFiles(_ project: TestProject) throws -> [URL] {
        let linked = project.root.appendingPathComponent(".dossier/cache/v\(BuildCache.formatVersion)/linked")
        var files: [URL] = []
        for shard in try FileManager.default.contentsOfDirectory(atPath: linked.path) {
            let folder = linked.appendingPathComponent(shard)
            files += try FileManager.default.contentsOfDirectory(atPath: folder.path).map { folder.appendingPathComponent($0) }
        }
        return files
    }

    /// The entry of the one document whose text holds `phrase`.
    static func entryFile(holding phrase: String, in project: TestProject) throws -> URL {
        let holding = try entryFiles(project).filter { try Data(contentsOf: $0).range(of: Data(phrase.utf8)) != nil }
        try #require(holding.count == 1)
        return holding[0]
    }

    /// Every page is rendered again, so each reads its document's HTML from the memo.
    static func changeFooter(_ project: TestProject, revision: Int) throws {
        let theme = TestPaths.packageRoot.appendingPathComponent("Sources/DossierCore/Resources/theme/templates/partials/footer.mustache")
        let original = try String(contentsOf: theme, encoding: .utf8)
        try project.write("templates/partials/footer.mustache", original + "<!-- revision \(revision) -->\n")
    }

    @Test func aPageRenderedAgainShowsTheHTMLItsEntryKeptApart() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try Self.changeFooter(project, revision: 1)
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(report.loadCounts.parsed == 0)
        #expect(try project.read("briefings/harbour/index.html").contains("Northern Harbour"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func anEntryWhoseHTMLChangedOnDiskIsLinkedAgainNotShown() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let entry = try Self.entryFile(holding: "Northern Harbour", in: project)
        var bytes = [UInt8](try Data(contentsOf: entry))
        // The HTML is last: change its last occurrence of the name, keeping the length.
        let name = Array("Harbour".utf8)
        let start = try #require((0...(bytes.count - name.count)).last { Array(bytes[$0..<$0 + name.count]) == name })
        bytes[start + name.count - 1] = UInt8(ascii: "s")
        try Data(bytes).write(to: entry)

        try Self.changeFooter(project, revision: 1)
        #expect(project.cachedBuild().succeeded)
        let page = try project.read("briefings/harbour/index.html")
        #expect(page.contains("Northern Harbour"))
        #expect(!page.contains("Northern Harbous"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aTruncatedEntryIsAMissAndItsDocumentIsLinkedAgain() throws {
        let project = try TestProject(BuildCacheTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let entry = try Self.entryFile(holding: "Northern Harbour", in: project)
        let whole = try Data(contentsOf: entry)
        try whole.prefix(whole.count - 5).write(to: entry)

        try Self.changeFooter(project, revision: 1)
        #expect(project.cachedBuild().succeeded)
        #expect(try project.read("briefings/harbour/index.html").contains("Northern Harbour"))
        #expect(try project.differenceFromCleanBuild() == nil)
        // Its light part came from the shard's pack (`LinkedEntryPack`), so the file was
        // found short only when the page read its HTML: removed then, linked again and
        // stored whole by the next build.
        #expect(!FileManager.default.fileExists(atPath: entry.path))
        #expect(project.cachedBuild().succeeded)
        #expect(try Data(contentsOf: Self.entryFile(holding: "Northern Harbour", in: project)) == whole)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func anEntryReadsBackTheSameWithItsHTMLReadNowOrLater() throws {
        let folder = try makeTemporaryFolder("dossier-entry")
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = LinkedDocument(
            id: DocumentID(.briefing, "harbour"), html: "<p>Aldoria opened the <em>Northern Harbour</em>.</p>\n", tableOfContents: [],
            mentions: [], plainText: "Aldoria opened the Northern Harbour.", wordCount: 5)
        let file = LinkedEntryFile(key: "k1", namesKey: "n1", result: LinkResult(document: document, diagnostics: []))
        let path = folder.appendingPathComponent("k1").path
        try Data(file.bytes).write(to: URL(fileURLWithPath: path))

        let whole = try #require(LinkedEntryFile.read(path: path, key: "k1", relink: nil))
        let relink: @Sendable () -> LinkedEntryFile.Relinked? = { ("relinked", "Aldoria opened the Northern Harbour.") }
        let read = LinkedEntryFile.read(path: path, key: "k1", relink: relink)
        let deferred = try #require(read)
        #expect(whole.result.document == document)
        #expect(deferred.result.document == document)
        #expect(deferred.linkedForm == file.linkedForm && whole.linkedForm == file.linkedForm)
        #expect(deferred.namesKey == "n1")
        #expect(LinkedEntryFile.read(path: path, key: "another key", relink: nil)?.linkedForm == nil)

        // Changed after it was read: the HTML comes from linking again.
        var bytes = file.bytes
        bytes[bytes.count - 3] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(deferred.result.document.html == "relinked")
        #expect(LinkedEntryFile.read(path: path, key: "k1", relink: nil)?.linkedForm == nil)
    }
}
