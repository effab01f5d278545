import Foundation
import Testing
@testable import DossierCore

@Suite struct LocalizedFormatTests {
    func language(_ text: String) throws -> LanguageTag {
        try #require(LanguageTag.parse(text).tag)
    }

    func date(_ text: String, _ language: String) throws -> String {
        DisplayFormat.date(try #require(PartialDate(text)), in: try self.language(language))
    }

    @Test func plainEnglishKeepsTheHouseStyle() throws {
        #expect(try date("2025-01-17", "en") == "17 January 2025")
        #expect(try date("2025-06", "en") == "June 2025")
        #expect(try date("2023", "en") == "2023")
        #expect(DisplayFormat.number(1234, in: .english) == "1234")
    }

    @Test(arguments: [
        // Persian: Gregorian months named in Persian, Persian digits (never the Solar Hijri calendar).
        ("fa", "2025-01-17", "۱۷ ژانویهٔ ۲۰۲۵"), ("fa", "2025-06", "ژوئن ۲۰۲۵"), ("fa", "2023", "۲۰۲۳"),
        ("fa-IR", "2025-09-09", "۹ سپتامبر ۲۰۲۵"),
        // Arabic: CLDR's default digits differ by region; -u-nu- chooses them.
        ("ar", "2025-01-17", "17 يناير، 2025"), ("ar-EG", "2025-01-17", "١٧ يناير، ٢٠٢٥"),
        ("ar-EG-u-nu-latn", "2025-01-17", "17 يناير، 2025"),
        ("he", "2025-01-17", "17 בינואר 2025"), ("ru", "2025-01-17", "17 января 2025\u{202F}г."),
        ("zh", "2025-01-17", "2025年1月17日"), ("tr", "2025-01-17", "17 Ocak 2025"),
        ("en-US", "2025-01-17", "January 17, 2025"), ("en-GB", "2025-01-17", "17 January 2025"),
        // A calendar asked for in the tag is not used: front matter dates are Gregorian.
        ("fa-u-ca-persian", "2025-01-17", "۱۷ ژانویهٔ ۲۰۲۵"),
    ])
    func datesAreFormattedForTheLanguage(language: String, text: String, expected: String) throws {
        #expect(try date(text, language) == expected)
    }

    @Test func aTimestampShowsTheDayItWasWrittenWith() throws {
        // 23:30 at UTC−5 is already the 18th in UTC; the page shows the 17th, as written.
        #expect(try date("2025-01-17T23:30:00-05:00", "fa") == "۱۷ ژانویهٔ ۲۰۲۵")
        #expect(try date("2025-01-17T23:30:00-05:00", "en") == "17 January 2025")
    }

    @Test func numbersUseTheLanguagesDigitsAndYearsAreNeverGrouped() throws {
        #expect(DisplayFormat.number(1234, in: try language("fa")) == "۱٬۲۳۴")
        #expect(DisplayFormat.number(7, in: try language("fa")) == "۷")
        #expect(DisplayFormat.number(1234, in: try language("ar-EG")) == "١٬٢٣٤")
        #expect(DisplayFormat.year(2025, in: try language("fa")) == "۲۰۲۵")
        #expect(DisplayFormat.year(2025, in: try language("ru")) == "2025")
        #expect(DisplayFormat.count(3, "mention", in: try language("fa")) == "۳ mentions")
    }

    @Test func formattingIsTheSameOnEveryThread() throws {
        let persian = try language("fa")
        let dates = (1...12).map { PartialDate("2025-\($0 < 10 ? "0" : "")\($0)-01")! }
        let serial = dates.map { DisplayFormat.date($0, in: persian) }
        let parallel = Array(repeating: dates, count: 50).flatMap { $0 }.parallelMap { DisplayFormat.date($0, in: persian) }
        #expect(parallel == Array(repeating: serial, count: 50).flatMap { $0 })
    }

    /// The machine's locale and time zone never reach the output: the same project
    /// built by the real executable under a Persian locale in a far time zone is
    /// byte-identical to a build under the C locale in UTC.
    @Test func theMachinesLocaleAndTimeZoneDoNotChangeTheSite() throws {
        let dossier = try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
        let project = try TestProject("""
        -- dossier.yml --
        title: Desk
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        ---
        Iran.
        -- content/briefings/fa.md --
        ---
        title: گزارش
        date: 2025-01-17T23:30:00-05:00
        language: fa
        actors: [iran]
        events:
          - date: 2025-06
            title: رویداد
            actors: [iran]
        ---
        Iran ۱۲۳۴.
        -- content/briefings/en.md --
        ---
        title: Report
        date: 2025-02-01
        language: en-US
        actors: [iran]
        ---
        Iran.
        """)
        defer { project.remove() }
        var snapshots: [[String: Data]] = []
        for environment in [["LANG": "C", "LC_ALL": "C", "TZ": "UTC"],
                            ["LANG": "fa_IR.UTF-8", "LC_ALL": "fa_IR.UTF-8", "TZ": "Pacific/Kiritimati"]] {
            let output = project.root.appendingPathComponent("site-\(snapshots.count)")
            let status = try runWithEnvironment(dossier, ["build", "--root", project.root.path, "--output", output.path], environment)
            #expect(status == 0)
            snapshots.append(try snapshot(output))
        }
        #expect(snapshots[0] == snapshots[1])
        let page = String(decoding: try #require(snapshots[0]["briefings/fa/index.html"]), as: UTF8.self)
        #expect(page.contains("۱۷ ژانویهٔ ۲۰۲۵"))
        let american = String(decoding: try #require(snapshots[0]["briefings/en/index.html"]), as: UTF8.self)
        #expect(american.contains("<time datetime=\"2025-02-01\">February 1, 2025</time>"))
    }

    func runWithEnvironment(_ executable: URL, _ arguments: [String], _ overrides: [String: String]) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(overrides) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
