import Foundation
import Testing
@testable import DossierCore

/// `data/entities.json` made in two parts (`EntitiesExportWriter`): an actor's edit
/// that changes only the actors' array (an alias) makes that array and copies the
/// rest from the previous file; anything else the rest reads makes the whole file.
/// Every result equals a clean build, byte for byte.
@Suite struct EntitiesExportPartsTests {
    static let path = "data/entities.json"

    static func brevia(aliases: String) -> String {
        "---\ntitle: Brevia\nkind: state\naliases: [\(aliases)]\n---\nAnother state.\n"
    }

    @Test func theTwoPartsAreTheWholeFile() throws {
        let project = try TestProject(ActorPageRekeyingTests.projectText)
        defer { project.remove() }
        let model = try #require(project.build().model)
        let urls = SiteURLs(style: model.config.urlStyle)
        let head = EntitiesExport.actorsPart(model, urls: urls), rest = EntitiesExport.restPart(model, urls: urls)
        #expect(Data(head + rest) == EntitiesExport.json(model, urls: urls))
        let headText = String(decoding: head, as: UTF8.self)
        #expect(headText.hasPrefix(#"{"actors":[{"#) && headText.hasSuffix("}]"))
        #expect(String(decoding: rest, as: UTF8.self).hasPrefix(#","briefings":[{"#))
    }

    /// Overwrites the bytes `old` with `new` (as long) in the output's entities.json,
    /// in place and with its modification time put back: the file the manifest
    /// describes, as far as any build can tell, with other bytes in its rest. A build
    /// that copies the rest carries them; one that makes it does not.
    static func markRest(_ project: TestProject, replacing old: String, with new: String) throws {
        let url = project.output.appendingPathComponent(path)
        var status = stat()
        #expect(stat(url.path, &status) == 0)
        let bytes = try Data(contentsOf: url)
        let range = try #require(bytes.range(of: Data(old.utf8)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.seek(toOffset: UInt64(range.lowerBound))
        try handle.write(contentsOf: Data(new.utf8))
        try handle.close()
        var times = [status.st_atim, status.st_mtim]
        #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
    }

    /// Only the actors' array is made: the rest — here marked — is copied as it was.
    @Test func anAliasEditMakesTheActorsArrayAndCopiesTheRest() throws {
        let project = try TestProject(ActorPageRekeyingTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try Self.markRest(project, replacing: #""title":"Three""#, with: #""title":"Thr33""#)
        try project.write("content/actors/brevia.md", Self.brevia(aliases: "Brevian Republic"))
        #expect(project.cachedBuild().succeeded)
        let text = try project.read(Self.path)
        #expect(text.contains("Brevian Republic"))
        #expect(text.contains(#""title":"Thr33""#))
    }

    /// A build in which nothing changed keeps the file's layout with it: the next alias
    /// edit still copies the rest.
    @Test func anUnchangedBuildKeepsTheLayoutForTheNextEdit() throws {
        let project = try TestProject(ActorPageRekeyingTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let unchanged = project.cachedBuild()
        #expect(unchanged.reusedDataFiles.contains(Self.path))
        try Self.markRest(project, replacing: #""title":"Three""#, with: #""title":"Thr33""#)
        try project.write("content/actors/brevia.md", Self.brevia(aliases: "Brevian Republic"))
        #expect(project.cachedBuild().succeeded)
        #expect(try project.read(Self.path).contains(#""title":"Thr33""#))
    }

    /// Alias added, removed, and a briefing's title (in the rest) edited: each between
    /// cached builds, each equal to a clean build.
    @Test func everyEditEqualsACleanBuild() throws {
        let project = try TestProject(ActorPageRekeyingTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try project.write("content/actors/brevia.md", Self.brevia(aliases: "Brevian Republic"))
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        try project.write("content/actors/brevia.md", Self.brevia(aliases: ""))
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
        try project.write("content/briefings/b2.md", "---\ntitle: Two, retitled\ndate: 2025-01-02\nactors: [dunmark]\n---\nAldoria voted.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(try project.read(Self.path).contains("Two, retitled"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// A briefing's title is in the rest: the whole file is made, the marked bytes gone.
    @Test func anEditOfTheRestMakesTheWholeFile() throws {
        let project = try TestProject(ActorPageRekeyingTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try Self.markRest(project, replacing: #""title":"Three""#, with: #""title":"Thr33""#)
        try project.write("content/briefings/b2.md", "---\ntitle: Two, retitled\ndate: 2025-01-02\nactors: [dunmark]\n---\nAldoria voted.\n")
        #expect(project.cachedBuild().succeeded)
        let text = try project.read(Self.path)
        #expect(text.contains("Two, retitled") && !text.contains("Thr33"))
    }

    /// The previous file cut short (or replaced) is not the one the layout describes: the
    /// whole file is made again.
    @Test(arguments: ["truncated", "replaced"])
    func aDamagedPreviousFileIsMadeWhole(_ damage: String) throws {
        let project = try TestProject(ActorPageRekeyingTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let url = project.output.appendingPathComponent(Self.path)
        let bytes = try Data(contentsOf: url)
        try (damage == "truncated" ? bytes.prefix(bytes.count / 2) : Data(repeating: 0x20, count: bytes.count)).write(to: url)
        try project.write("content/actors/brevia.md", Self.brevia(aliases: "Brevian Republic"))
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// The layout as the manifest keeps it: read back, and anything else read as none.
    @Test func aLayoutIsReadBackAndAnyOtherTextIsNone() {
        let layout = EntitiesExportWriter.Layout(restKey: "0123abcd", headLength: 120, restLength: 4096)
        #expect(EntitiesExportWriter.Layout(layout.text) == layout)
        let damaged = [
            nil, "", layout.text + "\n", String(layout.text.dropLast(3)) + "x", "entities.json parts 0\n0123abcd 120 4096",
            "entities.json parts 1\n0123abcd 120", "entities.json parts 1\n 120 4096", "entities.json parts 1\n0123abcd -1 4096",
            "entities.json parts 1\n0123abcd 120 0",
        ]
        for text in damaged { #expect(EntitiesExportWriter.Layout(text) == nil, "\(text ?? "nil")") }
    }
}
