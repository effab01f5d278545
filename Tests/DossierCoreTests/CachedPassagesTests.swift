import Foundation
import Testing
@testable import DossierCore

/// A document from the link memo keeps its search passages as the entry's bytes,
/// checked when the entry is read and decoded when the search index first reads them
/// (`PassageList`): a cached build that makes no part of the index again decodes none.
@Suite struct CachedPassagesTests {
    @Test func passagesReadFromAnEntryAreTheLinkersQuotingTheOneText() throws {
        let original = try SpilledTextTests().link()
        var encoder = CacheEncoder()
        encoder.linkResult(LinkResult(document: original, diagnostics: []))
        var decoder = CacheDecoder(encoder.bytes)
        let decoded = try decoder.linkResult().document
        #expect(!decoded.arePassagesDecoded)
        #expect(decoded.searchPassages == original.searchPassages)
        #expect(decoded.searchPassages.map(\.text) == original.searchPassages.map(\.text))
        #expect(decoded.searchPassages.map(\.anchor) == original.searchPassages.map(\.anchor))
        #expect(decoded.arePassagesDecoded)
        let texts = SpilledTextTests().quotedTexts(decoded)
        #expect(!texts.isEmpty && texts.allSatisfy { $0 === texts[0] })
    }

    @Test func aPassageBlockThatDoesNotDecodeMakesTheEntryAMissNotALaterFailure() throws {
        let document = try SpilledTextTests().link("Iran \u{301}and  Qatar met.\n\nIran   spoke  to Qatar.\n\n- Iran\n- Qatar\n")
        var encoder = CacheEncoder()
        encoder.linkResult(LinkResult(document: document, diagnostics: []))
        // Every single-byte change the checksum would catch, read without it: each is
        // either refused now or reads back passages that decode.
        var refused = 0
        for position in encoder.bytes.indices {
            var bytes = encoder.bytes
            bytes[position] ^= 0x40
            var decoder = CacheDecoder(bytes)
            guard let read = try? decoder.linkResult() else {
                refused += 1
                continue
            }
            _ = read.document.searchPassages.map(\.text)
        }
        #expect(refused > 0)
    }

    @Test func aCachedBuildDecodesOnlyThePassagesOfTheIndexPartsItMakesAgain() throws {
        let project = try TestProject(CachedTextOnDemandTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let unchanged = project.cachedBuild()
        #expect(unchanged.succeeded)
        let documents = try CachedTextOnDemandTests.cachedDocuments(unchanged)
        #expect(documents.count == 6 && documents.allSatisfy { !$0.arePassagesDecoded })
        #expect(try project.differenceFromCleanBuild() == nil)

        try project.write("content/briefings/talks.md",
                          "---\ntitle: Talks\ndate: 2025-01-03\n---\nBrevia and [the old kingdom](@aldoria) talked about whaling.\n")
        let edited = project.cachedBuild()
        #expect(edited.succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        let shards = project.output.appendingPathComponent("assets/search/terms")
        let search = try FileManager.default.contentsOfDirectory(atPath: shards.path)
            .map { try String(contentsOf: shards.appendingPathComponent($0), encoding: .utf8) }
        #expect(search.contains { $0.contains("[\"whaling\",") })
    }
}
