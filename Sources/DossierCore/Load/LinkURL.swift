import Yams

/// Which URLs from content and config may become links. A browser runs a
/// `javascript:` or `vbscript:` link when it is clicked, and opens a `data:` one as a
/// page of its own, so only http, https and mailto links and relative ones are
/// published. The scheme is read the way a browser reads it, so that spaces, control
/// characters, tabs inside the word or character references cannot disguise it.
enum LinkURL {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The lowercased scheme a browser would find ("javascript"), or nil for a relative URL.
    static func scheme(_ url: String) -> String? {
        // The WHATWG URL parser strips leading C0 controls and spaces and removes
        // tabs and newlines wherever they are.
        let scalars = url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }.drop { $0.value <= 0x20 }
        guard let first = scalars.first, isASCIILetter(first) else { return nil }
        var scheme = ""
        for scalar in scalars {
            if scalar == ":" { return scheme.lowercased() }
            guard isASCIILetter(scalar) || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "." else {
                return nil
            }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// The scheme that makes `url` unsafe to link ("javascript"), or nil. A template
    /// may print a URL unescaped (`{{{url}}}`), where the browser decodes character
    /// references first, so the URL is read both as written and decoded.
    static func disallowedScheme(_ url: String) -> String? {
        for form in [url, decodingCharacterReferences(url)] {
            if let scheme = scheme(form), !allowedSchemes.contains(scheme) { return scheme }
        }
        return nil
    }

    /// Why `url` cannot be the site's base URL, or nil when it can: feeds, the sitemap
    /// and canonical links need an absolute http(s) URL, written without spaces.
    static func baseURLProblem(_ url: String) -> String? {
        let advice = "'base_url' must be an absolute http(s) URL, e.g. https://example.org/briefings/"
        if url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) {
            return advice + " (it contains a space or a control character)"
        }
        guard let scheme = scheme(url) else { return advice }
        guard scheme == "http" || scheme == "https" else { return advice + " (found '\(scheme):')" }
        let rest = url.dropFirst(scheme.count + 1)
        guard rest.hasPrefix("//"), rest.count > 2 else { return advice }
        return nil
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// Numeric character references (`&#58;`, `&#x3A`; the semicolon is optional to a
    /// browser) and the named ones that can rebuild a scheme (`&colon;`, `&Tab;`,
    /// `&NewLine;`). Others cannot turn text into a scheme and are left as they are.
    static func decodingCharacterReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: Unicode.Scalar] = ["colon": ":", "tab": "\t", "newline": "\n"]
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "&" else {
                result.append(scalars[index])
                index += 1
                continue
            }
            var end = index + 1
            var decoded: Unicode.Scalar?
            if end < scalars.count, scalars[end] == "#" {
                end += 1
                let hex = end < scalars.count && (scalars[end] == "x" || scalars[end] == "X")
                if hex { end += 1 }
                var digits = ""
                while end < scalars.count, digits.count < 8,
                      hex ? scalars[end].properties.isASCIIHexDigit : ("0"..."9").contains(scalars[end]) {
                    digits.unicodeScalars.append(scalars[end])
                    end += 1
                }
                decoded = UInt32(digits, radix: hex ? 16 : 10).flatMap(Unicode.Scalar.init)
            } else {
                var name = ""
                while end < scalars.count, isASCIILetter(scalars[end]), name.count < 8 {
                    name.unicodeScalars.append(scalars[end])
                    end += 1
                }
                decoded = named[name.lowercased()]
                if decoded != nil, end >= scalars.count || scalars[end] != ";" { decoded = nil }
            }
            guard let decoded else {
                result.append(scalars[index])
                index += 1
                continue
            }
            result.append(decoded)
            index = end < scalars.count && scalars[end] == ";" ? end + 1 : end
        }
        return String(result)
    }
}

extension YAMLReader {
    /// An error at `node` when `url` is not safe to publish as a link.
    mutating func checkLink(_ url: String, key: String, at node: Node) {
        if let scheme = LinkURL.disallowedScheme(url) {
            error("unsafe URL in '\(key)': only http, https and mailto links or relative ones are allowed (found '\(scheme):')", at: node)
        }
    }

    /// Checks the params a theme would put in `href` or `src`: those whose key names a
    /// link (`url`, `cover_image`, `canonicalURL`, `links`…), at any depth. The built-in
    /// theme links none; a template override may link any of them.
    mutating func checkLinks(inParam key: String, _ node: Node) {
        switch node {
        case .scalar(let scalar):
            if Self.namesALink(key) { checkLink(scalar.string, key: key, at: node) }
        case .sequence(let items):
            for item in items { checkLinks(inParam: key, item) }
        case .mapping(let mapping):
            for (keyNode, value) in mapping {
                if let name = keyNode.string { checkLinks(inParam: name, value) }
            }
        case .alias:
            break
        }
    }

    static func namesALink(_ key: String) -> Bool {
        let name = key.lowercased()
        return ["url", "urls", "uri", "link", "links", "href", "src", "image", "images"].contains { name.hasSuffix($0) }
    }
}
