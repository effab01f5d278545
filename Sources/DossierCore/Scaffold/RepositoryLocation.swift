import Foundation

/// Where a new project sits in its git repository. GitHub runs only the workflows
/// at the repository's root, and its path filters and annotations name files from
/// there, so a project in a subfolder (`briefings/` of a larger repository) needs a
/// workflow that says so, and the user needs to move it up.
public struct RepositoryLocation: Sendable, Hashable {
    /// The folder holding `.git`, when it is above the project folder (nil when the
    /// project folder is the repository's root, or in no repository yet).
    public var enclosingRoot: URL?
    /// The project folder from the repository's root, "/"-separated; "." at the root.
    public var projectPath: String

    /// Looks for `.git` (a folder, or a file in a worktree) in the project folder and
    /// the folders above it, nearest first.
    static func find(for project: URL) throws -> RepositoryLocation {
        let folder = PhysicalPath.resolve(project.standardizedFileURL)
        var components: [String] = []
        for candidate in PhysicalPath.selfAndAncestors(folder) {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(".git").path) {
                guard !components.isEmpty else { break }
                let path = components.reversed().joined(separator: "/")
                guard DiagnosticFormatter.showingControlCharacters(path) == path else {
                    throw Scaffold.Failure(description: "the project's path in its repository, '\(DiagnosticFormatter.showingControlCharacters(path))', contains a control character; choose a folder without one")
                }
                return RepositoryLocation(enclosingRoot: candidate, projectPath: path)
            }
            components.append(candidate.lastPathComponent)
        }
        return RepositoryLocation(enclosingRoot: nil, projectPath: ".")
    }
}

/// What `dossier init` wrote and what it left as it was.
public struct InitReport: Sendable {
    public var repository: RepositoryLocation
    /// Paths written, relative to the project folder, in order.
    public var written: [String] = []
    /// README.md, .gitignore or the workflow, already there and left untouched.
    public var kept: [String] = []

    public init(repository: RepositoryLocation) {
        self.repository = repository
    }
}
