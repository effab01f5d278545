import Foundation
import Testing
@testable import DossierCore

/// `exports` in dossier.yml: which data files a build writes (docs/guide.md, "Data exports").
@Suite struct DataExportSettingTests {
    @Test func theDefaultIsTheIndexAndTheRelationsTable() {
        let (config, diagnostics) = SiteConfig.decode("title: T\n")
        #expect(diagnostics.isEmpty)
        #expect(config.exports == [.entities, .relations])
    }

    @Test(arguments: [
        ("exports: all\n", Set(DataExport.allCases)),
        ("exports: []\n", []),
        ("exports: [graph]\n", [.graph]),
        ("exports: [mentions, csv]\n", [.mentions, .csv]),
        ("exports:\n  - entities\n  - graph\n", [.entities, .graph]),
    ] as [(String, Set<DataExport>)])
    func theListIsRead(yaml: String, expected: Set<DataExport>) {
        let (config, diagnostics) = SiteConfig.decode(yaml)
        #expect(diagnostics.isEmpty)
        #expect(config.exports == expected)
    }

    @Test(arguments: [
        ("exports: [graph, mentoins]\n",
         "dossier.yml:1:18: error: unknown export 'mentoins' in 'exports' (did you mean 'mentions'?); names: entities, relations, mentions, csv, graph, or 'exports: all'"),
        ("title: T\nexports:\n  - csv\n  - csv\n", "dossier.yml:4:5: error: export 'csv' is listed twice in 'exports'"),
        ("exports: alll\n",
         "dossier.yml:1:10: error: expected a list of export names or 'all' for 'exports', found 'alll' (did you mean 'all'?); names: entities, relations, mentions, csv, graph"),
        ("exports: graph\n", "dossier.yml:1:10: error: expected a list for 'exports', found 'graph': write [graph] for this export alone"),
        ("exports: {graph: true}\n",
         "dossier.yml:1:10: error: expected a list of export names or 'all' for 'exports', found a mapping; names: entities, relations, mentions, csv, graph"),
        ("exports:\n", "dossier.yml:1:9: error: expected a list of export names or 'all' for 'exports', found ''; names: entities, relations, mentions, csv, graph"),
        ("exports: [[graph]]\n",
         "dossier.yml:1:11: error: expected an export name in 'exports', found a list; names: entities, relations, mentions, csv, graph"),
    ])
    func aWrongValueIsAnErrorAtTheValue(yaml: String, expected: String) {
        let (_, diagnostics) = SiteConfig.decode(yaml)
        #expect(diagnostics.lines == [expected])
    }

    @Test func theScaffoldNamesTheExportsInAComment() throws {
        let root = try makeTemporaryFolder("dossier-init-exports")
        defer { try? FileManager.default.removeItem(at: root) }
        try Scaffold.initialize(root, title: "Desk")
        let text = try String(contentsOf: root.appendingPathComponent(SiteConfig.fileName), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.contains("exports:") })
        #expect(line.hasPrefix("# exports: [entities, relations]"))
        for export in DataExport.allCases { #expect(line.contains(export.rawValue)) }
        #expect(SiteConfig.decode(text).0.exports == DataExport.defaults)
    }
}
