/// The timeline for narrow screens: time runs down a vertical axis on the left and every
/// label has the full width to its right, so a phone shows it at a legible size instead of
/// shrinking (or sideways-scrolling) the horizontal picture. The page's CSS shows one of the
/// two pictures depending on the screen's width.
enum TimelineVerticalPicture {
    static let width = 340.0
    static let axisX = 72.0
    static let fontSize = 14.0
    static let lineHeight = 17.0
    static let labelGap = 6.0
    static let dotRadius = 5.0

    struct PlacedEvent {
        var entry: TimelineEntry
        var dotY: Double
        var barStart: Double?
        var barEnd: Double?
        var lines: [String]
        /// Baseline of the first line.
        var baseline: Double
        var labelBox: PictureBox
    }

    struct Layout {
        var height: Double
        var axis: TimelineAxis
        var ticks: [TimelinePictureLayout.Tick]
        var events: [PlacedEvent]
    }

    static func svg(entries: [TimelineEntry], title: String, id: String, language: LanguageTag = .english) -> String {
        guard !entries.isEmpty else {
            return PictureSVG.emptyPicture(prefix: id, cssClass: "dossier-timeline dossier-timeline-vertical", title: title,
                                           message: "No events to show.")
        }
        return render(layout(entries: entries, language: language), title: title, prefix: id, language: language)
    }

    static func layout(entries rawEntries: [TimelineEntry], language: LanguageTag) -> Layout {
        let entries = TimelinePictureLayout.sortedEntries(rawEntries)
        let periods = entries.map { TimelinePictureLayout.period($0.date) }
        let top = 16.0
        // About 44 px of axis per event, so that labels sit near their dot rather than pushed far below it.
        let length = max(240, Double(entries.count) * 44)
        let axis = TimelineAxis.make(periods: periods, plotLeft: top, plotRight: top + length)
        let ticks = axis.ticks(language: language)
        let labelX = axisX + 14
        let characters = max(8, Int((width - labelX - 8) / (PictureSVG.glyphWidthFactor * fontSize)))
        var events: [PlacedEvent] = []
        var nextFreeTop = 0.0
        for (entry, span) in zip(entries, periods) {
            let precision = entry.date.precision
            var dotY: Double
            var bar: (Double, Double)?
            if precision == .year || precision == .month {
                dotY = axis.x((span.start + span.end) / 2)
                bar = (axis.x(span.start), axis.x(span.end))
            } else {
                dotY = axis.x(precision == .day ? span.start + 43_200 : span.start)
            }
            let lines = PictureSVG.wrapLines(entry.title.isEmpty ? entry.date.text : entry.title, maxCharacters: characters)
            let height = fontSize * 1.25 + Double(lines.count - 1) * lineHeight
            // Centred on the dot when there is room, else just below the label above.
            let labelTop = max(dotY - height / 2, nextFreeTop)
            nextFreeTop = labelTop + height + labelGap
            let textWidth = lines.map { PictureSVG.textWidth($0, fontSize: fontSize) }.max() ?? 0
            events.append(PlacedEvent(entry: entry, dotY: dotY, barStart: bar?.0, barEnd: bar?.1, lines: lines,
                                      baseline: labelTop + fontSize * 0.92,
                                      labelBox: PictureBox(minX: labelX, minY: labelTop, maxX: labelX + textWidth,
                                                           maxY: labelTop + height)))
        }
        let axisEnd = axis.segments.last?.right ?? top
        let height = max(axisEnd + 24, nextFreeTop + 8)
        return Layout(height: height.rounded(.up), axis: axis, ticks: ticks, events: events)
    }

