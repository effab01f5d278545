import Foundation

/// Typographic variants that mean the same in a name: curly and straight
/// apostrophes, the various spaces, and hyphen-like dashes. Folding maps one
/// scalar to one scalar, so offsets in folded text are offsets in the original.
enum NameFolding {
    static func fold(_ scalar: Unicode.Scalar, caseSensitive: Bool) -> UInt32 {
        switch scalar.value {
        case 0x2019, 0x2018, 0x02BC, 0x2032: return 0x27  // ’ ‘ ʼ ′ → '
        case 0x0A, 0x0D, 0x09, 0xA0, 0x2007, 0x202F, 0x2009, 0x200A: return 0x20
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212: return 0x2D  // ‐ ‑ ‒ – − → -
        default:
            if caseSensitive { return scalar.value }
            if scalar.value < 0x80 {
                return (scalar.value >= 0x41 && scalar.value <= 0x5A) ? scalar.value + 0x20 : scalar.value
            }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first!.value : scalar.value
        }
    }

    /// The folded form of a name, as used for comparisons and the automaton;
    /// runs of spaces become one space and the ends are trimmed.
    static func key(_ name: String, caseSensitive: Bool) -> [UInt32] {
        var result: [UInt32] = []
        for scalar in name.precomposedStringWithCanonicalMapping.unicodeScalars {
            let folded = fold(scalar, caseSensitive: caseSensitive)
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
}
