import Foundation

/// Copies `static/` into the site byte for byte, after the generated files, and
/// refuses, at the static file, any that would replace a generated file or fight
/// with one over a name: Dossier never lets a copy overwrite what it built.
public enum StaticFileCopier {
    /// The problems with copying `files` beside the `generated` paths (relative to
    /// the output): names that are not safe to write, and collisions. The files
    /// that have none are returned for `copy`.
    public static func check(_ files: [StaticFile], generated: [String]) -> (accepted: [StaticFile], diagnostics: [Diagnostic]) {
        // Most projects have no static/ folder: 29,600 generated paths need not be indexed then.
        guard !files.isEmpty else { return ([], []) }
        let generatedFiles = Set(generated)
        var generatedFolders: [String: String] = [:]  // folder → the first generated file in it
        for path in generated.sorted() {
            var folder = ""
            for component in path.split(separator: "/").dropLast() {
                folder += (folder.isEmpty ? "" : "/") + component
                if generatedFolders[folder] == nil { generatedFolders[folder] = path }
            }
        }
        var accepted: [StaticFile] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            let at = SourceLocation(path: file.projectPath)
            if let problem = nameProblem(file.path) {
                diagnostics.append(.error(problem, at: at))
                continue
            }
            if let problem = collision(file.path, generatedFiles: generatedFiles, generatedFolders: generatedFolders) {
                diagnostics.append(.error(problem, at: at))
                continue
            }
            accepted.append(file)
        }
        return (accepted, diagnostics)
    }

    /// Reads each file and writes it into the site; a file that cannot be read is an
    /// error at that file.
    public static func copy(_ files: [StaticFile], into sink: OutputSink) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for file in files {
            do {
                let contents = try Data(contentsOf: file.source)
                try sink.write(OutputFile(copiedTo: file.path, contents: contents))
            } catch {
                diagnostics.append(.error("cannot copy to the site: \(error.localizedDescription)", at: SourceLocation(path: file.projectPath)))
            }
        }
        return diagnostics
    }

    /// Names a static file may have. Wider than generated names (`[A-Za-z0-9._-]`):
    /// "Annual report 2024.pdf" and "rapport-été.pdf" are real downloads. Refused:
    /// control and invisible formatting characters (a name that reads differently
    /// from what it is), and "." or ".." components, which a listing never yields
    /// but which would lead out of the site.
    static func nameProblem(_ path: String) -> String? {
        if !OutputFile.isSafeCopy(path) {
            return "file name '\(DiagnosticFormatter.showingControlCharacters(path))' has a control or invisible formatting character; rename the file"
        }
        if path.split(separator: "/").first == Substring(OutputGuard.gitName) {
            return "'.git' in static/ cannot be published: a built site keeps the .git of its output folder (a gh-pages worktree, say) in that place"
        }
        return nil
    }

    private static func collision(_ path: String, generatedFiles: Set<String>, generatedFolders: [String: String]) -> String? {
        if path == OutputGuard.markerName {
            return "static file '\(path)' has the name of the file Dossier leaves in every site it builds, to recognise the folder as its own; rename it"
        }
        if generatedFiles.contains(path) {
            return "static file would overwrite the \(describe(path)); rename or remove it" + hint(path)
        }
        if let inside = generatedFolders[path] {
            return "static file '\(path)' has the name of a folder the site needs for generated files (\(inside)); rename it"
        }
        var folder = ""
        for component in path.split(separator: "/").dropLast() {
            folder += (folder.isEmpty ? "" : "/") + component
            if generatedFiles.contains(folder) {
                return "static file needs a folder named '\(folder)', but that is the \(describe(folder)); rename static/\(folder)/"
            }
        }
        return nil
    }

    private static func describe(_ generated: String) -> String {
        if generated.hasPrefix("assets/") { return "theme asset '\(generated)'" }
        if generated.hasSuffix(".html") { return "generated page '\(generated)'" }
        return "generated file '\(generated)'"
    }

    private static func hint(_ generated: String) -> String {
        if generated.hasPrefix("assets/") { return " (to replace a theme asset, put your version in templates/assets/)" }
        if generated.hasSuffix(".html") { return " (to change a page, override its template in templates/)" }
        return ""
    }
}

extension OutputFile {
    /// A copied file at `path` in the site, checked with `isSafeCopy`.
    init(copiedTo path: String, contents: Data) {
        precondition(OutputFile.isSafeCopy(path), "unsafe static path '\(path)'")
        self.path = path
        self.contents = contents
    }

    /// The one rule for files published under the name the author gave them (static
    /// files, images): relative; no empty, "." or ".." part; no part longer than a file
    /// system takes; no backslash, and no control character, line or paragraph
    /// separator or invisible formatting character (bidirectional overrides among
    /// them) anywhere. Pages, made of slugs, have the stricter `isSafe`.
    static func isSafeCopy(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part != "." && part != ".." && part.utf8.count <= SlugRules.maxBytes
                && !part.unicodeScalars.contains { scalar in
                    switch scalar.properties.generalCategory {
                    case .control, .format, .lineSeparator, .paragraphSeparator: true
                    default: scalar == "\\"
                    }
                }
        }
    }
}
