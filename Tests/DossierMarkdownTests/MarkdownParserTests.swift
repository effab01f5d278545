import Foundation
import Testing
@testable import DossierMarkdown

@Suite struct GFMExtensionTests {
    func html(_ markdown: String, options: MarkdownOptions = .init()) -> String {
        MarkdownParser.parse(markdown, options: options).renderHTML()
    }

    @Test func table() {
        let output = html("| a | b |\n|---|:-:|\n| 1 | 2 |\n")
        #expect(output.contains("<table>"))
        #expect(output.contains("<th>a</th>"))
        #expect(output.contains("<td align=\"center\">2</td>"))
    }

    @Test func strikethrough() {
        #expect(html("~~gone~~") == "<p><del>gone</del></p>\n")
    }

    @Test func autolink() {
        #expect(html("see https://example.org now").contains("<a href=\"https://example.org\">https://example.org</a>"))
    }

    @Test func tasklist() {
        let output = html("- [x] done\n- [ ] open\n")
        #expect(output.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done"))
        #expect(output.contains("<input type=\"checkbox\" disabled=\"\" /> open"))
    }

    @Test func footnotes() {
        let output = html("Claim.[^src]\n\n[^src]: The source.\n")
        #expect(output.contains("<sup class=\"footnote-ref\"><a href=\"#fn-src\" id=\"fnref-src\""))
        #expect(output.contains("<section class=\"footnotes\""))
        #expect(output.contains("The source."))
    }

    @Test func tagfilterEscapesDangerousTagsWhenRawHTMLIsAllowed() {
        let output = html("<script>alert(1)</script>\n\n<b>bold</b>\n", options: .init(allowRawHTML: true))
        #expect(output.contains("&lt;script>"))
        #expect(output.contains("<b>bold</b>"))
    }
}

@Suite struct SafeModeTests {
    @Test func rawHTMLIsOmittedByDefault() {
        let output = MarkdownParser.parse("<script>alert(1)</script>\n\nText <i>x</i>\n").renderHTML()
        #expect(!output.contains("<script"))
        #expect(!output.contains("<i>"))
        #expect(output.contains("<!-- raw HTML omitted -->"))
    }

    @Test func javascriptLinksAreEmptied() {
        let output = MarkdownParser.parse("[click](javascript:alert(1)) and ![i](vbscript:x)").renderHTML()
        #expect(!output.contains("javascript:"))
        #expect(!output.contains("vbscript:"))
        #expect(output.contains("<a href=\"\">click</a>"))
    }
}