    static func render(_ layout: Layout, title: String, prefix: String, language: LanguageTag) -> String {
        let f = PictureSVG.number
        let e = PictureSVG.escape
        var out = PictureSVG.openRoot(prefix: prefix, cssClass: "dossier-timeline dossier-timeline-vertical",
                                      width: width, height: layout.height)
        out += "<title id=\"\(prefix)-title\">\(e(title))</title>"
        out += "<desc id=\"\(prefix)-desc\">\(e(description(layout)))</desc>"
        out += TimelinePicture.eventStyle
        out += "<g class=\"timeline-axis\" stroke=\"currentColor\" stroke-opacity=\"0.6\">"
        for segment in layout.axis.segments {
            out += "<line class=\"axis\" x1=\"\(f(axisX))\" y1=\"\(f(segment.left))\" x2=\"\(f(axisX))\" y2=\"\(f(segment.right))\""
                + " stroke-width=\"1.5\"/>"
        }
        for (before, after) in zip(layout.axis.segments, layout.axis.segments.dropFirst()) {
            let middle = (before.right + after.left) / 2
            out += "<path class=\"axis-break\" d=\"M\(f(axisX - 6)) \(f(middle - 6))L\(f(axisX + 6)) \(f(middle - 2))"
                + "M\(f(axisX - 6)) \(f(middle + 2))L\(f(axisX + 6)) \(f(middle + 6))\" stroke-width=\"1.5\" fill=\"none\"/>"
        }
        for tick in layout.ticks {
            out += "<line class=\"tick\(tick.major ? " tick-major" : "")\" x1=\"\(f(axisX - (tick.major ? 6 : 3)))\""
                + " y1=\"\(f(tick.x))\" x2=\"\(f(axisX))\" y2=\"\(f(tick.x))\"/>"
        }
        out += "</g>"
        out += "<g class=\"timeline-ticks\" fill=\"currentColor\" fill-opacity=\"0.8\" font-size=\"13\" text-anchor=\"end\">"
        for tick in layout.ticks {
            guard let label = tick.label else { continue }
            let text = tick.secondLine.map { label + " " + $0 } ?? label
            out += "<text class=\"tick-label\" x=\"\(f(axisX - 9))\" y=\"\(f(tick.x + 4))\">\(e(text))</text>"
        }
        out += "</g>"
        // Leaders from each dot to its label, for labels pushed below their dot.
        out += "<g class=\"event-stems\" stroke=\"currentColor\" stroke-opacity=\"0.4\" fill=\"none\">"
        for event in layout.events {
            let labelMiddle = event.labelBox.minY + fontSize * 0.6
            out += "<path d=\"M\(f(axisX + dotRadius)) \(f(event.dotY))L\(f(event.labelBox.minX - 3)) \(f(labelMiddle))\"/>"
        }
        out += "</g>"
        out += "<g class=\"events\" font-size=\"\(f(fontSize))\">"
        for event in layout.events {
            let classes = "event event-\(TimelinePicture.precisionName(event.entry.date.precision))"
            out += event.entry.href.map { "<a href=\"\(e($0))\" class=\"\(classes)\">" } ?? "<g class=\"\(classes)\">"
            out += "<title>\(e(TimelinePicture.humanDate(event.entry.date, in: language))): \(e(event.entry.title))</title>"
            if let start = event.barStart, let end = event.barEnd {
                out += "<rect class=\"event-period\" x=\"\(f(axisX - 3))\" y=\"\(f(start))\" width=\"6\""
                    + " height=\"\(f(max(1, end - start)))\" rx=\"3\"/>"
                out += "<circle class=\"event-dot event-dot-partial\" cx=\"\(f(axisX))\" cy=\"\(f(event.dotY))\" r=\"\(f(dotRadius))\"/>"
            } else {
                out += "<circle class=\"event-dot\" cx=\"\(f(axisX))\" cy=\"\(f(event.dotY))\" r=\"\(f(dotRadius))\"/>"
            }
            let text = event.lines.joined(separator: " ")
            let x = event.labelBox.minX
            out += "<text class=\"event-label\" x=\"\(f(x))\" y=\"\(f(event.baseline))\"" + PictureSVG.labelAnchor(text, .start) + ">"
            if event.lines.count == 1 {
                out += e(text)
            } else {
                for (index, line) in event.lines.enumerated() {
                    out += "<tspan x=\"\(f(x))\"" + (index == 0 ? "" : " dy=\"\(f(lineHeight))\"") + ">\(e(line))</tspan>"
                }
            }
            out += "</text>" + (event.entry.href == nil ? "</g>" : "</a>")
        }
        out += "</g></svg>"
        return out
    }

    static func description(_ layout: Layout) -> String {
        let count = layout.events.count
        var text = count == 1 ? "1 event" : "\(count) events"
        if let first = layout.events.first?.entry, let last = layout.events.last?.entry,
           TimelinePicture.humanDate(first.date) != TimelinePicture.humanDate(last.date) {
            text += " from " + TimelinePicture.humanDate(first.date) + " to " + TimelinePicture.humanDate(last.date)
        }
        return text + ", on a time axis running down the page."
    }
}
