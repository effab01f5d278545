import Foundation

/// Dates and numbers in the conventions of a language, through Foundation's ICU
/// (the copy bundled with the Swift toolchain, so the output depends on the
/// toolchain, never on the machine's locale or time zone).
///
/// **Choice:** dates are always Gregorian, whatever the language's default calendar:
/// front matter dates are Gregorian, and a month or year written there does not map
/// onto one Persian or Hijri month or year. A Persian page therefore shows
/// "۱۷ ژانویهٔ ۲۰۲۵": Gregorian months named in Persian with Persian digits, as most
/// Persian-language news sites covering international affairs write them. Digits follow
/// the language's default numbering system in CLDR; `-u-nu-latn` or `-u-nu-arab` in
/// the tag chooses one.
enum LocaleFormat {
    static let gregorianUTC: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// "۱۷ ژانویهٔ ۲۰۲۵", "ژانویهٔ ۲۰۲۵", "۲۰۲۵": as precise as the date is. A timestamp
    /// shows the calendar day it was written with, not that day in UTC.
    static func date(_ date: PartialDate, in language: LanguageTag) -> String {
        let days = PartialDate.daysFromCivil(year: date.year, month: date.month ?? 1, day: date.day ?? 1)
        let instant = Date(timeIntervalSince1970: TimeInterval(days) * 86_400)
        let style = Date.FormatStyle(locale: Locale(identifier: language.tag), calendar: gregorianUTC,
                                     timeZone: gregorianUTC.timeZone)
        switch date.precision {
        case .year: return instant.formatted(style.year())
        case .month: return instant.formatted(style.month(.wide).year())
        case .day, .time: return instant.formatted(style.day().month(.wide).year())
        }
    }

    /// "Jan" in English, "ژانویه" in Persian: a month name short enough for an axis.
    static func shortMonth(_ month: Int, in language: LanguageTag) -> String {
        let days = PartialDate.daysFromCivil(year: 2001, month: month, day: 1)
        let instant = Date(timeIntervalSince1970: TimeInterval(days) * 86_400)
        let style = Date.FormatStyle(locale: Locale(identifier: language.tag), calendar: gregorianUTC,
                                     timeZone: gregorianUTC.timeZone)
        return instant.formatted(style.month(.abbreviated))
    }

    /// "1,234" in English, "۱٬۲۳۴" in Persian; years without grouping ("۲۰۲۵").
    static func number(_ value: Int, in language: LanguageTag, grouping: Bool = true) -> String {
        let style = IntegerFormatStyle<Int>(locale: Locale(identifier: language.tag))
        return value.formatted(grouping ? style : style.grouping(.never))
    }
}
