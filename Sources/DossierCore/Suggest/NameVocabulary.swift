/// The small English vocabulary that tells a capitalised name from a capitalised
/// word that is not one: titles of people, months and days, the function words that
/// begin sentences, the lowercase particles inside names ("Gulf of Oman",
/// "Mohammed bin Salman") and acronyms that name no actor ("GDP").
///
/// The lists are deliberately short: corpus evidence (a word also written in
/// lowercase, see `NameRanker`) catches most common words; these catch the ones a
/// small project has too little text to show.
enum NameVocabulary {
    /// Words that stand before a person's name: "President", "Foreign Minister",
    /// "Sheikh". They separate names rather than belong to them.
    static let titles: Set<String> = [
        "President", "Presidents", "Vice", "Premier", "Prime", "Minister", "Ministers", "Secretary", "Chancellor",
        "King", "Queen", "Prince", "Princess", "Crown", "Emir", "Amir", "Sheikh", "Shaikh", "Sheikha", "Sultan", "Shah",
        "Ayatollah", "Hojatoleslam", "Imam", "Mullah", "Pope", "Cardinal", "Archbishop", "Bishop", "Patriarch",
        "General", "Gen", "Admiral", "Adm", "Colonel", "Col", "Major", "Maj", "Lieutenant", "Lt", "Captain", "Capt",
        "Commander", "Cmdr", "Marshal", "Brigadier", "Sergeant", "Sgt", "Ambassador", "Envoy", "Senator", "Sen",
        "Representative", "Rep", "Congressman", "Congresswoman", "Governor", "Gov", "Mayor", "Speaker", "Chairman",
        "Chairwoman", "Chairperson", "Director", "Deputy", "Chief", "Spokesman", "Spokeswoman", "Spokesperson",
        "Leader", "Mr", "Mrs", "Ms", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady", "Tsar", "Czar",
        "Emperor", "Empress", "Judge", "Rabbi", "Sheikhs", "Kings", "Generals",
    ]

    /// Words that make a title with the title after them ("Supreme Leader", "Foreign
    /// Minister") but name something else before other words ("Supreme Court", "Foreign Ministry").
    static let titleModifiers: Set<String> = [
        "Supreme", "Foreign", "Defence", "Defense", "Interior", "Finance", "Economy", "Energy", "Oil", "Trade", "Acting",
        "Former", "Grand", "Senior", "Assistant", "Executive", "Managing", "Military", "Spiritual", "Religious",
    ]

