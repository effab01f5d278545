import Foundation
import Testing
@testable import DossierCore

/// A cached build leaves the text of every document it takes from the link memo in
/// the entry file (`CachedText`): a snippet, a search passage or an export that
/// quotes it reads it from there, checked against its checksum, and an entry whose
/// text no longer reads back gives way to the document linked again, never to other
/// bytes. Every build here ends in a byte comparison with a clean build.
@Suite struct CachedTextOnDemandTests {
    /// Aldoria is mentioned in three briefings, so that its page quotes the text of
    /// documents other than the one edited; each text has a phrase of its own.
    static let projectText = """
    -- dossier.yml --
    title: Texts on demand
    base_url: https://dossier.test/
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
    aliases: []
    ---
    A state on the northern coast.
    -- content/actors/brevia.md --
    ---
    title: Brevia
    kind: state
    ---
    Another state.
    -- content/briefings/harbour.md --
    ---
    title: Harbour
    date: 2025-01-02
    ---
    Aldoria opened the Northern Harbour to grain ships.

    ## Dredging

    The dredgers of Aldoria worked through the winter, said Brevia.
    -- content/briefings/talks.md --
    ---
    title: Talks
    date: 2025-01-03
    ---
    Brevia and [the old kingdom](@aldoria) talked about fishing quotas.
    -- content/briefings/weather.md --
    ---
    title: Weather
    date: 2025-01-04
    ---
    Brevia had rain, and the Kingdom of the Marshes had none; Aldoria had hail.
    -- content/pages/about.md --
    ---
    title: About
    ---
    This desk follows Aldoria closely.
    """

    /// The model's documents other than `edited`, taken from the cache.
    static func cachedDocuments(_ report: BuildReport, except edited: Set<String> = []) throws -> [LinkedDocument] {
        let model = try #require(report.model)
        return (model.briefings.map(\.linked) + model.pages.map(\.linked) + model.actors.map(\.profile))
            .filter { !edited.contains($0.id.slug) }
    }

    /// Where the text of the entry file at `entry` starts: after the 8-byte length of
    /// the light part, the light part and its 8-byte checksum (`LinkedEntryFile`).
    static func textStart(_ entry: URL) throws -> Int {
        let bytes = [UInt8](try Data(contentsOf: entry))
        let light = bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        return 8 + light + 8
    }

    /// The entry of the one document whose text holds `phrase`, found in the text part.
    static func entryFile(textHolding phrase: String, in project: TestProject) throws -> URL {
        let holding = try LazyLinkMemoTests.entryFiles(project).filter { file in
            let bytes = try Data(contentsOf: file)
            let start = try textStart(file)
            return bytes[start...].range(of: Data(phrase.utf8)) != nil
        }
        try #require(holding.count == 1)
        return holding[0]
    }

    @Test func aCachedBuildWithNothingChangedLeavesEveryTextInItsEntry() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let first = project.cachedBuild()
        #expect(first.succeeded)
        #expect(try Self.cachedDocuments(first).allSatisfy { !$0.isTextInCacheEntry })

