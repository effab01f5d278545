import Foundation
import Testing
@testable import DossierMarkdown

/// Replacing text runs takes the runs' ancestors out of the tree and puts them back
/// before their recorded next sibling; that sibling may itself be a replaced run.
@Suite struct TextRunReplacementTests {
    /// Replaces every run of `markdown` that contains one of `names` with a link on it.
    static func linkingEveryName(_ names: [String], in markdown: String) -> String {
        let document = MarkdownParser.parse(markdown)
        var replacements: [(run: Int, segments: [InlineSegment])] = []
        for run in document.textRuns where run.isLinkable {
            var segments: [InlineSegment] = []
            var rest = Substring(run.text)
            while let (name, range) = names.compactMap({ name in rest.range(of: name).map { (name, $0) } }).min(by: { $0.1.lowerBound < $1.1.lowerBound }) {
                if range.lowerBound > rest.startIndex { segments.append(.text(String(rest[..<range.lowerBound]))) }
                segments.append(.link(url: "dossier:" + name.lowercased(), title: name, text: name))
                rest = rest[range.upperBound...]
            }
            guard !segments.isEmpty else { continue }
            if !rest.isEmpty { segments.append(.text(String(rest))) }
            replacements.append((run.index, segments))
        }
        document.replaceTextRuns(replacements)
        return document.renderHTML()
    }

    /// The example briefing's "**Turkey.** Deeper defence ties with Turkey, a NATO member"
    /// once lost its bold text, which reappeared in the next list item: the run after
    /// `<strong>` was freed before `<strong>` was put back in front of it.
    @Test func anInlineContainerFollowedByAReplacedRunStaysInFrontOfIt() {
        let markdown = """
        - **Turkey.** Deeper ties with Turkey, a NATO member.
        - **China.** Closer ties with China.
        - *Iran* and Russia, then `code` and Russia.

        """
        let html = Self.linkingEveryName(["Turkey", "NATO", "China", "Iran", "Russia"], in: markdown)
        #expect(html.contains(#"<li><strong><a href="dossier:turkey" title="Turkey">Turkey</a>.</strong> Deeper ties with <a href="dossier:turkey" title="Turkey">Turkey</a>, a <a href="dossier:nato" title="NATO">NATO</a> member.</li>"#))
        #expect(html.contains(#"<li><strong><a href="dossier:china" title="China">China</a>.</strong> Closer ties with <a href="dossier:china" title="China">China</a>.</li>"#))
        #expect(html.contains(#"<li><em><a href="dossier:iran" title="Iran">Iran</a></em> and <a href="dossier:russia" title="Russia">Russia</a>, then <code>code</code> and <a href="dossier:russia" title="Russia">Russia</a>.</li>"#))
    }

    /// Freed memory is reused at random, so the old fault showed only sometimes: many
    /// documents in parallel make it show, and every one must come out the same.
    @Test func manyDocumentsReplacedInParallelAllComeOutTheSame() {
        let markdown = (1...20).map { "- **Turkey \($0).** Ties with Turkey and NATO, *NATO* and Turkey." }.joined(separator: "\n") + "\n"
        let expected = Self.linkingEveryName(["Turkey", "NATO"], in: markdown)
        let results = ParallelResults(count: 200)
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            results.set(index, Self.linkingEveryName(["Turkey", "NATO"], in: markdown))
        }
        #expect(results.values().allSatisfy { $0 == expected })
        #expect(expected.components(separatedBy: "<strong>").count == 21)
    }

    @Test func imagesAreListedWithTheirPositionsAndCanBePointedElsewhere() {
        let document = MarkdownParser.parse("Text\n\n![A map](map.png \"t\") and [a link](x.md)\n\n- ![b](img/b.jpg)\n")
        #expect(document.images.map(\.url) == ["map.png", "img/b.jpg"])
        #expect(document.images.map(\.line) == [3, 5])
        #expect(document.images.map(\.column) == [1, 3])
        #expect(document.links.map(\.url) == ["x.md"])
        document.setImageDestination(1, url: "dossier-site:briefings/x/img/b.jpg")
        let html = document.renderHTML()
        #expect(html.contains(#"<img src="map.png" alt="A map" title="t" />"#))
        #expect(html.contains(#"<img src="dossier-site:briefings/x/img/b.jpg" alt="b" />"#))
    }
}
