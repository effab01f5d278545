import Foundation

/// Where the project ends on disk. CI builds pull requests, so a committed symbolic
/// link such as `templates/assets/x -> /etc/passwd` would publish a file from the
/// build machine: every file Dossier reads from the project must resolve, once its
/// links are followed, to a path inside the project's own resolved folder. Links
/// that stay inside the project are followed as before.
///
/// Paths are compared after resolution on both sides, so a project reached through
/// a link (`/tmp` is one on some systems) is still inside itself.
struct ProjectBoundary {
    private let root: URL
    private let resolvedRoot: String?
    private var refusedLinks: Set<String> = []
    /// One error per refused link, at the link's path.
    private(set) var diagnostics: [Diagnostic] = []

    init(root: URL) {
        self.root = root
        resolvedRoot = Self.resolve(root.path)
    }

    /// Whether the file or folder at `relative` (to the project root, "/"-separated)
    /// may be read. A path that does not resolve (missing, or a dangling link) is
    /// admitted: reading it fails and says so.
    mutating func admits(_ relative: String) -> Bool {
        guard let resolvedRoot, let resolved = Self.resolve(root.appendingPathComponent(relative).path),
              !Self.path(resolved, isInside: resolvedRoot)
        else { return true }
        let (link, destination) = escapingLink(on: relative, resolvedRoot: resolvedRoot) ?? (relative, resolved)
        if refusedLinks.insert(link).inserted {
            diagnostics.append(.error(
                "symbolic link leads outside the project, to '\(destination)': refused, because the site would publish it "
                    + "(CI builds pull requests; a link is how secrets leak)",
                at: SourceLocation(path: link)))
        }
        return false
    }

    /// The first link along `relative` whose destination is outside the project, so
    /// the diagnostic names the link the user wrote rather than a file behind it.
    private func escapingLink(on relative: String, resolvedRoot: String) -> (path: String, destination: String)? {
        var prefix = ""
        for component in relative.split(separator: "/") {
            prefix += (prefix.isEmpty ? "" : "/") + component
            let url = root.appendingPathComponent(prefix)
            guard Self.isSymbolicLink(atPath: url.path),
                  let destination = Self.resolve(url.path), !Self.path(destination, isInside: resolvedRoot)
            else { continue }
            return (prefix, destination)
        }
        return nil
    }

    /// Whether the entry itself is a link. Only a link can lead out of a folder that
    /// is inside the project, so only links need resolving; one `lstat` per entry,
    /// where FileManager's attributes cost five times as much (owner names and all).
    static func isSymbolicLink(atPath path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    private static func path(_ path: String, isInside folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    private static func resolve(_ path: String) -> String? {
        PhysicalPath.realPath(path)
    }
}
