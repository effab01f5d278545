/// The GitHub Actions workflow `dossier init` writes: on a push that changes the
/// site's inputs (or by hand), it builds Dossier, checks the project with
/// annotations on the files, builds the site, keeps the build cache between runs
/// and, from the default branch, deploys to GitHub Pages.
///
/// Choices, each for a reason a user can check:
/// - The toolchain is the official `swift:6.3-noble` image (Ubuntu 24.04), not a
///   setup action: the same image on every run, the same image runs locally, and no
///   third-party action sits between the repository and its Pages token. Ubuntu
///   24.04 has cmark-gfm's packages (`libcmark-gfm-dev`, `libcmark-gfm-extensions-dev`).
/// - Expressions reach shell commands only through `env:`, never inside `run:`,
///   so no value can become shell code; the end-to-end test also relies on it, since
///   it runs those commands as they are written.
/// - Permissions are per job and minimal: the build reads the Pages settings, only
///   the deploy job can publish.
public enum WorkflowFile {
    public static let path = ".github/workflows/site.yml"
    /// The official Swift image the build job runs in.
    public static let swiftImage = "swift:6.3-noble"

    /// The workflow for a project at `projectPath` (relative to the repository's
    /// root, "." when it is the root), building Dossier from `source`.
    public static func text(source: DossierSource, projectPath: String = ".") -> String {
        let prefix = projectPath == "." ? "" : globEscaped(projectPath) + "/"
        let onDefaultBranch = "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"
        return """
        # Checks and builds this Dossier site, and publishes it to GitHub Pages.
        # Written by `dossier init`; edit it freely.
        #
        # Before the first run: Settings → Pages → Build and deployment → Source:
        # "GitHub Actions". Pushes to other branches are checked and built, not published.
        name: Site

        on:
          push:
            paths:
              - \(Scaffold.yamlQuoted(prefix + "content/**"))
              - \(Scaffold.yamlQuoted(prefix + "templates/**"))
              - \(Scaffold.yamlQuoted(prefix + "static/**"))
              - \(Scaffold.yamlQuoted(prefix + "dossier.yml"))
              - \(Scaffold.yamlQuoted(path))
          workflow_dispatch:

        env:
          # Where Dossier is built from: a git URL, and a branch, tag or full commit hash.
          # A tag or a commit hash keeps every run on the same version of Dossier.
          DOSSIER_GIT_URL: \(Scaffold.yamlQuoted(source.gitURL))
          DOSSIER_GIT_REF: \(Scaffold.yamlQuoted(source.gitRef))
          # The project folder (the one holding dossier.yml), from the repository's root.
          SITE_ROOT: \(Scaffold.yamlQuoted(projectPath))

        permissions:
          contents: read

        # One run per branch at a time, so deployments happen in order; a deployment
        # that has started is never cancelled halfway.
        concurrency:
          group: site-${{ github.ref }}
          cancel-in-progress: false

        jobs:
          build:
            runs-on: ubuntu-latest
            # The official Swift image: the same toolchain on every run.
            container: \(swiftImage)
            permissions:
              contents: read
              pages: read
            defaults:
              run:
                shell: bash
            steps:
              - name: Check out the project
                uses: actions/checkout@v6

              - name: Install cmark-gfm
                run: |
                  apt-get update -qq
                  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \\
                    libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config

              - name: Build Dossier
                run: |
                  git init -q "$RUNNER_TEMP/dossier"
                  cd "$RUNNER_TEMP/dossier"
                  git fetch -q --depth 1 "$DOSSIER_GIT_URL" "$DOSSIER_GIT_REF"
                  git checkout -q FETCH_HEAD
                  swift build -c release --product dossier
                  echo "$PWD/.build/release" >> "$GITHUB_PATH"

              # The published address, so feeds, the sitemap and canonical links point
              # there (a custom domain set in Settings → Pages included).
              - name: Find the Pages address
                id: pages
                if: \(onDefaultBranch)
                uses: actions/configure-pages@v6

              # Dossier's build cache, .dossier/cache, kept between runs: a push that
              # changes one briefing parses and links only that briefing again.
              - name: Restore the build cache
                uses: actions/cache@v5
                with:
                  path: ${{ env.SITE_ROOT }}/.dossier/cache
                  key: dossier-cache-${{ env.DOSSIER_GIT_REF }}-${{ github.sha }}
                  restore-keys: dossier-cache-${{ env.DOSSIER_GIT_REF }}-

              # Every problem becomes an annotation on its file and line.
              - name: Check
                id: check
                run: dossier check --root "$SITE_ROOT" --format github

              - name: Build the site
                id: build
                env:
                  PAGES_BASE_URL: ${{ steps.pages.outputs.base_url }}
                run: |
                  mkdir -p "$SITE_ROOT/.dossier/cache"
                  if [ -n "$PAGES_BASE_URL" ]; then
                    dossier build --root "$SITE_ROOT" --base-url "$PAGES_BASE_URL/"
                  else
                    dossier build --root "$SITE_ROOT"
                  fi

              # Hidden files too: static/ may hold .well-known/ or .nojekyll.
              - name: Upload the site
                if: \(onDefaultBranch)
                uses: actions/upload-pages-artifact@v5
                with:
                  path: ${{ env.SITE_ROOT }}/site
                  include-hidden-files: true

          deploy:
            needs: build
            if: \(onDefaultBranch)
            runs-on: ubuntu-latest
            permissions:
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - name: Deploy to GitHub Pages
                id: deployment
                uses: actions/deploy-pages@v5

        """
    }

    /// A folder name inside a path filter, with the characters GitHub's filter
    /// patterns treat as wildcards escaped.
    static func globEscaped(_ path: String) -> String {
        var result = ""
        for character in path {
            if "*?+[]!\\".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
