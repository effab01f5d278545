import Foundation

/// Maps a request path to a file of the built site, never outside it.
public enum SiteFiles {
    /// `/actors/iran/` → `actors/iran/index.html`; nil for paths that try to leave
    /// the site (`..`) or name hidden files.
    public static func relativePath(forRequestPath requestPath: String) -> String? {
        let path = requestPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? requestPath
        let decoded = path.removingPercentEncoding ?? path
        var components: [String] = []
        for component in decoded.split(separator: "/") {
            if component == "." { continue }
            if component == ".." || component.hasPrefix(".") { return nil }
            components.append(String(component))
        }
        if decoded.hasSuffix("/") || components.isEmpty { components.append("index.html") }
        return components.joined(separator: "/")
    }

    public static func contentType(for path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        default: "application/octet-stream"
        }
    }
}
