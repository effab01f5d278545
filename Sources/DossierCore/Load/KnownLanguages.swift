import Foundation

/// The language and script subtags Dossier knows, and which of them are written
/// right to left. Kept in the source (not read from ICU) so that validation and
/// direction never depend on the machine or the toolchain's ICU data.
enum KnownLanguages {
    /// ISO 639-1, complete: every two-letter primary language subtag BCP 47 allows,
    /// with its English name (for "did you mean" when a name is written instead).
    static let twoLetter: [String: String] = [
        "aa": "Afar", "ab": "Abkhazian", "ae": "Avestan", "af": "Afrikaans", "ak": "Akan", "am": "Amharic",
        "an": "Aragonese", "ar": "Arabic", "as": "Assamese", "av": "Avaric", "ay": "Aymara", "az": "Azerbaijani",
        "ba": "Bashkir", "be": "Belarusian", "bg": "Bulgarian", "bi": "Bislama", "bm": "Bambara", "bn": "Bengali",
        "bo": "Tibetan", "br": "Breton", "bs": "Bosnian", "ca": "Catalan", "ce": "Chechen", "ch": "Chamorro",
        "co": "Corsican", "cr": "Cree", "cs": "Czech", "cu": "Church Slavic", "cv": "Chuvash", "cy": "Welsh",
        "da": "Danish", "de": "German", "dv": "Dhivehi", "dz": "Dzongkha", "ee": "Ewe", "el": "Greek",
        "en": "English", "eo": "Esperanto", "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian",
        "ff": "Fulah", "fi": "Finnish", "fj": "Fijian", "fo": "Faroese", "fr": "French", "fy": "Western Frisian",
        "ga": "Irish", "gd": "Scottish Gaelic", "gl": "Galician", "gn": "Guarani", "gu": "Gujarati", "gv": "Manx",
        "ha": "Hausa", "he": "Hebrew", "hi": "Hindi", "ho": "Hiri Motu", "hr": "Croatian", "ht": "Haitian Creole",
        "hu": "Hungarian", "hy": "Armenian", "hz": "Herero", "ia": "Interlingua", "id": "Indonesian",
        "ie": "Interlingue", "ig": "Igbo", "ii": "Sichuan Yi", "ik": "Inupiaq", "io": "Ido", "is": "Icelandic",
        "it": "Italian", "iu": "Inuktitut", "ja": "Japanese", "jv": "Javanese", "ka": "Georgian", "kg": "Kongo",
        "ki": "Kikuyu", "kj": "Kuanyama", "kk": "Kazakh", "kl": "Kalaallisut", "km": "Khmer", "kn": "Kannada",
        "ko": "Korean", "kr": "Kanuri", "ks": "Kashmiri", "ku": "Kurdish", "kv": "Komi", "kw": "Cornish",
        "ky": "Kyrgyz", "la": "Latin", "lb": "Luxembourgish", "lg": "Ganda", "li": "Limburgish", "ln": "Lingala",
        "lo": "Lao", "lt": "Lithuanian", "lu": "Luba-Katanga", "lv": "Latvian", "mg": "Malagasy", "mh": "Marshallese",
        "mi": "Maori", "mk": "Macedonian", "ml": "Malayalam", "mn": "Mongolian", "mr": "Marathi", "ms": "Malay",
        "mt": "Maltese", "my": "Burmese", "na": "Nauru", "nb": "Norwegian Bokmål", "nd": "North Ndebele",
        "ne": "Nepali", "ng": "Ndonga", "nl": "Dutch", "nn": "Norwegian Nynorsk", "no": "Norwegian",
        "nr": "South Ndebele", "nv": "Navajo", "ny": "Chichewa", "oc": "Occitan", "oj": "Ojibwa", "om": "Oromo",
        "or": "Odia", "os": "Ossetian", "pa": "Punjabi", "pi": "Pali", "pl": "Polish", "ps": "Pashto",
        "pt": "Portuguese", "qu": "Quechua", "rm": "Romansh", "rn": "Rundi", "ro": "Romanian", "ru": "Russian",
        "rw": "Kinyarwanda", "sa": "Sanskrit", "sc": "Sardinian", "sd": "Sindhi", "se": "Northern Sami",
        "sg": "Sango", "si": "Sinhala", "sk": "Slovak", "sl": "Slovenian", "sm": "Samoan", "sn": "Shona",
        "so": "Somali", "sq": "Albanian", "sr": "Serbian", "ss": "Swati", "st": "Southern Sotho", "su": "Sundanese",
        "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "tg": "Tajik", "th": "Thai",
        "ti": "Tigrinya", "tk": "Turkmen", "tl": "Tagalog", "tn": "Tswana", "to": "Tongan", "tr": "Turkish",
        "ts": "Tsonga", "tt": "Tatar", "tw": "Twi", "ty": "Tahitian", "ug": "Uyghur", "uk": "Ukrainian",
        "ur": "Urdu", "uz": "Uzbek", "ve": "Venda", "vi": "Vietnamese", "vo": "Volapük", "wa": "Walloon",
        "wo": "Wolof", "xh": "Xhosa", "yi": "Yiddish", "yo": "Yoruba", "za": "Zhuang", "zh": "Chinese", "zu": "Zulu",
    ]

