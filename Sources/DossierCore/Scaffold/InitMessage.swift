/// What `dossier init` prints: the commands to run next, with the folder quoted so
/// that each line can be pasted into a shell as it is.
///
///     Created a Dossier project in "My Site".
///     Preview it: dossier serve --root "My Site"
///     Build it:   dossier build --root "My Site"
///     Publish it: "My Site/README.md" says how (GitHub Pages: .github/workflows/site.yml).
public enum InitMessage {
    /// `folder` as the user typed it, so the commands name it the same way.
    public static func text(folder: String, report: InitReport) -> String {
        let quoted = ShellQuoting.quoted(folder)
        var lines = [
            "Created a Dossier project in \(quoted).",
            "Preview it: dossier serve --root \(quoted)",
            "Build it:   dossier build --root \(quoted)",
        ]
        let wroteWorkflow = report.written.contains(WorkflowFile.path)
        let readme = ShellQuoting.quoted(inside(folder, ProjectReadme.path))
        if report.written.contains(ProjectReadme.path) {
            lines.append("Publish it: \(readme) says how" + (wroteWorkflow ? " (GitHub Pages: \(WorkflowFile.path))." : "."))
        } else if wroteWorkflow {
            lines.append("Publish it: \(ShellQuoting.quoted(inside(folder, WorkflowFile.path))) publishes to GitHub Pages "
                         + "once Settings → Pages → Source is \"GitHub Actions\".")
        }
        if !report.kept.isEmpty {
            lines.append("Kept the existing \(report.kept.joined(separator: ", ")) as \(report.kept.count == 1 ? "it was" : "they were").")
        }
        if report.kept.contains(ProjectGitignore.path) {
            lines.append("Add /site/ and /.dossier/ to .gitignore: they are the built site and the build cache.")
        }
        if wroteWorkflow, let repository = report.repository.enclosingRoot {
            let target = ShellQuoting.quoted(repository.appendingPathComponent(".github/workflows").path)
            lines.append("GitHub runs workflows only from the repository's root, \(ShellQuoting.quoted(repository.path)); "
                         + "the workflow already builds \(ShellQuoting.quoted(report.repository.projectPath)) from there. Move it up:")
            lines.append("  mkdir -p \(target) && mv \(ShellQuoting.quoted(inside(folder, WorkflowFile.path))) \(target)/")
        }
        return lines.joined(separator: "\n")
    }

    private static func inside(_ folder: String, _ path: String) -> String {
        folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }
}
