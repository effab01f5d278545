import Foundation
import Testing
@testable import DossierCore

/// `FreedMemory.mapLargeBlocksOnTheirOwn`: only sites large enough for memory to be
/// the constraint switch it on, and it changes no output.
@Suite struct LargeBlockMappingTests {
    @Test func onlyASiteOfManyDocumentsCountsAsLarge() throws {
        let project = try TestProject(DocumentLifetimeTests.projectText)
        defer { project.remove() }
        var loaded = ProjectLoader.load(root: project.root)
        #expect(!FreedMemory.isLargeSite(loaded))
        let briefing = try #require(loaded.briefings.first)
        loaded.briefings = Array(repeating: briefing, count: FreedMemory.largeSiteDocuments - loaded.actors.count - loaded.pages.count - 1)
        #expect(!FreedMemory.isLargeSite(loaded))
        loaded.briefings.append(briefing)
        #expect(FreedMemory.isLargeSite(loaded))
    }

    @Test func aBuildWithLargeBlocksMappedWritesTheSameFiles() throws {
        let project = try TestProject(DocumentLifetimeTests.projectText)
        defer { project.remove() }
        let (_, before) = DocumentLifetimeTests.build(project.root, releasing: true)
        // Process-wide, and it changes only where freed memory goes.
        FreedMemory.mapLargeBlocksOnTheirOwn()
        let (report, after) = DocumentLifetimeTests.build(project.root, releasing: true)
        #expect(report.diagnostics.isEmpty)
        #expect(after.count > 60 && after == before)
    }
}