    /// Two-letter codes withdrawn from ISO 639-1, and what replaced them.
    static let deprecatedTwoLetter: [String: String] = [
        "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro", "sh": "sr-Latn",
    ]

    /// Three-letter codes of languages without a two-letter code that a West Asia
    /// desk (or any newsroom) is likely to meet. Not exhaustive: an unknown
    /// three-letter code is only a warning.
    static let threeLetter: [String: String] = [
        // Iranian, Kurdish and other languages of the region
        "ckb": "Central Kurdish", "kmr": "Northern Kurdish", "sdh": "Southern Kurdish", "lki": "Laki", "hac": "Gurani",
        "prs": "Dari", "pes": "Iranian Persian", "pbt": "Southern Pashto", "pbu": "Northern Pashto",
        "azb": "South Azerbaijani", "bal": "Baluchi", "bqi": "Bakhtiari", "glk": "Gilaki", "mzn": "Mazanderani",
        "lrc": "Northern Luri", "luz": "Southern Luri", "skr": "Saraiki", "pnb": "Western Panjabi", "brh": "Brahui",
        "khw": "Khowar", "ota": "Ottoman Turkish", "tly": "Talysh", "zza": "Zazaki", "crh": "Crimean Tatar",
        "gag": "Gagauz",
        // Arabic varieties
        "arb": "Standard Arabic", "arz": "Egyptian Arabic", "apc": "Levantine Arabic", "ajp": "South Levantine Arabic",
        "ary": "Moroccan Arabic", "arq": "Algerian Arabic", "aeb": "Tunisian Arabic", "acm": "Mesopotamian Arabic",
        "afb": "Gulf Arabic", "ars": "Najdi Arabic", "ayl": "Libyan Arabic", "apd": "Sudanese Arabic",
        "acq": "Ta'izzi-Adeni Arabic", "ayn": "Sanaani Arabic", "ayp": "North Mesopotamian Arabic",
        "shu": "Chadian Arabic", "ssh": "Shihhi Arabic", "acw": "Hijazi Arabic", "acx": "Omani Arabic",
        "abv": "Baharna Arabic", "jrb": "Judeo-Arabic",
        // Semitic and other right-to-left traditions
        "syr": "Syriac", "syc": "Classical Syriac", "aii": "Assyrian Neo-Aramaic", "cld": "Chaldean Neo-Aramaic",
        "arc": "Aramaic", "mid": "Mandaic", "sam": "Samaritan Aramaic", "smp": "Samaritan", "phn": "Phoenician",
        "jpr": "Judeo-Persian", "lad": "Ladino", "nqo": "N'Ko", "rhg": "Rohingya", "pal": "Pahlavi",
        // East and South-East Asia
        "yue": "Cantonese", "cmn": "Mandarin Chinese", "wuu": "Wu Chinese", "hak": "Hakka Chinese",
        "nan": "Min Nan Chinese", "fil": "Filipino", "ceb": "Cebuano", "hil": "Hiligaynon", "ilo": "Iloko",
        "war": "Waray", "min": "Minangkabau", "ban": "Balinese", "ace": "Acehnese", "hmn": "Hmong", "shn": "Shan",
        "kac": "Kachin", "ksw": "S'gaw Karen", "tet": "Tetum", "tpi": "Tok Pisin",
        // South Asia
        "bho": "Bhojpuri", "mai": "Maithili", "mag": "Magahi", "awa": "Awadhi", "doi": "Dogri", "kok": "Konkani",
        "mni": "Manipuri", "sat": "Santali", "brx": "Bodo", "new": "Newari", "syl": "Sylheti", "ccp": "Chakma",
        "lus": "Mizo", "kha": "Khasi",
        // Caucasus, Russia and Central Asia
        "ady": "Adyghe", "kbd": "Kabardian", "inh": "Ingush", "lez": "Lezghian", "krc": "Karachay-Balkar",
        "kum": "Kumyk", "sah": "Sakha", "tyv": "Tuvinian", "alt": "Southern Altai", "udm": "Udmurt",
        "mhr": "Eastern Mari", "myv": "Erzya", "mdf": "Moksha", "kaa": "Kara-Kalpak",
        // Africa
        "kab": "Kabyle", "zgh": "Standard Moroccan Tamazight", "tzm": "Central Atlas Tamazight", "shi": "Tachelhit",
        "rif": "Riffian", "byn": "Blin", "gez": "Geez", "sid": "Sidamo", "wal": "Wolaytta", "kri": "Krio",
        "pcm": "Nigerian Pidgin", "nso": "Northern Sotho", "dyu": "Dyula", "mos": "Mossi", "luo": "Luo",
        "kam": "Kamba", "kln": "Kalenjin", "mas": "Masai", "dje": "Zarma", "bas": "Basaa", "tum": "Tumbuka",
        // Europe and the Americas
        "gsw": "Swiss German", "ast": "Asturian", "fur": "Friulian", "lij": "Ligurian", "lmo": "Lombard",
        "nap": "Neapolitan", "scn": "Sicilian", "vec": "Venetian", "pms": "Piedmontese", "szl": "Silesian",
        "hsb": "Upper Sorbian", "dsb": "Lower Sorbian", "csb": "Kashubian", "rue": "Rusyn", "sma": "Southern Sami",
        "smj": "Lule Sami", "smn": "Inari Sami", "sms": "Skolt Sami", "vro": "Võro", "ltg": "Latgalian",
        "chr": "Cherokee", "haw": "Hawaiian",
        // Special-purpose codes of ISO 639-2
        "und": "undetermined", "mul": "multiple languages", "zxx": "no linguistic content", "mis": "uncoded languages",
    ]

