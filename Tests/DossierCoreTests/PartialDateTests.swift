import Testing
@testable import DossierCore

@Suite struct PartialDateTests {
    @Test(arguments: [
        ("2023", PartialDate.Precision.year, "2023-01-01"),
        ("2025-06", .month, "2025-06-01"),
        ("2025-01-17", .day, "2025-01-17"),
        ("2025-09-09T14:30:00Z", .time, "2025-09-09"),
        ("2025-09-09 14:30", .time, "2025-09-09"),
        ("2025-09-09T14:30:00.250+03:00", .time, "2025-09-09"),
    ])
    func parsesAndKeepsPrecision(text: String, precision: PartialDate.Precision, day: String) throws {
        let date = try #require(PartialDate(text))
        #expect(date.precision == precision)
        #expect(date.isoDay == day)
        #expect(date.text == text)
    }

    @Test(arguments: ["", "25", "2025-13", "2025-02-30", "2025-1-7", "2025/01/07", "yesterday", "2025-01-17T25:00", "2025-01-17x"])
    func rejects(text: String) {
        #expect(PartialDate(text) == nil)
    }

    @Test func partialDatesSortAtTheStartOfTheirPeriod() throws {
        let dates = ["2025-06-22", "2025", "2025-06", "2024-12-31", "2025-06-01"].compactMap(PartialDate.init)
        #expect(dates.sorted().map(\.text) == ["2024-12-31", "2025", "2025-06", "2025-06-01", "2025-06-22"])
    }

    @Test func rfc3339IsInUTC() throws {
        #expect(PartialDate("2025-01-17")?.rfc3339 == "2025-01-17T00:00:00Z")
        #expect(PartialDate("2025-09-09T01:30:00+03:00")?.rfc3339 == "2025-09-08T22:30:00Z")
        #expect(PartialDate("1970-01-01")?.epochSeconds == 0)
    }
}
