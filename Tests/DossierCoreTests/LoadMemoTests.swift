import Foundation
import Testing
@testable import DossierCore

/// The load memo (`LoadMemo`): an unchanged file is neither read nor parsed, a file
/// read again with the same text is not parsed, and no edit is ever missed — not one
/// with its modification time restored, nor one made within a timestamp's tick.
@Suite struct LoadMemoTests {
    static let projectText = """
    -- dossier.yml --
    title: Load memo test
    base_url: https://dossier.test/
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
    aliases: [Old Kingdom]
    relations:
      - type: rival
        target: brevia
        since: 2020-03
    params:
      colour: [green, {shade: 0.5}, null, 3, true]
    ---
    A state.
    -- content/actors/brevia.md --
    ---
    title: Brevia
    kind: state
    language: fr-CA
    ---
    Another state.
    -- content/briefings/harbour.md --
    ---
    title: Harbour
    date: 2025-01-02T10:30:00+02:00
    actors: [aldoria]
    tags: [ports]
    sources:
      - id: log
        title: Harbour log
        url: https://example.org/log
        date: 2025-01
    events:
      - date: 2025-01-01
        title: The harbour opened
        actors: [aldoria]
    ---
    Aldoria opened the Northern Harbour.[^log]
    -- content/briefings/weather.md --
    ---
    title: Weather
    date: 2025-01-04
    ---
    Brevia had rain.
    -- content/pages/about.md --
    No front matter here.
    """

    /// A clock far enough ahead that every file just written counts as settled: a
    /// minute after each use, not after the first, which a busy machine's whole suite outlasts.
    static var later: Int64 { FileIdentity.now() + 60_000_000_000 }

    static func cache(_ project: TestProject) -> BuildCache {
        BuildCache(folder: project.root.appendingPathComponent(".dossier/cache"))
    }

