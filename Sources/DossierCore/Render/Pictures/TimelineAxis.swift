/// A time axis that skips long empty stretches: the events fall into clusters, each cluster
/// gets its own proportional stretch of the axis, and the gaps between clusters shrink to a
/// fixed-width break mark. Without this, one event in 1980 squeezes a busy 2023 into 5 % of
/// the width.
struct TimelineAxis: Sendable {
    /// One proportional stretch of the axis, in epoch seconds and in pixels.
    struct Segment: Sendable, Hashable {
        var start: Double
        var end: Double
        var left: Double
        var right: Double
        /// Ticks by month rather than by year.
        var monthly: Bool

        func x(_ t: Double) -> Double {
            guard end > start else { return (left + right) / 2 }
            return left + (t - start) * (right - left) / (end - start)
        }
    }

    var segments: [Segment]

    /// Pixels between two segments, where the break mark is drawn.
    static let breakWidth = 26.0
    /// A gap is compressed when it is at least this long…
    static let minimumGapSeconds = 3 * 365.25 * 86_400
    /// …and at least this share of the whole span.
    static let minimumGapShare = 0.15

    /// The axis breaks only when some cluster of three or more events spans less than this share of the whole.
    static let crowdedShare = 0.25

    /// The x of an instant; instants between segments (never an event's) go to the nearest edge.
    func x(_ t: Double) -> Double {
        for segment in segments where t <= segment.end { return segment.x(max(t, segment.start)) }
        return segments.last.map { $0.x($0.end) } ?? 0
    }

    /// The clusters of `periods` (start, end in epoch seconds), each rounded out to whole
    /// months (short clusters) or whole years, so the axis ends just after the last event.
    static func make(periods: [(start: Double, end: Double)], plotLeft: Double, plotRight: Double) -> TimelineAxis {
        let sorted = periods.sorted { $0.start != $1.start ? $0.start < $1.start : $0.end < $1.end }
        guard let first = sorted.first else { return TimelineAxis(segments: []) }
        let span = max(sorted.map(\.end).max() ?? first.end, first.start) - first.start
        let threshold = max(minimumGapSeconds, span * minimumGapShare)
        var clusters: [(start: Double, end: Double, count: Int)] = [(first.start, max(first.end, first.start), 1)]
        for period in sorted.dropFirst() {
            if period.start - clusters[clusters.count - 1].end > threshold {
                clusters.append((period.start, max(period.end, period.start), 1))
            } else {
                clusters[clusters.count - 1].end = max(clusters[clusters.count - 1].end, period.end)
                clusters[clusters.count - 1].count += 1
            }
        }
        // Break the axis only where it relieves crowding: a few events scattered over decades
        // read best on one honest scale.
        let crowded = clusters.contains { $0.count >= 3 && ($0.end - $0.start) < span * crowdedShare }
        if !crowded {
            clusters = [(first.start, max(sorted.map(\.end).max() ?? first.end, first.start), sorted.count)]
        }
        let threeYears = 3 * 365.25 * 86_400
        var domains: [(start: Double, end: Double, monthly: Bool)] = []
        for cluster in clusters {
            if cluster.end - cluster.start > threeYears {
                let startYear = TimelinePictureLayout.civil(cluster.start).year
                let endYear = TimelinePictureLayout.civil(cluster.end - 1).year + 1
                domains.append((TimelinePictureLayout.yearStart(startYear), TimelinePictureLayout.yearStart(endYear), false))
            } else {
                var firstMonth = TimelinePictureLayout.civil(cluster.start).monthIndex
                var lastMonth = TimelinePictureLayout.civil(max(cluster.start, cluster.end - 1)).monthIndex + 1
                var extendEnd = true
                while lastMonth - firstMonth < 3 {
                    if extendEnd { lastMonth += 1 } else { firstMonth -= 1 }
                    extendEnd.toggle()
                }
                domains.append((TimelinePictureLayout.monthStart(firstMonth), TimelinePictureLayout.monthStart(lastMonth), true))
            }
        }
        let widths = segmentWidths(durations: domains.map { $0.end - $0.start },
                                   available: plotRight - plotLeft - breakWidth * Double(domains.count - 1))
        var segments: [Segment] = []
        var left = plotLeft
        for (domain, width) in zip(domains, widths) {
            segments.append(Segment(start: domain.start, end: domain.end, left: left, right: left + width, monthly: domain.monthly))
            left += width + breakWidth
        }
        return TimelineAxis(segments: segments)
    }

