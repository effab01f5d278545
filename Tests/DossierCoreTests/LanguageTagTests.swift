import Testing
@testable import DossierCore

@Suite struct LanguageTagTests {
    @Test(arguments: [
        ("fa", "fa", TextDirection.rtl), ("ar", "ar", .rtl), ("he", "he", .rtl), ("ur", "ur", .rtl),
        ("ps", "ps", .rtl), ("sd", "sd", .rtl), ("ckb", "ckb", .rtl), ("yi", "yi", .rtl), ("dv", "dv", .rtl),
        ("ug", "ug", .rtl), ("fa-IR", "fa-IR", .rtl), ("ar-EG", "ar-EG", .rtl), ("prs-AF", "prs-AF", .rtl),
        ("en", "en", .ltr), ("ru", "ru", .ltr), ("zh", "zh", .ltr), ("tr", "tr", .ltr), ("ku", "ku", .ltr),
        ("ja", "ja", .ltr), ("es-419", "es-419", .ltr),
    ])
    func languagesHaveTheirDirection(text: String, tag: String, direction: TextDirection) throws {
        let (parsed, problem) = LanguageTag.parse(text)
        #expect(problem == nil)
        let value = try #require(parsed)
        #expect(value.tag == tag)
        #expect(value.direction == direction)
    }

    @Test(arguments: [
        ("az-Arab", TextDirection.rtl), ("ms-Arab", .rtl), ("ff-Adlm", .rtl), ("pa-Arab-PK", .rtl), ("ku-Arab", .rtl),
        ("yi-Hebr", .rtl), ("dv-Thaa", .rtl), ("syr-Syrc", .rtl), ("man-Nkoo", .rtl), ("rhg-Rohg", .rtl),
        // A Latin or Cyrillic script makes a right-to-left language left to right.
        ("ku-Latn", .ltr), ("az-Latn", .ltr), ("ug-Cyrl", .ltr), ("sd-Deva", .ltr), ("uz-Latn-UZ", .ltr),
    ])
    func aScriptSubtagDecidesTheDirection(text: String, direction: TextDirection) {
        #expect(LanguageTag.parse(text).tag?.direction == direction)
    }

    @Test func tagsAreCaseInsensitiveAndKeptInCanonicalCase() {
        #expect(LanguageTag.parse("FA-ir").tag?.tag == "fa-IR")
        #expect(LanguageTag.parse("zh-hant-tw").tag?.tag == "zh-Hant-TW")
        #expect(LanguageTag.parse("AR-U-NU-LATN").tag?.tag == "ar-u-nu-latn")
        let tag = LanguageTag.parse("sr-latn-rs").tag
        #expect(tag?.script == "Latn")
        #expect(tag?.region == "RS")
        #expect(tag?.language == "sr")
    }

    @Test func variantsExtensionsAndPrivateUseAreAccepted() {
        for text in ["de-CH-1996", "sl-rozaj-biske", "ar-EG-u-nu-latn", "en-x-internal", "x-house-style", "qaa", "fa-u-ca-gregory"] {
            let (tag, problem) = LanguageTag.parse(text)
            #expect(tag != nil, "\(text)")
            #expect(problem == nil, "\(text): \(problem?.message ?? "")")
        }
    }

    @Test(arguments: [
        ("", "invalid language tag '': it is empty"),
        ("fa_IR", "invalid language tag 'fa_IR': subtags are separated by '-', not '_': write 'fa-IR'"),
        ("Persian", "'Persian' is a language name, not a tag: write 'fa'"),
        ("farsi", "'farsi' is a language name, not a tag: write 'fa'"),
        ("per", "invalid language tag 'per': BCP 47 uses the two-letter code where there is one: write 'fa' for 'per'"),
        ("ara", "invalid language tag 'ara': BCP 47 uses the two-letter code where there is one: write 'ar' for 'ara'"),
        ("fq", "invalid language tag 'fq': 'fq' is not an ISO 639 language code (did you mean 'fa', Persian?)"),
        ("fa-", "invalid language tag 'fa-': it has an empty subtag (two '-' in a row, or one at an end)"),
        ("fa--IR", "invalid language tag 'fa--IR': it has an empty subtag (two '-' in a row, or one at an end)"),
        ("fa-IRN", "invalid language tag 'fa-IRN': 'IRN' is out of place: write an extended language ('yue') on its own, and a region as two letters ('IR') or three digits ('419')"),
        ("fa-IR-Arab", "invalid language tag 'fa-IR-Arab': 'Arab' is out of place: the order is language, script (4 letters), region (2 letters or 3 digits), variants, extensions"),
        ("1a", "invalid language tag '1a': it must start with a two- or three-letter language code such as 'fa' or 'ckb'"),
        ("فارسی", "invalid language tag 'فارسی': 'فارسی' is not a subtag (1 to 8 ASCII letters or digits)"),
        ("en-verylongsubtag", "invalid language tag 'en-verylongsubtag': 'verylongsubtag' is not a subtag (1 to 8 ASCII letters or digits)"),
        ("ar-u", "invalid language tag 'ar-u': extension 'u' has no subtags after it"),
        ("ar-u-nu-latn-u-ca-gregory", "invalid language tag 'ar-u-nu-latn-u-ca-gregory': extension 'u' appears twice"),
        ("x", "invalid language tag 'x': 'x' must be followed by a private-use subtag"),
    ])
    func invalidTagsSayWhatIsWrong(text: String, message: String) {
        let (tag, problem) = LanguageTag.parse(text)
        #expect(tag == nil)
        #expect(problem?.severity == .error)
        #expect(problem?.message == message)
    }

    @Test func doubtfulButValidTagsAreWarnings() {
        let deprecated = LanguageTag.parse("iw")
        #expect(deprecated.tag?.direction == .rtl)
        #expect(deprecated.problem == LanguageTag.Problem(severity: .warning, message: "language code 'iw' is deprecated: write 'he'"))

        let unknown = LanguageTag.parse("xyz")
        #expect(unknown.tag?.tag == "xyz")
        #expect(unknown.problem?.severity == .warning)
        #expect(unknown.problem?.message.contains("'xyz'") == true)

        let calendar = LanguageTag.parse("fa-u-ca-persian")
        #expect(calendar.tag?.tag == "fa-u-ca-persian")
        #expect(calendar.problem?.message == "calendar 'persian' in 'fa-u-ca-persian' is not used: Dossier shows dates in the Gregorian calendar")
    }
}
