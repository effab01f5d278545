import Foundation

/// Paths as the kernel follows them, so that two spellings of one folder
/// (`../proj`, a symbolic link to it, `./content/..`) are recognised as the same.
enum PhysicalPath {
    /// `url` with every symbolic link, `.` and `..` resolved. The part that does not
    /// exist yet cannot hold a link, so it is appended as written.
    static func resolve(_ url: URL) -> URL {
        var resolved = "/"
        for component in url.path.split(separator: "/").map(String.init) {
            switch component {
            case ".":
                continue
            case "..":
                resolved = (resolved as NSString).deletingLastPathComponent
            default:
                let candidate = resolved == "/" ? "/" + component : resolved + "/" + component
                resolved = realPath(candidate) ?? candidate
            }
        }
        return URL(fileURLWithPath: resolved)
    }

    /// Identifies what a path names (after links): equal identities are one file or
    /// folder even when the names differ, as on a case-insensitive volume.
    struct Identity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    static func identity(of url: URL) -> Identity? {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return nil }
        return Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    /// Whether `a` and `b` (both resolved) name the same file or folder.
    static func same(_ a: URL, _ b: URL) -> Bool {
        if a.path == b.path { return true }
        guard let first = identity(of: a), let second = identity(of: b) else { return false }
        return first == second
    }

    /// `url` (resolved) and every folder above it, nearest first.
    static func selfAndAncestors(_ url: URL) -> [URL] {
        var result = [url]
        var current = url.path
        while current != "/" {
            current = (current as NSString).deletingLastPathComponent
            result.append(URL(fileURLWithPath: current))
        }
        return result
    }

    /// Whether `inner` (resolved) is `outer` or lies anywhere below it.
    static func isSameOrInside(_ inner: URL, _ outer: URL) -> Bool {
        selfAndAncestors(inner).contains { same($0, outer) }
    }

    /// The absolute path with every link and `..` resolved, as the kernel would; nil if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
