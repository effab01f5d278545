/// One event on the timeline picture.
public struct TimelineEntry: Sendable, Hashable {
    public var date: PartialDate
    public var title: String
    /// For example `#event-3`, the anchor of the accessible list below the picture.
    public var href: String?

    public init(date: PartialDate, title: String, href: String? = nil) {
        self.date = date
        self.title = title
        self.href = href
    }
}

/// Events on a horizontal axis proportional to time, drawn as a static SVG at build time.
public enum TimelinePicture {
    /// - Parameters:
    ///   - id: prefix for every id inside the picture; when nil it is derived from the title.
    ///   - language: the page's language, for the axis's month names and digits and the dates in tooltips.
    /// - Returns: an `<svg>` element for inlining in HTML, byte-identical for the same
    ///   entries in any order.
    public static func svg(entries: [TimelineEntry], title: String, width: Int = 960, id: String? = nil,
                           language: LanguageTag = .english) -> String {
        let prefix = PictureSVG.idPrefix(explicit: id, kind: "timeline", title: title)
        guard !entries.isEmpty else {
            return PictureSVG.emptyPicture(prefix: prefix, cssClass: "dossier-timeline", title: title,
                                           message: "No events to show.")
        }
        let layout = TimelinePictureLayout.make(entries: entries, width: width, language: language)
        return render(layout, title: title, prefix: prefix, language: language)
    }

    static let accent = "#4e79a7"

    /// How every event's bar, dot and label are painted, said once in the picture rather
    /// than as attributes on each of its events (200 on each timeline page, drawn twice:
    /// about a fifth of the page). Scoped to the timeline, since an inline `<svg>`'s
    /// style applies to the whole HTML page; the picture still draws alone.
    static let eventStyle = "<style>"
        + ".dossier-timeline .event-period{fill:\(accent);fill-opacity:.3}"
        + ".dossier-timeline .event-dot{fill:\(accent);stroke:currentColor;stroke-opacity:.5;stroke-width:1px}"
        + ".dossier-timeline .event-dot-partial{fill:none;stroke:\(accent);stroke-opacity:1;stroke-width:1.8px}"
        + ".dossier-timeline .event-label{fill:currentColor;paint-order:stroke;stroke:Canvas;stroke-width:3px;stroke-linejoin:round}"
        + "</style>"

