/// The scripts written without spaces between words: Han, Hiragana, Katakana, Thai,
/// Lao, Khmer and Myanmar. A name in one of them can end or begin anywhere inside a
/// run of such letters, so the matcher and the search index cannot rely on spaces there.
///
/// ```swift
/// UnspacedScripts.contains(0x4F0A)   // 伊, Han: true
/// UnspacedScripts.contains(0x0627)   // ا, Arabic: false
/// ```
///
/// Swift's `Unicode.Scalar.Properties` has no Script property, so the scripts are
/// given as code point ranges: whole Unicode blocks where a block belongs to one of
/// these scripts, and single code points elsewhere. Callers ask only about letters,
/// marks and digits, so the punctuation, symbols and unassigned code points that the
/// blocks also hold never count. For those, the ranges cover every code point whose
/// Script (Unicode 16) is one of the seven, plus the few Common and Inherited ones whose
/// Script_Extensions name Han, Hiragana or Katakana and that are written inside those
/// runs (々 〇 〻, the prolonged sound mark ー, the voicing marks ゙ ゚, the kana
/// repeat marks 〱–〵, the half-width ｰ); `UnspacedScriptTests` checks both claims
/// against ICU. Not included: Tangut, Nüshu, Tai Tham, Tai Le, New Tai Lue and other
/// unspaced scripts of South-East Asia, which no Dossier user has asked for yet.
enum UnspacedScripts {
    /// Sorted, non-overlapping, inclusive.
    static let ranges: [ClosedRange<UInt32>] = [
        0x0E00...0x0E7F,    // Thai
        0x0E80...0x0EFF,    // Lao
        0x1000...0x109F,    // Myanmar
        0x1780...0x17FF,    // Khmer
        0x3005...0x3007,    // 々 〆 〇: ideographic iteration mark, closing mark, number zero
        0x3021...0x3029,    // Hangzhou numerals
        0x3031...0x3035,    // vertical kana repeat marks
        0x3038...0x303C,    // Hangzhou numerals ten to thirty, 〻 vertical iteration mark, 〼 masu mark
        0x3041...0x309F,    // Hiragana, with the combining voicing marks ゙ ゚
        0x30A0...0x30FF,    // Katakana, with the prolonged sound mark ー
        0x31F0...0x31FF,    // Katakana Phonetic Extensions
        0x3400...0x4DBF,    // CJK Unified Ideographs Extension A
        0x4E00...0x9FFF,    // CJK Unified Ideographs
        0xA9E0...0xA9FF,    // Myanmar Extended-B
        0xAA60...0xAA7F,    // Myanmar Extended-A
        0xF900...0xFAFF,    // CJK Compatibility Ideographs
        0xFF66...0xFF9F,    // half-width Katakana, with ｰ and the half-width voicing marks
        0x116D0...0x116FF,  // Myanmar Extended-C
        0x16FE3...0x16FE3,  // Old Chinese iteration mark
        0x16FF0...0x16FF1,  // Vietnamese alternate reading marks
        0x1AFF0...0x1B16F,  // Kana Extended-B, Kana Supplement, Kana Extended-A, Small Kana Extension
        0x20000...0x3FFFF,  // planes 2 and 3: CJK Unified Ideographs Extensions B–I and compatibility supplement
    ]

    static func contains(_ value: UInt32) -> Bool {
        // Every range starts at U+0E00 or later: Latin, Cyrillic, Greek, Arabic and Hebrew answer at once.
        guard value >= 0x0E00 else { return false }
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < ranges.count && ranges[low].contains(value)
    }

    /// Whether a name may begin or end between `before` and `after`, two word
    /// characters of which at least one is in an unspaced script, without cutting a
    /// written syllable in two: never before a combining mark (Thai vowels and tones,
    /// Myanmar medials, kana voicing marks), never after the Khmer coeng (U+17D2) or
    /// the Myanmar virama (U+1039), which put the next consonant beneath this one, and
    /// never after a Thai or Lao vowel written before its consonant (เ แ โ ใ ไ, ເ ແ ໂ ໃ ໄ).
    static func allowsBreak(between before: UInt32, and after: UInt32) -> Bool {
        guard contains(before) || contains(after) else { return false }
        switch before {
        case 0x17D2, 0x1039, 0x0E40...0x0E44, 0x0EC0...0x0EC4: return false
        default: break
        }
        guard let scalar = Unicode.Scalar(after) else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return false
        default: return true
        }
    }
}
