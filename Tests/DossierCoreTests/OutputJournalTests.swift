import Foundation
import Testing
@testable import DossierCore

/// The in-place update's journal: its format, and steps that can be taken twice.
@Suite struct OutputJournalTests {
    static let someFolder = PhysicalPath.Identity(device: 2049, inode: 1_234_567)

    @Test func aJournalReadsBackAsWrittenWhateverItsPathsHold() throws {
        let journal = OutputJournal(steps: [
            .remove("downloads/Annual report – été.pdf"), .remove("odd\nname"), .removeFolder("tags/ports"), .move("briefings/first/index.html"),
        ], outputFolder: Self.someFolder)
        #expect(OutputJournal(encoded: journal.encoded) == journal)
    }

    @Test func anUnfinishedOrForgedJournalIsNeverRead() {
        let encoded = OutputJournal(steps: [.remove("a.html"), .move("b/index.html")], outputFolder: Self.someFolder).encoded
        #expect(OutputJournal(encoded: encoded.dropLast(1)) == nil)
        #expect(OutputJournal(encoded: encoded.prefix(encoded.count / 2)) == nil)
        #expect(OutputJournal(encoded: Data()) == nil)
        let withoutFolder = Data(String(decoding: encoded, as: UTF8.self).replacingOccurrences(of: "output 2049 1234567\n", with: "").utf8)
        #expect(withoutFolder != encoded)
        #expect(OutputJournal(encoded: withoutFolder) == nil)
        for escaping in ["../outside.html", "/etc/passwd", "a/../../b", "a//b", "."] {
            #expect(OutputJournal(encoded: OutputJournal(steps: [.remove(escaping)], outputFolder: Self.someFolder).encoded) == nil, "\(escaping)")
        }
    }

    /// Taking every step again after a complete (or partial) run changes nothing more.
    @Test func applyingAJournalTwiceEndsAsApplyingItOnce() throws {
        let folder = try makeTemporaryFolder("dossier-journal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site"), update = folder.appendingPathComponent(".site.update-1")
        let files = update.appendingPathComponent(OutputJournal.filesFolder)
        try FileManager.default.createDirectory(at: output.appendingPathComponent("tags/ports"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("tags/ports/index.html"))
        try Data("old".utf8).write(to: output.appendingPathComponent("kept.html"))
        try FileManager.default.createDirectory(at: files.appendingPathComponent("briefings/new"), withIntermediateDirectories: true)
        try Data("new".utf8).write(to: files.appendingPathComponent("briefings/new/index.html"))
        try Data("changed".utf8).write(to: files.appendingPathComponent("kept.html"))
        let journal = OutputJournal(steps: [
            .remove("tags/ports/index.html"), .removeFolder("tags/ports"), .removeFolder("tags"),
            .move("briefings/new/index.html"), .move("kept.html"),
        ], outputFolder: Self.someFolder)

        try journal.apply(from: update, to: output, limit: 4)
        try journal.apply(from: update, to: output)
        let once = try snapshot(output), listing = entries(under: output)
        try journal.apply(from: update, to: output)

        #expect(once == ["briefings/new/index.html": Data("new".utf8), "kept.html": Data("changed".utf8)])
        #expect(listing == ["briefings", "briefings/new", "briefings/new/index.html", "kept.html"])
        #expect(try snapshot(output) == once)
        #expect(entries(under: output) == listing)
    }

    /// A file put by hand where the new site needs a folder gives way to the folder.
    @Test func aMoveMakesTheFoldersItNeedsInPlaceOfAFile() throws {
        let folder = try makeTemporaryFolder("dossier-journal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site"), update = folder.appendingPathComponent(".site.update-1")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("in the way".utf8).write(to: output.appendingPathComponent("actors"))
        let files = update.appendingPathComponent(OutputJournal.filesFolder)
        try FileManager.default.createDirectory(at: files.appendingPathComponent("actors/iran"), withIntermediateDirectories: true)
        try Data("page".utf8).write(to: files.appendingPathComponent("actors/iran/index.html"))

        try OutputJournal(steps: [.move("actors/iran/index.html")], outputFolder: Self.someFolder).apply(from: update, to: output)

        #expect(try snapshot(output) == ["actors/iran/index.html": Data("page".utf8)])
    }

    @Test func aWrittenJournalIsFoundInItsUpdateFolder() throws {
        let update = try makeTemporaryFolder("dossier-journal")
        defer { try? FileManager.default.removeItem(at: update) }
        let journal = OutputJournal(steps: [.move("index.html")], outputFolder: Self.someFolder)
        try journal.write(into: update)
        #expect(OutputJournal.read(from: update) == journal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: update.path) == [OutputJournal.fileName])
    }
}
