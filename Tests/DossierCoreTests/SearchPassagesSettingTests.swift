import Foundation
import Testing
@testable import DossierCore

/// `search: {passages: …}` in dossier.yml: off (the default), the search index's
/// document parts leave out the passages' text, which the pages already hold, and
/// `search.js` quotes from the page; on, the parts are what they always were. The
/// terms, their postings and the manifest are the same either way.
@Suite struct SearchPassagesSettingTests {
    static func project(passages: Bool?) -> String {
        """
        -- dossier.yml --
        title: Passages
        base_url: https://dossier.test/
        \(passages.map { "search: {passages: \($0)}" } ?? "")
        -- content/briefings/port.md --
        ---
        title: Port calls
        date: 2025-06-30
        summary: Fewer ships.
        ---
        ## Bandar Abbas

        Port calls dropped in June.
        """
    }

    static let withPassages = BuiltSite(project(passages: true))
    static let withoutPassages = BuiltSite(project(passages: nil))

    @Test func byDefaultAPartHasEverythingButThePassages() throws {
        #expect(try Self.withoutPassages.read("assets/search/documents/0.js") == """
            DossierSearch.receive("documents/0", {"d":"30 June 2025","k":"briefing","s":"Fewer ships.","t":"Port calls","u":"briefings/port/index.html"});

            """)
    }

    @Test func withPassagesOnAPartQuotesEveryPassageWithItsAnchor() throws {
        #expect(try Self.withPassages.read("assets/search/documents/0.js") == """
            DossierSearch.receive("documents/0", {"b":[["bandar-abbas","Bandar Abbas",1],["p-port-calls-dropped-in-june","Port calls dropped in June."]],\
            "d":"30 June 2025","k":"briefing","s":"Fewer ships.","t":"Port calls","u":"briefings/port/index.html"});

            """)
    }

    /// The passages' words are searched either way: only where results quote them from differs.
    @Test func theTermsAndTheManifestAreTheSameInBothModes() throws {
        let manifest = try Self.withoutPassages.read(SearchIndexWriter.manifestPath)
        #expect(manifest == (try Self.withPassages.read(SearchIndexWriter.manifestPath)))
        #expect(manifest.contains("\"format\":2"))
        let shard = try Self.withoutPassages.read(SearchIndexWriter.termsPath(0))
        #expect(shard == (try Self.withPassages.read(SearchIndexWriter.termsPath(0))))
        #expect(shard.contains("[\"june\",\"0\"]"))
    }

    @Test func theSettingIsReadAndCheckedWhereItIsWritten() {
        #expect(SiteConfig.decode("title: X\n").0.searchPassages == false)
        let (on, none) = SiteConfig.decode("search:\n  passages: yes\n")
        #expect(on.searchPassages && none.isEmpty)
        let (off, wrong) = SiteConfig.decode("title: X\nsearch: {passages: sometimes}\n")
        #expect(!off.searchPassages)
        #expect(wrong.first?.message.hasPrefix("expected true or false for 'passages'") == true)
        #expect(wrong.first?.severity == .error)
        #expect(wrong.first?.location.line == 2 && wrong.first?.location.column == 20)
        let (_, unknown) = SiteConfig.decode("search:\n  snippets: 3\n")
        #expect(unknown.first?.message == "unknown key 'snippets' in 'search' (expected passages)")
        #expect(unknown.first?.severity == .warning && unknown.first?.location.line == 2 && unknown.first?.location.column == 3)
        let (_, notAMapping) = SiteConfig.decode("search: true\n")
        #expect(notAMapping.first?.severity == .error)
        #expect(notAMapping.first?.location.line == 1 && notAMapping.first?.location.column == 9)
    }

    /// Turning the setting on or off is a settings change: a cached build writes what a clean one does.
    @Test func aCachedBuildAfterTurningItOnOrOffIsACleanBuild() throws {
        let project = try TestProject(Self.project(passages: nil))
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        for passages in [true, false] {
            try project.write("dossier.yml", "title: Passages\nbase_url: https://dossier.test/\nsearch: {passages: \(passages)}\n")
            #expect(project.cachedBuild().succeeded)
            #expect(try project.differenceFromCleanBuild() == nil)
            #expect(try project.read("assets/search/documents/0.js").contains("\"b\":") == passages)
        }
    }

    /// What the shards say of a document is what it was indexed with: a cached build
    /// finds an edited document's previous terms there when its part has no passages.
    @Test func theShardsGiveBackEveryDocumentsTerms() throws {
        let site = try SearchIndexIncrementalTests.project(passages: false)
        defer { site.remove() }
        let report = site.build()
        let model = try #require(report.model)
        let documents = SearchIndex.documents(model, urls: SiteURLs(style: model.config.urlStyle))
        let firstTerms = try SearchIndexIncrementalTests.firstTerms(site)
        #expect(firstTerms.count >= 3)
        var found: [Int: [(term: String, field: SearchIndex.Field)]] = [:]
        for shard in firstTerms.indices {
            let bytes = [UInt8](try Data(contentsOf: site.output.appendingPathComponent(SearchIndexWriter.termsPath(shard))))
            let read = try #require(SearchIndexPartReader.terms(holding: Set(documents.indices), inShard: bytes, name: "terms/\(shard)"))
            #expect(read.firstTerm == firstTerms[shard])
            for (number, terms) in read.held { found[number, default: []] += terms }
        }
        for (number, document) in documents.enumerated() {
            let expected = SearchIndex.termFields(of: document).map { "\($0.term) \($0.field.rawValue)" }.sorted()
            #expect(found[number, default: []].map { "\($0.term) \($0.field.rawValue)" }.sorted() == expected, "\(document.title)")
        }
        let shard = [UInt8](try Data(contentsOf: site.output.appendingPathComponent(SearchIndexWriter.termsPath(0))))
        #expect(SearchIndexPartReader.terms(holding: [0], inShard: Array(shard.dropLast(5)), name: "terms/0") == nil, "truncated")
        #expect(SearchIndexPartReader.terms(holding: [0], inShard: shard, name: "terms/1") == nil, "another shard's name")
    }
}
