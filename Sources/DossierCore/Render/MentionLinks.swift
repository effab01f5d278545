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
        var html = html
        // Read in place: a copy of every page body's bytes was a third of the cost.
        return html.withUTF8 { bytes in
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
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<start]))
                let slug = String(decoding: UnsafeBufferPointer(rebasing: bytes[slugStart..<slugEnd]), as: UTF8.self)
                // A known actor's kind and "alias" go in its `data-card` value, which the
                // stylesheet and mentions.js read, instead of classes: 199,000 links at 10,000
                // briefings, whose `class="mention mention--KIND"` and bare `data-card` cost 5 MB more.
                if let actor = target(slug) {
                    output.append(contentsOf: "<a href=\"".utf8)
                    output.append(contentsOf: rootPrefix.utf8)
                    output.append(contentsOf: "actors/".utf8)
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[slugStart..<urlEnd]))
                    output.append(contentsOf: "\" data-card=\"".utf8)
                    output.append(contentsOf: actor.kind.rawValue.utf8)
                    if !names(UnsafeBufferPointer(rebasing: bytes[(tagEnd + 1)..<textEnd]), actor.title) { output.append(contentsOf: " alias".utf8) }
                    output.append(UInt8(ascii: "\""))
                    if seen.insert(slug).inserted { linked.append(slug) }
                } else {
                    output.append(contentsOf: "<a class=\"mention\" href=\"".utf8)
                    output.append(contentsOf: rootPrefix.utf8)
                    output.append(contentsOf: "actors/".utf8)
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[slugStart..<urlEnd]))
                    output.append(UInt8(ascii: "\""))
                }
                // Any attribute the author wrote (a link title) stays.
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(urlEnd + 1)...tagEnd]))
                cursor = tagEnd + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor...]))
            return Result(html: String(decoding: output, as: UTF8.self), linked: linked)
        }
    }

    /// Whether a link's inner HTML reads as `title` (ignoring markup and case): "Iran"
    /// or "**IRAN**" name Iran by its title; "Tehran" or "the Islamic Republic" do not.
    static func names(_ inner: UnsafeBufferPointer<UInt8>, _ title: String) -> Bool {
        if let plain = namesASCII(inner, title) { return plain }
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

    /// `names` for the common link, ASCII text without markup or entities naming an
    /// ASCII title, compared byte by byte (`lowercased` of ASCII lowers A–Z only); nil
    /// for any other link.
    private static func namesASCII(_ inner: UnsafeBufferPointer<UInt8>, _ title: String) -> Bool? {
        guard !inner.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") })
        else { return nil }
        var title = title
        return title.withUTF8 { title -> Bool? in
            guard !title.contains(where: { $0 >= 0x80 }) else { return nil }
            guard title.count == inner.count else { return false }
            func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
            return zip(inner, title).allSatisfy { lowered($0) == lowered($1) }
        }
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            guard let candidate = bytes[index...last].firstIndex(of: first) else { return nil }
            if UnsafeBufferPointer(rebasing: bytes[candidate..<(candidate + needle.count)]).elementsEqual(needle) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}
