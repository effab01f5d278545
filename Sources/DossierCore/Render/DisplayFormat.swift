/// Human-readable forms of values shown on pages.
enum DisplayFormat {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    /// "17 January 2025", "June 2025", "2023" — as precise as the date is.
    static func date(_ date: PartialDate) -> String {
        guard let month = date.month else { return String(date.year) }
        let monthName = months[month - 1]
        guard let day = date.day else { return "\(monthName) \(date.year)" }
        return "\(day) \(monthName) \(date.year)"
    }

    /// The value for `<time datetime>`: "2025-01-17", "2025-06", "2023".
    static func machineDate(_ date: PartialDate) -> String {
        switch date.precision {
        case .year: return String(format4(date.year))
        case .month: return format4(date.year) + "-" + format2(date.month!)
        case .day, .time: return date.isoDay
        }
    }

    private static func format4(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    private static func format2(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    /// "since March 2021", "2016 – 2023", or nil.
    static func period(since: PartialDate?, until: PartialDate?) -> String? {
        switch (since, until) {
        case let (since?, until?): return "\(date(since)) – \(date(until))"
        case let (since?, nil): return "since \(date(since))"
        case let (nil, until?): return "until \(date(until))"
        default: return nil
        }
    }

    /// "1 mention", "3 mentions".
    static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}
