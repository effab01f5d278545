/// Turns the linker's actor-link placeholders in a page body into mention links the
/// reader can tell apart: each is marked `data-card` with its actor's kind (the
/// underline's tint) and, when its text is another name than the actor's title
/// ("Tehran" for Iran), `alias`; `assets/mentions.js` fetches the actor's preview card
/// (`ActorCards`) for it on hover or keyboard focus. A link to an unknown actor keeps
/// `class="mention"` and opens no card. Works over UTF-8 bytes: it runs
/// on every page body of the site.
enum MentionLinks {
    struct Target {
        var title: String
        var kind: ActorKind
    }

    struct Result {
        var html: String
        /// Slugs of the actors linked, in order of first link.
        var linked: [String]
    }

    private static let opening = Array("<a href=\"\(ActorLinkPlaceholder.scheme)actors/".utf8)
    private static let closing = Array("</a>".utf8)

    /// Rewrites every `<a href="dossier:actors/SLUG/…" …>text</a>` in `html` to a link
    /// relative to `rootPrefix`, marked for its card; `target` finds each slug's actor.
    static func resolve(_ html: String, rootPrefix: String, target: (String) -> Target?) -> Result {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        var linked: [String] = []
        var seen: Set<String> = []
        var cursor = 0
        while let start = find(opening, in: bytes, from: cursor) {
            let slugStart = start + opening.count
            guard let slugEnd = bytes[slugStart...].firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\"") }),
                  let urlEnd = bytes[slugStart...].firstIndex(of: UInt8(ascii: "\"")),
                  let tagEnd = bytes[urlEnd...].firstIndex(of: UInt8(ascii: ">")),
                  let textEnd = find(closing, in: bytes, from: tagEnd + 1)
            else { break }
            output += bytes[cursor..<start]
            let slug = String(decoding: bytes[slugStart..<slugEnd], as: UTF8.self)
            // A known actor's kind and "alias" go in its `data-card` value, which the
            // stylesheet and mentions.js read, instead of classes: 199,000 links at 10,000
            // briefings, whose `class="mention mention--KIND"` and bare `data-card` cost 5 MB more.
            var opening = "<a class=\"mention\" href=\""
            var card = ""
            if let actor = target(slug) {
                opening = "<a href=\""
                card = " data-card=\"" + actor.kind.rawValue
                if !names(bytes[(tagEnd + 1)..<textEnd], actor.title) { card += " alias" }
                card += "\""
                if seen.insert(slug).inserted { linked.append(slug) }
            }
            output += Array((opening + rootPrefix + "actors/").utf8)
            output += bytes[slugStart..<urlEnd]
            output.append(UInt8(ascii: "\""))
            output += Array(card.utf8)
            // Any attribute the author wrote (a link title) stays.
            output += bytes[(urlEnd + 1)...tagEnd]
            cursor = tagEnd + 1
        }
        output += bytes[cursor...]
        return Result(html: String(decoding: output, as: UTF8.self), linked: linked)
    }

    /// Whether a link's inner HTML reads as `title` (ignoring markup and case): "Iran"
    /// or "**IRAN**" name Iran by its title; "Tehran" or "the Islamic Republic" do not.
    static func names(_ inner: ArraySlice<UInt8>, _ title: String) -> Bool {
        var text: [UInt8] = []
        var inTag = false
        for byte in inner {
            if byte == UInt8(ascii: "<") { inTag = true } else if byte == UInt8(ascii: ">") { inTag = false } else if !inTag { text.append(byte) }
        }
        var shown = String(decoding: text, as: UTF8.self)
        if shown.contains("&") {
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")] {
                shown = shown.replacing(entity, with: character)
            }
        }
        return shown.lowercased() == title.lowercased()
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            guard let candidate = bytes[index...last].firstIndex(of: first) else { return nil }
            if bytes[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}
