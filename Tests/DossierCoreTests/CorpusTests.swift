import Foundation
import Testing
@testable import DossierCore

/// Content nobody here wrote: Hugo's documentation pages and the CIA World
/// Factbook with a real country list. `../shared` exists only in this project's
/// own workspace and CI; elsewhere these tests are skipped with a message.
@Suite struct CorpusTests {
    static let hugoDocs = TestPaths.shared.appendingPathComponent("corpus-raw/hugodocs-content/content")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: hugoDocs.path), "../shared/corpus-raw is not present"))
    func hugoDocumentationLoadsAsPagesWithoutCrashing() throws {
        var files: [ContentFile] = []
        let enumerator = FileManager.default.enumerator(atPath: Self.hugoDocs.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".md") else { continue }
            let data = try Data(contentsOf: Self.hugoDocs.appendingPathComponent(relative))
            files.append(ContentFile(section: .pages, path: "content/pages/" + relative, text: String(decoding: data, as: UTF8.self)))
        }
        files.sort { $0.path < $1.path }
        #expect(files.count >= 900)
        let project = ProjectLoader.decode(configText: nil, files: files)
        let (index, _) = EntityIndexer.build(project)
        let (documents, _) = ProjectLinker.linkAll(project, index: index, settings: LinkSettings())
        // Hugo's files are named _index.md and use TOML or YAML the way Hugo allows,
        // so there are diagnostics; what matters is that every file was handled.
        #expect(!project.diagnostics.isEmpty)
        #expect(project.pages.count + Set(project.diagnostics.filter { $0.severity == .error }.map(\.location.path)).count >= files.count)
        #expect(documents.count == Set(project.pages.map(\.slug)).count)
        #expect(documents.values.allSatisfy { !$0.html.contains("data-sourcepos") })
    }
}
