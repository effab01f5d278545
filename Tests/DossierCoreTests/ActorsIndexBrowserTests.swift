import Foundation
import Testing
@testable import DossierCore

/// The actors index's filter and sort run in a real browser (Debian's chromium,
/// headless, from file://); skipped with a message where chromium is missing.
@Suite(.serialized) struct ActorsIndexBrowserTests {
    static let chromium: URL? = which("chromium") ?? which("chromium-browser")

    static let project: TestProject? = {
        let project = try? TestProject("""
        -- dossier.yml --
        title: Desk
        base_url: https://example.org/
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        aliases: [Tehran]
        ---
        -- content/actors/qatar.md --
        ---
        title: Qatar
        kind: state
        ---
        -- content/actors/oman.md --
        ---
        title: Oman
        kind: state
        ---
        -- content/actors/sco.md --
        ---
        title: Shanghai Cooperation Organisation
        kind: organization
        ---
        -- content/briefings/one.md --
        ---
        title: One
        date: 2025-01-01
        ---
        Qatar, Qatar and Qatar. Iran and Iran. Oman.
        """)
        _ = project?.build()
        return project
    }()

    func dom(_ query: String) throws -> String {
        let project = try #require(Self.project)
        let url = project.output.appendingPathComponent("actors/index.html").absoluteString + query
        return try run(Self.chromium!, [
            "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--virtual-time-budget=3000",
            "--dump-dom", url,
        ]).standardOutput
    }

    /// The titles of the actors left visible, in the order shown.
    static func shownActors(_ dom: String) -> [String] {
        dom.components(separatedBy: "<li data-names=").dropFirst().compactMap { item -> String? in
            let tag = item.components(separatedBy: ">")[0]
            if tag.contains(" hidden") { return nil }
            return item.components(separatedBy: "dir=\"auto\">").dropFirst().first?.components(separatedBy: "<")[0]
        }
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func theControlsAppearAndTheFullListStaysWhenNothingIsTyped() throws {
        let dom = try dom("")
        #expect(dom.contains("<form class=\"actor-tools\" data-actor-tools=\"\">"))
        #expect(Self.shownActors(dom) == ["Iran", "Oman", "Qatar", "Shanghai Cooperation Organisation"])
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func theFilterKeepsActorsWhoseNameOrAliasMatchesIgnoringCase() throws {
        let dom = try dom("?filter=TEHR")
        #expect(Self.shownActors(dom) == ["Iran"])
        #expect(dom.contains("1 of 4 actors"))
        #expect(dom.contains("<section class=\"kind-group\" aria-labelledby=\"kind-organization\" data-kind-group=\"\" hidden=\"\">"))
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func sortingByMentionsPutsTheMostMentionedFirst() throws {
        #expect(Self.shownActors(try dom("?sort=mentions")) == ["Qatar", "Iran", "Oman", "Shanghai Cooperation Organisation"])
    }
}
