/// Human-readable forms of values shown on pages, in the page's language.
/// **Choice:** plain `en` keeps the house style ("17 January 2025", digits without
/// grouping); every other language, `en-US` included, is formatted by ICU (`LocaleFormat`).
enum DisplayFormat {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    /// "17 January 2025", "June 2025", "2023" — as precise as the date is.
    static func date(_ date: PartialDate, in language: LanguageTag = .english) -> String {
        guard language.isHouseStyleEnglish else { return LocaleFormat.date(date, in: language) }
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
    static func period(since: PartialDate?, until: PartialDate?, in language: LanguageTag = .english) -> String? {
        switch (since, until) {
        case let (since?, until?): return "\(date(since, in: language)) – \(date(until, in: language))"
        case let (since?, nil): return "since \(date(since, in: language))"
        case let (nil, until?): return "until \(date(until, in: language))"
        default: return nil
        }
    }

    /// "1 mention", "3 mentions".
    static func count(_ value: Int, _ noun: String, in language: LanguageTag = .english) -> String {
        count(value, noun, formatted: number(value, in: language))
    }

    /// `count` when the caller already has the number as `number(value, in:)` gives it.
    static func count(_ value: Int, _ noun: String, formatted: String) -> String {
        "\(formatted) \(noun)\(value == 1 ? "" : "s")"
    }

    /// A count as the page's language writes it: "1234" in house-style English, "۱٬۲۳۴" in Persian.
    static func number(_ value: Int, in language: LanguageTag = .english) -> String {
        language.isHouseStyleEnglish ? String(value) : LocaleFormat.number(value, in: language)
    }

    /// A year as a heading shows it: never grouped ("2025", "۲۰۲۵").
    static func year(_ value: Int, in language: LanguageTag = .english) -> String {
        language.isHouseStyleEnglish ? String(value) : LocaleFormat.number(value, in: language, grouping: false)
    }
}

extension LanguageTag {
    /// Plain `en`, whose dates and numbers keep Dossier's own style.
    var isHouseStyleEnglish: Bool { tag == "en" }
}
