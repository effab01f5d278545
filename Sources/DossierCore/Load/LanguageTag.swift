import Foundation

/// The direction a language is written in, as HTML's `dir` attribute names it.
public enum TextDirection: String, Sendable, Hashable {
    case ltr
    case rtl
}

/// A validated BCP 47 language tag (`fa`, `ar-EG`, `zh-Hant-TW`, `az-Arab`,
/// `ar-u-nu-latn`), in canonical case, with the direction its text is written in.
///
/// Validation is syntactic (RFC 5646's language-script-region-variant-extension-
/// privateuse order and lengths; an extended language subtag such as `zh-yue` is
/// refused in favour of `yue`) plus a check of the primary language against
/// `KnownLanguages`; regions and scripts are checked for shape only.
public struct LanguageTag: Sendable, Hashable, CustomStringConvertible {
    /// The tag in canonical case: language lowercase, script titlecase, region uppercase.
    public let tag: String
    /// The primary language subtag, lowercase ("fa"); "x" for a private-use-only tag.
    public let language: String
    /// The script subtag in titlecase ("Arab"), when the tag names one.
    public let script: String?
    /// The region subtag in uppercase ("IR", "419"), when the tag names one.
    public let region: String?
    public let direction: TextDirection

    public var description: String { tag }

    public static let english = LanguageTag(tag: "en", language: "en", script: nil, region: nil, direction: .ltr)

    /// What is wrong with a tag; a warning still yields a usable tag.
    public struct Problem: Sendable, Hashable {
        public var severity: Diagnostic.Severity
        public var message: String
    }

    /// The tag, or nil when `text` is not a valid tag; plus at most one problem.
    public static func parse(_ text: String) -> (tag: LanguageTag?, problem: Problem?) {
        func invalid(_ reason: String) -> (LanguageTag?, Problem?) {
            (nil, Problem(severity: .error, message: "invalid language tag '\(text)': \(reason)"))
        }
        if text.isEmpty { return invalid("it is empty") }
        if let code = KnownLanguages.code(forName: text), text.count > 3 {
            return (nil, Problem(severity: .error, message: "'\(text)' is a language name, not a tag: write '\(code)'"))
        }
        if text.contains("_") {
            let dashed = text.replacingOccurrences(of: "_", with: "-")
            let hint = parse(dashed).tag.map { ": write '\($0.tag)'" } ?? ""
            return invalid("subtags are separated by '-', not '_'\(hint)")
        }
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false).map { String($0) }
        for subtag in subtags {
            guard !subtag.isEmpty else { return invalid("it has an empty subtag (two '-' in a row, or one at an end)") }
            guard subtag.utf8.count <= 8, subtag.unicodeScalars.allSatisfy(\.isASCIIAlphanumeric) else {
                return invalid("'\(subtag)' is not a subtag (1 to 8 ASCII letters or digits)")
            }
        }
        let language = subtags[0].lowercased()
        var script: String?, region: String?
        var canonical: [String] = []
        var warning: Problem?

        if language == "x" {
            // A private-use tag ("x-internal") names no registered language.
            guard subtags.count > 1 else { return invalid("'x' must be followed by a private-use subtag") }
            let tag = subtags.map { $0.lowercased() }.joined(separator: "-")
            return (LanguageTag(tag: tag, language: "x", script: nil, region: nil, direction: .ltr), nil)
        }
        guard (2...3).contains(language.count), language.unicodeScalars.allSatisfy(\.isASCIILetter) else {
            return invalid("it must start with a two- or three-letter language code such as 'fa' or 'ckb'")
        }
        switch language.count {
        case 2 where KnownLanguages.twoLetter[language] != nil:
            break
        case 2:
            if let replacement = KnownLanguages.deprecatedTwoLetter[language] {
                warning = Problem(severity: .warning, message: "language code '\(language)' is deprecated: write '\(replacement)'")
            } else {
                let suggestion = Suggestion.closest(to: language, in: KnownLanguages.twoLetter.keys).map {
                    " (did you mean '\($0)', \(KnownLanguages.twoLetter[$0]!)?)"
                } ?? ""
                return invalid("'\(language)' is not an ISO 639 language code\(suggestion)")
            }
        default:
            if let short = KnownLanguages.longFormOfTwoLetter[language] {
                return invalid("BCP 47 uses the two-letter code where there is one: write '\(short)' for '\(language)'")
            }
            let privateRange = language >= "qaa" && language <= "qtz"
            if KnownLanguages.threeLetter[language] == nil, !privateRange {
                warning = Problem(severity: .warning,
                                  message: "language code '\(language)' in '\(text)' is not one Dossier knows; check it against the IANA subtag registry")
            }
        }
        canonical.append(language)
        var index = 1

