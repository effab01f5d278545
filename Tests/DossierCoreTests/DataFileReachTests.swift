import Foundation
import Testing
@testable import DossierCore

/// The data files a cached build takes whole when no document changed, and
/// `mentions.csv`'s runs found from the stretches the render stage already has.
@Suite struct DataFileReachTests {
    @Test func mentionsCSVRunsFromTheStretchesEqualThoseFromTheMentions() throws {
        let project = try TestProject(ActorPageRekeyingTests.projectText)
        defer { project.remove() }
        let report = project.build()
        let model = try #require(report.model)
        let fingerprints = DocumentFingerprints(site: "site", documents: Dictionary(uniqueKeysWithValues: Set(model.mentions.map(\.document)).map { ($0, $0.slug) }))
        let fromMentions = CSVExportWriter.runs(model, fingerprints: fingerprints)
        let fromStretches = CSVExportWriter.runs(AggregateKeys.MentionDocuments(model, fingerprints: fingerprints), mentionCount: model.mentions.count,
                                                 fingerprints: fingerprints)
        #expect(fromMentions.count > 3)
        #expect(fromStretches.map(\.document) == fromMentions.map(\.document))
        #expect(fromStretches.map(\.mentions) == fromMentions.map(\.mentions))
        #expect(fromStretches.map(\.key) == fromMentions.map(\.key))
    }

    @Test func nothingChangedTakesMentionsCSVAndEverySearchPart() throws {
        let project = try TestProject(ActorPageRekeyingTests.projectText)
        defer { project.remove() }
        let first = project.cachedBuild()
        let report = project.cachedBuild()
        let reused = Set(report.reusedDataFiles)
        #expect(reused.contains("data/mentions.csv"))
        #expect(reused.isSuperset(of: first.paths.filter { $0.hasPrefix("assets/search/") }))
        #expect(report.changedPaths.isEmpty)
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// A body edit that adds a mention: the file's rows for that briefing are made again.
    @Test func aNewMentionRemakesMentionsCSV() throws {
        let project = try TestProject(ActorPageRekeyingTests.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("content/briefings/b4.md", "---\ntitle: Four\ndate: 2025-01-04\n---\nBrevia spoke. Farland listened. Corvo watched.\n")
        let report = project.cachedBuild()
        #expect(report.changedPaths.contains("data/mentions.csv"))
        #expect(try project.read("data/mentions.csv").contains("corvo"))
        #expect(try project.differenceFromCleanBuild() == nil)
    }

    /// mentions.csv edited in the output since: made again, not taken.
    @Test func mentionsCSVEditedInTheOutputIsMadeAgain() throws {
        let project = try TestProject(ActorPageRekeyingTests.projectText)
        defer { project.remove() }
        _ = project.cachedBuild()
        try project.write("site/data/mentions.csv", "tampered\n")
        #expect(project.cachedBuild().succeeded)
        #expect(try project.differenceFromCleanBuild() == nil)
    }
}
