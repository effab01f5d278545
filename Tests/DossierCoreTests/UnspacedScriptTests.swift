import Foundation
import Testing
@testable import DossierCore

/// `UnspacedScripts` lists code point ranges because Swift exposes no Script
/// property; ICU, through Foundation's regular expressions, does. These tests hold
/// the ranges to what their documentation claims, for every letter, mark and digit
/// of Unicode 15 (newer characters are left out, since the toolchain's ICU and the
/// standard library may know different Unicode versions).
@Suite struct UnspacedScriptTests {
    static let scriptCodes = ["Hani", "Hira", "Kana", "Thai", "Laoo", "Khmr", "Mymr"]

    /// Every word character of Unicode 15 up to plane 3, where the listed scripts end.
    static let wordCharacters: [Unicode.Scalar] = (UInt32(0)...0x3FFFF).compactMap { value in
        guard let scalar = Unicode.Scalar(value), NameFolding.isWordCharacter(value),
              let age = scalar.properties.age, age.major < 15 || (age.major == 15 && age.minor == 0) else { return nil }
        return scalar
    }

    /// The word characters that ICU places in one of the seven scripts, by `property` ("sc" or "scx").
    static func inICUScripts(_ property: String) throws -> Set<UInt32> {
        let pattern = "[" + scriptCodes.map { "\\p{\(property)=\($0)}" }.joined() + "]"
        let expression = try NSRegularExpression(pattern: pattern)
        let text = String(String.UnicodeScalarView(wordCharacters))
        var scalarAtUTF16Offset: [Int: UInt32] = [:]
        var offset = 0
        for scalar in wordCharacters {
            scalarAtUTF16Offset[offset] = scalar.value
            offset += scalar.utf16.count
        }
        var found: Set<UInt32> = []
        for match in expression.matches(in: text, range: NSRange(location: 0, length: offset)) {
            if let value = scalarAtUTF16Offset[match.range.location] { found.insert(value) }
        }
        return found
    }

    @Test func everyLetterOfTheSevenScriptsIsInTheRanges() throws {
        let byScript = try Self.inICUScripts("sc")
        #expect(byScript.count > 90_000, "ICU found too few characters: \(byScript.count)")
        let missing = byScript.filter { !UnspacedScripts.contains($0) }.sorted().prefix(20)
        #expect(missing.isEmpty, "in the seven scripts but not in the ranges: \(missing.map { String($0, radix: 16) })")
    }

    @Test func theRangesHoldNoLetterOfAnotherScript() throws {
        let byExtension = try Self.inICUScripts("scx")
        let foreign = Self.wordCharacters.map(\.value).filter { UnspacedScripts.contains($0) && !byExtension.contains($0) }.prefix(20)
        #expect(foreign.isEmpty, "in the ranges but in no listed script: \(foreign.map { String($0, radix: 16) })")
    }

    @Test func theRangesAreSortedAndDisjoint() {
        let ranges = UnspacedScripts.ranges
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound })
        #expect(ranges.first.map { $0.lowerBound >= 0x0E00 } == true)
    }

    @Test func spacedScriptsAreNotUnspaced() {
        for letter in ["a", "é", "Д", "ا", "ی", "א", "한", "अ", "ა"] {
            #expect(!UnspacedScripts.contains(letter.unicodeScalars.first!.value), "\(letter)")
        }
        for letter in ["伊", "い", "イ", "ー", "ไ", "ລ", "ក", "မ", "𠀀"] {
            #expect(UnspacedScripts.contains(letter.unicodeScalars.first!.value), "\(letter)")
        }
    }
}
