import Foundation

/// Atom, JSON Feed 1.1 and the sitemap. These are the only files with absolute
/// URLs, built from `base_url`, as their standards require. No build time is
/// written: a feed's `updated` is its newest entry's date, so builds are reproducible.
enum Feeds {
    static let limit = 20

    static func atom(_ model: SiteModel, urls: SiteURLs) -> String {
        let base = model.config.baseURL
        let entries = model.briefings.prefix(limit)
        let updated = entries.map { ($0.briefing.updated ?? $0.briefing.date) }.max()?.rfc3339 ?? sourceDateEpoch()
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(model.config.language))">
          <title>\(XMLText.escape(model.config.title))</title>

        """
        if let description = model.config.description { xml += "  <subtitle>\(XMLText.escape(description))</subtitle>\n" }
        xml += """
          <id>\(XMLText.escape(base))</id>
          <link rel="self" type="application/atom+xml" href="\(XMLText.escape(urls.absolute(.feed("feed.xml"), baseURL: base)))"/>
          <link rel="alternate" type="text/html" href="\(XMLText.escape(base))"/>
          <updated>\(updated)</updated>
          <author><name>\(XMLText.escape(model.config.author ?? model.config.title))</name></author>

        """
        for briefing in entries {
            let value = briefing.briefing
            let url = urls.absolute(.briefing(value.slug), baseURL: base)
            // An entry in another language than the feed's says so, as the page does.
            let language = value.language.flatMap { $0 == model.config.languageTag ? nil : $0 }
            xml += language.map { "  <entry xml:lang=\"\($0.tag)\">\n" } ?? "  <entry>\n"
            xml += "    <title>\(XMLText.escape(value.title))</title>\n"
            xml += "    <id>\(XMLText.escape(entryID(value, base: base)))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(url))\"/>\n"
            xml += "    <published>\(value.date.rfc3339)</published>\n"
            xml += "    <updated>\((value.updated ?? value.date).rfc3339)</updated>\n"
            for author in value.authors { xml += "    <author><name>\(XMLText.escape(author))</name></author>\n" }
            for tag in value.tags { xml += "    <category term=\"\(XMLText.escape(tag))\"/>\n" }
            if let summary = value.summary { xml += "    <summary>\(XMLText.escape(summary))</summary>\n" }
            let html = absoluteBody(briefing, base: base, pageURL: url)
            xml += "    <content type=\"html\">\(XMLText.escape(html))</content>\n"
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    static func jsonFeed(_ model: SiteModel, urls: SiteURLs) -> Data {
        let base = model.config.baseURL
        var feed: [String: Any] = [
            "version": "https://jsonfeed.org/version/1.1",
            "title": model.config.title,
            "home_page_url": base,
            "feed_url": urls.absolute(.feed("feed.json"), baseURL: base),
            "language": model.config.language,
        ]
        if let description = model.config.description { feed["description"] = description }
        feed["items"] = model.briefings.prefix(limit).map { briefing -> [String: Any] in
            let value = briefing.briefing
            let url = urls.absolute(.briefing(value.slug), baseURL: base)
            var item: [String: Any] = [
                "id": entryID(value, base: base), "url": url, "title": value.title,
                "content_html": absoluteBody(briefing, base: base, pageURL: url),
                "date_published": value.date.rfc3339,
            ]
            if let updated = value.updated { item["date_modified"] = updated.rfc3339 }
            if let language = value.language, language != model.config.languageTag { item["language"] = language.tag }
            if let summary = value.summary { item["summary"] = summary }
            if !value.tags.isEmpty { item["tags"] = value.tags }
            if !value.authors.isEmpty { item["authors"] = value.authors.map { ["name": $0] } }
            return item
        }
        let data = try? JSONSerialization.data(withJSONObject: feed, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return data ?? Data("{}".utf8)
    }

    static func sitemap(_ pages: [SiteURLs.Page], model: SiteModel, urls: SiteURLs, lastModified: [SiteURLs.Page: PartialDate]) -> String {
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """
        for page in pages {
            xml += "  <url><loc>\(XMLText.escape(urls.absolute(page, baseURL: model.config.baseURL)))</loc>"
            if let date = lastModified[page] { xml += "<lastmod>\(date.isoDay)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    /// A feed with no entries still needs an `updated` time: SOURCE_DATE_EPOCH (the
    /// reproducible-builds convention) when set, else the Unix epoch; never the clock.
    static func sourceDateEpoch() -> String {
        let seconds = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) ?? 0
        let days = seconds / 86_400
        return PartialDate.utcTimestamp(days: days, seconds: seconds - days * 86_400)
    }

    /// An entry's id: its pretty URL whatever the `url_style`, so switching the style
    /// does not make every reader show every entry again as new.
    static func entryID(_ briefing: Briefing, base: String) -> String {
        SiteURLs(style: .pretty).absolute(.briefing(briefing.slug), baseURL: base)
    }

    /// The body with every link the site made absolute (actors, other documents,
    /// images, and the fragments of notes and their back-links, which point into the
    /// page), since readers show entries outside the site. The URLs go inside
    /// `href="…"`, so they are escaped as attribute values.
    static func absoluteBody(_ briefing: BriefingModel, base: String, pageURL: String) -> String {
        let root = HTMLEscaping.escape(base)
        let html = SiteLinkPlaceholder.resolve(ActorLinkPlaceholder.resolve(briefing.linked.html, rootPrefix: root), rootPrefix: root)
        return html.replacingOccurrences(of: " href=\"#", with: " href=\"" + HTMLEscaping.escape(pageURL) + "#")
    }
}

enum XMLText {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                // Control characters other than tab and newlines, and U+FFFE/U+FFFF, are not allowed in XML 1.0.
                if scalar.value < 0x20, scalar != "\t", scalar != "\n", scalar != "\r" { continue }
                if scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