    /// Widths proportional to duration, except that no segment is narrower than a share of the
    /// width that leaves room for its labels: a one-month cluster beside a decade stays legible.
    static func segmentWidths(durations: [Double], available: Double) -> [Double] {
        guard !durations.isEmpty else { return [] }
        let minimum = min(available / Double(durations.count), max(90, available * 0.12))
        var fixed = [Bool](repeating: false, count: durations.count)
        var widths = [Double](repeating: minimum, count: durations.count)
        for _ in durations.indices {
            let freeDuration = zip(durations, fixed).filter { !$0.1 }.map(\.0).reduce(0, +)
            let freeWidth = available - Double(fixed.filter { $0 }.count) * minimum
            var changed = false
            for i in durations.indices where !fixed[i] {
                widths[i] = freeDuration > 0 ? freeWidth * durations[i] / freeDuration : freeWidth / Double(fixed.filter { !$0 }.count)
                if widths[i] < minimum {
                    fixed[i] = true
                    widths[i] = minimum
                    changed = true
                }
            }
            if !changed { break }
        }
        return widths
    }

    /// Tick marks and labels for every segment; the last tick of a segment followed by a
    /// break is left unlabelled so that it cannot collide with the next segment's first label.
    func ticks(language: LanguageTag) -> [TimelinePictureLayout.Tick] {
        var ticks: [TimelinePictureLayout.Tick] = []
        for (index, segment) in segments.enumerated() {
            let followedByBreak = index < segments.count - 1
            if segment.monthly {
                ticks += Self.monthTicks(segment, language: language)
            } else {
                ticks += Self.yearTicks(segment, labelLast: !followedByBreak, language: language)
            }
        }
        return ticks
    }

    static func yearTicks(_ segment: Segment, labelLast: Bool, language: LanguageTag) -> [TimelinePictureLayout.Tick] {
        let startYear = TimelinePictureLayout.civil(segment.start).year
        let endYear = TimelinePictureLayout.civil(segment.end).year
        let pixelsPerYear = (segment.right - segment.left) / Double(max(1, endYear - startYear))
        let steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]
        let step = steps.first { Double($0) * pixelsPerYear >= 44 } ?? 1000
        var ticks: [TimelinePictureLayout.Tick] = []
        for year in startYear...max(startYear, endYear) {
            let x = segment.x(TimelinePictureLayout.yearStart(year))
            let onStep = TimelinePictureLayout.floorDiv(year, step) * step == year || year == startYear
            // A labelled year must leave room for the previous label (four digits at 10 px).
            let roomy = ticks.last(where: { $0.label != nil }).map { x - $0.x >= 34 } ?? true
            if onStep, roomy, year < endYear || labelLast {
                ticks.append(.init(x: x, label: DisplayFormat.year(year, in: language), secondLine: nil, major: true))
            } else if pixelsPerYear >= 5 || year == endYear {
                ticks.append(.init(x: x, label: nil, secondLine: nil, major: false))
            }
        }
        return ticks
    }

    static func monthTicks(_ segment: Segment, language: LanguageTag) -> [TimelinePictureLayout.Tick] {
        let first = TimelinePictureLayout.civil(segment.start).monthIndex
        let last = TimelinePictureLayout.civil(segment.end).monthIndex
        let pixelsPerMonth = (segment.right - segment.left) / Double(max(1, last - first))
        let every = [1, 2, 3, 6, 12].first { Double($0) * pixelsPerMonth >= 30 } ?? 12
        var ticks: [TimelinePictureLayout.Tick] = []
        var labelledYear = false
        for index in first...max(first, last) {
            let x = segment.x(TimelinePictureLayout.monthStart(index))
            let year = TimelinePictureLayout.floorDiv(index, 12)
            let month0 = index - year * 12
            let roomy = ticks.last(where: { $0.label != nil }).map { x - $0.x >= 34 } ?? true
            let labelled = (month0 % every == 0 || index == first) && index < last && roomy
            let showYear = labelled && (month0 == 0 || !labelledYear)
            if showYear { labelledYear = true }
            let monthName = language.isHouseStyleEnglish
                ? TimelinePictureLayout.shortMonths[month0] : LocaleFormat.shortMonth(month0 + 1, in: language)
            ticks.append(.init(x: x, label: labelled ? monthName : nil,
                               secondLine: showYear ? DisplayFormat.year(year, in: language) : nil, major: month0 == 0))
        }
        return ticks
    }
}
