import Foundation
import Testing
@testable import DossierCore

@Suite struct TimelinePictureTests {
    static let twentyDates = [
        "2024-01-05", "2024-01-05", "2024-01-05", "2024-02-10", "2024-02-11", "2024-03", "2024-04-01", "2024-04-02",
        "2024-06-30", "2024-07-01", "2024", "2024-08-15", "2024-09", "2024-10-10", "2024-10-11", "2024-11-30",
        "2024-12-01T10:00:00Z", "2025-01-20", "2025-02", "2025-03-01",
    ]

    static func twentyEvents() -> [TimelineEntry] {
        twentyDates.enumerated().map { index, text in
            TimelineEntry(date: PictureFixtures.date(text), title: PictureFixtures.titles[index] + " summit",
                          href: "#event-\(index + 1)")
        }
    }

    static func labels(_ root: PictureSVGNode) -> [PictureSVGNode] {
        root.all("text").filter { $0.classes.contains("event-label") }
    }

    /// The x of each event's dot, in document order.
    static func dots(_ root: PictureSVGNode) -> [Double] {
        root.all("circle").filter { $0.classes.contains("event-dot") }.compactMap { $0.double("cx") }
    }

    @Test func sameInputInAnyOrderGivesTheSameOutput() {
        let entries = Self.twentyEvents()
        let first = TimelinePicture.svg(entries: entries, title: "Events")
        #expect(first == TimelinePicture.svg(entries: entries, title: "Events"))
        var rng = SplitMix64(seed: 9)
        #expect(first == TimelinePicture.svg(entries: entries.shuffled(using: &rng), title: "Events"))
        #expect(first == TimelinePicture.svg(entries: entries.reversed(), title: "Events"))
    }

    @Test func eventsAreInDateOrderAndProportionalToTime() throws {
        let d = PictureFixtures.date
        let entries = [
            TimelineEntry(date: d("2025-01-01"), title: "C", href: "#c"),
            TimelineEntry(date: d("2024-01-01"), title: "A", href: "#a"),
            TimelineEntry(date: d("2024-07-01"), title: "B", href: "#b"),
            TimelineEntry(date: d("2027-01-01"), title: "D", href: "#d"),
        ]
        let root = try PictureSVGParser.parse(TimelinePicture.svg(entries: entries, title: "Order"))
        #expect(root.all("a").map { $0["href"] ?? "" } == ["#a", "#b", "#c", "#d"])
        let xs = Self.dots(root)
        #expect(xs == xs.sorted())
        // 2024-01-01 → 2025-01-01 is one year, 2025 → 2027 two: the gaps keep that ratio.
        let ratio = (xs[3] - xs[2]) / (xs[2] - xs[0])
        #expect(abs(ratio - 2) < 0.05, "ratio \(ratio)")
    }

    @Test func twentyLabelsDoNotOverlap() throws {
        let svg = TimelinePicture.svg(entries: Self.twentyEvents(), title: "Events")
        let root = try PictureSVGParser.parse(svg)
        let labels = Self.labels(root)
        #expect(labels.count == 20)
        let boxes = labels.map { estimatedTextBox($0) }
        let overlaps = pictureOverlaps(boxes)
        #expect(overlaps.isEmpty, "overlapping: \(overlaps.map { (labels[$0.0].fullText, labels[$0.1].fullText) })")
        let view = try #require(pictureViewBox(root))
        for (label, box) in zip(labels, boxes) {
            #expect(view.contains(box), "\(label.fullText) \(box) outside \(view)")
        }
        // Nor do they overlap the tick labels.
        let tickBoxes = root.all("text").filter { $0.classes.contains("tick-label") }.map { estimatedTextBox($0, defaultFontSize: 10) }
        #expect(!tickBoxes.isEmpty)
        #expect(pictureOverlaps(boxes + tickBoxes).isEmpty)
        // Labels are spread over rows on both sides of the axis.
        let axisY = try #require(root.all("line").first { $0.classes.contains("axis") }?.double("y1"))
        #expect(boxes.contains { $0.maxY < axisY } && boxes.contains { $0.minY > axisY })

        let layout = TimelinePictureLayout.make(entries: Self.twentyEvents(), width: 960)
        for i in layout.events.indices {
            for j in layout.events.indices where j > i {
                #expect(!layout.events[i].labelBox.intersects(layout.events[j].labelBox))
            }
        }
    }