    static func render(_ layout: TimelinePictureLayout, title: String, prefix: String, language: LanguageTag = .english) -> String {
        let f = PictureSVG.number
        let e = PictureSVG.escape
        var out = ""
        out.reserveCapacity(2_000 + layout.events.count * 500 + layout.ticks.count * 120)
        out += PictureSVG.openRoot(prefix: prefix, cssClass: "dossier-timeline", width: layout.width, height: layout.height)
        out += "<title id=\"\(prefix)-title\">\(e(title))</title>"
        out += "<desc id=\"\(prefix)-desc\">\(e(description(layout)))</desc>"
        out += eventStyle

        let axisY = layout.axisY
        out += "<g class=\"timeline-axis\" stroke=\"currentColor\" stroke-opacity=\"0.6\">"
        for segment in layout.axis.segments {
            out += "<line class=\"axis\" x1=\"\(f(segment.left))\" y1=\"\(f(axisY))\" x2=\"\(f(segment.right))\""
                + " y2=\"\(f(axisY))\" stroke-width=\"1.5\"/>"
        }
        // Two slanted strokes in each gap: the conventional mark for a broken axis.
        for (before, after) in zip(layout.axis.segments, layout.axis.segments.dropFirst()) {
            let middle = (before.right + after.left) / 2
            out += "<path class=\"axis-break\" d=\"M\(f(middle - 6)) \(f(axisY + 6))L\(f(middle - 2)) \(f(axisY - 6))"
                + "M\(f(middle + 2)) \(f(axisY + 6))L\(f(middle + 6)) \(f(axisY - 6))\" stroke-width=\"1.5\" fill=\"none\"/>"
        }
        for tick in layout.ticks {
            let length = tick.major ? 6.0 : 3.0
            out += "<line class=\"tick\(tick.major ? " tick-major" : "")\" x1=\"\(f(tick.x))\" y1=\"\(f(axisY))\""
                + " x2=\"\(f(tick.x))\" y2=\"\(f(axisY + length))\"/>"
        }
        out += "</g>"
        out += "<g class=\"timeline-ticks\" fill=\"currentColor\" fill-opacity=\"0.8\" font-size=\"10\" text-anchor=\"middle\">"
        for tick in layout.ticks {
            guard let label = tick.label else { continue }
            out += "<text class=\"tick-label\" x=\"\(f(tick.x))\" y=\"\(f(axisY + 18))\">\(e(label))</text>"
            if let second = tick.secondLine {
                out += "<text class=\"tick-label tick-year\" x=\"\(f(tick.x))\" y=\"\(f(axisY + 30))\""
                    + " font-weight=\"bold\">\(e(second))</text>"
            }
        }
        out += "</g>"

        // Stems first, so that labels (with their halo) sit on top of any stem that crosses them.
        out += "<g class=\"event-stems\" stroke=\"currentColor\" stroke-opacity=\"0.4\">"
        for event in layout.events {
            let (from, to) = event.above
                ? (axisY - TimelinePictureLayout.dotRadius, event.labelBox.minY + 1)
                : (axisY + TimelinePictureLayout.dotRadius, event.labelBox.maxY - 1)
            out += "<line x1=\"\(f(event.dotX))\" y1=\"\(f(from))\" x2=\"\(f(event.dotX))\" y2=\"\(f(to))\"/>"
        }
        out += "</g>"

        out += "<g class=\"events\">"
        for event in layout.events {
            let precision = precisionName(event.entry.date.precision)
            let classes = "event event-\(precision)"
            if let href = event.entry.href {
                out += "<a href=\"\(e(href))\" class=\"\(classes)\">"
            } else {
                out += "<g class=\"\(classes)\">"
            }
            out += "<title>\(e(humanDate(event.entry.date, in: language))): \(e(event.entry.title))</title>"
            if let start = event.barStart, let end = event.barEnd {
                out += "<rect class=\"event-period\" x=\"\(f(start))\" y=\"\(f(axisY - 3))\" width=\"\(f(max(1, end - start)))\""
                    + " height=\"6\" rx=\"3\"/>"
                out += "<circle class=\"event-dot event-dot-partial\" cx=\"\(f(event.dotX))\" cy=\"\(f(axisY))\""
                    + " r=\"\(f(TimelinePictureLayout.dotRadius))\"/>"
            } else {
                out += "<circle class=\"event-dot\" cx=\"\(f(event.dotX))\" cy=\"\(f(axisY))\""
                    + " r=\"\(f(TimelinePictureLayout.dotRadius))\"/>"
            }
            out += "<text class=\"event-label\" x=\"\(f(event.textX))\" y=\"\(f(event.baseline))\""
                + PictureSVG.labelAnchor(event.text, event.anchorEnd ? .end : .start) + ">"
            if event.lines.count == 1 {
                out += e(event.text)
            } else {
                for (index, line) in event.lines.enumerated() {
                    out += "<tspan x=\"\(f(event.textX))\"" + (index == 0 ? "" : " dy=\"\(f(TimelinePictureLayout.lineHeight))\"")
                        + ">\(e(line))</tspan>"
                }
            }
            out += "</text>"
            out += event.entry.href == nil ? "</g>" : "</a>"
        }
        out += "</g></svg>"
        return out
    }