        // An extended language subtag ("zh-yue") is valid BCP 47, but the registry prefers
        // the extended language on its own; a three-letter region is an ISO 3166 mix-up.
        if index < subtags.count, subtags[index].count == 3, subtags[index].unicodeScalars.allSatisfy(\.isASCIILetter) {
            return invalid("'\(subtags[index])' is out of place: write an extended language ('yue') on its own, "
                           + "and a region as two letters ('IR') or three digits ('419')")
        }
        if index < subtags.count, subtags[index].count == 4, subtags[index].unicodeScalars.allSatisfy(\.isASCIILetter) {
            let lower = subtags[index].lowercased()
            script = lower.prefix(1).uppercased() + lower.dropFirst()
            canonical.append(script!)
            index += 1
        }
        if index < subtags.count {
            let subtag = subtags[index]
            let isLetters = subtag.count == 2 && subtag.unicodeScalars.allSatisfy(\.isASCIILetter)
            let isDigits = subtag.count == 3 && subtag.unicodeScalars.allSatisfy(\.isASCIIDigit)
            if isLetters || isDigits {
                region = subtag.uppercased()
                canonical.append(region!)
                index += 1
            }
        }
        var variants: Set<String> = []
        while index < subtags.count {
            let subtag = subtags[index].lowercased()
            let isVariant = subtag.count >= 5 || (subtag.count == 4 && subtag.unicodeScalars.first!.isASCIIDigit)
            guard isVariant else { break }
            guard variants.insert(subtag).inserted else { return invalid("variant '\(subtag)' appears twice") }
            canonical.append(subtag)
            index += 1
        }
        // Extensions ("-u-nu-latn") and private use ("-x-…").
        var singletons: Set<String> = []
        while index < subtags.count {
            let singleton = subtags[index].lowercased()
            guard singleton.count == 1 else {
                return invalid("'\(subtags[index])' is out of place: the order is language, script (4 letters), region (2 letters or 3 digits), variants, extensions")
            }
            guard singletons.insert(singleton).inserted else { return invalid("extension '\(singleton)' appears twice") }
            canonical.append(singleton)
            index += 1
            var count = 0
            while index < subtags.count, singleton == "x" || subtags[index].count >= 2 {
                canonical.append(subtags[index].lowercased())
                index += 1
                count += 1
            }
            guard count > 0 else { return invalid("extension '\(singleton)' has no subtags after it") }
            if singleton == "u", warning == nil, let calendar = Self.unicodeKeyword("ca", in: canonical), calendar != "gregory" {
                warning = Problem(severity: .warning,
                                  message: "calendar '\(calendar)' in '\(text)' is not used: Dossier shows dates in the Gregorian calendar")
            }
        }
        let direction: TextDirection
        if let script {
            direction = KnownLanguages.rightToLeftScripts.contains(script) ? .rtl : .ltr
        } else {
            direction = KnownLanguages.rightToLeftLanguages.contains(language) ? .rtl : .ltr
        }
        return (LanguageTag(tag: canonical.joined(separator: "-"), language: language, script: script, region: region,
                            direction: direction), warning)
    }

    /// The value of a Unicode extension keyword (`nu`, `ca`) in canonical subtags.
    static func unicodeKeyword(_ key: String, in subtags: [String]) -> String? {
        guard let u = subtags.firstIndex(of: "u"), let keyIndex = subtags[(u + 1)...].firstIndex(of: key),
              keyIndex + 1 < subtags.count, subtags[keyIndex + 1].count > 2 else { return nil }
        return subtags[keyIndex + 1]
    }

    /// A tag known to be valid, for code that builds one from a constant.
    init(tag: String, language: String, script: String?, region: String?, direction: TextDirection) {
        self.tag = tag
        self.language = language
        self.script = script
        self.region = region
        self.direction = direction
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { (self >= "a" && self <= "z") || (self >= "A" && self <= "Z") }
    fileprivate var isASCIIDigit: Bool { self >= "0" && self <= "9" }
    fileprivate var isASCIIAlphanumeric: Bool { isASCIILetter || isASCIIDigit }
}
