import Foundation
import Testing
@testable import DossierCore

/// `dossier check`'s note and `dossier suggest` read the prose the linker parsed
/// (issue 10) instead of parsing every document a second time.
@Suite struct KeptProseTests {
    static let project = """
    -- dossier.yml --
    title: Desk
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    aliases: [Tehran]
    ---
    Iran borders the Caspian Sea. The Caspian Sea is shared.
    -- content/briefings/a.md --
    ---
    title: Talks
    date: 2025-01-02
    ---
    Iran met Abbas Araghchi in Muscat. Later Abbas Araghchi flew to Muscat again.

    - The Caspian Sea talks resumed in Muscat.
    -- content/briefings/b.md --
    ---
    title: More talks
    date: 2025-01-03
    ---
    ## In Muscat

    Tehran sent Abbas Araghchi, says [the ministry](https://example.org).
    -- content/pages/about.md --
    ---
    title: About
    ---
    Muscat Muscat Muscat.
    """

    func model(keepingProse: Bool) throws -> SiteModel {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        var options = BuildOptions(root: project.root)
        options.keepsProseForSuggestions = keepingProse
        return try #require(SiteBuilder.run(options, into: nil).model)
    }

    @Test func theLinkerKeepsTheProseOfBriefingsAndActorsOnlyWhenAsked() throws {
        let kept = try model(keepingProse: true)
        #expect(kept.briefings.allSatisfy { $0.linked.prose != nil })
        #expect(kept.actors.allSatisfy { $0.profile.prose != nil })
        #expect(kept.pages.allSatisfy { $0.linked.prose == nil })
        let plain = try model(keepingProse: false)
        #expect(plain.briefings.allSatisfy { $0.linked.prose == nil })
    }

    @Test func suggestionsFromKeptProseAreThoseOfASecondParse() throws {
        let kept = NameSuggester.suggest(try model(keepingProse: true))
        let reparsed = NameSuggester.suggest(try model(keepingProse: false))
        #expect(kept == reparsed)
        #expect(kept.map(\.name).contains("Abbas Araghchi"))
        #expect(kept.map(\.name).contains("Muscat"))
        #expect(NameSuggester.recurringNameCount(try model(keepingProse: true)) == kept.count)
    }
}
