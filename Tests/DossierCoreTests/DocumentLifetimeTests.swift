import Foundation
import Testing
@testable import DossierCore

/// A build that runs once (`BuildOptions.releasesDocumentsAsRendered`, what `dossier
/// build` does) drops each document's Markdown after linking and its HTML once the
/// pages that read it are rendered. It must write exactly what a build that keeps
/// everything writes, and a page whose HTML is gone must be an error, never empty.
@Suite struct DocumentLifetimeTests {
    /// 23 briefings, so that three are not in the feeds (which read the 20 newest),
    /// with notes citing sources, events citing them (their own page checks the note
    /// in the HTML), an actor profile with a note and a free page.
    static let projectText: String = {
        var text = """
        -- dossier.yml --
        title: Desk
        base_url: https://example.org/desk/
        paginate_by: 5
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        sources:
          - id: profile-source
            title: Country profile
            url: https://example.org/profile
        events:
          - date: 2020-01-01
            title: Iran's profile event
            actors: [iran]
            source: profile-source
        ---
        Iran is a state.[^profile-source]

        [^profile-source]: Country profile.
        -- content/actors/russia.md --
        ---
        title: Russia
        kind: state
        ---
        -- content/pages/about.md --
        ---
        title: About
        ---
        This desk follows Iran and Russia.

        """
        for day in 1...23 {
            text += """
            -- content/briefings/b\(day).md --
            ---
            title: Briefing \(day)
            date: 2025-01-\(String(format: "%02d", day))
            summary: Day \(day).
            actors: [iran]
            sources:
              - id: s\(day)
                title: Report \(day)
                url: https://example.org/report-\(day)
            events:
              - date: 2025-01-\(String(format: "%02d", day))
                title: Event of day \(day)
                actors: [iran, russia]
                source: s\(day)
            ---
            ## Day \(day)

            Iran and Russia met on day \(day).[^s\(day)]

            [^s\(day)]: Report \(day).

            """
        }
        return text
    }()

    static func build(_ root: URL, releasing: Bool, cache: BuildCache? = nil) -> (BuildReport, [String: Data]) {
        let sink = MemorySink()
        var options = BuildOptions(root: root)
        options.releasesDocumentsAsRendered = releasing
        options.cache = cache
        let report = SiteBuilder.run(options, into: sink)
        return (report, sink.files)
    }