    static func precisionName(_ precision: PartialDate.Precision) -> String {
        switch precision {
        case .year: "year"
        case .month: "month"
        case .day: "day"
        case .time: "time"
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// "2025", "June 2025", "17 June 2025"; timestamps as written.
    static func humanDate(_ date: PartialDate, in language: LanguageTag = .english) -> String {
        if !language.isHouseStyleEnglish, date.precision != .time { return DisplayFormat.date(date, in: language) }
        switch date.precision {
        case .year: return String(date.year)
        case .month: return monthNames[(date.month ?? 1) - 1] + " " + String(date.year)
        case .day: return String(date.day ?? 1) + " " + monthNames[(date.month ?? 1) - 1] + " " + String(date.year)
        case .time: return date.text
        }
    }

    /// "1992", or "September 1981" where the segment beside the gap is measured in months.
    static func skippedBound(_ seconds: Double, monthly: Bool) -> String {
        let (year, monthIndex) = TimelinePictureLayout.civil(seconds)
        return monthly ? monthNames[monthIndex - year * 12] + " " + String(year) : String(year)
    }

    static func description(_ layout: TimelinePictureLayout) -> String {
        let events = layout.events.map(\.entry)
        guard let first = events.first, let last = events.last else { return "No events." }
        var text = events.count == 1 ? "1 event" : "\(events.count) events"
        if first.date == last.date || humanDate(first.date) == humanDate(last.date) {
            text += ", " + humanDate(first.date)
        } else {
            text += " from " + humanDate(first.date) + " to " + humanDate(last.date)
        }
        text += ", placed on a time axis."
        for (before, after) in zip(layout.axis.segments, layout.axis.segments.dropFirst()) {
            text += " The axis skips " + skippedBound(before.end, monthly: before.monthly) + " to "
                + skippedBound(after.start - 1, monthly: after.monthly) + ", where there are no events."
        }
        if events.contains(where: { $0.href != nil }) {
            text += " Each event links to its entry in the list of events."
        }
        return text
    }
}

/// Where the axis, ticks, dots and labels of a timeline go.
struct TimelinePictureLayout: Sendable {
    struct Tick: Sendable {
        var x: Double
        var label: String?
        var secondLine: String?
        var major: Bool
    }

    struct PlacedEvent: Sendable {
        var entry: TimelineEntry
        var dotX: Double
        var barStart: Double?
        var barEnd: Double?
        /// The title wrapped onto lines; never shortened.
        var lines: [String]
        var anchorEnd: Bool
        var textX: Double
        /// Of the first line.
        var baseline: Double
        var above: Bool
        var labelBox: PictureBox
        var text: String { lines.joined(separator: " ") }
    }

    var width: Double
    var height: Double
    var plotLeft: Double
    var plotRight: Double
    var axisY: Double
    var axis: TimelineAxis
    var ticks: [Tick]
    var events: [PlacedEvent]

    static let margin = 12.0
    static let fontSize = 11.0
    static let lineHeight = 13.0
    /// Vertical space between two labels on the same side.
    static let rowGap = 4.0
    static let maxLabelWidth = 180.0
    static let dotRadius = 4.5
    static let labelGap = 8.0
    static let tickArea = 36.0

    static let shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func yearStart(_ year: Int) -> Double {
        Double(PartialDate.daysFromCivil(year: year, month: 1, day: 1) * 86_400)
    }

    /// Start of month number `index` counted as year × 12 + (month − 1).
    static func monthStart(_ index: Int) -> Double {
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        return Double(PartialDate.daysFromCivil(year: year, month: index - year * 12 + 1, day: 1) * 86_400)
    }

    /// The period a date covers, in epoch seconds: a year, a month, a day, or an instant.
    static func period(_ date: PartialDate) -> (start: Double, end: Double) {
        let start = Double(date.epochSeconds)
        switch date.precision {
        case .year: return (start, yearStart(date.year + 1))
        case .month: return (start, monthStart(date.year * 12 + (date.month ?? 1)))
        case .day: return (start, start + 86_400)
        case .time: return (start, start)
        }
    }

    /// (year, month index) of an epoch second.
    static func civil(_ seconds: Double) -> (year: Int, monthIndex: Int) {
        let days = Int((seconds / 86_400).rounded(.down))
        let (y, m, _) = PartialDate.civilFromDays(days)
        return (y, y * 12 + m - 1)
    }

    static func sortedEntries(_ entries: [TimelineEntry]) -> [TimelineEntry] {
        entries.sorted { a, b in
            if a.date != b.date { return a.date < b.date }
            if a.title != b.title { return a.title < b.title }
            return (a.href ?? "") < (b.href ?? "")
        }
    }

    static func make(entries rawEntries: [TimelineEntry], width requestedWidth: Int,
                     language: LanguageTag = .english) -> TimelinePictureLayout {
        let entries = sortedEntries(rawEntries)
        let width = Double(max(240, requestedWidth))
        let plotLeft = margin + 14
        let plotRight = width - margin - 14
        let plotWidth = plotRight - plotLeft
        let periods = entries.map { period($0.date) }
        let axis = TimelineAxis.make(periods: periods, plotLeft: plotLeft, plotRight: plotRight)
        let ticks = axis.ticks(language: language)
        func x(_ t: Double) -> Double { axis.x(t) }

        // Labels are wrapped, never cut, to a width that leaves room for neighbours.
        let lineCharacters = max(8, Int(min(maxLabelWidth, plotWidth * 0.45) / (PictureSVG.glyphWidthFactor * fontSize)))
        var drafts: [Draft] = []
        for (entry, span) in zip(entries, periods) {
            let precision = entry.date.precision
            let partial = precision == .year || precision == .month
            let dotX: Double
            var bar: (Double, Double)?
            if partial {
                dotX = x((span.start + span.end) / 2)
                bar = (x(span.start), x(span.end))
            } else if precision == .day {
                dotX = x(span.start + 43_200)
            } else {
                dotX = x(span.start)
            }
            let lines = PictureSVG.wrapLines(entry.title.isEmpty ? entry.date.text : entry.title,
                                             maxCharacters: lineCharacters)
            let textWidth = lines.map { PictureSVG.textWidth($0, fontSize: fontSize) }.max() ?? 0
            // Text right of the stem; else left of it; else as far right as fits.
            var anchorEnd = false
            var textX = dotX + 4
            if textX + textWidth > width - margin {
                if dotX - 4 - textWidth >= margin {
                    anchorEnd = true
                    textX = dotX - 4
                } else {
                    textX = max(margin, width - margin - textWidth)
                }
            }
            let textStart = anchorEnd ? textX - textWidth : textX
            let height = fontSize * 1.25 + Double(lines.count - 1) * lineHeight
            drafts.append(Draft(entry: entry, dotX: dotX, bar: bar, lines: lines, anchorEnd: anchorEnd, textX: textX,
                                minX: min(textStart, dotX) - 1, maxX: max(textStart + textWidth, dotX) + 1, height: height))
        }
        let order = drafts.indices.sorted { a, b in
            drafts[a].dotX != drafts[b].dotX ? drafts[a].dotX < drafts[b].dotX : a < b
        }
        // Each label goes on the side of the axis where it can sit nearest to the axis without
        // touching a label already placed (above on a tie): a skyline, so tall wrapped labels
        // and one-line labels pack together.
        var placed: [[(minX: Double, maxX: Double, near: Double, far: Double)]] = [[], []]
        var placement = [(above: Bool, near: Double)](repeating: (true, 0), count: drafts.count)
        for i in order {
            let draft = drafts[i]
            var best: (side: Int, near: Double)?
            for side in 0..<2 {
                let blocking = placed[side].filter { draft.minX < $0.maxX + labelGap && $0.minX < draft.maxX + labelGap }
                let candidates = ([0] + blocking.map { $0.far + rowGap }).sorted()
                let near = candidates.first { candidate in
                    !blocking.contains { candidate < $0.far + rowGap && $0.near < candidate + draft.height + rowGap }
                } ?? 0
                if best == nil || near < best!.near { best = (side, near) }
            }
            let choice = best ?? (0, 0)
            placed[choice.side].append((draft.minX, draft.maxX, choice.near, choice.near + draft.height))
            placement[i] = (choice.side == 0, choice.near)
        }
        let aboveExtent = placed[0].map(\.far).max() ?? 0
        let belowExtent = placed[1].map(\.far).max() ?? 0
        let axisY = 8 + aboveExtent + 10
        var events: [PlacedEvent] = []
        for (i, draft) in drafts.enumerated() {
            let (above, near) = placement[i]
            let top = above ? axisY - 10 - near - draft.height : axisY + tickArea + 2 + near
            let box = PictureBox(minX: draft.minX, minY: top, maxX: draft.maxX, maxY: top + draft.height)
            events.append(PlacedEvent(entry: draft.entry, dotX: draft.dotX, barStart: draft.bar?.0, barEnd: draft.bar?.1,
                                      lines: draft.lines, anchorEnd: draft.anchorEnd, textX: draft.textX,
                                      baseline: top + fontSize * 0.92, above: above, labelBox: box))
        }
        let height = axisY + tickArea + (belowExtent > 0 ? 2 + belowExtent : 0) + 6
        return TimelinePictureLayout(width: width, height: height.rounded(.up), plotLeft: plotLeft, plotRight: plotRight,
                                     axisY: axisY, axis: axis, ticks: ticks, events: events)
    }

    private struct Draft {
        var entry: TimelineEntry
        var dotX: Double
        var bar: (Double, Double)?
        var lines: [String]
        var anchorEnd: Bool
        var textX: Double
        var minX: Double
        var maxX: Double
        var height: Double
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
