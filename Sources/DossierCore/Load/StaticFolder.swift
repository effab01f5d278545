import Foundation

/// A file under the project's `static/` folder, to be copied to the same path at
/// the site's root as it is: `static/robots.txt` → `robots.txt`,
/// `static/downloads/report.pdf` → `downloads/report.pdf`.
public struct StaticFile: Sendable, Hashable {
    /// Relative to `static/`, "/"-separated; also its path in the site.
    public var path: String
    /// Where to read it.
    public var source: URL

    /// The file as diagnostics name it, relative to the project root.
    public var projectPath: String { StaticFolder.name + "/" + path }
}

/// Lists `static/`: every file, hidden ones included (`.nojekyll`, `.well-known/`),
/// in sorted order. Contents are read only when the file is written.
public enum StaticFolder {
    public static let name = "static"

    /// A symbolic link that leaves the project is refused (CI builds pull requests,
    /// and the site would publish whatever it points to); one that stays inside is
    /// followed to a file, and a link to a folder is reported and not entered.
    public static func files(projectRoot: URL) -> (files: [StaticFile], diagnostics: [Diagnostic]) {
        let base = projectRoot.appendingPathComponent(name)
        var boundary = ProjectBoundary(root: projectRoot)
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base.path, isDirectory: &isDirectory) else { return ([], []) }
        guard boundary.admits(name) else { return ([], boundary.diagnostics) }
        guard isDirectory.boolValue else {
            return ([], [.error("'static' must be a folder: its files are copied to the site's root", at: SourceLocation(path: name))])
        }
        var files: [StaticFile] = []
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return ([], []) }
        while let relative = enumerator.nextObject() as? String {
            let type = enumerator.fileAttributes?[.type] as? FileAttributeType
            if type == .typeDirectory { continue }
            let path = name + "/" + relative
            if type == .typeSymbolicLink, !boundary.admits(path) { continue }
            let url = base.appendingPathComponent(relative)
            var status = stat()
            guard stat(url.path, &status) == 0 else {
                diagnostics.append(.error("symbolic link to '\((try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) ?? "")', which does not exist", at: SourceLocation(path: path)))
                continue
            }
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                files.append(StaticFile(path: relative, source: url))
            case S_IFDIR:
                diagnostics.append(.warning("symbolic link to a folder: not followed, so nothing under it is published; copy the folder here, or link its files one by one",
                                            at: SourceLocation(path: path)))
            default:
                // Reading a pipe would wait forever; a device is never a web page.
                diagnostics.append(.warning("not a regular file (a pipe, socket or device): left out", at: SourceLocation(path: path)))
            }
        }
        files.sort { $0.path < $1.path }
        return (files, diagnostics + boundary.diagnostics)
    }
}
