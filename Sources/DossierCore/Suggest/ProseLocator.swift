/// Finds where a character of a text run stands in the Markdown source.
///
/// cmark-gfm gives the line and byte column where a run starts, but a run's text is
/// not its source: soft line breaks drop the next line's indentation and `>`
/// markers, `\*` loses its backslash, `&amp;` becomes `&`. Walking the run's text
/// and the source side by side from the run's start, skipping what the parser
/// removed, lands on the exact character. Columns are counted in characters
/// (Unicode scalars), as editors count them.
struct ProseLocator {
    private let scalars: [Unicode.Scalar]
    /// Index in `scalars` of the first character of each line.
    private let lineStarts: [Int]

    init(source: String) {
        scalars = Array(source.unicodeScalars)
        var starts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The 1-based line and column (in characters) of `run.text`'s scalar at `offset`,
    /// in the coordinates of the source given to `init`.
    func locate(_ run: ProseRun, offset: Int) -> (line: Int, column: Int) {
        let start = position(line: run.line, byteColumn: run.byteColumn)
        let text = Array(run.text.unicodeScalars)
        var source = start
        for index in 0..<min(offset, text.count) {
            guard let next = consume(text[index], from: source) else { return lineAndColumn(start) }
            source = next
        }
        if offset < text.count, let found = find(text[offset], from: source) { source = found }
        return lineAndColumn(source)
    }

    private func position(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return 0 }
        var index = lineStarts[line - 1]
        var bytes = 1
        while bytes < byteColumn, index < scalars.count, scalars[index] != "\n" {
            bytes += UTF8.width(scalars[index])
            index += 1
        }
        return index
    }

    private func lineAndColumn(_ index: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return (low + 1, index - lineStarts[low] + 1)
    }

    /// How far the parser may have skipped between two characters of a run (markup,
    /// a line's indentation and `>` markers, an entity); beyond it, the walk gave up.
    private static let maximumSkip = 400

    /// The source index of `character`'s source form at or after `index`.
    private func find(_ character: Unicode.Scalar, from index: Int) -> Int? {
        var index = index
        let limit = min(scalars.count, index + Self.maximumSkip)
        while index < limit {
            let scalar = scalars[index]
            if scalar == character { return index }
            if scalar == "\\", index + 1 < scalars.count, scalars[index + 1] == character { return index }
            if scalar == "&", character != "&", entityLength(at: index) != nil { return index }
            index += 1
        }
        return nil
    }

    /// Consumes the source form of `character` (itself, a backslash escape, an
    /// entity, or a soft line break with the next line's prefix) and returns the index after it.
    private func consume(_ character: Unicode.Scalar, from index: Int) -> Int? {
        if character == "\n" {
            var index = index
            while index < scalars.count, scalars[index] != "\n" { index += 1 }
            return index < scalars.count ? index + 1 : nil
        }
        guard let found = find(character, from: index) else { return nil }
        let scalar = scalars[found]
        if scalar == character {
            // `&amp;` is written for "&": skip the rest of the entity.
            if scalar == "&", let length = entityLength(at: found) {
                return found + length
            }
            return found + 1
        }
        if scalar == "\\" { return found + 2 }
        return found + (entityLength(at: found) ?? 1)
    }

    /// The length of an HTML entity (`&amp;`, `&#233;`, `&#x2019;`) at `index`, or nil.
    private func entityLength(at index: Int) -> Int? {
        guard index < scalars.count, scalars[index] == "&" else { return nil }
        var end = index + 1
        let limit = min(scalars.count, index + 34)
        if end < limit, scalars[end] == "#" { end += 1 }
        let nameStart = end
        while end < limit, scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end]) { end += 1 }
        guard end > nameStart, end < scalars.count, scalars[end] == ";" else { return nil }
        return end + 1 - index
    }
}
