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

/// Text escaped for XML 1.0 element content and attribute values (feeds, pictures).
enum XMLText {
    /// The five markup characters as entities; control characters other than tab and
    /// line breaks, and U+FFFE and U+FFFF, which XML 1.0 does not allow, left out; with
    /// `lineBreaksAsSpaces`, tabs and line breaks as spaces (pictures' labels).
    ///
    /// Over UTF-8 bytes, and text needing none of it returned as it is: every label,
    /// title and tooltip of the 2,000 neighbourhood pictures at 10,000 briefings passes
    /// here, and rebuilding each scalar by scalar cost more than drawing them.
    static func escape(_ text: String, lineBreaksAsSpaces: Bool = false) -> String {
        var text = text
        let escaped: [UInt8]? = text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count, !needsEscaping(bytes, at: index) { index += 1 }
            guard index < bytes.count else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x26: output.append(contentsOf: "&amp;".utf8)
                case 0x3C: output.append(contentsOf: "&lt;".utf8)
                case 0x3E: output.append(contentsOf: "&gt;".utf8)
                case 0x22: output.append(contentsOf: "&quot;".utf8)
                case 0x27: output.append(contentsOf: "&apos;".utf8)
                case 0x09, 0x0A, 0x0D: output.append(lineBreaksAsSpaces ? 0x20 : byte)
                case 0x00..<0x20, 0x7F: break
                case 0xEF where isNonCharacter(bytes, at: index): index += 2
                default: output.append(byte)
                }
                index += 1
            }
            return output
        }
        return escaped.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// Whether the byte at `index` starts something `escape` changes (tabs and line
    /// breaks included: whether they change depends on the caller, and they are rare).
    private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch bytes[index] {
        case 0x26, 0x3C, 0x3E, 0x22, 0x27, 0x00..<0x20, 0x7F: true
        case 0xEF: isNonCharacter(bytes, at: index)
        default: false
        }
    }

    /// Whether the scalar starting at `index` is U+FFFE or U+FFFF (`EF BF BE`, `EF BF BF`).
    private static func isNonCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xEF && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)
    }
}
