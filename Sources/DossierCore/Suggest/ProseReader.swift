import DossierMarkdown

/// A stretch of prose where the linker looks for mentions: a text run outside
/// headings, links, images, code and raw HTML.
struct ProseRun: Sendable, Hashable {
    var text: String
    /// 1-based line in the document's body and column in UTF-8 bytes, as cmark-gfm reports them.
    var line: Int
    var byteColumn: Int
    var blockIndex: Int?
    var offsetInBlock: Int
}

/// One document read for suggestions: its prose runs, its blocks' plain text (for
/// the text around an example) and the capitalised phrases found in it.
struct ScannedDocument: Sendable, Hashable {
    var id: DocumentID
    var path: String
    var body: Body
    var runs: [ProseRun]
    var blockTexts: [String]
    var phrases: [PhraseOccurrence]
    var lowercaseWords: [String: Int]
}

/// Parses a document with cmark-gfm, as the linker does, and scans the same text
/// runs the linker would link, with the names actors already own marked by `matcher`.
enum ProseReader {
    static func read(
        id: DocumentID, path: String, body: Body, matcher: MentionMatcher, options: MarkdownOptions
    ) -> ScannedDocument {
        read(id: id, path: path, body: body, document: MarkdownParser.parse(body.text, options: options), matcher: matcher)
    }

    /// Reads a document the linker has parsed, before it rewrites the text runs.
    static func read(id: DocumentID, path: String, body: Body, document: MarkdownDocument, matcher: MentionMatcher) -> ScannedDocument {
        let blocks = document.blocks
        var blockScalars: [Int: [Unicode.Scalar]] = [:]
        var runs: [ProseRun] = []
        var phrases: [PhraseOccurrence] = []
        var lowercaseWords: [String: Int] = [:]
        // Footnotes cite sources: a cited title ("Eastward bound: …") is not a name to give a page.
        for run in document.textRuns where !run.isInFootnote {
            guard run.isLinkable else {
                // Headings and link texts still show which words are common in lowercase.
                let scanned = PhraseScanner.scan(run.text, covered: [], startsSentence: true, run: -1)
                lowercaseWords.merge(scanned.lowercaseWords, uniquingKeysWith: +)
                continue
            }
            let startsSentence: Bool
            if let block = run.blockIndex {
                if blockScalars[block] == nil { blockScalars[block] = Array(blocks[block].plainText.unicodeScalars) }
                startsSentence = blocks[block].kind == .table || beginsSentence(blockScalars[block]!, at: run.offsetInBlock)
            } else {
                startsSentence = true
            }
            let scanned = PhraseScanner.scan(
                run.text, covered: matcher.matches(in: run.text), startsSentence: startsSentence, run: runs.count)
            phrases += scanned.phrases
            lowercaseWords.merge(scanned.lowercaseWords, uniquingKeysWith: +)
            runs.append(ProseRun(text: run.text, line: run.line, byteColumn: run.column, blockIndex: run.blockIndex,
                                 offsetInBlock: run.offsetInBlock))
        }
        return ScannedDocument(id: id, path: path, body: body, runs: runs, blockTexts: blocks.map(\.plainText),
                               phrases: phrases, lowercaseWords: lowercaseWords)
    }

    /// Whether text starting at `offset` of a block begins a sentence: nothing but
    /// opening quotes and brackets before it, or a full stop, question or
    /// exclamation mark or colon (not after an abbreviation such as "St.").
    static func beginsSentence(_ scalars: [Unicode.Scalar], at offset: Int) -> Bool {
        var index = min(offset, scalars.count) - 1
        while index >= 0, PhraseScanner.isSpace(scalars[index]) || "\"“‘'([*_".unicodeScalars.contains(scalars[index]) {
            index -= 1
        }
        guard index >= 0 else { return true }
        guard ".!?:".unicodeScalars.contains(scalars[index]) else { return false }
        if scalars[index] == "." {
            var wordStart = index
            while wordStart > 0, PhraseScanner.isWord(scalars[wordStart - 1]) { wordStart -= 1 }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[wordStart..<index])
            if NameVocabulary.abbreviations.contains(String(word)) { return false }
        }
        return true
    }
}
