import Testing
@testable import DossierMarkdown

/// The rewriter reads cmark's bytes in place and keys blocks by numbers; these pin it
/// to what the string-keyed version it replaced wrote, byte for byte.
@Suite struct SourcePositionRewriterTests {
    /// The replaced version: the tag and position as strings, the id escaped by Characters.
    static func reference(_ html: String, ids: [String: String]) -> String {
        let marker = Array(" data-sourcepos=\"".utf8)
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        var index = 0, lastTagStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") { lastTagStart = index }
            if byte == marker[0], index + marker.count <= bytes.count, Array(bytes[index..<(index + marker.count)]) == marker,
               let close = bytes[(index + marker.count)...].firstIndex(of: UInt8(ascii: "\"")) {
                let position = String(decoding: bytes[(index + marker.count)..<close], as: UTF8.self)
                var end = lastTagStart + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: " "), bytes[end] != UInt8(ascii: ">") { end += 1 }
                let tag = String(decoding: bytes[(lastTagStart + 1)..<min(end, bytes.count)], as: UTF8.self)
                if let id = ids[tag + " " + position] {
                    var escaped = ""
                    for character in id {
                        switch character {
                        case "&": escaped += "&amp;"
                        case "\"": escaped += "&quot;"
                        case "<": escaped += "&lt;"
                        case ">": escaped += "&gt;"
                        default: escaped.append(character)
                        }
                    }
                    output += Array(" id=\"\(escaped)\"".utf8)
                }
                index = close + 1
                continue
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    static let tags: [(String, SourcePositionRewriter.Tag)] = [
        ("p", .paragraph), ("h1", .heading1), ("h2", .heading2), ("h3", .heading3), ("h4", .heading4), ("h5", .heading5),
        ("h6", .heading6), ("li", .listItem), ("table", .table), ("blockquote", .blockQuote),
    ]

    @Test func writesWhatTheStringKeyedVersionWrote() {
        let html = """
        <h2 data-sourcepos="1:1-1:9">Iran</h2>
        <p data-sourcepos="3:1-4:12">Talks &amp; <em>more</em></p>
        <ul data-sourcepos="6:1-7:5">
        <li data-sourcepos="6:1-7:5">only</li>
        </ul>
        <blockquote data-sourcepos="9:1-9:9">
        <p data-sourcepos="9:3-9:9">quoted</p>
        </blockquote>
        <table data-sourcepos="11:1-13:5"><tr data-sourcepos="11:1-11:5"><td>x</td></tr></table>
        <p data-sourcepos="03:1-4:12">raw, not as cmark writes it</p>
        <p data-sourcepos="3:1-4:12x">nor this</p>
        <p data-sourcepos="3:1-4:12
        """ + "<h7 data-sourcepos=\"1:1-1:9\">no such tag</h7><p data-sourcepos=\"\">empty</p> data-sourcepos=\"1:1-1:9\" unterminated"
        let named: [(String, SourcePositionRewriter.Key, String)] = [
            ("h2 1:1-1:9", .init(tag: .heading2, startLine: 1, startColumn: 1, endLine: 1, endColumn: 9), "iran"),
            ("p 3:1-4:12", .init(tag: .paragraph, startLine: 3, startColumn: 1, endLine: 4, endColumn: 12), "p-talks&\"<é>"),
            ("li 6:1-7:5", .init(tag: .listItem, startLine: 6, startColumn: 1, endLine: 7, endColumn: 5), "li-only"),
            ("blockquote 9:1-9:9", .init(tag: .blockQuote, startLine: 9, startColumn: 1, endLine: 9, endColumn: 9), "quote"),
            ("table 11:1-13:5", .init(tag: .table, startLine: 11, startColumn: 1, endLine: 13, endColumn: 5), "table-x"),
        ]
        let byString = Dictionary(uniqueKeysWithValues: named.map { ($0.0, $0.2) })
        let byKey = Dictionary(uniqueKeysWithValues: named.map { ($0.1, $0.2) })
        let rewritten = SourcePositionRewriter.replaceSourcePositions(in: html, ids: byKey)
        #expect(rewritten == Self.reference(html, ids: byString))
        #expect(rewritten.contains("<p id=\"p-talks&amp;&quot;&lt;é&gt;\">Talks"))
        #expect(rewritten.contains("<ul>\n<li id=\"li-only\">only</li>"))
        #expect(SourcePositionRewriter.replaceSourcePositions(in: html, ids: [:]) == Self.reference(html, ids: [:]))
    }

    @Test func everyTagAndPositionAgreesWithTheReference() {
        var html = ""
        var byString: [String: String] = [:], byKey: [SourcePositionRewriter.Key: String] = [:]
        for (number, (name, tag)) in Self.tags.enumerated() {
            for line in [1, 9, 10, 123_456] {
                let position = "\(line):\(number + 1)-\(line + number):\(2 * number)"
                html += "<\(name) data-sourcepos=\"\(position)\">x</\(name)>\n<\(name) class=\"c\" data-sourcepos=\"\(position)\">y</\(name)>\n"
                guard line != 10 else { continue }
                let id = "\(name)-\(line)"
                byString[name + " " + position] = id
                byKey[.init(tag: tag, startLine: line, startColumn: number + 1, endLine: line + number, endColumn: 2 * number)] = id
            }
        }
        #expect(SourcePositionRewriter.replaceSourcePositions(in: html, ids: byKey) == Self.reference(html, ids: byString))
        #expect(!SourcePositionRewriter.replaceSourcePositions(in: html, ids: byKey).contains("data-sourcepos"))
    }

    /// The attribute is found by searching for its "=": text full of them, a marker at
    /// either end, markers back to back and cut-off ones all rewrite as the byte loop did.
    @Test(arguments: [
        "", "=", " data-sourcepos=\"", " data-sourcepos=\"1:1-1:2\"", "<p data-sourcepos=\"1:1-1:2\">x = y == z</p>",
        "a=b data-sourcepos=\"1:1-1:2\" data-sourcepos=\"1:1-1:2\"<p data-sourcepos=\"1:1-1:2\">",
        "<li data-sourcepos=\"2:1-2:5\">=</li>==== data-sourcepos==\"", "<p data-sourcepos=\"1:1-1:2\"", "data-sourcepos=\"1:1-1:2\">",
        String(repeating: "<p data-sourcepos=\"1:1-1:2\">=", count: 50) + " data-sourcepos",
    ])
    func equalsSignsInTheTextChangeNothing(html: String) {
        let byKey: [SourcePositionRewriter.Key: String] = [
            .init(tag: .paragraph, startLine: 1, startColumn: 1, endLine: 1, endColumn: 2): "para",
            .init(tag: .listItem, startLine: 2, startColumn: 1, endLine: 2, endColumn: 5): "item",
        ]
        let byString = ["p 1:1-1:2": "para", "li 2:1-2:5": "item"]
        #expect(SourcePositionRewriter.replaceSourcePositions(in: html, ids: byKey) == Self.reference(html, ids: byString))
        #expect(SourcePositionRewriter.replaceSourcePositions(in: html, ids: [:]) == Self.reference(html, ids: [:]))
    }

    @Test func renderedDocumentsKeepNoSourcePositions() {
        let markdown = "# Title\n\nFirst *para*.\n\n- a\n\n  b\n- c\n\n> quoted\n> > twice\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n1. one\n2. two\n\n"
            + "Note.[^n]\n\n[^n]: The note.\n\n<div data-sourcepos=\"1:1-1:7\">raw</div>\n"
        for allowRawHTML in [false, true] {
            let document = MarkdownParser.parse(markdown, options: .init(allowRawHTML: allowRawHTML))
            let ids = Dictionary(uniqueKeysWithValues: document.blocks.map { ($0.index, "b\($0.index)") })
            let rewritten = document.renderHTML(blockIDs: ids)
            #expect(!rewritten.contains("data-sourcepos"))
            #expect(rewritten.hasPrefix("<h1 id=\"b0\">Title</h1>\n<p id=\"b1\">First <em>para</em>.</p>"))
            #expect(rewritten.contains("<table id=\""))
        }
    }
}
