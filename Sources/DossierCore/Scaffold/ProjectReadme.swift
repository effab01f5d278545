/// The README.md `dossier init` writes beside the project: how to write, build
/// and publish the site.
public enum ProjectReadme {
    public static let path = "README.md"

    public static func text(title: String) -> String {
        """
        # \(markdownEscaped(title))

        A briefing site built with Dossier: briefings and actors in Markdown under
        `content/`, turned into a site where every state, organisation, person, place
        and agreement has its own page, linked both ways with every briefing that
        mentions it.

        ## Write

        ```sh
        dossier new briefing "Title"    # content/briefings/title.md, a draft
        dossier new actor "Name"        # content/actors/name.md
        dossier serve                   # preview at http://127.0.0.1:8000/, rebuilt on every save
        dossier check                   # every problem, with its file and line
        ```

        Drafts (`draft: true`) are left out of the site until you remove that line;
        `dossier serve --drafts` shows them.

        ## Build

        ```sh
        dossier build
        ```

        writes the site into `site/` (git ignores it). Open `site/index.html`: the site
        works straight from disk. Files in `static/` (robots.txt, favicon.ico,
        downloads/…) are copied to the site's root as they are.

        Set `base_url` in `dossier.yml` to the address the site is published at: feeds,
        the sitemap and canonical links use it.

        ## Publish

        **GitHub Pages.** `\(WorkflowFile.path)` checks the project, builds the site
        and publishes it whenever a push to the default branch changes `content/`,
        `templates/`, `static/` or `dossier.yml`; the Actions tab can also run it by
        hand. Push this project to GitHub, then in Settings → Pages → Build and
        deployment, choose **GitHub Actions** as the source. The workflow builds Dossier
        itself, from `DOSSIER_GIT_URL` at `DOSSIER_GIT_REF` (at its top), and gives the
        build the Pages address as `base_url`.

        **Anywhere else.** Build, then copy the contents of `site/` to the web server:

        ```sh
        dossier build
        rsync -a --delete site/ user@host:/var/www/briefings/
        ```

        """
    }

    /// Characters that would turn a title into formatting or HTML in a heading.
    static func markdownEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
