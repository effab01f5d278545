import Foundation
import Testing
@testable import DossierCore

/// Builds with `exports` set: only the named data files are written, none of an export
/// turned off is left behind, `entities.json` points to no file that is not written,
/// and a cached build after the setting changes equals a clean one.
@Suite struct DataExportsBuildTests {
    static func projectText(exports: String?) -> String {
        """
        -- dossier.yml --
        title: Exports test
        base_url: https://dossier.test/
        \(exports.map { "exports: \($0)" } ?? "")
        -- content/actors/aldoria.md --
        ---
        title: Aldoria
        kind: state
        relations:
          - {type: ally, target: brevia}
        ---
        A state that trades with Brevia.
        -- content/actors/brevia.md --
        ---
        title: Brevia
        kind: state
        ---
        Another state.
        -- content/briefings/first.md --
        ---
        title: First
        date: 2025-01-02
        ---
        Aldoria and Brevia voted together.
        -- content/briefings/second.md --
        ---
        title: Second
        date: 2025-01-03
        ---
        Brevia abstained.
        """
    }

    static let filesOfEvery: [DataExport: Set<String>] = [
        .entities: ["data/entities.json"],
        .relations: ["data/relations.csv"],
        .mentions: [
            "data/mentions/aldoria.json", "data/mentions/brevia.json", "data/passages/actor/aldoria.json",
            "data/passages/briefing/first.json", "data/passages/briefing/second.json",
        ],
        .csv: ["data/mentions.csv"],
        .graph: ["data/graph.graphml", "data/graph.gexf"],
    ]

    static func files(of exports: Set<DataExport>) -> Set<String> {
        exports.reduce(into: []) { $0.formUnion(filesOfEvery[$1]!) }
    }

    /// The files under the output's data/, relative to the output.
    static func dataFiles(_ project: TestProject) -> Set<String> {
        Set(entries(under: project.output.appendingPathComponent("data")).filter {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: project.output.appendingPathComponent("data/" + $0).path, isDirectory: &isFolder)
            return exists && !isFolder.boolValue
        }.map { "data/" + $0 })
    }

    static func actorsInEntities(_ project: TestProject) throws -> [[String: Any]] {
        let data = try Data(contentsOf: project.output.appendingPathComponent("data/entities.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(json["actors"] as? [[String: Any]])
    }

    @Test(arguments: [
        (nil, DataExport.defaults),
        ("all", Set(DataExport.allCases)),
        ("[]", []),
        ("[entities]", [.entities]),
        ("[relations]", [.relations]),
        ("[mentions]", [.mentions]),
        ("[csv]", [.csv]),
        ("[graph]", [.graph]),
    ] as [(String?, Set<DataExport>)])
    func aBuildWritesTheNamedExportsAndNoOther(exports: String?, expected: Set<DataExport>) throws {
        let project = try TestProject(Self.projectText(exports: exports))
        defer { project.remove() }
        let report = project.build()
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        #expect(Self.dataFiles(project) == Self.files(of: expected))
        #expect(Set(report.paths.filter { $0.hasPrefix("data/") }) == Self.files(of: expected))
    }

    @Test func withoutTheMentionsExportAnActorHasNoMentionsPath() throws {
        let project = try TestProject(Self.projectText(exports: nil))
        defer { project.remove() }
        #expect(project.build().succeeded)
        let actors = try Self.actorsInEntities(project)
        #expect(actors.count == 2)
        #expect(actors.allSatisfy { $0["mentions"] == nil && $0["slug"] != nil })
    }

    @Test func withTheMentionsExportEveryActorsMentionsPathIsAWrittenFile() throws {
        let project = try TestProject(Self.projectText(exports: "[entities, mentions]"))
        defer { project.remove() }
        #expect(project.build().succeeded)
        let paths = try Self.actorsInEntities(project).map { try #require($0["mentions"] as? String) }
        #expect(paths == ["data/mentions/aldoria.json", "data/mentions/brevia.json"])
        for path in paths { #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent(path).path)) }
    }

    @Test func aBuildWithoutTheCacheRemovesTheFilesOfAnExportTurnedOff() throws {
        let project = try TestProject(Self.projectText(exports: "all"))
        defer { project.remove() }
        #expect(project.build().succeeded)
        #expect(Self.dataFiles(project) == Self.files(of: Set(DataExport.allCases)))
        try project.write("dossier.yml", "title: Exports test\nbase_url: https://dossier.test/\nexports: [relations]\n")
        #expect(project.build().succeeded)
        #expect(Self.dataFiles(project) == ["data/relations.csv"])
    }

    /// On → off and off → on through the build cache: each result is what a clean build makes.
    @Test(arguments: [("all", "[]"), ("[]", "all"), ("all", nil), (nil, "all"), ("[mentions, graph]", "[csv, entities]")] as [(String?, String?)])
    func aCachedBuildAfterTheSettingChangesEqualsACleanBuild(before: String?, after: String?) throws {
        let project = try TestProject(Self.projectText(exports: before))
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try project.write("dossier.yml", "title: Exports test\nbase_url: https://dossier.test/\n" + (after.map { "exports: \($0)\n" } ?? ""))
        let report = project.cachedBuild()
        #expect(report.succeeded)
        let expected = SiteConfig.decode("exports: \(after ?? "[entities, relations]")\n").0.exports
        #expect(Self.dataFiles(project) == Self.files(of: expected))
        #expect(try project.differenceFromCleanBuild() == nil)
        // And once more, unchanged: every file kept.
        let again = project.cachedBuild()
        #expect(again.succeeded)
        #expect(again.changedPaths.isEmpty)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// With the heavy exports off, an unchanged cached build makes no data file: it
    /// takes entities.json from the previous output, and nothing of the others exists.
    @Test func anUnchangedCachedBuildWithExportsOffDoesNoExportWork() throws {
        let project = try TestProject(Self.projectText(exports: nil))
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let second = project.cachedBuild()
        #expect(second.succeeded)
        #expect(second.changedPaths.isEmpty)
        let reusedData = Set(second.reusedDataFiles.filter { $0.hasPrefix("data/") })
        #expect(reusedData == ["data/entities.json"])
        #expect(Set(second.paths.filter { $0.hasPrefix("data/") }) == Self.files(of: DataExport.defaults))
        #expect(Self.dataFiles(project) == Self.files(of: DataExport.defaults))
    }

    /// An edit with the mentions export off reaches no mentions or passages file, and
    /// the result still equals a clean build's.
    @Test func anEditWithTheMentionsExportOffWritesNoMentionsFile() throws {
        let project = try TestProject(Self.projectText(exports: "[entities]"))
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        try project.write("content/briefings/second.md", "---\ntitle: Second\ndate: 2025-01-03\n---\nBrevia abstained; Aldoria did not.\n")
        let report = project.cachedBuild()
        #expect(report.succeeded)
        #expect(!report.paths.contains { $0.hasPrefix("data/mentions") || $0.hasPrefix("data/passages") || $0.hasPrefix("data/graph") })
        #expect(Self.dataFiles(project) == ["data/entities.json"])
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}
