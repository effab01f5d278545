import Foundation
import Testing
@testable import DossierCore

/// The cache's hand-written encoding must carry every field of a linked document:
/// a field it drops comes back empty from the cache and the incremental site differs
/// from a clean one. Reading back the example project's documents finds such a drop
/// as soon as a field is added to `LinkedDocument` and not to the encoding.
@Suite struct CacheCodingTests {
    @Test func everyLinkedDocumentOfTheExampleProjectReadsBackEqual() throws {
        let project = ProjectLoader.load(root: TestPaths.packageRoot)
        let (index, _) = EntityIndexer.build(project)
        let settings = LinkSettings(mode: project.config.linking.mode, urlStyle: project.config.urlStyle)
        let results = ProjectLinker.linkEach(project, index: index, settings: settings)
        #expect(results.count == project.briefings.count + index.actors.count + project.pages.count)
        #expect(results.contains { !$0.document.searchPassages.isEmpty && !$0.document.mentions.isEmpty && !$0.document.tableOfContents.isEmpty })
        for (document, diagnostics) in results {
            var encoder = CacheEncoder()
            encoder.linkResult(LinkResult(document: document, diagnostics: diagnostics))
            var decoder = CacheDecoder(encoder.bytes)
            let decoded = try decoder.linkResult()
            #expect(decoded.document == document, "\(document.id) changes on its way through the cache")
            #expect(decoded.diagnostics.map(Self.describe) == diagnostics.map(Self.describe))
        }
    }

    static func describe(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        return "\(diagnostic.severity.rawValue) \(location.path):\(location.line):\(location.column) \(diagnostic.message)"
    }
}
