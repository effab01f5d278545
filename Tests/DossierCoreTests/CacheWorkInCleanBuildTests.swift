import Foundation
import Testing
@testable import DossierCore

/// What a clean build spends on the cache, cut without changing what the cache holds
/// or what a cached build reuses: compact mentions are written into their entry from
/// their places (`CompactMentionEncoding`), and a page is keyed by its bytes
/// (`RenderKey.key(page:)`), not by a walk of its context.
@Suite struct CacheWorkInCleanBuildTests {
    static func entryBytes(_ document: LinkedDocument) -> [UInt8] {
        var encoder = CacheEncoder()
        encoder.linkResult(LinkResult(document: document, diagnostics: []), includingHTML: false, includingText: false)
        return encoder.bytes
    }

    /// The same document with every mention held wide, which the general encoder writes.
    static func widened(_ document: LinkedDocument) -> LinkedDocument {
        var wide = document
        wide.mentions = document.mentions.map { Mention(storage: .wide(WideMention($0.storage.fields))) }
        return wide
    }

    static func origin(of document: LinkedDocument) -> MentionOrigin? {
        MentionOrigin.common(to: document.mentions)
    }

    @Test func aLinkedDocumentsCompactMentionsAreWrittenAsTheirWideFormsAre() throws {
        let document = try CompactMentionTests().link("""
        ## Summit

        Iran joined the Shanghai Cooperation Organisation. The SCO welcomed Iran and 𐌰𐌹𐌸𐍉, and [Tehran](@iran) agreed.

        - Iran again, with Iran and Iran once more.

        ## Later talks

        The SCO met. 𐌰𐌹𐌸𐍉 did not.
        """)
        #expect(Self.origin(of: document) != nil)
        #expect(document.mentions.count >= 8)
        #expect(document.mentions.contains { !$0.otherMatches.isEmpty })
        #expect(document.mentions.contains { $0.section != nil })
        let wide = Self.widened(document)
        #expect(Self.origin(of: wide) == nil)
        #expect(Self.entryBytes(document) == Self.entryBytes(wide))
        var whole = CacheEncoder(), wholeWide = CacheEncoder()
        whole.linkResult(LinkResult(document: document, diagnostics: []))
        wholeWide.linkResult(LinkResult(document: wide, diagnostics: []))
        #expect(whole.bytes == wholeWide.bytes)
    }

    /// Snippets quoting a string of their own, mentions without an anchor or with a
    /// section, an actor slug that is also the document's slug: the table's positions
    /// are asked for in the same order, so the strings and the bytes are the same.
    @Test func sharedMentionsWithTheirOwnSnippetsAndNoAnchorsAreWrittenAsTheirWideFormsAre() throws {
        var document = try CompactMentionTests().link("Iran met the SCO.")
        let id = document.id
        let mentions = [
            Mention(actor: "sco", document: id, anchor: nil, text: "SCO", snippet: "The SCO alone", linked: true, explicit: true,
                    snippetMatch: 4..<7, otherMatches: [0..<3, 8..<11], section: "Talks"),
            Mention(actor: id.slug, document: id, anchor: "p-1", text: "B", snippet: "B and Iran", linked: false, explicit: false,
                    snippetMatch: 0..<1, otherMatches: [], section: nil),
            Mention(actor: "iran", document: id, anchor: "p-1", text: "Iran", snippet: document.text, linked: true, explicit: false,
                    snippetMatch: 0..<4, otherMatches: [], section: "Talks"),
        ]
        document.mentions = MentionSharing.share(mentions, text: document.text)
        #expect(Self.origin(of: document) != nil)
        #expect(Self.entryBytes(document) == Self.entryBytes(Self.widened(document)))
    }

    /// A document whose text was replaced after linking: its mentions still quote the
    /// text they were found in, which the entry then writes out, as before.
    @Test func mentionsQuotingAnotherTextThanTheDocumentsWriteThatText() throws {
        var document = try CompactMentionTests().link("Iran met the SCO. Iran left.")
        document.text = document.text + " Added."
        #expect(Self.origin(of: document) != nil)
        let bytes = Self.entryBytes(document)
        #expect(bytes == Self.entryBytes(Self.widened(document)))
        var whole = CacheEncoder()
        whole.linkResult(LinkResult(document: document, diagnostics: []))
        var decoder = CacheDecoder(whole.bytes)
        let decoded = try decoder.linkResult().document
        #expect(decoded.mentions.map(\.snippet) == document.mentions.map(\.snippet))
    }

