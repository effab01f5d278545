/// Small helpers shared by the build-time pictures (graph and timeline).
///
/// Everything here is deterministic and platform-independent: numbers are printed
/// by a fixed one-decimal formatter, hashes are FNV-1a over UTF-8, and no
/// `Dictionary`/`Set` iteration order reaches the output.
enum PictureSVG {
    /// Average glyph width as a fraction of the font size, used to estimate label boxes.
    static let glyphWidthFactor = 0.6

    /// Estimated rendered width of `text` at `fontSize`: 0.6 × font size × character count.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        glyphWidthFactor * fontSize * Double(text.count)
    }

    /// A number rounded to one decimal, without a trailing `.0` and without `-0`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = (value * 10).rounded(.toNearestOrAwayFromZero)
        guard abs(tenths) < 1e15 else { return "0" }
        let scaled = Int(tenths)
        if scaled == 0 { return "0" }
        let sign = scaled < 0 ? "-" : ""
        let magnitude = scaled.magnitude
        let whole = magnitude / 10
        let fraction = magnitude % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// Escapes text for use in SVG/HTML element content and double-quoted attributes,
    /// as the feeds do, with line breaks and tabs turned into spaces.
    static func escape(_ text: String) -> String {
        XMLText.escape(text, lineBreaksAsSpaces: true)
    }

    /// 32-bit FNV-1a over the UTF-8 bytes: stable across runs and platforms.
    static func hash(_ text: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }

    /// A lowercase `[a-z0-9-]` token for class names and ids.
    static func token(_ text: String, maxLength: Int = 40) -> String {
        var result = ""
        var lastWasDash = true
        for scalar in text.lowercased().unicodeScalars {
            if result.count >= maxLength { break }
            let value = scalar.value
            if (value >= 97 && value <= 122) || (value >= 48 && value <= 57) {
                result.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                result += "-"
                lastWasDash = true
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    /// The id prefix for one picture. An explicit `id` is sanitised and used as given;
    /// otherwise the prefix is derived from the title plus a short hash of it, so two
    /// pictures with different titles on one page never share ids; `withSlug: false`
    /// keeps the hash alone (`graph-1194395e`).
    static func idPrefix(explicit: String?, kind: String, title: String, withSlug: Bool = true) -> String {
        if let explicit {
            var result = ""
            for scalar in explicit.unicodeScalars {
                let value = scalar.value
                let isLetter = (value >= 97 && value <= 122) || (value >= 65 && value <= 90)
                let isDigit = value >= 48 && value <= 57
                if isLetter || isDigit || scalar == "-" || scalar == "_" {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += "-"
                }
            }
            if let first = result.unicodeScalars.first,
               (first.value >= 97 && first.value <= 122) || (first.value >= 65 && first.value <= 90) {
                return result
            }
            return kind + "-" + result
        }
        let slug = withSlug ? token(title, maxLength: 32) : ""
        let hex = String(hash(title), radix: 16)
        let padded = String(repeating: "0", count: max(0, 8 - hex.count)) + hex
        return kind + (slug.isEmpty ? "" : "-" + slug) + "-" + padded
    }

    /// Shortens `text` to at most `maxCharacters` characters, ending in `…` when cut.
    /// Prefers to cut at a word boundary when one is reasonably close.
    static func truncate(_ text: String, maxCharacters: Int) -> String {
        let limit = max(1, maxCharacters)
        guard text.count > limit else { return text }
        let characters = Array(text)
        var cut = limit - 1
        if let space = characters[0..<cut].lastIndex(of: " "), space >= cut / 2 {
            cut = space
        }
        var head = String(characters[0..<cut])
        while head.hasSuffix(" ") || head.hasSuffix(",") || head.hasSuffix(";") || head.hasSuffix(":") {
            head.removeLast()
        }
        return head + "…"
    }

    /// Wraps `text` onto at most `maxLines` lines of at most `maxCharacters` characters
    /// each, breaking at spaces; the last line is truncated with `…` when text remains.
    static func wrap(_ text: String, maxCharacters: Int, maxLines: Int) -> [String] {
        let normalized = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            .joined(separator: " ")
        guard !normalized.isEmpty else { return [""] }
        guard normalized.count > maxCharacters else { return [normalized] }
        var lines: [String] = []
        var rest = Substring(normalized)
        while !rest.isEmpty {
            if lines.count == maxLines - 1 {
                lines.append(truncate(String(rest), maxCharacters: maxCharacters))
                break
            }
            if rest.count <= maxCharacters {
                lines.append(String(rest))
                break
            }
            let window = rest.prefix(maxCharacters + 1)
            if let space = window.lastIndex(of: " "), space > rest.startIndex {
                lines.append(String(rest[rest.startIndex..<space]))
                rest = rest[rest.index(after: space)...]
            } else {
                let end = rest.index(rest.startIndex, offsetBy: maxCharacters)
                lines.append(String(rest[rest.startIndex..<end]))
                rest = rest[end...]
            }
            while rest.first == " " { rest = rest.dropFirst() }
        }
        return lines
    }

    /// The root element's opening tag shared by both pictures.
    /// - Parameter minimumScale: how far the picture may shrink below its viewBox width before
    ///   its figure scrolls sideways instead, so that its text stays legible.
    static func openRoot(prefix: String, cssClass: String, width: Double, height: Double,
                         minimumScale: Double? = nil) -> String {
        let w = number(width), h = number(height)
        let minimumWidth = minimumScale.map { ";min-width:" + number((width * $0).rounded(.up)) + "px" } ?? ""
        // Coordinates are laid out left to right: inside a right-to-left page an inherited
        // `direction: rtl` would turn every `text-anchor="start"` into the label's right end.
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(cssClass)\" id=\"\(prefix)\" direction=\"ltr\""
            + " viewBox=\"0 0 \(w) \(h)\" width=\"100%\" style=\"max-width:\(w)px\(minimumWidth);height:auto\""
            + " aria-labelledby=\"\(prefix)-title \(prefix)-desc\""
            + " font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"11\">"
    }

    /// A small, valid picture that says there is nothing to show.
    static func emptyPicture(prefix: String, cssClass: String, title: String, message: String) -> String {
        var out = openRoot(prefix: prefix, cssClass: cssClass + " picture-empty", width: 320, height: 48)
        out += "<title id=\"\(prefix)-title\">\(escape(title))</title>"
        out += "<desc id=\"\(prefix)-desc\">\(escape(message))</desc>"
        out += "<rect x=\"0.5\" y=\"0.5\" width=\"319\" height=\"47\" rx=\"6\" fill=\"none\" stroke=\"currentColor\""
            + " stroke-opacity=\"0.3\" stroke-dasharray=\"4 3\"/>"
        out += "<text x=\"160\" y=\"28\" text-anchor=\"middle\" fill=\"currentColor\" fill-opacity=\"0.75\">"
            + "\(escape(message))</text>"
        out += "</svg>"
        return out
    }

    /// Where a label sits against its x coordinate, in the picture's left-to-right terms.
    enum LabelAnchor { case start, middle, end }

    /// `text-anchor` (and `direction`) for a label from content (an actor's or event's
    /// name). A label whose first strong letter is right to left gets `direction="rtl"`,
    /// so it reads right to left with any Latin name or number inside it in place; its
    /// anchor is then swapped, because SVG measures `start` and `end` in the text's own
    /// direction, so the label still extends to the same side of its dot. (SVG 1.1,
    /// which the HTML validator checks, has no `unicode-bidi: plaintext` for this.)
    /// `inherited` is the anchor the label's group already gives it, left unsaid.
    static func labelAnchor(_ text: String, _ anchor: LabelAnchor, inheriting inherited: String = "start") -> String {
        let rightToLeft = isRightToLeft(text)
        let value: String
        switch anchor {
        case .start: value = rightToLeft ? "end" : "start"
        case .middle: value = "middle"
        case .end: value = rightToLeft ? "start" : "end"
        }
        return (rightToLeft ? " direction=\"rtl\"" : "") + (value == inherited ? "" : " text-anchor=\"\(value)\"")
    }

    /// Whether the first strong letter of `text` is in a right-to-left script, the rule
    /// `dir="auto"` applies. Digits and punctuation are not strong and are skipped.
    static func isRightToLeft(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let rightToLeft = (0x0590...0x08FF).contains(value) || (0xFB1D...0xFDFF).contains(value)
                || (0xFE70...0xFEFF).contains(value) || (0x10800...0x10FFF).contains(value)
                || (0x1E800...0x1EFFF).contains(value)
            if rightToLeft {
                // Arabic-Indic digits and the Arabic comma are not letters: keep looking.
                if scalar.properties.isAlphabetic { return true }
                continue
            }
            if scalar.properties.isAlphabetic { return false }
        }
        return false
    }
}

/// An axis-aligned rectangle used for overlap tests.
struct PictureBox: Sendable, Hashable {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    var width: Double { maxX - minX }
    var height: Double { maxY - minY }

    func intersects(_ other: PictureBox) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    func contains(_ other: PictureBox) -> Bool {
        minX <= other.minX && minY <= other.minY && other.maxX <= maxX && other.maxY <= maxY
    }
}
