/// The .gitignore `dossier init` writes: the built site and the build cache are
/// made from the project, so they are never committed with it.
public enum ProjectGitignore {
    public static let path = ".gitignore"
    public static let text = """
        # Written by Dossier: the built site and the build cache.
        /site/
        /.dossier/

        """
}
