import Foundation
import Testing
@testable import DossierCore

/// The vertical timeline shown on narrow screens.
@Suite struct TimelineVerticalPictureTests {
    static func picture() throws -> PictureSVGNode {
        try PictureSVGParser.parse(TimelineVerticalPicture.svg(entries: TimelineAxisCompressionTests.entries(),
                                                               title: "Vertical", id: "timeline-vertical"))
    }

    @Test func everyLabelIsWholeLegibleOnAPhoneAndClearOfTheOthers() throws {
        let root = try Self.picture()
        let entries = TimelineAxisCompressionTests.entries()
        let labels = TimelinePictureTests.labels(root)
        let texts = labels.map { label in
            let spans = label.all("tspan")
            return spans.isEmpty ? label.fullText : spans.map(\.fullText).joined(separator: " ")
        }
        #expect(texts.sorted() == entries.map(\.title).sorted())
        let boxes = labels.map { estimatedTextBox($0, defaultFontSize: 14) }
        #expect(pictureOverlaps(boxes).isEmpty)
        let view = try #require(pictureViewBox(root))
        #expect(boxes.allSatisfy { view.contains($0) })
        // A 375 px phone leaves about 311 px for the figure's content.
        let scale = min(1, 311 / (view.maxX - view.minX))
        // The labels' size is said once, on the group of events, and inherited.
        let events = try #require(root.all("g").first { $0.classes.contains("events") })
        for label in labels { #expect((label.double("font-size") ?? events.double("font-size") ?? 11) * scale >= 12) }
    }

    @Test func timeRunsDownTheAxisWithItsBreaks() throws {
        let root = try Self.picture()
        let ys = root.all("circle").filter { $0.classes.contains("event-dot") }.compactMap { $0.double("cy") }
        #expect(ys.count == TimelineAxisCompressionTests.dates.count)
        #expect(ys == ys.sorted())
        let axes = root.all("line").filter { $0.classes.contains("axis") }
        #expect(axes.allSatisfy { $0["x1"] == $0["x2"] })
        #expect(root.all("path").filter { $0.classes.contains("axis-break") }.count == axes.count - 1)
    }

    @Test func timelinePageCarriesBothLayoutsAndTheCSSPicksOneByWidth() throws {
        let data = try #require(GraphPageCountsTests.site.files["timeline/index.html"])
        let html = String(decoding: data, as: UTF8.self)
        #expect(html.contains("class=\"dossier-timeline\""))
        #expect(html.contains("class=\"dossier-timeline dossier-timeline-vertical\" id=\"timeline-vertical\""))
        let css = String(decoding: try #require(GraphPageCountsTests.site.files["assets/dossier.css"]), as: UTF8.self)
        #expect(css.contains(".picture svg.dossier-timeline-vertical { display: none; }"))
        #expect(css.contains(".picture svg.dossier-timeline:not(.dossier-timeline-vertical) { display: none; }"))
    }
}
