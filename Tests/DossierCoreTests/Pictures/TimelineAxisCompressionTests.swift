import Foundation
import Testing
@testable import DossierCore

/// The example's shape: a few events decades ago, most of them in two recent years.
@Suite struct TimelineAxisCompressionTests {
    static let dates = [
        "1980-09-22", "1988-08-20", "1997-05", "2022-02-24", "2022-03", "2022-06-15", "2022-09-16", "2022-11",
        "2023-01-10", "2023-03-10", "2023-05", "2023-07-04", "2023-08-24", "2023-10-07", "2023-11", "2024-01-28",
        "2024-04-13",
    ]

    static func entries() -> [TimelineEntry] {
        dates.enumerated().map { index, text in
            TimelineEntry(date: PictureFixtures.date(text),
                          title: "The \(PictureFixtures.titles[index % PictureFixtures.titles.count]) agreement on regional security and trade",
                          href: "#event-\(index + 1)")
        }
    }

    @Test func eventsSpreadOverMostOfTheWidthDespiteEmptyDecades() throws {
        let root = try PictureSVGParser.parse(TimelinePicture.svg(entries: Self.entries(), title: "Compressed"))
        let xs = TimelinePictureTests.dots(root)
        let view = try #require(pictureViewBox(root))
        // The 14 events of 2022–2024 take more than half the width, not 5 % of it.
        let recent = xs.suffix(14)
        let share = (recent.max()! - recent.min()!) / (view.maxX - view.minX)
        #expect(share > 0.5, "recent events cover \(share) of the width")
        // The axis is broken, with a mark at every break, and the desc says what is skipped.
        let axisLines = root.all("line").filter { $0.classes.contains("axis") }
        let breaks = root.all("path").filter { $0.classes.contains("axis-break") }
        #expect(axisLines.count >= 2)
        #expect(breaks.count == axisLines.count - 1)
        #expect(root.children.first { $0.name == "desc" }?.fullText.contains("The axis skips") == true)
    }

    @Test func axisEndsJustAfterTheLastEvent() throws {
        let root = try PictureSVGParser.parse(TimelinePicture.svg(entries: Self.entries(), title: "End"))
        let years = root.all("text").filter { $0.classes.contains("tick-label") }.compactMap { Int($0.fullText) }
        #expect(years.max() == 2024, "year labels \(years)")
        let lastAxis = try #require(root.all("line").filter { $0.classes.contains("axis") }.last)
        let lastDot = try #require(TimelinePictureTests.dots(root).last)
        let axisEnd = try #require(lastAxis.double("x2"))
        let view = try #require(pictureViewBox(root))
        #expect(axisEnd - lastDot < (view.maxX - view.minX) * 0.1, "axis runs \(axisEnd - lastDot) px past the last event")
    }

    @Test func dotsStayInDateOrderAcrossBreaks() throws {
        let root = try PictureSVGParser.parse(TimelinePicture.svg(entries: Self.entries(), title: "Order"))
        let xs = TimelinePictureTests.dots(root)
        #expect(xs.count == Self.dates.count)
        #expect(xs == xs.sorted())
    }

    @Test func fewScatteredEventsKeepOneProportionalAxis() throws {
        let d = PictureFixtures.date
        let entries = [TimelineEntry(date: d("1990-01-01"), title: "A"), TimelineEntry(date: d("2020-01-01"), title: "B")]
        let root = try PictureSVGParser.parse(TimelinePicture.svg(entries: entries, title: "Two"))
        #expect(root.all("line").filter { $0.classes.contains("axis") }.count == 1)
        #expect(root.all("path").filter { $0.classes.contains("axis-break") }.isEmpty)
    }

    @Test func tickLabelsOfNeighbouringSegmentsDoNotCollide() throws {
        for width in [320, 640, 960] {
            let root = try PictureSVGParser.parse(TimelinePicture.svg(entries: Self.entries(), title: "Ticks", width: width))
            let ticks = root.all("text").filter { $0.classes.contains("tick-label") }.map { estimatedTextBox($0, defaultFontSize: 10) }
            #expect(pictureOverlaps(ticks).isEmpty, "at \(width) px")
        }
    }
}

@Suite struct TimelineLabelWrappingTests {
    @Test func noLabelIsTruncatedAndNoLabelOverlapsAnother() throws {
        for width in [320, 640, 960] {
            let entries = TimelineAxisCompressionTests.entries()
            let root = try PictureSVGParser.parse(TimelinePicture.svg(entries: entries, title: "Wrapped", width: width))
            let labels = TimelinePictureTests.labels(root)
            #expect(labels.count == entries.count)
            let texts = labels.map { label in
                let spans = label.all("tspan")
                return spans.isEmpty ? label.fullText : spans.map(\.fullText).joined(separator: " ")
            }
            #expect(Set(texts) == Set(entries.map(\.title)), "at \(width) px")
            #expect(!texts.contains { $0.contains("…") })
            #expect(labels.contains { $0.all("tspan").count >= 2 }, "long titles are wrapped at \(width) px")
            let boxes = labels.map { estimatedTextBox($0) }
            #expect(pictureOverlaps(boxes).isEmpty, "overlaps at \(width) px")
            let ticks = root.all("text").filter { $0.classes.contains("tick-label") }.map { estimatedTextBox($0, defaultFontSize: 10) }
            #expect(pictureOverlaps(boxes + ticks).isEmpty, "labels over tick labels at \(width) px")
            let view = try #require(pictureViewBox(root))
            #expect(boxes.allSatisfy { view.contains($0) }, "labels outside the picture at \(width) px")
        }
    }

    @Test func aWordLongerThanALineIsSplitNotDropped() {
        let lines = PictureSVG.wrapLines("Nord Stream Abcdefghijklmnopqrstuvwxyz pipeline", maxCharacters: 10)
        #expect(lines.allSatisfy { $0.count <= 10 })
        #expect(lines.joined().replacingOccurrences(of: " ", with: "") == "NordStreamAbcdefghijklmnopqrstuvwxyzpipeline")
    }
}
