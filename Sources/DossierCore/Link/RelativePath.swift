/// Paths inside the project, "/"-separated, relative to its root.
enum RelativePath {
    static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// `relative` read from `folder`, with `.` and `..` resolved; nil if it climbs out of the project.
    static func join(_ folder: String, _ relative: String) -> String? {
        var parts = folder.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// How `path` is written from `folder`: `../actors/iran.md` from `content/briefings`.
    static func relative(from folder: String, to path: String) -> String {
        let from = folder.split(separator: "/"), to = path.split(separator: "/")
        var shared = 0
        while shared < from.count, shared < to.count - 1, from[shared] == to[shared] { shared += 1 }
        return (Array(repeating: "..", count: from.count - shared) + to[shared...].map(String.init)).joined(separator: "/")
    }

    /// The image's path inside the page's folder: as it sits in the document's own
    /// folder (`doha-strike/map.png` → `map.png`), else beside the document
    /// (`img/map.png`), else its file name alone.
    static func publishedName(of source: String, folder: String, bundle: String) -> String {
        if source.hasPrefix(bundle + "/") { return String(source.dropFirst(bundle.count + 1)) }
        if !folder.isEmpty, source.hasPrefix(folder + "/") { return String(source.dropFirst(folder.count + 1)) }
        return source.split(separator: "/").last.map(String.init) ?? source
    }
}
