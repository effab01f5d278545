import Foundation

/// The image files under `content/`, found while the Markdown is read, so the link
/// stage can resolve `![…](map.png)` without touching the disk. Only the paths are
/// kept: an image is read when the site is written, and only if a document shows it.
public struct MediaInventory: Sendable, Hashable {
    /// The project folder, to read the files from.
    public var root: URL?
    /// Regular files with an image extension, relative to the project root
    /// (`content/briefings/doha-strike/map.png`).
    public var images: Set<String> = []
    /// Files and folders behind a symbolic link that leads out of the project: refused,
    /// and reported once where the link is.
    public var refused: Set<String> = []

    public init(root: URL? = nil) {
        self.root = root
    }

    /// What browsers show in `<img>`; anything else is refused rather than published, so
    /// `![](../../.env)` cannot put a file from the project on the site.
    public static let imageExtensions: Set<String> = ["apng", "avif", "bmp", "gif", "ico", "jpeg", "jpg", "png", "svg", "webp"]

    public static func isImage(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return imageExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// Whether `path`, or a folder it is in, is behind a refused link.
    func isRefused(_ path: String) -> Bool {
        var prefix = path[...]
        while true {
            if refused.contains(String(prefix)) { return true }
            guard let slash = prefix.lastIndex(of: "/") else { return false }
            prefix = prefix[..<slash]
        }
    }

    /// Records `relative` (to the project root) if it is an image and a regular file,
    /// links inside the project followed.
    mutating func consider(_ relative: String, atPath path: String) {
        guard Self.isImage(relative) else { return }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
        images.insert(relative)
    }
}
