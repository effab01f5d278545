import Foundation
import Testing
@testable import DossierCore

/// A name that is one letter, a common English word or only punctuation is found
/// all over every text and links everywhere: warned at the name, with the way out.
@Suite struct WeakNameTests {
    func diagnostics(_ files: String) throws -> [String] {
        let project = try TestProject(files)
        defer { project.remove() }
        let loaded = ProjectLoader.load(root: project.root)
        return (loaded.diagnostics + EntityIndexer.build(loaded).diagnostics).sorted().lines
    }

    @Test func oneLetterStopwordAndPunctuationNamesAreWarnedAtTheirPosition() throws {
        let lines = try diagnostics("""
        -- content/actors/x-corp.md --
        ---
        title: X
        kind: organization
        aliases: [the, "Of", "—", "X Corp", Twitter, "!?"]
        ---
        """)
        #expect(lines == [
            "content/actors/x-corp.md:2:8: warning: the name 'X' is a single character and would be linked wherever it appears as a word; set 'autolink: false' and link it where it is meant with [X](@x-corp)",
            "content/actors/x-corp.md:4:11: warning: the alias 'the' is a common English word and would be linked wherever it appears; choose a longer alias, or set 'autolink: false'",
            "content/actors/x-corp.md:4:16: warning: the alias 'Of' is a common English word and would be linked wherever it appears; choose a longer alias, or set 'autolink: false'",
            "content/actors/x-corp.md:4:22: warning: the alias '—' has no letter or digit and would be linked wherever it appears; choose a longer alias, or set 'autolink: false'",
            "content/actors/x-corp.md:4:46: warning: the alias '!?' has no letter or digit and would be linked wherever it appears; choose a longer alias, or set 'autolink: false'",
        ])
    }

    @Test func anActorThatDoesNotAutolinkMayHaveShortNames() throws {
        let lines = try diagnostics("""
        -- content/actors/x-corp.md --
        ---
        title: X
        kind: organization
        aliases: [the]
        autolink: false
        ---
        """)
        #expect(lines == [])
    }

    /// With case-sensitive matching (the default) "WHO" and "US" are found only in
    /// capitals, where they mean the organisation and the country; without it they
    /// would match every "who" and "us".
    @Test func capitalisedAbbreviationsAreWeakOnlyWhenMatchingIgnoresCase() throws {
        let actors = """
        -- content/actors/who.md --
        ---
        title: World Health Organization
        kind: organization
        aliases: [WHO]
        ---
        -- content/actors/usa.md --
        ---
        title: United States
        kind: state
        aliases: [US, "The"]
        ---
        """
        #expect(try diagnostics(actors) == [
            "content/actors/usa.md:4:15: warning: the alias 'The' is a common English word and would be linked wherever it appears; choose a longer alias, or set 'autolink: false'",
        ])
        let insensitive = try diagnostics(actors + "\n-- dossier.yml --\nlinking:\n  case_sensitive: false\n")
        #expect(insensitive == [
            "content/actors/usa.md:4:11: warning: the alias 'US' is a common English word and would be linked wherever it appears; choose a longer alias, or set 'autolink: false'",
            "content/actors/usa.md:4:15: warning: the alias 'The' is a common English word and would be linked wherever it appears; choose a longer alias, or set 'autolink: false'",
            "content/actors/who.md:4:11: warning: the alias 'WHO' is a common English word and would be linked wherever it appears; choose a longer alias, or set 'autolink: false'",
        ])
    }

    @Test func namesOfTwoLettersOrMoreThatAreNotCommonWordsAreFine() throws {
        let lines = try diagnostics("""
        -- content/actors/e3.md --
        ---
        title: E3
        kind: group
        aliases: [UK, "Al-Udeid", "Côte d’Ivoire", "IAEA"]
        ---
        """)
        #expect(lines == [])
    }

    /// Two files claim one slug: the error stands on the `slug:` line that made the
    /// clash, not on line 1 of whichever file was read second.
    @Test func theDuplicateSlugErrorPointsAtTheSlugLineThatCausedIt() throws {
        let lines = try diagnostics("""
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        ---
        -- content/actors/a-persia.md --
        ---
        title: Persia
        kind: state
        slug: iran
        ---
        -- content/briefings/one.md --
        ---
        title: One
        date: 2025-01-01
        ---
        -- content/briefings/two.md --
        ---
        title: Two
        date: 2025-01-02
        slug: one
        ---
        """)
        #expect(lines == [
            "content/actors/a-persia.md:4:7: error: duplicate actor slug 'iran': content/actors/iran.md has it too",
            "content/briefings/two.md:4:7: error: duplicate briefing slug 'one': content/briefings/one.md has it too",
        ])
    }

    /// Two files in different folders with the same name: no `slug:` line to blame,
    /// so the second file is named, and the first with it.
    @Test func aDuplicateSlugFromTwoFileNamesPointsAtTheSecondFile() throws {
        let lines = try diagnostics("""
        -- content/briefings/2024/review.md --
        ---
        title: Review 2024
        date: 2024-12-31
        ---
        -- content/briefings/2025/review.md --
        ---
        title: Review 2025
        date: 2025-12-31
        ---
        """)
        #expect(lines == [
            "content/briefings/2025/review.md:1:1: error: duplicate briefing slug 'review': content/briefings/2024/review.md has it too; set 'slug:' in one of them, e.g. 'slug: 2025-review' in content/briefings/2025/review.md",
        ])
    }
}