        let second = project.cachedBuild()
        #expect(second.succeeded)
        let cached = try Self.cachedDocuments(second)
        #expect(cached.count == 6 && cached.allSatisfy(\.isTextInCacheEntry))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func afterABodyEditThePagesAndExportsQuoteTheOtherTextsFromTheirEntries() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try project.write("content/briefings/talks.md",
                          "---\ntitle: Talks\ndate: 2025-01-03\n---\nBrevia and [the old kingdom](@aldoria) talked about whaling.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(try Self.cachedDocuments(report, except: ["talks"]).allSatisfy(\.isTextInCacheEntry))
        // Aldoria's page is made again for the edit, with the other briefings' snippets.
        #expect(report.changedPaths.contains("actors/aldoria/index.html"))
        let page = try project.read("actors/aldoria/index.html")
        #expect(page.contains("talked about whaling") && page.contains("Northern Harbour to grain ships") && page.contains("had hail"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func afterAnAliasIsAddedTheUnaffectedDocumentsKeepTheirTextInTheirEntries() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let actor = try String(contentsOf: project.root.appendingPathComponent("content/actors/aldoria.md"), encoding: .utf8)
        try project.write("content/actors/aldoria.md", actor.replacingOccurrences(of: "aliases: []", with: "aliases: [Kingdom of the Marshes]"))
        let report = project.cachedBuild()
        #expect(report.succeeded)
        // Only the weather briefing holds the new name; harbour and the about page
        // were found unaffected by reading their texts from their entries.
        let model = try #require(report.model)
        let harbour = try #require(model.briefings.first { $0.linked.id.slug == "harbour" })
        #expect(harbour.linked.isTextInCacheEntry)
        #expect(try project.read("actors/aldoria/index.html").contains("Kingdom of the Marshes"))
        #expect(try project.differenceFromCleanBuild() == nil)

        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func anEntryWhoseTextWasDamagedIsLinkedAgainWhenQuotedAndThenStoredWhole() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let entry = try Self.entryFile(textHolding: "Northern Harbour", in: project)
        let whole = try Data(contentsOf: entry)
        var bytes = [UInt8](whole)
        // "Aldoria opened…" becomes "Aleoria opened…": the same length, still UTF-8.
        let start = try Self.textStart(entry)
        #expect(bytes[start + 2] == UInt8(ascii: "d"))
        bytes[start + 2] = UInt8(ascii: "e")
        try Data(bytes).write(to: entry)

        // Aldoria's page, made again, quotes the damaged text.
        try project.write("content/briefings/talks.md",
                          "---\ntitle: Talks\ndate: 2025-01-03\n---\nBrevia and [the old kingdom](@aldoria) talked about whaling.\n")
        #expect(project.cachedBuild().succeeded)
        let page = try project.read("actors/aldoria/index.html")
        #expect(page.contains("opened the Northern Harbour") && !page.contains("Aleoria"))
        #expect(try project.differenceFromCleanBuild() == nil)
        // Found damaged when quoted, and removed: the next build stores it whole again.
        #expect(!FileManager.default.fileExists(atPath: entry.path))
        #expect(project.cachedBuild().succeeded)
        #expect(try Data(contentsOf: entry) == whole)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func anEntryTruncatedInItsTextIsAMissAndItsDocumentIsLinkedAgain() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let entry = try Self.entryFile(textHolding: "Northern Harbour", in: project)
        let whole = try Data(contentsOf: entry)
        try whole.prefix(try Self.textStart(entry) + 10).write(to: entry)

        try project.write("content/briefings/talks.md",
                          "---\ntitle: Talks\ndate: 2025-01-03\n---\nBrevia and [the old kingdom](@aldoria) talked about whaling.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        let model = try #require(report.model)
        let harbour = try #require(model.briefings.first { $0.linked.id.slug == "harbour" })
        #expect(!harbour.linked.isTextInCacheEntry)
        #expect(try project.differenceFromCleanBuild() == nil)
        // Its light part came from the shard's pack (`LinkedEntryPack`): the file was
        // found short when the text was quoted, removed, and is stored whole again next.
        #expect(!FileManager.default.fileExists(atPath: entry.path))
        #expect(project.cachedBuild().succeeded)
        #expect(try Data(contentsOf: entry) == whole)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func anEntryReadsBackTheSameWithItsTextReadNowOrWhenQuoted() throws {
        let folder = try makeTemporaryFolder("dossier-text-entry")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try SpilledTextTests().link()
        let file = LinkedEntryFile(key: "k1", namesKey: "n1", result: LinkResult(document: original, diagnostics: []))
        let path = folder.appendingPathComponent("k1").path
        try Data(file.bytes).write(to: URL(fileURLWithPath: path))

        let now = try #require(LinkedEntryFile.read(path: path, key: "k1", relink: nil)).result.document
        let relink: @Sendable () -> LinkedEntryFile.Relinked? = { nil }
        let deferred = try #require(LinkedEntryFile.read(path: path, key: "k1", relink: relink)).result.document
        #expect(!now.isTextInCacheEntry && deferred.isTextInCacheEntry)
        // One text object in the entry, for the document, its mentions and its passages.
        let texts = SpilledTextTests().quotedTexts(deferred)
        #expect(texts.count == SpilledTextTests().quotedTexts(original).count)
        #expect(texts.allSatisfy { $0 === texts[0] && $0.isInCacheEntry })
        let quoted = SpilledTextTests().everythingQuoted(original)
        #expect(SpilledTextTests().everythingQuoted(deferred) == quoted)
        #expect(SpilledTextTests().everythingQuoted(now) == quoted)
        #expect(deferred.text == original.text && deferred == original && now == original)
        // Quoting it read it without taking it into memory.
        #expect(deferred.isTextInCacheEntry)
    }

