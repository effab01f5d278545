import Foundation

/// Diagnostics name files relative to the project root (`content/briefings/x.md`);
/// a person, an editor and GitHub's annotations read them from the current folder.
/// `dossier check --root sub` run at the repository's root must say
/// `sub/content/briefings/x.md`, or GitHub puts the annotation on no file.
///
///     prefix(projectRoot: /repo/sub, currentFolder: /repo)    // "sub/"
///     prefix(projectRoot: /repo, currentFolder: /repo)        // ""
///     prefix(projectRoot: /elsewhere/p, currentFolder: /repo) // "/elsewhere/p/"
///
/// A project outside the current folder is named by its absolute path: clearer
/// than a chain of `../`, and just as usable in an editor.
public enum DiagnosticPaths {
    public static func prefix(projectRoot: URL, currentFolder: URL) -> String {
        let root = PhysicalPath.resolve(projectRoot.standardizedFileURL).path
        let current = PhysicalPath.resolve(currentFolder.standardizedFileURL).path
        if root == current { return "" }
        let base = current.hasSuffix("/") ? current : current + "/"
        if root.hasPrefix(base) { return String(root.dropFirst(base.count)) + "/" }
        let absolute = projectRoot.standardizedFileURL.path
        return absolute.hasSuffix("/") ? absolute : absolute + "/"
    }

    /// The diagnostics with every project-relative path made relative to
    /// `currentFolder`. Paths that are not project-relative stay as they are:
    /// absolute ones (an output folder), options (`--base-url`) and the built-in
    /// theme's files (`(built-in theme)/templates/…`).
    public static func relativeToCurrentFolder(_ diagnostics: [Diagnostic], projectRoot: URL,
                                               currentFolder: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> [Diagnostic] {
        let prefix = prefix(projectRoot: projectRoot, currentFolder: currentFolder)
        guard !prefix.isEmpty else { return diagnostics }
        return diagnostics.map { diagnostic in
            guard isProjectRelative(diagnostic.location.path) else { return diagnostic }
            var moved = diagnostic
            moved.location.path = prefix + diagnostic.location.path
            return moved
        }
    }

    static func isProjectRelative(_ path: String) -> Bool {
        guard let first = path.first else { return false }
        return first != "/" && first != "-" && first != "("
    }
}
