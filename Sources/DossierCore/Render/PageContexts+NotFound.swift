import Foundation

extension PageContexts {
    /// A server shows 404.html for a missing path at any depth (`/west-asia/no/such/page/`),
    /// where links relative to the file would point nowhere; so its links start from
    /// base_url's path (`/west-asia/assets/dossier.css`) and work from every depth.
    func notFound() -> Context {
        let root = Self.sitePath(of: model.config.baseURL)
        var context = common(.notFound, title: "Page not found", description: nil, section: "none")
        func rooted(_ value: Any?) -> Any {
            guard let link = value as? String else { return value ?? false }
            return link == "./" ? root : root + link
        }
        for key in ["home_url", "css_url", "favicon_url", "shortcuts_script_url", "feed_url", "json_feed_url", "search_url"] {
            context[key] = rooted(context[key])
        }
        for key in ["pages", "navigation"] {
            context[key] = (context[key] as? [Context] ?? []).map { item in
                var item = item
                item["url"] = rooted(item["url"])
                return item
            }
        }
        return withLayoutPartials(context)
    }

    /// The path of the site's root on its host, ending in "/": "/west-asia/" for
    /// `https://example.org/west-asia/`, "/" for a site at the domain's root.
    static func sitePath(of baseURL: String) -> String {
        let path = URLComponents(string: baseURL)?.percentEncodedPath ?? "/"
        return path.hasSuffix("/") ? path : path + "/"
    }
}
