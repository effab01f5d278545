import Foundation
import Testing
@testable import DossierCore

/// A cached build's model made from the link memo's summaries, with each document's
/// mentions decoded only when a page or export reads them (`MentionList`,
/// `ActorMentionGroups`, `SiteMentionList`): after every kind of edit that reaches the
/// mention lists, the site equals a clean build's byte for byte, and the documents
/// no rendered page reads are left undecoded.
@Suite struct LazyModelIncrementalTests {
    /// Small pages, so that actors' "Mentioned in" spans several pages and the pager's
    /// weights (read from the summaries) decide where each page ends.
    static let projectText = """
    -- dossier.yml --
    title: Lazy model test
    base_url: https://dossier.test/
    paginate_by: 2
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
    aliases: [Aldorian Republic]
    ---
    A state that trades with Brevia.
    -- content/actors/brevia.md --
    ---
    title: Brevia
    kind: state
    aliases: []
    ---
    Another state, north of Aldoria.
    -- content/actors/coastal-league.md --
    ---
    title: Coastal League
    kind: organization
    aliases: []
    ---
    Aldoria and Brevia are members.
    -- content/briefings/harbour.md --
    ---
    title: Harbour
    date: 2025-01-02
    actors: [aldoria]
    ---
    Aldoria opened the Northern Harbour. The Coastal League sent ships.

    Aldoria paid for it, and Brevia watched.
    -- content/briefings/talks.md --
    ---
    title: Talks
    date: 2025-01-03
    ---
    Brevia and [the old kingdom](@aldoria) talked.

    - Aldoria listened.
    - Brevia spoke. Aldoria left.
    -- content/briefings/weather.md --
    ---
    title: Weather
    date: 2025-01-04
    ---
    Brevia had rain. The Aldorian Republic had sun.
    -- content/briefings/trade.md --
    ---
    title: Trade
    date: 2025-01-05
    ---
    The Coastal League met. Aldoria and Brevia signed.
    -- content/pages/about.md --
    ---
    title: About
    ---
    About Aldoria.
    """

    /// One edit after a first cached build, then the comparison with a clean build.
    static func expectSameAsCleanAfter(_ edit: (TestProject) throws -> Void) throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try edit(project)
        let report = project.cachedBuild()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(try project.differenceFromCleanBuild() == nil)
        // A third build, with nothing changed, reads everything from the memos.
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    static func delete(_ path: String, in project: TestProject) throws {
        try FileManager.default.removeItem(at: project.root.appendingPathComponent(path))
    }

    @Test func aBriefingAddedGivesTheCleanBuildsSite() throws {
        try Self.expectSameAsCleanAfter { project in
            try project.write("content/briefings/fleet.md", "---\ntitle: Fleet\ndate: 2025-01-06\n---\nBrevia sent a fleet to Aldoria.\n")
        }
    }

    @Test func aBriefingRemovedGivesTheCleanBuildsSite() throws {
        try Self.expectSameAsCleanAfter { project in try Self.delete("content/briefings/talks.md", in: project) }
    }

    @Test func aBriefingRenamedGivesTheCleanBuildsSite() throws {
        try Self.expectSameAsCleanAfter { project in
            let old = project.root.appendingPathComponent("content/briefings/harbour.md")
            try FileManager.default.moveItem(at: old, to: project.root.appendingPathComponent("content/briefings/port.md"))
        }
    }

    @Test func aMentionAddedGivesTheCleanBuildsSite() throws {
        try Self.expectSameAsCleanAfter { project in
            try project.write("content/briefings/weather.md", "---\ntitle: Weather\ndate: 2025-01-04\n---\nBrevia had rain. The Coastal League had sun.\n")
        }
    }

    @Test func aMentionRemovedGivesTheCleanBuildsSite() throws {
        try Self.expectSameAsCleanAfter { project in
            try project.write("content/briefings/trade.md", "---\ntitle: Trade\ndate: 2025-01-05\n---\nThe Coastal League met. Brevia signed.\n")
        }
    }

    @Test func anActorRenamedGivesTheCleanBuildsSite() throws {
        try Self.expectSameAsCleanAfter { project in
            try project.write("content/actors/brevia.md", "---\ntitle: Brevian Federation\nkind: state\naliases: [Brevia]\n---\nAnother state.\n")
        }
    }

    @Test func anActorDeletedGivesTheCleanBuildsSite() throws {
        try Self.expectSameAsCleanAfter { project in try Self.delete("content/actors/coastal-league.md", in: project) }
    }

    @Test func anAliasAddedGivesTheCleanBuildsSite() throws {
        try Self.expectSameAsCleanAfter { project in
            try project.write("content/actors/brevia.md", "---\ntitle: Brevia\nkind: state\naliases: [Northern Harbour]\n---\nAnother state, north of Aldoria.\n")
        }
    }

    @Test func aCachedBuildWithNothingChangedDecodesNoMentions() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let report = project.cachedBuild()
        #expect(report.succeeded)
        let model = try #require(report.model)
        let documents = model.briefings.map(\.linked) + model.actors.map(\.profile) + model.pages.map(\.linked)
        #expect(documents.filter { $0.mentionCount > 0 }.count == 8)
        #expect(documents.filter(\.mentionList.isDecoded).map(\.id) == [])
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aCorruptedLinkEntryIsLinkedAgainAndTheSiteEqualsACleanBuild() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        // Flip a byte in the middle of the briefing's entry's light part (its mentions and
        // passages, before its text and HTML).
        let entry = try LazyLinkMemoTests.entryFile(holding: "Aldoria paid for it", in: project)
        var bytes = [UInt8](try Data(contentsOf: entry))
        let middle = 8 + (try CachedTextOnDemandTests.textStart(entry) - 16) / 2
        bytes[middle] ^= 0x01
        try Data(bytes).write(to: entry)
        try LazyLinkMemoTests.changeFooter(project, revision: 1)
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)

        // Truncated inside the mentions: a miss too.
        let truncated = try LazyLinkMemoTests.entryFile(holding: "Aldoria paid for it", in: project)
        let whole = try Data(contentsOf: truncated)
        try whole.prefix(middle).write(to: truncated)
        try LazyLinkMemoTests.changeFooter(project, revision: 2)
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    @Test func aMentionBlockThatDoesNotDecodeMakesTheEntryAMissNotALaterFailure() throws {
        let (project, _, _, fresh, _) = try LazyModelGroupsTests.linkedProject()
        defer { project.remove() }
        let document = try #require(fresh[DocumentID(.briefing, "harbour")])
        var encoder = CacheEncoder()
        encoder.linkResult(LinkResult(document: document, diagnostics: []))
        var good = CacheDecoder(encoder.bytes)
        #expect(try good.linkResult().document.mentions == document.mentions)
        // Every single-byte change the checksum would catch, read without it: each is
        // either refused now or reads back mentions that decode.
        var refused = 0
        for position in encoder.bytes.indices {
            var bytes = encoder.bytes
            bytes[position] ^= 0x40
            var decoder = CacheDecoder(bytes)
            guard let read = try? decoder.linkResult() else {
                refused += 1
                continue
            }
            _ = read.document.mentions
        }
        #expect(refused > 0)
    }
}
