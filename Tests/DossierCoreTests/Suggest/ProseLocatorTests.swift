import DossierMarkdown
import Testing
@testable import DossierCore

/// Where a character of a text run stands in the Markdown source, to the character.
@Suite struct ProseLocatorTests {
    /// The line and column that the locator gives for the first `word` in the prose of `markdown`.
    func locate(_ word: String, in markdown: String) throws -> (line: Int, column: Int) {
        let document = MarkdownParser.parse(markdown)
        for run in document.textRuns {
            let scalars = Array(run.text.unicodeScalars)
            let target = Array(word.unicodeScalars)
            guard let offset = scalars.indices.first(where: { scalars[$0...].starts(with: target) }) else { continue }
            let prose = ProseRun(text: run.text, line: run.line, byteColumn: run.column, blockIndex: run.blockIndex, offsetInBlock: run.offsetInBlock)
            return ProseLocator(source: markdown).locate(prose, offset: offset)
        }
        throw LocateFailure(word: word)
    }

    struct LocateFailure: Error { var word: String }

    /// The source text at a line and column.
    func text(at position: (line: Int, column: Int), in markdown: String, length: Int) -> String {
        // By scalars: as a Character, "\r\n" is one, so splitting the String at "\n" would miss it.
        let lines = markdown.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.indices.contains(position.line - 1) else { return "" }
        return String(String.UnicodeScalarView(lines[position.line - 1].dropFirst(position.column - 1).prefix(length)))
    }

    @Test(arguments: [
        ("Plain text with Niger and\nMali on two lines, *emph* Chad after.\n", "Mali", 2, 1),
        ("Plain text with Niger and\nMali on two lines, *emph* Chad after.\n", "Chad", 2, 27),
        ("> Quote with Niger and\n> Mali continued\n", "Mali", 2, 3),
        ("- Item with Niger\n  and Mali\n", "Mali", 2, 7),
        ("- Second Togo &amp; Ghana \\* Gabon\n", "Gabon", 1, 30),
        ("Très été Ghana and ünïcode Togo.\n", "Togo", 1, 28),
        ("   Indented para Niger\n   continues Mali\n", "Mali", 2, 14),
        ("| Head | Other |\n|---|---|\n| Niger | Mali and Ghana |\n", "Ghana", 3, 20),
        ("Text [link](http://x) after Mali.\n", "Mali", 1, 29),
        ("1. Ordered Niger\n   more Mali\n\n   second para Ghana\n", "Ghana", 4, 16),
        ("Entities&nbsp;&eacute;t&eacute; then Benin.\n", "Benin", 1, 38),
        ("Tabs\tand Benin\n", "Benin", 1, 10),
        ("Windows lines Niger and\r\nMali here.\r\n", "Mali", 2, 1),
        ("Lazy\n> quote Niger and\nMali continued\n", "Mali", 3, 1),
    ])
    func findsTheCharacterInTheSource(markdown: String, word: String, line: Int, column: Int) throws {
        let position = try locate(word, in: markdown)
        #expect(position.line == line && position.column == column, "\(word): got \(position.line):\(position.column)")
        #expect(text(at: position, in: markdown, length: word.unicodeScalars.count) == word)
    }
}
