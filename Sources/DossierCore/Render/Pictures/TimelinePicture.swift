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

    static func render(_ layout: TimelinePictureLayout, title: String, prefix: String, language: LanguageTag = .english) -> String {
        let f = PictureSVG.number
        let e = PictureSVG.escape
        var out = ""
        out.reserveCapacity(2_000 + layout.events.count * 500 + layout.ticks.count * 120)
        out += PictureSVG.openRoot(prefix: prefix, cssClass: "dossier-timeline", width: layout.width, height: layout.height)
        out += "<title id=\"\(prefix)-title\">\(e(title))</title>"
        out += "<desc id=\"\(prefix)-desc\">\(e(description(layout)))</desc>"

        let axisY = layout.axisY
        out += "<g class=\"timeline-axis\" stroke=\"currentColor\" stroke-opacity=\"0.6\">"
        out += "<line class=\"axis\" x1=\"\(f(layout.plotLeft))\" y1=\"\(f(axisY))\" x2=\"\(f(layout.plotRight))\""
            + " y2=\"\(f(axisY))\" stroke-width=\"1.5\"/>"
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
                    + " height=\"6\" rx=\"3\" fill=\"\(accent)\" fill-opacity=\"0.3\"/>"
                out += "<circle class=\"event-dot event-dot-partial\" cx=\"\(f(event.dotX))\" cy=\"\(f(axisY))\""
                    + " r=\"\(f(TimelinePictureLayout.dotRadius))\" fill=\"none\" stroke=\"\(accent)\" stroke-width=\"1.8\"/>"
            } else {
                out += "<circle class=\"event-dot\" cx=\"\(f(event.dotX))\" cy=\"\(f(axisY))\""
                    + " r=\"\(f(TimelinePictureLayout.dotRadius))\" fill=\"\(accent)\" stroke=\"currentColor\""
                    + " stroke-opacity=\"0.5\" stroke-width=\"1\"/>"
            }
            out += "<text class=\"event-label\" x=\"\(f(event.textX))\" y=\"\(f(event.baseline))\""
                + PictureSVG.labelAnchor(event.text, event.anchorEnd ? .end : .start)
                + " fill=\"currentColor\"\(PictureSVG.textHalo)>\(e(event.text))</text>"
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
        var text: String
        var anchorEnd: Bool
        var textX: Double
        var baseline: Double
        /// Label row: 0, 2, 4… above the axis (nearest first), 1, 3, 5… below.
        var level: Int
        var labelBox: PictureBox
        var above: Bool { level % 2 == 0 }
    }

    var width: Double
    var height: Double
    var plotLeft: Double
    var plotRight: Double
    var axisY: Double
    var ticks: [Tick]
    var events: [PlacedEvent]

    static let margin = 12.0
    static let fontSize = 11.0
    static let rowHeight = 17.0
    static let dotRadius = 4.5
    static let labelGap = 8.0
    static let maxLabelCharacters = 32
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
        let minT = periods.map(\.start).min() ?? 0
        let maxT = max(periods.map(\.end).max() ?? 0, minT)

        // Domain and ticks.
        var ticks: [Tick] = []
        var domainStart: Double
        var domainEnd: Double
        let threeYears = 3 * 365.25 * 86_400
        if maxT - minT > threeYears {
            var startYear = civil(minT).year
            var endYear = civil(maxT - 1).year + 1
            let pixelsPerYear = plotWidth / Double(max(1, endYear - startYear))
            let steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]
            let step = steps.first { Double($0) * pixelsPerYear >= 44 } ?? 1000
            startYear = floorDiv(startYear, step) * step
            endYear = max(startYear + step, -floorDiv(-endYear, step) * step)
            domainStart = yearStart(startYear)
            domainEnd = yearStart(endYear)
            let scale = plotWidth / (domainEnd - domainStart)
            let yearPixels = (yearStart(startYear + 1) - domainStart) * scale
            for year in startYear...endYear {
                let x = plotLeft + (yearStart(year) - domainStart) * scale
                if (year - startYear) % step == 0 {
                    ticks.append(Tick(x: x, label: DisplayFormat.year(year, in: language), secondLine: nil, major: true))
                } else if yearPixels >= 5 {
                    ticks.append(Tick(x: x, label: nil, secondLine: nil, major: false))
                }
            }
        } else {
            var first = civil(minT).monthIndex
            var last = civil(max(minT, maxT - 1)).monthIndex + 1
            var extendEnd = true
            while last - first < 3 {
                if extendEnd { last += 1 } else { first -= 1 }
                extendEnd.toggle()
            }
            domainStart = monthStart(first)
            domainEnd = monthStart(last)
            let pixelsPerMonth = plotWidth / Double(last - first)
            let every = [1, 2, 3, 6, 12].first { Double($0) * pixelsPerMonth >= 30 } ?? 12
            let scale = plotWidth / (domainEnd - domainStart)
            var labelledYear = false
            for index in first...last {
                let x = plotLeft + (monthStart(index) - domainStart) * scale
                let (year, month0) = (floorDiv(index, 12), index - floorDiv(index, 12) * 12)
                let labelled = month0 % every == 0 && index < last
                let showYear = labelled && (month0 == 0 || !labelledYear)
                if showYear { labelledYear = true }
                let monthName = language.isHouseStyleEnglish ? shortMonths[month0] : LocaleFormat.shortMonth(month0 + 1, in: language)
                ticks.append(Tick(x: x, label: labelled ? monthName : nil,
                                  secondLine: showYear ? DisplayFormat.year(year, in: language) : nil, major: month0 == 0))
            }
        }
        let scale = plotWidth / (domainEnd - domainStart)
        func x(_ t: Double) -> Double { plotLeft + (t - domainStart) * scale }

        // Labels: greedy assignment to the first row, alternating above and below, where
        // the label's box does not touch another label's box.
        let maxCharacters = max(4, min(maxLabelCharacters, Int(plotWidth * 0.6 / (PictureSVG.glyphWidthFactor * fontSize))))
        var drafts: [(entry: TimelineEntry, dotX: Double, bar: (Double, Double)?, text: String, anchorEnd: Bool,
                      textX: Double, minX: Double, maxX: Double)] = []
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
            let text = PictureSVG.truncate(entry.title.isEmpty ? entry.date.text : entry.title,
                                           maxCharacters: maxCharacters)
            let textWidth = PictureSVG.textWidth(text, fontSize: fontSize)
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
            let minX = min(textStart, dotX) - 1
            let maxX = max(textStart + textWidth, dotX) + 1
            drafts.append((entry, dotX, bar, text, anchorEnd, textX, minX, maxX))
        }
        let order = drafts.indices.sorted { a, b in
            drafts[a].dotX != drafts[b].dotX ? drafts[a].dotX < drafts[b].dotX : a < b
        }
        var rows: [[(Double, Double)]] = []
        var levels = [Int](repeating: 0, count: drafts.count)
        for i in order {
            let draft = drafts[i]
            var level = 0
            while level < rows.count,
                  rows[level].contains(where: { draft.minX < $0.1 + labelGap && $0.0 < draft.maxX + labelGap }) {
                level += 1
            }
            if level == rows.count { rows.append([]) }
            rows[level].append((draft.minX, draft.maxX))
            levels[i] = level
        }
        let aboveRows = (rows.count + 1) / 2
        let belowRows = rows.count / 2
        let labelHeight = fontSize * 1.25
        let axisY = 8 + Double(aboveRows) * rowHeight + 10
        var events: [PlacedEvent] = []
        for (i, draft) in drafts.enumerated() {
            let level = levels[i]
            let depth = Double(level / 2)
            let top = level % 2 == 0
                ? axisY - 10 - depth * rowHeight - labelHeight
                : axisY + tickArea + 2 + depth * rowHeight
            let box = PictureBox(minX: draft.minX, minY: top, maxX: draft.maxX, maxY: top + labelHeight)
            events.append(PlacedEvent(entry: draft.entry, dotX: draft.dotX, barStart: draft.bar?.0, barEnd: draft.bar?.1,
                                      text: draft.text, anchorEnd: draft.anchorEnd,
                                      textX: draft.textX,
                                      baseline: top + fontSize * 0.92, level: level, labelBox: box))
        }
        let height = axisY + tickArea + (belowRows > 0 ? 2 + Double(belowRows) * rowHeight : 0) + 6
        return TimelinePictureLayout(width: width, height: height.rounded(.up), plotLeft: plotLeft, plotRight: plotRight,
                                     axisY: axisY, ticks: ticks, events: events)
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
