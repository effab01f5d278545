import Foundation
import Testing
@testable import DossierCore

/// How a link memo entry file is read (`LinkedEntryFile.read`): its light part in one
/// read of `firstRead` bytes when it fits, in a second when it does not, and any file
/// that does not read back exactly is a miss, however it was cut or changed.
@Suite struct LinkedEntryReadingTests {
    /// A document whose table of contents alone makes a light part of `headings` entries.
    static func document(headings: Int) -> LinkedDocument {
        let toc = (0..<headings).map { TableOfContentsEntry(level: 2, title: "Section \($0) on the Northern Harbour", anchor: "section-\($0)") }
        return LinkedDocument(
            id: DocumentID(.briefing, "harbour"), html: "<h2>Section 0</h2>\n<p>Aldoria opened the harbour.</p>\n", tableOfContents: toc,
            mentions: [], plainText: "Section 0\nAldoria opened the harbour. Brevia watched — ☔️ again.", wordCount: 9)
    }

    static func write(_ document: LinkedDocument, in folder: URL) throws -> (path: String, file: LinkedEntryFile) {
        let file = LinkedEntryFile(key: "k1", namesKey: "n1", result: LinkResult(document: document, diagnostics: []))
        let path = folder.appendingPathComponent("k1").path
        try Data(file.bytes).write(to: URL(fileURLWithPath: path))
        return (path, file)
    }

    static func lightLength(_ file: LinkedEntryFile) -> Int {
        file.bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    @Test(arguments: [1, 400])
    func aLightPartShorterOrLongerThanTheFirstReadReadsBackTheSame(headings: Int) throws {
        let folder = try makeTemporaryFolder("dossier-entry-read")
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = Self.document(headings: headings)
        let (path, file) = try Self.write(document, in: folder)
        #expect((Self.lightLength(file) + 16 > LinkedEntryFile.firstRead) == (headings > 1))
        let relink: @Sendable () -> LinkedEntryFile.Relinked? = { nil }
        for relinking in [relink, nil] {
            let entry = try #require(LinkedEntryFile.read(path: path, key: "k1", relink: relinking))
            #expect(entry.result.document == document)
            #expect(entry.linkedForm == file.linkedForm && entry.namesKey == "n1")
        }
    }

    @Test(arguments: [1, 400])
    func anEntryCutOrChangedAnywhereIsAMiss(headings: Int) throws {
        let folder = try makeTemporaryFolder("dossier-entry-read")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, file) = try Self.write(Self.document(headings: headings), in: folder)
        let light = Self.lightLength(file)
        let url = URL(fileURLWithPath: path)
        // Cut in the length, in the light part, in its checksum, in the text, in the HTML.
        for length in [4, 8 + light / 2, 8 + light + 4, 8 + light + 8 + 3, file.bytes.count - 1] {
            try Data(file.bytes.prefix(length)).write(to: url)
            #expect(LinkedEntryFile.read(path: path, key: "k1", relink: { nil })?.linkedForm == nil, "cut at \(length)")
        }
        // A byte changed in the light part or its checksum: the light part's checksum fails.
        for position in [8 + light / 2, 8 + light + 2] {
            var bytes = file.bytes
            bytes[position] ^= 0x20
            try Data(bytes).write(to: url)
            #expect(LinkedEntryFile.read(path: path, key: "k1", relink: { nil })?.linkedForm == nil, "changed at \(position)")
        }
        // A byte changed in the text or the HTML: a miss when read now, the entry removed.
        for position in [8 + light + 8 + 2, file.bytes.count - 3] {
            var bytes = file.bytes
            bytes[position] ^= 0x01
            try Data(bytes).write(to: url)
            #expect(LinkedEntryFile.read(path: path, key: "k1", relink: nil)?.linkedForm == nil, "changed at \(position)")
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }
}