    @Test func aTextDamagedAfterItsEntryWasReadComesFromLinkingAgainOnlyIfItIsTheSameText() throws {
        let folder = try makeTemporaryFolder("dossier-text-entry")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try SpilledTextTests().link()
        let file = LinkedEntryFile(key: "k1", namesKey: "n1", result: LinkResult(document: original, diagnostics: []))
        let path = folder.appendingPathComponent("k1").path
        try Data(file.bytes).write(to: URL(fileURLWithPath: path))
        let originalText = original.text, originalHTML = original.html
        let relink: @Sendable () -> LinkedEntryFile.Relinked? = { (originalHTML, originalText) }
        let deferred = try #require(LinkedEntryFile.read(path: path, key: "k1", relink: relink)).result.document
        let quoted = SpilledTextTests().everythingQuoted(original)

        var bytes = file.bytes
        let start = try CachedTextOnDemandTests.textStart(URL(fileURLWithPath: path))
        bytes[start + 5] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(SpilledTextTests().everythingQuoted(deferred) == quoted)
        // Linked again once, then held in memory for every later reader.
        #expect(!deferred.isTextInCacheEntry)
        #expect(!FileManager.default.fileExists(atPath: path))

        let location = CachedText(path: path, offset: 0, length: originalText.utf8.count,
                                  checksum: LinkedEntryFile.checksum(Array(originalText.utf8)), relink: { (originalHTML, originalText + " ") })
        #expect(location.relinkedText() == nil)
        let same = CachedText(path: path, offset: 0, length: originalText.utf8.count,
                              checksum: LinkedEntryFile.checksum(Array(originalText.utf8)), relink: relink)
        #expect(same.relinkedText() == originalText)
    }

    @Test func aReleasingCachedBuildSpillsOnlyTheTextsItLinkedAndWritesTheSameFiles() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let cacheFolder = project.root.appendingPathComponent(".dossier/cache")
        let (first, _) = DocumentLifetimeTests.build(project.root, releasing: true, cache: BuildCache(folder: cacheFolder))
        #expect(try Self.cachedDocuments(first).allSatisfy(\.isTextSpilled))

        try project.write("content/briefings/talks.md",
                          "---\ntitle: Talks\ndate: 2025-01-03\n---\nBrevia and [the old kingdom](@aldoria) talked about whaling.\n")
        let (_, reference) = DocumentLifetimeTests.build(project.root, releasing: false)
        // A new process, as `dossier build` is: every other document comes from its entry.
        let (second, files) = DocumentLifetimeTests.build(project.root, releasing: true, cache: BuildCache(folder: cacheFolder))
        #expect(second.diagnostics.isEmpty)
        let documents = try Self.cachedDocuments(second)
        #expect(documents.filter(\.isTextSpilled).map(\.id.slug) == ["talks"])
        #expect(documents.filter(\.isTextInCacheEntry).count == documents.count - 1)
        #expect(files == reference)
    }

    @Test func memoryIsHandedBackOnlyWhenMostOfTheSiteWasLinkedInThisBuild() {
        #expect(FreedMemory.isWorthGivingBack(afterSpilling: 12_000, of: 12_000))
        #expect(FreedMemory.isWorthGivingBack(afterSpilling: 6_000, of: 12_000))
        #expect(!FreedMemory.isWorthGivingBack(afterSpilling: 1, of: 12_000))
        #expect(!FreedMemory.isWorthGivingBack(afterSpilling: 0, of: 0))
    }
}
