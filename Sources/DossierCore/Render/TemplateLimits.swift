/// Templates that swift-mustache cannot parse safely, refused before parsing with a
/// diagnostic (both found by the fuzz test):
/// - it parses each nested section (`{{#…}}`, `{{^…}}`, `{{$…}}`, `{{<…}}`) with a
///   recursive call, so a few hundred nested sections overflow the stack and
///   `dossier` dies with SIGSEGV;
/// - at every `{` it measures the distance to the end of the whole template, so
///   parsing takes time that grows with the square of the template's size: 1 MB
///   took 105 s in a debug build.
enum TemplateLimits {
    /// Far deeper than a real theme nests (the built-in one: 5), far below where
    /// the parser's stack runs out (about 550 levels in a debug build).
    static let deepestSection = 100
    /// 25 times the largest built-in template; the worst 64 KB (`{x` repeated)
    /// parses in 1 s in a debug build.
    static let largestTemplateBytes = 64 * 1024

    struct Problem: Equatable {
        var message: String
        var position: Position
    }

    static func problem(in text: String) -> Problem? {
        let size = text.utf8.count
        if size > largestTemplateBytes {
            return Problem(message: "template is larger than \(largestTemplateBytes / 1024) KB (\(size) bytes)",
                           position: Position(line: 1, column: 1))
        }
        if let tag = firstTag(deeperThan: deepestSection, in: text) {
            return Problem(message: "sections nest more than \(deepestSection) deep", position: tag)
        }
        return nil
    }

    struct Position: Equatable {
        var line: Int
        var column: Int
    }

    /// The opening tag that first nests deeper than `limit`, or nil. Reads the text
    /// as swift-mustache's parser does: by Character, following set-delimiter tags,
    /// whose delimiters last until the end of the enclosing section. Where the parser
    /// would stop at a malformed tag, this stops too: the parser reports it.
    static func firstTag(deeperThan limit: Int, in text: String) -> Position? {
        let characters = Array(text)
        var start = Array("{{"), end = Array("}}")
        // The delimiters to restore when each open section closes.
        var enclosing: [(start: [Character], end: [Character])] = []

        func matches(_ token: [Character], at index: Int) -> Bool {
            index + token.count <= characters.count && characters[index..<index + token.count].elementsEqual(token)
        }
        func afterTag(from index: Int) -> Int? {
            var index = index
            while index < characters.count {
                if matches(end, at: index) { return index + end.count }
                index += 1
            }
            return nil
        }

        var index = 0
        while index < characters.count {
            guard matches(start, at: index) else {
                index += 1
                continue
            }
            let tag = index
            index += start.count
            guard index < characters.count else { return nil }
            switch characters[index] {
            case "#", "^", "$", "<":
                enclosing.append((start, end))
                if enclosing.count > limit { return position(of: tag, in: characters) }
                guard let next = afterTag(from: index + 1) else { return nil }
                index = next
            case "/":
                // The closing tag is read with the section's own delimiters.
                guard let next = afterTag(from: index + 1), let restored = enclosing.popLast() else { return nil }
                (start, end) = restored
                index = next
            case "=":
                guard let (newStart, newEnd, next) = setDelimiters(characters, from: index + 1, currentEnd: end) else { return nil }
                (start, end) = (newStart, newEnd)
                index = next
            default:
                guard let next = afterTag(from: index + 1) else { return nil }
                index = next
            }
        }
        return nil
    }

    /// `{{=<% %>=}}` after its `=`: the new delimiters and where the tag ends, as
    /// swift-mustache's `parserSetDelimiter` reads them.
    private static func setDelimiters(_ characters: [Character], from index: Int, currentEnd: [Character])
        -> (start: [Character], end: [Character], next: Int)? {
        var index = index
        func read(while condition: (Character) -> Bool) -> [Character] {
            let first = index
            while index < characters.count, condition(characters[index]) { index += 1 }
            return Array(characters[first..<index])
        }
        _ = read { $0.isWhitespace }
        let start = read { !$0.isWhitespace }
        _ = read { $0.isWhitespace }
        let end = read { $0 != "=" && !$0.isWhitespace }
        _ = read { $0.isWhitespace }
        guard !start.isEmpty, !end.isEmpty, index < characters.count, characters[index] == "=" else { return nil }
        index += 1
        guard index + currentEnd.count <= characters.count, characters[index..<index + currentEnd.count].elementsEqual(currentEnd) else { return nil }
        return (start, end, index + currentEnd.count)
    }

    private static func position(of index: Int, in characters: [Character]) -> Position {
        var line = 1, column = 1
        for character in characters[..<index] {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return Position(line: line, column: column)
    }
}