    @Test func yearTicksAreLabelled() throws {
        let d = PictureFixtures.date
        let entries = [TimelineEntry(date: d("2021-03-04"), title: "A"), TimelineEntry(date: d("2025-09-01"), title: "B")]
        let root = try PictureSVGParser.parse(TimelinePicture.svg(entries: entries, title: "Years"))
        let tickLabels = root.all("text").filter { $0.classes.contains("tick-label") }.map(\.fullText)
        #expect(tickLabels == ["2021", "2022", "2023", "2024", "2025", "2026"])
        let ticks = root.all("line").filter { $0.classes.contains("tick") }.compactMap { $0.double("x1") }
        let gaps = zip(ticks.dropFirst(), ticks).map { $0 - $1 }
        #expect(gaps.allSatisfy { abs($0 - gaps[0]) < 1 })
    }

    @Test func shortSpansGetMonthTicksWithTheYear() throws {
        let root = try PictureSVGParser.parse(TimelinePicture.svg(entries: Self.twentyEvents(), title: "Months"))
        let tickLabels = root.all("text").filter { $0.classes.contains("tick-label") }.map(\.fullText)
        #expect(tickLabels.contains("Jan") && tickLabels.contains("2024") && tickLabels.contains("2025"))
    }

    @Test func partialDatesAreDrawnDistinguishably() throws {
        let d = PictureFixtures.date
        let entries = [
            TimelineEntry(date: d("2024"), title: "Year only", href: "#y"),
            TimelineEntry(date: d("2024-06"), title: "Month only", href: "#m"),
            TimelineEntry(date: d("2024-06-15"), title: "Day", href: "#d"),
        ]
        let root = try PictureSVGParser.parse(TimelinePicture.svg(entries: entries, title: "Partial"))
        func event(_ href: String) throws -> PictureSVGNode { try #require(root.all("a").first { $0["href"] == href }) }
        let year = try event("#y"), month = try event("#m"), day = try event("#d")
        #expect(year.classes.contains("event-year") && month.classes.contains("event-month") && day.classes.contains("event-day"))
        // A partial date's dot is a ring: the picture's style says so once for the class.
        #expect(year.all("circle").first?.classes.contains("event-dot-partial") == true)
        #expect(month.all("circle").first?.classes.contains("event-dot-partial") == true)
        #expect(day.all("circle").first?.classes.contains("event-dot-partial") == false)
        #expect(TimelinePicture.eventStyle.contains(".dossier-timeline .event-dot-partial{fill:none;"))
        let yearBar = try #require(year.all("rect").first?.double("width"))
        let monthBar = try #require(month.all("rect").first?.double("width"))
        #expect(day.all("rect").isEmpty)
        #expect(yearBar > monthBar * 10)
    }

    /// Bars, dots and labels carry no paint of their own: one <style> per picture
    /// says it, for both renderings (a fifth of a 200-event timeline page).
    @Test func eventPaintIsSaidOncePerPicture() throws {
        let d = PictureFixtures.date
        let entries = (1...20).map { TimelineEntry(date: d("2024-06-\(String(format: "%02d", $0))"), title: "Event \($0)", href: "#e\($0)") }
        for svg in [TimelinePicture.svg(entries: entries, title: "Paint"),
                    TimelineVerticalPicture.svg(entries: entries, title: "Paint", id: "paint")] {
            #expect(svg.components(separatedBy: "<style>").count == 2)
            #expect(svg.contains(TimelinePicture.eventStyle))
            let events = try #require(svg.components(separatedBy: "<g class=\"events\"").last)
            #expect(!events.contains("paint-order") && !events.contains("fill=") && !events.contains("stroke="))
            #expect(events.components(separatedBy: "class=\"event-label\"").count == 21)
        }
    }

    @Test func eventsLinkToTheirAnchorAndTooltipHasTheFullTitle() throws {
        let d = PictureFixtures.date
        let long = "Signing of the Comprehensive Strategic Partnership Agreement between Iran and Russia"
        let entries = [
            TimelineEntry(date: d("2025-01-17"), title: long, href: "#event-1"),
            TimelineEntry(date: d("2025-01-20"), title: "Tom & Jerry <meet>", href: nil),
        ]
        let svg = TimelinePicture.svg(entries: entries, title: "Links")
        #expect(svg.contains("Tom &amp; Jerry &lt;meet&gt;"))
        let root = try PictureSVGParser.parse(svg)
        let links = root.all("a")
        #expect(links.count == 1)
        #expect(links[0]["href"] == "#event-1")
        #expect(links[0].all("title").first?.fullText == "17 January 2025: " + long)
        // The label is wrapped onto lines, not cut.
        let lines = try #require(links[0].all("text").first).all("tspan").map(\.fullText)
        #expect(lines.count > 1)
        #expect(lines.joined(separator: " ") == long)
        #expect(Self.labels(root).contains { $0.fullText == "Tom & Jerry <meet>" })
    }

    @Test func noEntries() throws {
        let root = try PictureSVGParser.parse(TimelinePicture.svg(entries: [], title: "Nothing"))
        #expect(root["role"] == nil, "no role: the svg's implicit graphics-document role keeps its links reachable; the Nu validator rejects img-with-links and group")
        #expect(root.all("text").first?.fullText == "No events to show.")
    }

    @Test func oneEntry() throws {
        let entry = TimelineEntry(date: PictureFixtures.date("2025-06-22"), title: "Strikes", href: "#event-1")
        let root = try PictureSVGParser.parse(TimelinePicture.svg(entries: [entry], title: "One"))
        let view = try #require(pictureViewBox(root))
        let x = try #require(Self.dots(root).first)
        #expect(x > view.minX + 20 && x < view.maxX - 20)
        #expect(root.all("text").filter { $0.classes.contains("tick-label") }.contains { $0.fullText == "2025" })
    }

    @Test func allOnTheSameDate() throws {
        let entries = (1...8).map {
            TimelineEntry(date: PictureFixtures.date("2025-06-22"), title: "Simultaneous event number \($0)", href: "#e\($0)")
        }
        let root = try PictureSVGParser.parse(TimelinePicture.svg(entries: entries, title: "Same day"))
        let boxes = Self.labels(root).map { estimatedTextBox($0) }
        #expect(boxes.count == 8)
        #expect(pictureOverlaps(boxes).isEmpty)
        #expect(Set(Self.dots(root)).count == 1)
        let view = try #require(pictureViewBox(root))
        #expect(boxes.allSatisfy { view.contains($0) })
    }

    @Test func spansOfDecades() throws {
        let d = PictureFixtures.date
        let entries = ["1945", "1968-07-01", "1979-02", "2003-03-20", "2015-07-14", "2025-06-22"].map {
            TimelineEntry(date: d($0), title: "Event of \($0)")
        }
        let root = try PictureSVGParser.parse(TimelinePicture.svg(entries: entries, title: "Decades"))
        let tickLabels = root.all("text").filter { $0.classes.contains("tick-label") }.compactMap { Int($0.fullText) }
        // The axis ends at the last event (2025), not at the next round decade.
        #expect(tickLabels.first! <= 1945 && (2020...2026).contains(tickLabels.last!))
        #expect(tickLabels.count <= 20)
        let steps = Set(zip(tickLabels.dropFirst(), tickLabels).map { $0 - $1 })
        #expect(steps.count == 1)
        let boxes = Self.labels(root).map { estimatedTextBox($0) }
        #expect(pictureOverlaps(boxes).isEmpty)
        let view = try #require(pictureViewBox(root))
        #expect(boxes.allSatisfy { view.contains($0) })
    }

    @Test func narrowWidthStillFits() throws {
        let root = try PictureSVGParser.parse(TimelinePicture.svg(entries: Self.twentyEvents(), title: "Narrow", width: 320))
        let view = try #require(pictureViewBox(root))
        let boxes = Self.labels(root).map { estimatedTextBox($0) }
        #expect(pictureOverlaps(boxes).isEmpty)
        #expect(boxes.allSatisfy { view.contains($0) })
    }

    @Test func accessibleRoot() throws {
        let root = try PictureSVGParser.parse(TimelinePicture.svg(entries: Self.twentyEvents(), title: "Events & more"))
        #expect(root["role"] == nil, "no role: the svg's implicit graphics-document role keeps its links reachable; the Nu validator rejects img-with-links and group")
        #expect(root["width"] == "100%")
        let labelledBy = try #require(root["aria-labelledby"]).split(separator: " ").map(String.init)
        #expect(root.children.first { $0.name == "title" }?["id"] == labelledBy.first)
        #expect(root.children.first { $0.name == "title" }?.fullText == "Events & more")
        #expect(root.children.first { $0.name == "desc" }?.fullText.hasPrefix("20 events from 2024 to 1 March 2025") == true)
        let ids = ([root] + root.descendants).compactMap { $0["id"] }
        #expect(Set(ids).count == ids.count)
    }
}
