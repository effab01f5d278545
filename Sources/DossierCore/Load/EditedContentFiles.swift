import Foundation

extension ProjectLoader {
    /// Reads and decodes a few Markdown files of `content/` exactly as `load` does
    /// (same UTF-8 check, same decoders, same diagnostics), for `dossier serve`'s fast
    /// path. Nil when one cannot be read this way (gone, not a regular file, outside
    /// the three sections): only a whole load can say what that means.
    static func loadEdited(_ paths: [String], root: URL, drafts: Bool) -> LoadedProject? {
        var files: [ContentFile] = []
        var diagnostics: [Diagnostic] = []
        for path in paths.sorted() {
            let parts = path.split(separator: "/")
            guard parts.count >= 3, parts[0] == Substring(contentFolder),
                  let section = ContentFile.Section(rawValue: String(parts[1])) else { return nil }
            let url = root.appendingPathComponent(path)
            var status = stat()
            guard lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
                  let data = FileManager.default.contents(atPath: url.path) else { return nil }
            switch TextDecoding.utf8(data) {
            case .success(let text): files.append(ContentFile(section: section, path: path, text: text))
            case .failure(let position):
                diagnostics.append(.error("file is not valid UTF-8", at: SourceLocation(path: path, line: position.line, column: position.column)))
            }
        }
        var project = decode(configText: nil, files: files, drafts: drafts)
        project.diagnostics = diagnostics + project.diagnostics
        return project
    }
}
