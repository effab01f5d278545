/// For live reload: the build at which each page of the site last changed. A page
/// reloads when its own file changed, when a file beside it changed (an image it
/// shows), or when the theme's styles or scripts changed, which every page loads.
/// Data files, feeds and the sitemap are no page's look, so they reload nothing,
/// except the search index (its manifest and its parts), which only the search page reads.
struct PageVersions {
    private var pages: [String: Int] = [:]
    private var theme = 0

    mutating func record(changed paths: [String], generation: Int) {
        for path in paths {
            if path.hasSuffix(".html") {
                pages[path] = generation
            } else if path == "assets/search-index.js" || path.hasPrefix("assets/search/") {
                pages["search/index.html"] = generation
            } else if path.hasPrefix("assets/"), path.hasSuffix(".css") || path.hasSuffix(".js") {
                theme = generation
            } else if let slash = path.lastIndex(of: "/") {
                pages[path[..<slash] + "/index.html"] = generation
            }
        }
    }

    func version(of page: String) -> String {
        "\(pages[page] ?? 0)-\(theme)"
    }
}