@Suite struct TreeTests {
    @Test func blocksGetIDsAndOtherSourcePositionsDisappear() {
        let document = MarkdownParser.parse("# Title\n\nFirst para.\n\n- a\n- b\n\n> quoted\n\n| x |\n|---|\n| 1 |\n")
        let kinds = document.blocks.map(\.kind)
        #expect(kinds == [.heading(level: 1), .paragraph, .listItem, .listItem, .blockQuote, .paragraph, .table])
        let ids = Dictionary(uniqueKeysWithValues: document.blocks.map { ($0.index, "b\($0.index)") })
        let output = document.renderHTML(blockIDs: ids)
        #expect(output == """
        <h1 id="b0">Title</h1>
        <p id="b1">First para.</p>
        <ul>
        <li id="b2">a</li>
        <li id="b3">b</li>
        </ul>
        <blockquote id="b4">
        <p id="b5">quoted</p>
        </blockquote>
        <table id="b6">
        <thead>
        <tr>
        <th>x</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td>1</td>
        </tr>
        </tbody>
        </table>

        """)
        #expect(!document.renderHTML().contains("data-sourcepos"))
    }

    @Test func textRunsKnowTheirBlockAndWhetherTheyMayBeLinked() {
        let document = MarkdownParser.parse("## Iran\n\nIran and [Iraq](http://x) meet `Oman`\nin Doha.\n")
        let runs = document.textRuns
        #expect(runs.map(\.text) == ["Iran", "Iran and ", "Iraq", " meet ", "in Doha."])
        #expect(runs.map(\.isLinkable) == [false, true, false, true, true])
        #expect(document.blocks[1].plainText == "Iran and Iraq meet Oman in Doha.")
        #expect(runs[4].offsetInBlock == 24)
        #expect(document.links.map(\.text) == ["Iraq"])
    }

    @Test func adjacentTextAndSoftBreaksMergeWithoutChangingTheHTML() {
        let markdown = "The Islamic Republic\nof Iran & [x] say_so.\n"
        let document = MarkdownParser.parse(markdown)
        #expect(document.textRuns.map(\.text) == ["The Islamic Republic\nof Iran & [x] say_so."])
        #expect(document.renderHTML() == "<p>The Islamic Republic\nof Iran &amp; [x] say_so.</p>\n")
    }

    @Test func rewritingATextRunInsertsLinks() {
        let document = MarkdownParser.parse("Talks between Iran and Qatar.\n")
        document.replaceTextRun(0, with: [
            .text("Talks between "), .link(url: "actors/iran/", title: "Iran", text: "Iran"), .text(" and Qatar."),
        ])
        #expect(document.renderHTML() == "<p>Talks between <a href=\"actors/iran/\" title=\"Iran\">Iran</a> and Qatar.</p>\n")
        #expect(document.renderCommonMark() == "Talks between [Iran](actors/iran/ \"Iran\") and Qatar.\n")
    }

    /// A replaced run can be the next sibling of another run's ancestor (`*Iran*`
    /// before " and Russia"); that ancestor is taken out and put back around the
    /// replacement, so the run must still be in the tree when it is put back. Freed
    /// too early, the insertion read freed memory: one build in three crashed.
    @Test func rewritingARunBesideAnotherRunsAncestorKeepsTheTreeWhole() {
        for _ in 0..<300 {
            let document = MarkdownParser.parse("> Talks between *Iran* and Russia, then **Qatar** and Israel.\n")
            #expect(document.textRuns.map(\.text) == ["Talks between ", "Iran", " and Russia, then ", "Qatar", " and Israel."])
            document.replaceTextRuns([
                (1, [.link(url: "iran/", title: "Iran", text: "Iran")]),
                (2, [.text(" and "), .link(url: "russia/", title: "Russia", text: "Russia"), .text(", then ")]),
                (3, [.link(url: "qatar/", title: "Qatar", text: "Qatar")]),
                (4, [.text(" and "), .link(url: "israel/", title: "Israel", text: "Israel"), .text(".")]),
            ])
            let html = document.renderHTML()
            #expect(html == """
            <blockquote>
            <p>Talks between <em><a href="iran/" title="Iran">Iran</a></em> and <a href="russia/" title="Russia">Russia</a>, then \
            <strong><a href="qatar/" title="Qatar">Qatar</a></strong> and <a href="israel/" title="Israel">Israel</a>.</p>
            </blockquote>

            """)
            if html.isEmpty { break }
        }
    }

    @Test func linkDestinationsCanBeChanged() {
        let document = MarkdownParser.parse("Ask [Tehran](@iran).\n")
        #expect(document.links.first?.url == "@iran")
        document.setLinkDestination(0, url: "../iran/", title: "Iran")
        #expect(document.renderHTML() == "<p>Ask <a href=\"../iran/\" title=\"Iran\">Tehran</a>.</p>\n")
    }

    @Test func looseListParagraphsAreAnchoredTightOnesAreNot() {
        let tight = MarkdownParser.parse("- one\n- two\n")
        #expect(tight.blocks.map(\.kind) == [.listItem, .listItem])
        let loose = MarkdownParser.parse("- one\n\n- two\n")
        #expect(loose.blocks.map(\.kind) == [.listItem, .paragraph, .listItem, .paragraph])
        #expect(loose.textRuns[1].blockIndex == 3)
    }
}