    @Test func releasingDocumentsWritesTheSameFilesAsKeepingThem() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let (kept, keptFiles) = Self.build(project.root, releasing: false)
        let (released, releasedFiles) = Self.build(project.root, releasing: true)
        #expect(kept.diagnostics.isEmpty && released.diagnostics.isEmpty)
        #expect(keptFiles.count > 60)
        #expect(releasedFiles.keys.sorted() == keptFiles.keys.sorted())
        for (path, data) in keptFiles where releasedFiles[path] != data {
            Issue.record("\(path) differs when documents are released as rendered")
        }
        // What the released build's pages showed came from the HTML it then let go.
        #expect(String(decoding: releasedFiles["briefings/b3/index.html"]!, as: UTF8.self).contains("met on day 3."))
        #expect(String(decoding: releasedFiles["feed.xml"]!, as: UTF8.self).contains("met on day 23."))
    }

    @Test func theSmallFixtureProjectIsUnchangedToo() {
        let root = TestPaths.fixtures.appendingPathComponent("small-project")
        let (_, keptFiles) = Self.build(root, releasing: false)
        let (_, releasedFiles) = Self.build(root, releasing: true)
        #expect(!keptFiles.isEmpty && releasedFiles == keptFiles)
    }

    @Test func afterTheBuildTheModelHoldsNoHTMLAndNoMarkdown() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let (report, _) = Self.build(project.root, releasing: true)
        let model = try #require(report.model)
        #expect(model.briefings.count == 23)
        #expect(model.briefings.allSatisfy { $0.linked.isHTMLReleased && $0.briefing.body.text.isEmpty })
        #expect(model.actors.allSatisfy { $0.profile.isHTMLReleased })
        #expect(model.pages.allSatisfy { $0.linked.isHTMLReleased && $0.page.body.text.isEmpty })
        // The rest of each document stays: the data files and mention pages read it.
        #expect(model.briefings.allSatisfy { !$0.linked.text.isEmpty && !$0.linked.mentions.isEmpty })
    }

    @Test func aBuildThatKeepsDocumentsKeepsThem() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let (report, _) = Self.build(project.root, releasing: false)
        let model = try #require(report.model)
        #expect(model.briefings.allSatisfy { !$0.linked.isHTMLReleased && !$0.briefing.body.text.isEmpty })
    }

    @Test func aPageWhoseHTMLWasReleasedIsAnErrorNotAnEmptyPage() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let model = try #require(SiteBuilder.run(BuildOptions(root: project.root), into: nil).model)
        let theme = try #require(Theme.load(projectRoot: project.root).0)
        // b2 is too old for the feeds: its page is its only reader.
        let victim = try #require(model.briefings.first { $0.briefing.slug == "b2" })
        victim.linked.releaseHTML()
        let sink = MemorySink()
        let diagnostics = SiteRenderer.render(
            model, theme: theme, urls: SiteURLs(style: .disk), into: sink, fingerprints: .none, releasingHTML: true)
        #expect(diagnostics.lines == ["briefing/b2:1:1: error: internal error: briefing/b2 was to be rendered after its HTML was released"])
        #expect(sink.files["briefings/b2/index.html"] == nil)
        #expect(sink.files["briefings/b3/index.html"] != nil)
    }

    @Test func aFeedReadingReleasedHTMLIsAnErrorToo() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let model = try #require(SiteBuilder.run(BuildOptions(root: project.root), into: nil).model)
        let theme = try #require(Theme.load(projectRoot: project.root).0)
        // b23 is the newest briefing, the first entry of both feeds.
        model.briefings[0].linked.releaseHTML()
        let sink = MemorySink()
        let diagnostics = SiteRenderer.render(
            model, theme: theme, urls: SiteURLs(style: .disk), into: sink, fingerprints: .none, releasingHTML: true)
        #expect(diagnostics.lines.filter { $0.contains("briefing/b23 was to be rendered after its HTML was released") }.count == 3)
        #expect(sink.files["feed.xml"] == nil && sink.files["feed.json"] == nil)
    }

    @Test func aBuildCacheUsedByAReleasingBuildStillServesTheNextBuild() throws {
        let project = try TestProject(Self.projectText)
        defer { project.remove() }
        let (_, reference) = Self.build(project.root, releasing: false)
        for folder in [nil, project.root.appendingPathComponent(".dossier/cache")] {
            let cache = BuildCache(folder: folder)
            let (first, firstFiles) = Self.build(project.root, releasing: true, cache: cache)
            let (second, secondFiles) = Self.build(project.root, releasing: true, cache: cache)
            #expect(first.diagnostics.isEmpty && second.diagnostics.isEmpty)
            #expect(firstFiles == reference && secondFiles == reference)
        }
    }
}

/// The HTML's own store: in memory, in the spill file, or released.
@Suite struct ReleasableHTMLTests {
    static func document(_ html: String) -> LinkedDocument {
        LinkedDocument(id: DocumentID(.briefing, "x"), html: html, tableOfContents: [], mentions: [], plainText: "", wordCount: 0)
    }

    @Test func spilledHTMLReadsBackExactly() throws {
        let file = try #require(HTMLSpillFile())
        let texts = ["<p>Iran’s <a href=\"dossier:actors/iran/index.html\">Tehran</a> — تهران 🇮🇷</p>\n", "", String(repeating: "<p>é</p>", count: 50_000)]
        let documents = texts.map(Self.document)
        for document in documents { document.spillHTML(to: file) }
        #expect(documents.map(\.html) == texts)
        #expect(documents.allSatisfy { !$0.isHTMLReleased })
    }

    @Test func everyCopyOfADocumentSharesItsHTML() throws {
        let original = Self.document("<p>One</p>")
        let copy = original
        original.spillHTML(to: try #require(HTMLSpillFile()))
        #expect(copy.html == "<p>One</p>")
        copy.releaseHTML()
        #expect(original.isHTMLReleased)
    }

    @Test func settingTheHTMLGivesThatCopyItsOwn() {
        let original = Self.document("<p>One</p>")
        var changed = original
        changed.html = "<p>Two</p>"
        original.releaseHTML()
        #expect(!changed.isHTMLReleased && changed.html == "<p>Two</p>")
        #expect(original != changed)
    }
}
