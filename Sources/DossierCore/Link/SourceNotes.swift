import DossierMarkdown

/// Notes that cite a file's `sources:`. Writing `[^cspa-text]` where `cspa-text` is
/// the id of one of the file's sources makes a numbered note that links to the
/// source, with no definition to write.
///
/// The notes are cmark-gfm footnotes: a definition for each source is appended after
/// the body before it is parsed, so cmark-gfm numbers written and generated notes in
/// one sequence, in order of first reference, and renders both the same way. A
/// definition the author wrote comes first in the text, so it wins over the generated
/// one (cmark-gfm keeps the first definition of a label), and cmark-gfm drops the
/// definitions nothing refers to.
enum SourceNotes {
    /// Footnote definitions for every source with an id, as Markdown to append after
    /// the body, or "" when there is none. Starts with a blank line, so it closes the
    /// body's last paragraph, list or quote.
    static func definitions(for sources: [Source], language: LanguageTag) -> String {
        var text = ""
        for source in sources {
            guard let id = source.id else { continue }
            var note = escaped(source.title)
            if let url = source.url { note = "[\(note)](<\(escapedDestination(url))>)" }
            if let publisher = source.publisher { note += ", " + escaped(publisher) }
            if let date = source.date { note += ", " + escaped(DisplayFormat.date(date, in: language)) }
            text += "\n[^\(id)]: \(note).\n"
        }
        return text.isEmpty ? "" : "\n" + text
    }

    /// Every ASCII punctuation character backslash-escaped (CommonMark allows it for all
    /// of them), so a title is shown exactly as written and never read as Markdown.
    static func escaped(_ text: String) -> String {
        let asciiPunctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                result += " "
                continue
            }
            if asciiPunctuation.contains(scalar) { result += "\\" }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// A destination inside `<…>`: only the angle brackets and the backslash need escaping
    /// (source URLs were checked for safe schemes when they were read).
    static func escapedDestination(_ url: String) -> String {
        var result = ""
        for scalar in url.unicodeScalars where scalar != "\n" && scalar != "\r" {
            if scalar == "<" || scalar == ">" || scalar == "\\" { result += "\\" }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// An error for every `[^label]` that cmark-gfm left as text because it has neither
    /// a definition nor a source, at its line and column in the file. A reference
    /// written `\[^label]` is text on purpose and is left alone, and so is anything in
    /// the appended definitions (past `proseLineCount`).
    ///
    /// cmark-gfm gives the text it puts back for an unknown reference no position
    /// (0:0), so each one is looked for in the source from where its text run, or
    /// failing that its block, starts; a reference found once is not found again.
    static func unresolvedReferences(
        in document: MarkdownDocument, body: Body, path: String, proseLineCount: Int, sourceIDs: [String]
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var lines: [Substring] = []
        var searchFrom: [String: SourcePoint] = [:]
        for run in document.textRuns where run.text.utf8.contains(UInt8(ascii: "^")) {
            let references = references(in: run.text)
            guard !references.isEmpty else { continue }
            if lines.isEmpty { lines = MarkdownLines.split(body.text) }
            let block = run.blockIndex.map { document.blocks[$0] }
            let start = run.line >= 1 ? SourcePoint(line: run.line, column: run.column)
                : block.map { SourcePoint(line: $0.line, column: $0.column) } ?? SourcePoint(line: 1, column: 1)
            for (label, linesBefore) in references {
                var from = SourcePoint(line: start.line + linesBefore, column: linesBefore == 0 ? start.column : 1)
                if let earlier = searchFrom[label], from < earlier { from = earlier }
                guard let found = find("[^" + label + "]", in: lines, from: from, lastLine: min(proseLineCount, lines.count)) else { continue }
                searchFrom[label] = SourcePoint(line: found.line, column: found.column + 1)
                let location = body.location(path: path, line: found.line, column: found.column)
                if sourceIDs.contains(label.lowercased()) {
                    diagnostics.append(.error(
                        "the note '[^\(label)]' cites source '\(label.lowercased())', but its note could not be added after the text: "
                            + "the text ends inside an unclosed code block or HTML block; close it",
                        at: location))
                } else {
                    diagnostics.append(.error(
                        "unknown note '[^\(label)]': no footnote '[^\(label)]: …' is written and no source has id '\(label)'"
                            + Suggestion.didYouMean(label, in: sourceIDs),
                        at: location))
                }
            }
        }
        return diagnostics
    }

    struct SourcePoint: Comparable {
        var line: Int
        var column: Int
        static func < (lhs: SourcePoint, rhs: SourcePoint) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }
    }

    /// The first place at or after `from`, up to `lastLine`, where `needle` is written
    /// without a backslash before it. Columns are 1-based bytes, as cmark counts them.
    static func find(_ needle: String, in lines: [Substring], from: SourcePoint, lastLine: Int) -> SourcePoint? {
        guard from.line >= 1, from.line <= lastLine else { return nil }
        for line in from.line...lastLine {
            if let column = unescapedColumn(of: needle, in: lines[line - 1], from: line == from.line ? from.column : 1) {
                return SourcePoint(line: line, column: column)
            }
        }
        return nil
    }

    /// The labels of `[^label]` in a text run, each with the number of line breaks before it.
    /// cmark-gfm takes a label to be anything but spaces and brackets.
    static func references(in text: String) -> [(label: String, linesBefore: Int)] {
        let scalars = Array(text.unicodeScalars)
        var result: [(String, Int)] = []
        var lineBreaks = 0
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\n" { lineBreaks += 1 }
            guard scalars[index] == "[", index + 1 < scalars.count, scalars[index + 1] == "^" else {
                index += 1
                continue
            }
            var end = index + 2
            while end < scalars.count, !isLabelEnd(scalars[end]) { end += 1 }
            if end < scalars.count, scalars[end] == "]", end > index + 2 {
                result.append((String(String.UnicodeScalarView(scalars[(index + 2)..<end])), lineBreaks))
                index = end + 1
            } else {
                index += 1
            }
        }
        return result
    }

    private static func isLabelEnd(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "]" || scalar == "[" || scalar.properties.isWhitespace
    }

    /// The 1-based byte column (as cmark counts) of `needle` in `line` at or after
    /// `column`, where it is not preceded by a backslash.
    static func unescapedColumn(of needle: String, in line: Substring, from column: Int) -> Int? {
        let bytes = Array(line.utf8), target = Array(needle.utf8)
        var start = max(0, column - 1)
        while start + target.count <= bytes.count {
            if bytes[start] == target[0], Array(bytes[start..<(start + target.count)]) == target,
               start == 0 || bytes[start - 1] != UInt8(ascii: "\\") {
                return start + 1
            }
            start += 1
        }
        return nil
    }
}
