/// Where a CI run gets Dossier from: a git repository and a branch, tag or full
/// commit hash in it. `dossier init` writes both at the top of the GitHub workflow
/// (`DOSSIER_GIT_URL`, `DOSSIER_GIT_REF`), where the user can change them later.
public struct DossierSource: Sendable, Hashable {
    /// Dossier's public repository.
    public static let defaultGitURL = "https://github.com/dossier-tool/dossier.git"
    /// The main branch: a new project follows Dossier as it is developed; a tag or a
    /// commit hash pins every run to one version.
    public static let defaultGitRef = "main"

    public var gitURL: String
    public var gitRef: String

    public init(gitURL: String = DossierSource.defaultGitURL, gitRef: String = DossierSource.defaultGitRef) {
        self.gitURL = gitURL
        self.gitRef = gitRef
    }

    /// Both values end up in a shell command (`git fetch "$DOSSIER_GIT_URL" "$DOSSIER_GIT_REF"`),
    /// quoted: what remains to refuse is what git would take as an option or split
    /// into two words, and what would not survive as one line of YAML.
    func validate() throws {
        for (value, option) in [(gitURL, "--dossier-git-url"), (gitRef, "--dossier-git-ref")] {
            let shown = DiagnosticFormatter.showingControlCharacters(value)
            if value.isEmpty {
                throw Scaffold.Failure(description: "\(option) is empty; give a git URL and a branch, tag or commit, e.g. \(Self.defaultGitURL) and \(Self.defaultGitRef)")
            }
            if value.hasPrefix("-") {
                throw Scaffold.Failure(description: "\(option) '\(shown)' starts with '-', which git would read as an option")
            }
            if value.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) {
                throw Scaffold.Failure(description: "\(option) '\(shown)' contains a space or a control character")
            }
        }
    }
}
