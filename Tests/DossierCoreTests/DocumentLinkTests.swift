import Foundation
import Testing
@testable import DossierCore

/// `[text](other.md)`, written as editors and GitHub preview it, links to the other
/// document's page in either URL style; a link to no document is an error at it.
@Suite struct DocumentLinkTests {
    static let project = """
    -- dossier.yml --
    title: Links
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    ---
    Profile; see [the treaty](../briefings/2025/treaty.md#what-was-signed).
    -- content/briefings/2025/treaty.md --
    ---
    title: Treaty
    date: 2025-01-20
    ---
    ## What was signed

    See [the overview](../overview.md), [again](./../overview.md#the-region), [Iran](../../actors/iran.md),
    [the method](../../pages/method.md), [this one](treaty.md) and [the web](https://example.org/x.md).
    -- content/briefings/overview.md --
    ---
    title: Overview
    date: 2025-01-10
    ---
    ## The region

    Back to [the treaty](2025/treaty.md) and [a file with a space](2025/treaty%2Emd).
    -- content/pages/method.md --
    ---
    title: Method
    ---
    Read [the overview](../briefings/overview.md).
    """

    @Test(arguments: [URLStyle.disk, .pretty])
    func relativeMarkdownLinksBecomeLinksToPages(style: URLStyle) throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = SiteBuilder.build(BuildOptions(root: project.root, output: output, urlStyle: style))
        #expect(report.diagnostics.lines == [])
        func read(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }
        let index = style == .disk ? "index.html" : ""
        let treaty = try read("briefings/treaty/index.html")
        #expect(treaty.contains("<a href=\"../../briefings/overview/\(index)\">the overview</a>"))
        #expect(treaty.contains("<a href=\"../../briefings/overview/\(index)#the-region\">again</a>"))
        // A link to an actor's file is an explicit mention, as `@iran` is.
        #expect(treaty.contains("<a href=\"../../actors/iran/\(index)\" data-card=\"state\">Iran</a>"))
        #expect(try read("actors/iran/index.html").contains("href=\"../../briefings/treaty/\(index)#p-see-the-overview-again-iran\""))
        #expect(treaty.contains("<a href=\"../../method/\(index)\">the method</a>"))
        #expect(treaty.contains("<a href=\"../../briefings/treaty/\(index)\">this one</a>"))
        #expect(treaty.contains("<a href=\"https://example.org/x.md\">the web</a>"))
        #expect(try read("briefings/overview/index.html").contains("<a href=\"../../briefings/treaty/\(index)\">the treaty</a>"))
        #expect(try read("actors/iran/index.html").contains("<a href=\"../../briefings/treaty/\(index)#what-was-signed\">the treaty</a>"))
        #expect(try read("method/index.html").contains("<a href=\"../briefings/overview/\(index)\">the overview</a>"))
        let broken = try LinkChecker.brokenLinks(in: output)
        #expect(broken == [])
    }

    @Test func aLinkToAMissingOrUnpublishedFileIsAnErrorAtItsPosition() throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: Links
        -- content/briefings/nuclear-file.md --
        ---
        title: Nuclear file
        date: 2025-01-20
        ---
        Text.
        -- content/briefings/b.md --
        ---
        title: B
        date: 2025-01-20
        ---
        See [one](nuclear-fle.md) and
          [two](draft.md), [three](../../../../outside.md), [four](../../README.md), [five](2024/nuclear-file.md).
        -- content/briefings/draft.md --
        ---
        title: Draft
        date: 2025-01-20
        draft: true
        ---
        Text.
        """)
        defer { project.remove() }
        let report = project.build()
        #expect(report.diagnostics.lines == [
            "content/briefings/b.md:5:5: error: link 'nuclear-fle.md' leads to content/briefings/nuclear-fle.md, which is no briefing, actor or page (did you mean 'nuclear-file.md'?)",
            "content/briefings/b.md:6:3: error: link 'draft.md' leads to content/briefings/draft.md, which is a draft or could not be read, so it has no page: remove 'draft: true' there, or build with --drafts",
            "content/briefings/b.md:6:20: error: link '../../../../outside.md' leads outside the project",
            "content/briefings/b.md:6:53: error: link '../../README.md' leads to README.md, which is no briefing, actor or page",
            "content/briefings/b.md:6:78: error: link '2024/nuclear-file.md' leads to content/briefings/2024/nuclear-file.md, which is no briefing, actor or page (did you mean 'nuclear-file.md'?)",
        ])
        #expect(!FileManager.default.fileExists(atPath: project.output.path))
        let withDrafts = SiteBuilder.check(BuildOptions(root: project.root, drafts: true))
        #expect(withDrafts.diagnostics.lines.count == 4)
    }

    @Test func pathsJoinAndRelativise() {
        #expect(RelativePath.join("content/briefings/2025", "../overview.md") == "content/briefings/overview.md")
        #expect(RelativePath.join("content/briefings", "./a/./b/../c.md") == "content/briefings/a/c.md")
        #expect(RelativePath.join("content", "../../x.md") == nil)
        #expect(RelativePath.relative(from: "content/briefings/2025", to: "content/actors/iran.md") == "../../actors/iran.md")
        #expect(RelativePath.relative(from: "content/briefings", to: "content/briefings/x.md") == "x.md")
    }

    @Test func onlyRelativeReferencesAreResolved() {
        for url in ["https://example.org/a.md", "mailto:a@b.c", "/content/a.md", "#a.md", "@iran", ""] {
            #expect(DocumentReferences.Reference(url) == nil, "\(url)")
        }
        let reference = DocumentReferences.Reference("my%20notes.md?plain=1#part")
        #expect(reference?.path == "my notes.md")
        #expect(reference?.suffix == "?plain=1#part")
    }
}
