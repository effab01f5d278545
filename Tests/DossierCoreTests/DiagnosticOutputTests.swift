import Foundation
import Testing
@testable import DossierCore

/// File names, slugs and messages come from the user's files: printed diagnostics
/// must neither forge GitHub annotations nor send control characters to a terminal.
@Suite struct DiagnosticOutputTests {
    @Test func githubPropertiesEscapePercentLineBreaksColonsAndCommas() {
        let path = "content/briefings/a,line=9::b%\r\n::error file=forged.md::c.md"
        let line = DiagnosticFormatter.format(.error("bad", at: SourceLocation(path: path, line: 3, column: 7)), as: .github)
        #expect(line == "::error file=content/briefings/a%2Cline=9%3A%3Ab%25%0D%0A%3A%3Aerror file=forged.md%3A%3Ac.md,line=3,col=7::bad")
    }

    @Test func githubMessagesEscapePercentAndLineBreaks() {
        let message = "unknown actor '100%'\r\n::error file=forged.md::forged"
        let line = DiagnosticFormatter.format(.warning(message, at: SourceLocation(path: "x.md")), as: .github)
        #expect(line == "::warning file=x.md,line=1,col=1::unknown actor '100%25'%0D%0A::error file=forged.md::forged")
    }

    @Test func githubOutputShowsOtherControlCharactersEscaped() {
        let line = DiagnosticFormatter.format(.error("tag '\u{1B}[2J'", at: SourceLocation(path: "\u{7F}\u{0}.md")), as: .github)
        #expect(line == #"::error file=\u{7F}\u{0}.md,line=1,col=1::tag '\u{1B}[2J'"#)
    }

    @Test func textShowsControlCharactersEscaped() {
        let location = SourceLocation(path: "content/actors/\u{1B}[31mred\u{0}\n.md", line: 2, column: 5)
        let line = DiagnosticFormatter.format(.error("unknown actor 'a\u{7F}b\u{9B}c\td\r' \u{202E}gpj.md", at: location))
        #expect(line == #"content/actors/\u{1B}[31mred\u{0}\n.md:2:5: error: unknown actor 'a\u{7F}b\u{9B}c\td\r' \u{202E}gpj.md"#)
    }

    @Test func textKeepsPrintableUnicodeAsItIs() {
        let line = DiagnosticFormatter.format(.error("unknown actor 'Côte d’Ivoire' (طهران, 東京)", at: SourceLocation(path: "content/actors/ōsaka.md")))
        #expect(line == "content/actors/ōsaka.md:1:1: error: unknown actor 'Côte d’Ivoire' (طهران, 東京)")
    }

    func dossier() throws -> URL {
        try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
    }

    @Test func aFileNamedToForgeAnnotationsGetsExactlyItsOwn() throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: Forged
        """)
        defer { project.remove() }
        let name = "x\n::error file=forged.md,line=1::forged, \u{1B}[2J.md"
        try project.write("content/briefings/" + name, "---\ntitle: X\ndate: never\n---\nText.\n")

        let github = try run(dossier(), ["check", "--root", project.root.path, "--format", "github"], in: project.root)
        #expect(github.status == 1)
        let annotations = github.standardError.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(!annotations.isEmpty)
        #expect(annotations.allSatisfy { $0.hasPrefix(#"::error file=content/briefings/x%0A%3A%3Aerror file=forged.md%2Cline=1%3A%3Aforged%2C \u{1B}[2J.md,"#) })
        #expect(!github.standardError.unicodeScalars.contains { $0.value == 0x1B })

        let text = try run(dossier(), ["check", "--root", project.root.path], in: project.root)
        #expect(text.status == 1)
        #expect(text.standardError.contains(#"content/briefings/x\n::error file=forged.md,line=1::forged, \u{1B}[2J.md:3:7: error: invalid date 'never'"#))
        #expect(!text.standardError.unicodeScalars.contains { $0.value == 0x1B })
    }
}
