import Foundation

/// Variants that mean the same in a name: curly and straight apostrophes, the
/// various spaces, hyphen-like dashes, and the Arabic-script letters that Persian and
/// Arabic keyboards type differently (see `arabicLetterVariants`). Folding maps one
/// scalar to one scalar, or marks it `transparent` (ZWNJ, tatweel) so the matcher
/// skips it and maps offsets back to the original text.
enum NameFolding {
    /// What `fold` returns for a scalar that is read as if it were not there.
    static let transparent = UInt32.max

    /// Arabic-script letters that people type either way, each with the form it folds
    /// to: the Arabic yeh (ي U+064A) and alef maksura (ى U+0649) are the Persian yeh
    /// (ی U+06CC), and the Arabic kaf (ك U+0643) is the Persian kaf (ک U+06A9). Persian
    /// text typed on an Arabic keyboard, or copied from an Arabic source, mixes them.
    static let arabicLetterVariants: [(variant: UInt32, folded: UInt32)] = [
        (0x064A, 0x06CC), (0x0649, 0x06CC), (0x0643, 0x06A9),
    ]

    /// Scalars that do not change which word is written: the zero-width non-joiner
    /// (U+200C, which Persian puts inside words such as می‌خواهد and often omits) and
    /// the tatweel (U+0640, which only stretches a joined letter). Both are inside a
    /// word, as in Unicode's word boundaries (UAX #29), so "ایران‌ها" is no more
    /// "ایران" than "Iranian" is "Iran".
    static let transparentScalars: [UInt32] = [0x200C, 0x0640]

    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar, caseSensitive: Bool) -> UInt32 {
        let value = scalar.value
        if value < 0x80 {
            if value == 0x0A || value == 0x0D || value == 0x09 { return 0x20 }
            if caseSensitive || value < 0x41 || value > 0x5A { return value }
            return value + 0x20
        }
        switch value {
        case 0x2019, 0x2018, 0x02BC, 0x2032: return 0x27  // ’ ‘ ʼ ′ → '
        case 0xA0, 0x2007, 0x202F, 0x2009, 0x200A: return 0x20
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212: return 0x2D  // ‐ ‑ ‒ – − → -
        case 0x064A, 0x0649: return 0x06CC  // ي ى → ی (arabicLetterVariants)
        case 0x0643: return 0x06A9  // ك → ک
        case 0x200C, 0x0640: return transparent  // transparentScalars
        default:
            if caseSensitive { return value }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first!.value : value
        }
    }

    /// The folded form of a name, as used for comparisons and the automaton;
    /// runs of spaces become one space, the ends are trimmed, and transparent
    /// scalars are left out.
    static func key(_ name: String, caseSensitive: Bool) -> [UInt32] {
        var result: [UInt32] = []
        // ASCII is its own NFC form: Foundation's normalisation was a quarter of the index stage.
        let composed = name.utf8.allSatisfy { $0 < 0x80 } ? name : name.precomposedStringWithCanonicalMapping
        for scalar in composed.unicodeScalars {
            let folded = fold(scalar, caseSensitive: caseSensitive)
            if folded == transparent { continue }
            if folded == 0x20, result.last == 0x20 || result.isEmpty { continue }
            result.append(folded)
        }
        if result.last == 0x20 { result.removeLast() }
        return result
    }

    static func isWordCharacter(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Whether a name whose first folded scalar is `first` may begin right after
    /// `outside`, and (below) end right before it. In spaced scripts that takes a word
    /// boundary: `outside` is no word character. Next to a letter of an unspaced script
    /// (Han, kana, Thai…) a name may also begin or end anywhere that does not cut a
    /// syllable, so "伊朗" is found in "伊朗和俄罗斯", and "IAEA" in the Japanese
    /// "IAEAは", as Unicode's word boundaries (UAX #29) break there too.
    @inline(__always)
    static func nameMayStart(after outside: UInt32, at first: UInt32) -> Bool {
        !isWordCharacter(outside) || UnspacedScripts.allowsBreak(between: outside, and: first)
    }

    @inline(__always)
    static func nameMayEnd(at last: UInt32, before outside: UInt32) -> Bool {
        !isWordCharacter(outside) || UnspacedScripts.allowsBreak(between: last, and: outside)
    }
}