    // MARK: Name filters

    /// ASCII read through the tables, beside other scripts, transparent scalars, line
    /// breaks, tabs and capitals: the filter is the one the decoded string gives.
    @Test func theNameFilterOfMixedTextIsTheOneTheDecodedStringGives() {
        let pieces = ["Iran", " ", "TEHRAN\n", "\t", "ایران\u{200C}ها", "é", "ي", "\u{0640}", "Oman.", "𐌰𐌹𐌸𐍉", "’s", "x", "\r\n", "Z"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            let signature = bytes.withUnsafeBufferPointer { NameSignature.of(text: $0) }
            #expect(signature == LinkDecodingTests.referenceSignature(bytes), "\(text)")
        }
        // Every pair of ASCII bytes alone, so that each pair's slot is seen apart.
        var differing = 0
        for first in UInt8(0)..<128 {
            for second in UInt8(0)..<128 {
                let bytes = [first, second]
                if bytes.withUnsafeBufferPointer({ NameSignature.of(text: $0) }) != LinkDecodingTests.referenceSignature(bytes) { differing += 1 }
            }
        }
        #expect(differing == 0)
    }

    // MARK: Pages keyed by their bytes

    @Test func aPagesKeyFollowsEveryByteOfIt() {
        let page = Data((0..<300).map { UInt8(truncatingIfNeeded: $0 * 7) })
        #expect(RenderKey.key(page: page) == RenderKey.key(page: Data(page)))
        var keys: Set<String> = [RenderKey.key(page: page), RenderKey.key(page: Data())]
        for index in [0, 1, 31, 32, 150, 299] {
            var changed = page
            changed[index] ^= 1
            keys.insert(RenderKey.key(page: changed))
        }
        #expect(keys.count == 8)
        #expect(RenderKey.key(page: page.prefix(299)) != RenderKey.key(page: page))
    }

    static let projectText = """
    -- dossier.yml --
    title: Page key test
    base_url: https://dossier.test/
    -- content/actors/aldoria.md --
    ---
    title: Aldoria
    kind: state
    ---
    A state.
    -- content/briefings/first.md --
    ---
    title: First
    date: 2025-01-02
    ---
    Aldoria voted.
    -- content/briefings/second.md --
    ---
    title: Second
    date: 2025-01-03
    ---
    Aldoria abstained.
    -- templates/briefing.mustache --
    {{<layout}}{{$content}}<h1>{{title}}</h1>{{/content}}{{/layout}}
    """

    /// A briefing page that does not show its body: an edit of the body changes the
    /// page's inputs and context, not its bytes. The page is rendered again and keeps
    /// the previous file; the manifest records the hash of the bytes it holds.
    @Test func aPageRenderedAgainToTheSameBytesKeepsThePreviousFile() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        _ = RenderMemoTests.cachedBuild(project)
        let page = "briefings/second/index.html"
        let file = project.output.appendingPathComponent(page)
        func recordedKey() -> String? {
            BuildCache(folder: BuildCache.defaultFolder(projectRoot: project.root)).renderManifest(for: project.output)
                .previousEntry(page, previousFile: file.path)?.key
        }
        let before = try Data(contentsOf: file)
        #expect(recordedKey() == RenderKey.key(page: before))
        let inode = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int)
        try project.write("content/briefings/second.md", "---\ntitle: Second\ndate: 2025-01-03\n---\nAldoria abstained twice.\n")
        let report = RenderMemoTests.cachedBuild(project)
        #expect(report.succeeded)
        #expect(!report.reusedRenders.contains(page))
        #expect(!report.changedPaths.contains(page))
        #expect(try Data(contentsOf: file) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int == inode)
        #expect(recordedKey() == RenderKey.key(page: before))
        try project.write("content/briefings/second.md", "---\ntitle: Second, again\ndate: 2025-01-03\n---\nAldoria abstained twice.\n")
        let retitled = RenderMemoTests.cachedBuild(project)
        #expect(retitled.changedPaths.contains(page))
        let after = try Data(contentsOf: file)
        #expect(String(decoding: after, as: UTF8.self).contains("Second, again"))
        #expect(recordedKey() == RenderKey.key(page: after))
        let (clean, cleanOutput) = try RenderMemoTests.cleanBuild(project)
        defer { try? FileManager.default.removeItem(at: cleanOutput) }
        #expect(clean.succeeded)
        #expect(try SiteComparison.firstDifference(project.output, cleanOutput) == nil)
        RetiredOutputs.waitUntilRemoved()
    }
}
