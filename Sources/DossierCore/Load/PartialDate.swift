import Foundation

/// An ISO 8601 date that keeps its precision: `2023`, `2025-06`, `2025-01-17`, or a
/// full timestamp such as `2025-09-09T14:30:00Z`. A partial date sorts at the start
/// of its period, before any fuller date within it.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Precision: Int, Sendable, Comparable {
        case year, month, day, time
        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?
    /// Seconds since midnight in the timestamp's own zone, for `.time` precision.
    public let secondsOfDay: Int?
    /// Offset from UTC in minutes, when the timestamp gives one.
    public let utcOffsetMinutes: Int?
    /// The text as written.
    public let text: String

    public var precision: Precision {
        if secondsOfDay != nil { return .time }
        if day != nil { return .day }
        if month != nil { return .month }
        return .year
    }

    public var description: String { text }

    /// `YYYY-MM-DD` padded to the start of the period: `2025-06` → `2025-06-01`.
    public var isoDay: String {
        pad(year, 4) + "-" + pad(month ?? 1, 2) + "-" + pad(day ?? 1, 2)
    }

    /// Seconds since 1970-01-01T00:00Z, for feeds and sorting.
    public var epochSeconds: Int {
        let days = Self.daysFromCivil(year: year, month: month ?? 1, day: day ?? 1)
        return days * 86_400 + (secondsOfDay ?? 0) - (utcOffsetMinutes ?? 0) * 60
    }

    /// RFC 3339 timestamp in UTC, for Atom, JSON Feed and sitemaps.
    public var rfc3339: String {
        let seconds = epochSeconds
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        return Self.utcTimestamp(days: days, seconds: seconds - days * 86_400)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` for a day count since 1970-01-01 and seconds into that day.
    static func utcTimestamp(days: Int, seconds rest: Int) -> String {
        let (y, m, d) = civilFromDays(days)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(rest / 3600, 2) + ":"
            + pad(rest % 3600 / 60, 2) + ":" + pad(rest % 60, 2) + "Z"
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        if lhs.epochSeconds != rhs.epochSeconds { return lhs.epochSeconds < rhs.epochSeconds }
        if lhs.precision != rhs.precision { return lhs.precision < rhs.precision }
        return lhs.text < rhs.text
    }

    /// Every field as given, for the load memo, which keeps dates already parsed.
    init(year: Int, month: Int?, day: Int?, secondsOfDay: Int?, utcOffsetMinutes: Int?, text: String) {
        self.year = year
        self.month = month
        self.day = day
        self.secondsOfDay = secondsOfDay
        self.utcOffsetMinutes = utcOffsetMinutes
        self.text = text
    }

    /// Parses the text, or returns nil when it is no valid date.
    public init?(_ raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let scalars = Array(text.unicodeScalars)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for index in range {
                let scalar = scalars[index]
                guard scalar.value >= 48, scalar.value <= 57 else { return nil }
                value = value * 10 + Int(scalar.value - 48)
            }
            return value
        }
        func char(_ index: Int) -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        guard let year = number(0..<4), year >= 1 else { return nil }
        var month: Int?, day: Int?, seconds: Int?, offset: Int?
        var position = 4
        if char(position) == "-" {
            guard let value = number(5..<7), (1...12).contains(value) else { return nil }
            month = value
            position = 7
            if char(position) == "-" {
                guard let value = number(8..<10),
                      (1...Self.daysInMonth(year: year, month: month!)).contains(value)
                else { return nil }
                day = value
                position = 10
                if let separator = char(position), separator == "T" || separator == "t" || separator == " " {
                    guard let hour = number(11..<13), hour < 24, char(13) == ":",
                          let minute = number(14..<16), minute < 60 else { return nil }
                    var second = 0
                    position = 16
                    if char(position) == ":" {
                        guard let value = number(17..<19), value < 61 else { return nil }
                        second = value
                        position = 19
                        if char(position) == "." {
                            position += 1
                            while let c = char(position), c.value >= 48, c.value <= 57 { position += 1 }
                        }
                    }
                    seconds = hour * 3600 + minute * 60 + second
                    if let zone = char(position) {
                        if zone == "Z" || zone == "z" {
                            offset = 0
                            position += 1
                        } else if zone == "+" || zone == "-" {
                            guard let hours = number((position + 1)..<(position + 3)) else { return nil }
                            var minutes = 0
                            var next = position + 3
                            if char(next) == ":" { next += 1 }
                            if let value = number(next..<(next + 2)) { minutes = value; next += 2 }
                            offset = (zone == "+" ? 1 : -1) * (hours * 60 + minutes)
                            position = next
                        }
                    }
                }
            }
        }
        guard position == scalars.count else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.secondsOfDay = seconds
        self.utcOffsetMinutes = offset
        self.text = text
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days_from_civil: days since 1970-01-01 in the proleptic Gregorian calendar.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