    /// Sets the file's modification time, as `touch -d` does.
    static func setModified(_ url: URL, seconds: Int, nanoseconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds)]
        _ = utimensat(AT_FDCWD, url.path, &times, 0)
    }

    @Test func whatTheMemoGivesBackEqualsWhatLoadingTheFilesGives() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let first = LoadMemo.load(root: project.root, drafts: false, cache: Self.cache(project), readStart: Self.later)
        #expect(first.loadCounts == LoadCounts(parsed: 5, readUnchanged: 0, unread: 0))
        let memoized = LoadMemo.load(root: project.root, drafts: false, cache: Self.cache(project), readStart: Self.later)
        #expect(memoized.loadCounts == LoadCounts(parsed: 0, readUnchanged: 0, unread: 5))

        let fresh = ProjectLoader.load(root: project.root)
        // Equality compares every field, the bodies' text included: the deferred bodies are read here.
        #expect(memoized.briefings == fresh.briefings)
        #expect(memoized.actors == fresh.actors)
        #expect(memoized.pages == fresh.pages)
        #expect(memoized.diagnostics == fresh.diagnostics)
        #expect(memoized.sourceFingerprints == fresh.sourceFingerprints)
        #expect(memoized.markdownPaths == fresh.markdownPaths)
        #expect(memoized.briefings.first { $0.slug == "harbour" }?.body.text == "Aldoria opened the Northern Harbour.[^log]\n")
    }

    @Test func theExampleProjectComesBackFromTheMemoUnchanged() throws {
        let cacheFolder = try makeTemporaryFolder("dossier-load-memo")
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let root = TestPaths.packageRoot
        _ = LoadMemo.load(root: root, drafts: true, cache: BuildCache(folder: cacheFolder), readStart: Self.later)
        let memoized = LoadMemo.load(root: root, drafts: true, cache: BuildCache(folder: cacheFolder), readStart: Self.later)
        let fresh = ProjectLoader.load(root: root, drafts: true)
        #expect(memoized.loadCounts.unread == fresh.markdownPaths.count)
        #expect(memoized.briefings == fresh.briefings)
        #expect(memoized.actors == fresh.actors)
        #expect(memoized.pages == fresh.pages)
        #expect(memoized.diagnostics == fresh.diagnostics)
    }

    @Test func aFileEditedWithItsModificationTimeRestoredIsStillSeen() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let path = "content/briefings/weather.md"
        let url = project.root.appendingPathComponent(path)
        var status = stat()
        #expect(stat(url.path, &status) == 0)
        _ = LoadMemo.load(root: project.root, drafts: false, cache: Self.cache(project), readStart: Self.later)
        // Past the coarse clock's tick, so the edit gets another change time.
        Thread.sleep(forTimeInterval: 0.05)
        // Same size, and the old modification time put back.
        try project.write(path, "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had snow.\n")
        Self.setModified(url, seconds: status.st_mtim.tv_sec, nanoseconds: status.st_mtim.tv_nsec)

        let loaded = LoadMemo.load(root: project.root, drafts: false, cache: Self.cache(project), readStart: Self.later)
        #expect(loaded.loadCounts == LoadCounts(parsed: 1, readUnchanged: 0, unread: 4))
        #expect(loaded.briefings.first { $0.slug == "weather" }?.body.text == "Brevia had snow.\n")
    }

    @Test func aFileChangedSoonAfterItWasReadIsComparedByContentNextTime() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let path = "content/briefings/weather.md"
        let url = project.root.appendingPathComponent(path)
        // The real clock: every file was written just now, so none is settled.
        _ = LoadMemo.load(root: project.root, drafts: false, cache: Self.cache(project))
        var status = stat()
        #expect(stat(url.path, &status) == 0)
        // An edit within the same tick can leave every field of `stat` as it was; the
        // memo must not rely on them for a file that recent.
        try project.write(path, "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had hail.\n")
        Self.setModified(url, seconds: status.st_mtim.tv_sec, nanoseconds: status.st_mtim.tv_nsec)

        let loaded = LoadMemo.load(root: project.root, drafts: false, cache: Self.cache(project))
        #expect(loaded.loadCounts.unread == 0)
        #expect(loaded.loadCounts.parsed == 1)
        #expect(loaded.loadCounts.readUnchanged == 4)
        #expect(loaded.briefings.first { $0.slug == "weather" }?.body.text == "Brevia had hail.\n")
    }

    @Test func aTouchedButUnchangedFileIsReadButNotParsed() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let url = project.root.appendingPathComponent("content/actors/brevia.md")
        _ = LoadMemo.load(root: project.root, drafts: false, cache: Self.cache(project), readStart: Self.later)
        Self.setModified(url, seconds: 1_600_000_000, nanoseconds: 0)

        let loaded = LoadMemo.load(root: project.root, drafts: false, cache: Self.cache(project), readStart: Self.later)
        #expect(loaded.loadCounts == LoadCounts(parsed: 0, readUnchanged: 1, unread: 4))
        #expect(loaded.actors.first { $0.slug == "brevia" }?.language?.tag == "fr-CA")
    }

    @Test func aFileThatBecameUnreadableOrWasRemovedIsNotTakenFromTheMemo() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = LoadMemo.load(root: project.root, drafts: false, cache: Self.cache(project), readStart: Self.later)
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/briefings/weather.md"))
        try project.write("content/briefings/harbour.md", Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0x0A]))

        let loaded = LoadMemo.load(root: project.root, drafts: false, cache: Self.cache(project), readStart: Self.later)
        #expect(loaded.briefings.isEmpty)
        #expect(loaded.diagnostics.contains { $0.location.path == "content/briefings/harbour.md" && $0.message.contains("UTF-8") })
        #expect(!loaded.markdownPaths.contains("content/briefings/weather.md"))
    }

    @Test func aMemoOfAnotherFormatVersionIsIgnored() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = LoadMemo.load(root: project.root, drafts: false, cache: Self.cache(project), readStart: Self.later)
        let folder = project.root.appendingPathComponent(".dossier/cache/v\(BuildCache.formatVersion)/loaded")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { !$0.hasPrefix(".") })
        let file = folder.appendingPathComponent(name)
        var bytes = [UInt8](try Data(contentsOf: file))
        // The header: the magic string (length, bytes), then the version as a zigzag varint.
        let versionAt = 1 + BuildCache.magic.utf8.count
        #expect(bytes[versionAt] == UInt8(BuildCache.formatVersion * 2))
        bytes[versionAt] = UInt8((BuildCache.formatVersion - 1) * 2)
        // A valid checksum, so that only the version makes it a miss.
        bytes.removeLast(8)
        var hasher = StableHasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        var sum = hasher.checksum()
        for _ in 0..<8 {
            bytes.append(UInt8(sum & 0xFF))
            sum >>= 8
        }
        try Data(bytes).write(to: file)

        let loaded = LoadMemo.load(root: project.root, drafts: false, cache: Self.cache(project), readStart: Self.later)
        #expect(loaded.loadCounts == LoadCounts(parsed: 5, readUnchanged: 0, unread: 0))
        #expect(loaded.briefings.count == 2)
    }

    @Test func aDeferredBodyWhoseFileChangedSinceTheLoadIsReportedNotLinked() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = LoadMemo.load(root: project.root, drafts: false, cache: Self.cache(project), readStart: Self.later)
        let loaded = LoadMemo.load(root: project.root, drafts: false, cache: Self.cache(project), readStart: Self.later)
        #expect(loaded.loadCounts.unread == 5)
        // Changed between the load stage and the link stage.
        try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had fog.\n")

        let (index, _) = EntityIndexer.build(loaded)
        let (documents, diagnostics) = ProjectLinker.linkAll(loaded, index: index, settings: LinkSettings(mode: .first, urlStyle: .disk))
        #expect(diagnostics.contains { $0.severity == .error && $0.location.path == "content/briefings/weather.md" && $0.message.contains("changed") })
        #expect(documents[DocumentID(.briefing, "weather")]?.mentions.isEmpty == true)
        #expect(documents[DocumentID(.briefing, "harbour")]?.mentions.isEmpty == false)
    }

    @Test func aDocumentLinkedAgainReadsItsBodyFromItsFileAndMatchesACleanBuild() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        // Past the settling margin, with the real clock: the next builds take the files from the memo unread.
        Thread.sleep(forTimeInterval: 2.2)
        #expect(project.cachedBuild().succeeded)
        #expect(project.cachedBuild().loadCounts == LoadCounts(parsed: 0, readUnchanged: 0, unread: 5))

        // A new alias found in harbour.md: its body, not read by the load stage, is linked again.
        try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\nlanguage: fr-CA\naliases: [Northern Harbour]\n---\nAnother state.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(report.loadCounts == LoadCounts(parsed: 1, readUnchanged: 0, unread: 4))
        #expect(try project.read("briefings/harbour/index.html").contains("actors/brevia/"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}
