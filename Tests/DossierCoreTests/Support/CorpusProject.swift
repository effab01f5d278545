import Foundation

/// Writes a Dossier project from `../shared/corpus-raw`: every country of
/// mledoze/countries as an actor (official name and longer alternative spellings as
/// aliases), and every World Factbook "Background" text as a briefing.
enum CorpusProject {
    static let corpus = TestPaths.shared.appendingPathComponent("corpus-raw")
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("mledoze-countries/countries.json").path) }

    struct Country { var slug: String; var title: String; var aliases: [String] }

    static func countries() throws -> [Country] {
        let data = try Data(contentsOf: corpus.appendingPathComponent("mledoze-countries/countries.json"))
        let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        var countries: [Country] = []
        for entry in list {
            guard let name = entry["name"] as? [String: Any], let common = name["common"] as? String,
                  let code = entry["cca3"] as? String else { continue }
            var aliases: [String] = []
            if let official = name["official"] as? String, official != common { aliases.append(official) }
            for spelling in entry["altSpellings"] as? [String] ?? [] where spelling.count > 3 && spelling != common {
                aliases.append(spelling)
            }
            countries.append(Country(slug: code.lowercased(), title: common, aliases: aliases))
        }
        // A spelling two countries share, or another country's name, would be ambiguous:
        // the generator leaves it out, as an editor would.
        var claims: [String: Int] = [:]
        for country in countries { for name in Set([country.title] + country.aliases) { claims[name, default: 0] += 1 } }
        let titles = Set(countries.map(\.title))
        return countries.map { country in
            var copy = country
            var seen: Set<String> = []
            copy.aliases = country.aliases.filter { claims[$0] == 1 && !titles.contains($0) && seen.insert($0).inserted }
            return copy
        }
    }

    /// Writes the project and returns the country slug of each briefing.
    @discardableResult
    static func write(to root: URL) throws -> [String: String] {
        let countries = try countries()
        var byName: [String: Country] = [:]
        for country in countries { for name in [country.title] + country.aliases where byName[name] == nil { byName[name] = country } }
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("content/actors"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("content/briefings"), withIntermediateDirectories: true)
        try """
        title: Factbook
        base_url: https://example.org/factbook/
        exports: [entities, mentions]
        linking:
          ignore: [Niger River, New Guinea, Congo Basin, Congo River, Gulf of Guinea, Guinea Current]

        """.write(to: root.appendingPathComponent("dossier.yml"), atomically: true, encoding: .utf8)
        for country in countries {
            let aliases = country.aliases.map { "\"\($0.replacingOccurrences(of: "\"", with: "\\\""))\"" }.joined(separator: ", ")
            try """
            ---
            title: "\(country.title)"
            kind: state
            aliases: [\(aliases)]
            ---

            """.write(to: root.appendingPathComponent("content/actors/\(country.slug).md"), atomically: true, encoding: .utf8)
        }
        var briefingCountry: [String: String] = [:]
        let factbook = corpus.appendingPathComponent("factbook-json")
        for region in try fm.contentsOfDirectory(atPath: factbook.path).sorted() {
            let folder = factbook.appendingPathComponent(region)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue, region != "meta" else { continue }
            for file in try fm.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".json") {
                let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(file))) as? [String: Any] ?? [:]
                guard let background = ((json["Introduction"] as? [String: Any])?["Background"] as? [String: Any])?["text"] as? String,
                      let names = (json["Government"] as? [String: Any])?["Country name"] as? [String: Any],
                      let country = ["conventional short form", "conventional long form"].lazy
                          .compactMap({ ((names[$0] as? [String: Any])?["text"] as? String).flatMap { byName[$0] } }).first
                else { continue }
                let slug = "background-" + country.slug
                briefingCountry[slug] = country.slug
                try """
                ---
                title: "Background: \(country.title)"
                date: 2025-01-01
                actors: [\(country.slug)]
                ---
                \(markdown(fromFactbookHTML: background))

                """.write(to: root.appendingPathComponent("content/briefings/\(slug).md"), atomically: true, encoding: .utf8)
            }
        }
        return briefingCountry
    }

    /// The Factbook's small HTML vocabulary (`<p>`, `<br>`, `<em>`, `<strong>`, entities) as Markdown.
    static func markdown(fromFactbookHTML html: String) -> String {
        var text = html
        for (from, to) in [("<br><br>", "\n\n"), ("<br>", "\n"), ("</p>", "\n\n"), ("<p>", ""), ("<em>", "*"), ("</em>", "*"),
                           ("<strong>", "**"), ("</strong>", "**"), ("&rsquo;", "’"), ("&lsquo;", "‘"), ("&ldquo;", "“"),
                           ("&rdquo;", "”"), ("&nbsp;", "\u{00A0}"), ("&ndash;", "–"), ("&mdash;", "—"), ("&quot;", "\""), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
