/// Where every page lives and how to link to it. Paths are relative to the site
/// root and made only of slugs (already `[a-z0-9-]`) and fixed names, so no page
/// can be written outside the output folder.
public struct SiteURLs: Sendable {
    public enum Page: Sendable, Hashable {
        case home
        case briefing(String)
        case briefings
        case actor(String)
        case actors
        case tag(String)
        case tags
        case timeline
        case graph
        case sources
        case search
        case page(String)
        /// Page 2 or later of a paginated list (page 1 is the list's own page).
        case listPage(PagedList, Int)
        case notFound
        case asset(String)
        case data(String)
        case feed(String)
    }

    public var style: URLStyle

    public init(style: URLStyle) { self.style = style }

    /// The folder of a page (empty for the root), or nil for a plain file.
    private func folder(_ page: Page) -> String? {
        switch page {
        case .home: ""
        case .briefing(let slug): "briefings/\(slug)/"
        case .briefings: "briefings/"
        case .actor(let slug): "actors/\(slug)/"
        case .actors: "actors/"
        case .tag(let tag): "tags/\(tag)/"
        case .tags: "tags/"
        case .timeline: "timeline/"
        case .graph: "graph/"
        case .sources: "sources/"
        case .search: "search/"
        case .page(let slug): "\(slug)/"
        case .listPage(let list, let number): list.folder(ofPage: number)
        case .notFound, .asset, .data, .feed: nil
        }
    }

    /// The file written for the page, relative to the output root.
    public func file(_ page: Page) -> String {
        if let folder = folder(page) { return folder + "index.html" }
        switch page {
        case .notFound: return "404.html"
        case .asset(let name): return "assets/\(name)"
        case .data(let name): return "data/\(name)"
        case .feed(let name): return name
        default: return "index.html"
        }
    }

    /// The link to the page from the site root, as written in links: with
    /// `index.html` for `.disk`, ending in "/" for `.pretty`.
    public func path(_ page: Page) -> String {
        guard let folder = folder(page) else { return file(page) }
        return style == .disk ? folder + "index.html" : folder
    }

    /// "../../" from a page's file back to the site root. Every link on every page
    /// starts with it, so it comes from the page's depth without building the path.
    public func rootPrefix(from page: Page) -> String {
        let depth: Int = switch page {
        case .home, .notFound: 0
        case .briefings, .actors, .tags, .timeline, .graph, .sources, .search, .page: 1
        case .briefing, .actor, .tag: 2
        case .listPage(let list, let number): Self.slashes(in: list.folder(ofPage: number))
        case .asset(let name), .data(let name): 1 + Self.slashes(in: name)
        case .feed(let name): Self.slashes(in: name)
        }
        return depth < Self.prefixes.count ? Self.prefixes[depth] : String(repeating: "../", count: depth)
    }

    private static let prefixes = (0..<8).map { String(repeating: "../", count: $0) }

    private static func slashes(in name: String) -> Int {
        var count = 0
        for byte in name.utf8 where byte == UInt8(ascii: "/") { count += 1 }
        return count
    }

    /// A link from one page to another, relative, so the site works under any
    /// sub-path and from disk. `.pretty` links to the home page become "./".
    public func link(from: Page, to: Page) -> String {
        let target = rootPrefix(from: from) + path(to)
        return target.isEmpty ? "./" : target
    }

    /// The absolute URL, for feeds, the sitemap and canonical links.
    public func absolute(_ page: Page, baseURL: String) -> String {
        baseURL + path(page)
    }
}