    /// ISO 639-2 codes of languages that have a two-letter code: BCP 47 requires the
    /// shorter one, so these are errors that name it.
    static let longFormOfTwoLetter: [String: String] = [
        "ara": "ar", "fas": "fa", "per": "fa", "heb": "he", "urd": "ur", "pus": "ps", "snd": "sd", "yid": "yi",
        "div": "dv", "uig": "ug", "kur": "ku", "kas": "ks", "eng": "en", "rus": "ru", "zho": "zh", "chi": "zh",
        "tur": "tr", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es", "por": "pt", "ita": "it",
        "jpn": "ja", "kor": "ko", "hin": "hi", "ben": "bn", "aze": "az", "kaz": "kk", "uzb": "uz", "tgk": "tg",
        "tuk": "tk", "kir": "ky", "hye": "hy", "arm": "hy", "kat": "ka", "geo": "ka", "ell": "el", "gre": "el",
        "nld": "nl", "dut": "nl", "pol": "pl", "ukr": "uk", "tha": "th", "vie": "vi", "ind": "id", "msa": "ms",
        "may": "ms", "swa": "sw", "amh": "am", "som": "so", "hau": "ha", "tat": "tt", "bak": "ba", "che": "ce",
        "oss": "os", "tir": "ti", "orm": "om", "pan": "pa", "mar": "mr", "tam": "ta", "tel": "te", "guj": "gu",
        "kan": "kn", "mal": "ml", "sin": "si", "nep": "ne", "bos": "bs", "hrv": "hr", "srp": "sr", "slk": "sk",
        "slo": "sk", "slv": "sl", "ces": "cs", "cze": "cs", "hun": "hu", "ron": "ro", "rum": "ro", "bul": "bg",
        "mkd": "mk", "mac": "mk", "sqi": "sq", "alb": "sq", "swe": "sv", "nor": "no", "dan": "da", "fin": "fi",
        "est": "et", "lav": "lv", "lit": "lt", "isl": "is", "ice": "is", "gle": "ga", "cym": "cy", "wel": "cy",
        "eus": "eu", "baq": "eu", "cat": "ca", "glg": "gl", "mlt": "mt", "lat": "la", "bel": "be", "mon": "mn",
        "bod": "bo", "tib": "bo", "mya": "my", "bur": "my", "khm": "km", "lao": "lo", "tgl": "tl", "jav": "jv",
        "sun": "su", "yor": "yo", "ibo": "ig", "zul": "zu", "xho": "xh", "afr": "af", "kin": "rw", "mlg": "mg",
    ]