    /// Abbreviations whose full stop does not end a sentence.
    static let abbreviations: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Ft", "Gen", "Col", "Lt", "Capt", "Sgt", "Adm", "Cmdr", "Gov",
        "Sen", "Rep", "Jr", "Sr", "No", "Nos", "vs", "etc", "e.g", "i.e", "cf", "approx", "Inc", "Ltd", "Co", "Corp",
    ]

    static let months: Set<String> = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ]

    static let days: Set<String> = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
    ]

    /// Capitalised only because they begin a sentence (checked in lowercase).
    static let functionWords: Set<String> = [
        "a", "about", "above", "according", "across", "after", "afterwards", "again", "against", "all", "along",
        "already", "also", "although", "amid", "among", "an", "and", "another", "any", "as", "at", "because",
        "before", "behind", "being", "below", "beneath", "beside", "besides", "between", "beyond", "both", "but",
        "by", "despite", "do", "does", "during", "each", "either", "even", "every", "few", "first", "following",
        "for", "from", "further", "furthermore", "given", "had", "has", "have", "he", "hence", "her", "here",
        "his", "how", "however", "i", "if", "in", "indeed", "instead", "into", "it", "its", "just", "last",
        "later", "less", "like", "many", "meanwhile", "more", "moreover", "most", "much", "neither", "nevertheless",
        "next", "no", "nonetheless", "nor", "not", "now", "of", "on", "once", "one", "only", "or", "other",
        "otherwise", "our", "over", "per", "perhaps", "rather", "recently", "second", "several", "she", "since",
        "so", "some", "still", "such", "than", "that", "the", "their", "then", "there", "therefore", "these",
        "they", "third", "this", "those", "though", "through", "throughout", "thus", "to", "today", "together",
        "too", "toward", "towards", "under", "unlike", "until", "up", "upon", "we", "what", "when", "where",
        "whereas", "whether", "which", "while", "who", "whose", "why", "with", "within", "without", "yet", "you",
    ]

    /// Lowercase words that join the parts of one name when a capitalised word follows.
    static let connectors: Set<String> = [
        "of", "for", "de", "del", "della", "di", "da", "das", "do", "dos", "du", "des", "la", "le", "van", "von",
        "der", "den", "bin", "bint", "ibn", "al", "el", "y", "upon",
    ]

    /// Particles written before a hyphen at the start of a name: "al-Assad", "el-Sisi".
    static let hyphenParticles: Set<String> = ["al", "el", "ad", "ar", "as", "ash", "at", "az", "ibn", "bin", "abu", "abd"]

    /// Acronyms for things, not actors; analysts would never give them a page.
    static let genericAcronyms: Set<String> = [
        "GDP", "GNP", "GNI", "PPP", "CPI", "FDI", "HIV", "AIDS", "COVID", "NGO", "NGOs", "CEO", "CEOs", "CFO",
        "AM", "PM", "BC", "AD", "BCE", "CE", "UTC", "GMT", "TV", "OK", "ID", "IT", "PDF", "URL", "FAQ", "USD",
        "EUR", "GBP", "KM", "SQ", "ETA", "AKA",
    ]

    /// "II", "XIV": part of a name after one ("World War II", "Pius XII"), never one alone.
    static func isRomanNumeral(_ word: String) -> Bool {
        !word.isEmpty && word.count <= 6 && word.unicodeScalars.allSatisfy { $0 == "I" || $0 == "V" || $0 == "X" }
    }

    /// Endings that make an adjective or demonym of a name: Iran-ian, Russia-n,
    /// Chin-ese, Israel-i, Turk-ish, Congo-lese, West-ern.
    static let demonymSuffixes = ["ian", "ean", "ese", "lese", "uese", "ish", "ien", "ine", "ite", "ern", "an", "ic", "i", "n"]

    /// Endings of adjectives, peoples, faiths and doctrines: "Spanish", "Japanese",
    /// "Austronesian", "Baltic", "Phoenicians", "Marxist", "Christianity". No state,
    /// organisation or place is named by one such word.
    static let adjectiveEndings = ["ish", "ese", "ian", "ean", "ians", "eans", "ans", "ic", "ist", "ists", "ism", "ity"]

    /// Peoples, faiths and nationalities whose adjective has no regular ending.
    static let peoplesAndFaiths: Set<String> = [
        "Arab", "Arabs", "French", "Dutch", "Greek", "Greeks", "Swiss", "Thai", "Welsh", "Scots", "Basque", "Czech",
        "Slovak", "Serb", "Serbs", "Croat", "Croats", "Turk", "Turks", "Kurd", "Kurds", "Uzbek", "Tajik", "Kazakh",
        "Pashtun", "Baloch", "Jew", "Jews", "Muslim", "Muslims", "Sunni", "Sunnis", "Shia", "Shiite", "Shiites",
        "Druze", "Hindu", "Hindus", "Sikh", "Sikhs", "Orthodox", "Protestant", "Protestants", "Soviet", "Anglo",
        "Black", "White", "Slav", "Slavs", "Viking", "Vikings", "Bantu", "Islam",
    ]

    /// A single word that reads as an adjective, a people or a faith rather than a name.
    static func isAdjectiveOrPeople(_ word: String) -> Bool {
        peoplesAndFaiths.contains(word) || adjectiveEndings.contains { word.count >= $0.count + 2 && word.hasSuffix($0) }
    }

    static func isTitle(_ word: String) -> Bool { titles.contains(word) }

    /// A month, a day, a title or a generic acronym: capitalised, never a name here.
    static func isNeverAName(_ word: String) -> Bool {
        months.contains(word) || days.contains(word) || titles.contains(word) || genericAcronyms.contains(word)
    }
}
