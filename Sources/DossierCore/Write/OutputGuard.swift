import Foundation

/// A build replaces its whole output folder, so the folder must never hold the
/// user's work: not the project or any of its inputs, not a file, and a non-empty
/// folder only if Dossier wrote it (its marker file says so).
public enum OutputGuard {
    /// Left in every built site. Deterministic, so two builds stay byte-identical.
    public static let markerName = ".dossier-site"
    public static let markerText = "written by dossier; this folder is replaced on every build\n"
    /// The flag that lets a build replace a folder Dossier did not write.
    public static let replaceForeignFlag = "--replace-foreign-output"
    /// Git's metadata in a published folder (a folder in a clone, a file in a
    /// worktree such as gh-pages): carried into every new build, never replaced.
    static let gitName = ".git"
    /// What the build reads (or, for `.git`, what the user keeps) in the project root.
    static let projectInputs = ["content/", "templates/", "static/", SiteConfig.fileName, gitName]

    /// Refuses an output (resolved with `PhysicalPath`) that is or contains the
    /// project root or one of its inputs, or lies inside one: a site written into
    /// content/ would be read back as content on the next build.
    static func overlap(of output: URL, withProjectAt root: URL) -> Diagnostic? {
        let project = PhysicalPath.resolve(root)
        if PhysicalPath.same(output, project) {
            return refusal(output, "it is the project folder, and a build replaces its output folder; choose a folder of its own, such as \(project.path)/site")
        }
        if PhysicalPath.isSameOrInside(project, output) {
            return refusal(output, "it contains the project folder \(project.path), and a build replaces its output folder")
        }
        for name in projectInputs {
            let input = PhysicalPath.resolve(project.appendingPathComponent(name))
            if PhysicalPath.same(output, input) {
                return refusal(output, "it is the project's \(name), and a build replaces its output folder")
            }
            if PhysicalPath.isSameOrInside(input, output) {
                return refusal(output, "it contains the project's \(name) (\(input.path)), and a build replaces its output folder")
            }
            if PhysicalPath.isSameOrInside(output, input) {
                let holds = name == gitName ? "which holds the project's history" : "which the build reads"
                return refusal(output, "it is inside the project's \(name), \(holds); choose a folder outside content/, templates/, static/ and .git")
            }
        }
        return nil
    }

    /// Refuses an output that is not a folder, or a non-empty folder that Dossier did
    /// not write (unless `replacingForeign`). A folder holding only `.git` counts as empty.
    static func ownership(of output: URL, replacingForeign: Bool) -> Diagnostic? {
        var status = stat()
        guard lstat(output.path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            break
        case S_IFLNK:
            return refusal(output, "it is a symbolic link to something that does not exist")
        default:
            return refusal(output, "it is a file, not a folder")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        let foreign = entries.filter { $0 != gitName && $0 != markerName }
        if foreign.isEmpty || hasMarker(output) || replacingForeign { return nil }
        return refusal(output, "it is not empty and was not written by Dossier (it has no \(markerName) file); "
                       + "pass \(replaceForeignFlag) to replace everything in it but .git")
    }

    /// Whether `folder` holds a finished Dossier build (the marker is its last file).
    static func hasMarker(_ folder: URL) -> Bool {
        var status = stat()
        return lstat(folder.appendingPathComponent(markerName).path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    private static func refusal(_ output: URL, _ reason: String) -> Diagnostic {
        .error("refusing to build into \(output.path): \(reason)", at: SourceLocation(path: output.path))
    }
}