    /// Names people write instead of a code, beyond the English names above.
    static let otherNames: [String: String] = [
        "farsi": "fa", "dari": "prs", "sorani": "ckb", "kurdish sorani": "ckb", "kurmanji": "kmr",
        "mandarin": "zh", "cantonese": "yue", "filipino": "fil", "uighur": "ug", "pushto": "ps",
    ]

    /// Languages written right to left in their usual script, when a tag names no script.
    static let rightToLeftLanguages: Set<String> = [
        "ar", "fa", "he", "iw", "ur", "ps", "sd", "yi", "ji", "dv", "ug", "ks", "ae",
        "ckb", "sdh", "lki", "hac", "prs", "pes", "pbt", "pbu", "azb", "bal", "bqi", "glk", "mzn", "lrc", "luz",
        "skr", "pnb", "brh", "khw", "ota",
        "arb", "arz", "apc", "ajp", "ary", "arq", "aeb", "acm", "afb", "ars", "ayl", "apd", "acq", "ayn", "ayp",
        "shu", "ssh", "acw", "acx", "abv", "jrb",
        "syr", "syc", "aii", "cld", "arc", "mid", "sam", "smp", "phn", "jpr", "nqo", "rhg", "pal",
    ]

    /// ISO 15924 scripts written right to left: a tag that names one of them is
    /// right to left whatever its language (`az-Arab`, `ms-Arab`, `ff-Adlm`).
    static let rightToLeftScripts: Set<String> = [
        "Arab", "Aran", "Hebr", "Thaa", "Syrc", "Syre", "Syrj", "Syrn", "Nkoo", "Adlm", "Rohg", "Mand", "Samr",
        "Mend", "Armi", "Avst", "Chrs", "Elym", "Hatr", "Khar", "Lydi", "Mani", "Narb", "Nbat", "Ougr", "Palm",
        "Phli", "Phlp", "Phlv", "Phnx", "Prti", "Sarb", "Sogd", "Sogo", "Yezi", "Cprt", "Hung", "Orkh", "Mero",
        "Merc",
    ]

    /// The code for a language written by name ("Persian", "farsi"), if it is one.
    static func code(forName name: String) -> String? {
        let folded = name.lowercased().trimmingCharacters(in: .whitespaces)
        if let code = otherNames[folded] { return code }
        let all = twoLetter.merging(threeLetter) { first, _ in first }
        return all.filter { $0.value.lowercased() == folded }.map(\.key).min()
    }
}
