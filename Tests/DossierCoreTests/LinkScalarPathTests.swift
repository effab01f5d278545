import Foundation
import Testing
import Yams
@testable import DossierCore
@testable import DossierMarkdown

/// The linker's and loader's paths made cheaper in the thirteenth round give what the
/// code they replaced gave, which is kept here as the reference.
@Suite struct LinkScalarPathTests {
    /// Every scalar `CharacterSet.whitespaces` might hold, and neighbours that it must not.
    static let spaceLike: [Unicode.Scalar] = [
        "\t", "\n", "\u{0B}", "\u{0C}", "\r", " ", "\u{85}", "\u{A0}", "\u{1680}", "\u{180E}", "\u{200B}", "\u{200C}", "\u{200D}",
        "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{3000}", "\u{FEFF}", "\u{301}", "x", "é",
    ] + (0x2000...0x200A).compactMap(Unicode.Scalar.init)

    @Test func sectionTitlesAreTrimmedAsFoundationTrimmedThem() {
        // Every scalar Foundation's set holds, and many it does not.
        let candidates = Self.spaceLike + (0...0x3100).compactMap { value in
            Unicode.Scalar(value).flatMap { CharacterSet.whitespaces.contains($0) || value % 97 == 0 ? $0 : nil }
        }
        #expect(candidates.filter { CharacterSet.whitespaces.contains($0) }.count >= 19)
        for scalar in candidates {
            for text in ["\(scalar)Iran\(scalar)", "\(scalar)\(scalar)", "Ir\(scalar)an", "\(scalar)"] {
                let document = MarkdownParser.parse("## x\n")
                var block = document.blocks[0]
                let scalars = Array(text.unicodeScalars)
                block.plainTextScalars = scalars[...]
                let trimmed = String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespaces)
                let expected = trimmed.isEmpty ? nil : trimmed
                #expect(PassageSections.headings(of: [block])[0] == expected, "U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    @Test func longSectionTitlesAreCutThenTrimmed() {
        let document = MarkdownParser.parse("## x\n")
        var block = document.blocks[0]
        let text = String(repeating: "a", count: PassageSections.maximumLength - 1) + "\u{3000}" + "bcd"
        block.plainTextScalars = Array(text.unicodeScalars)[...]
        #expect(PassageSections.headings(of: [block])[0] == String(repeating: "a", count: PassageSections.maximumLength - 1) + "…")
    }

    @Test func scalarsAreTheStringsScalars() {
        for text in ["", "Iran", "ایـران and 東京", "e\u{301}\u{200D}👩‍👩‍👧", String(repeating: "ß\n", count: 500)] {
            #expect(PlainText.scalars(of: text) == Array(text.unicodeScalars))
        }
    }

    @Test func theYAMLEncodingIsYamsDefault() {
        #expect(YAMLExpansion.encoding == Parser.Encoding.default)
    }

    /// The Character-level words as they were made before ASCII text was read as bytes.
    static func referenceWords(_ text: String, limit: Int = .max) -> [String] {
        let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased()
            : text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
                if words.count == limit { return words }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test func slugWordsAreTheCharacterLevelOnes() {
        let texts = [
            "", "Iran", "Nuclear Deal", "Don't STOP: 2026's   plan!", "a-b_c.d/e\\f\tg\nh", "'''", "x'", "'x", "ABC123def",
            "Côte d’Ivoire", "Über 東京 ß", "e\u{301}", String(repeating: "word ", count: 50), "~!@#$%^&*()[]{}<>?;:,.|`=+",
        ]
        for text in texts {
            for limit in [0, 1, 2, 5, .max] {
                #expect(Slugify.words(text, limit: limit) == Self.referenceWords(text, limit: limit), "\(text) \(limit)")
            }
        }
        for value in UInt8(0)..<128 {
            let text = "A\(Character(Unicode.Scalar(value)))b'Z"
            #expect(Slugify.words(text) == Self.referenceWords(text))
        }
    }

    /// A state with many transitions (here 102 names after "Al") is searched by halves,
    /// one with few by a scan; every name is still found, and nothing between them.
    @Test func theMatcherFindsNamesAmongManyTransitionsOfOneState() {
        // Cyrillic and Armenian letters: none composes with "l" or joins a word boundary.
        let letters = (Array(0x410...0x44F) + Array(0x561...0x586)).map { Unicode.Scalar(UInt32($0))! }
        let names = letters.enumerated().map { (name: "Al" + String($0.element), owner: $0.offset) }
        let matcher = MentionMatcher(names: names + [("Alz", 1000), ("B", 1001)], caseSensitive: true)
        for (name, owner) in names {
            #expect(matcher.matches(in: "Then \(name) spoke.").map(\.owner) == [owner], "\(name)")
        }
        #expect(matcher.matches(in: "Alz and B").map(\.owner) == [1000, 1001])
        let missing: Unicode.Scalar = "α"
        #expect(matcher.matches(in: "Al\(missing) and Al\(Unicode.Scalar(0x10FFFF)!)").isEmpty)
    }
}
