import ArgumentParser
import DossierCore
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder.",
        discussion: """
        Nothing in the output changes until the build has succeeded: a build that finds an \
        error exits 1 and leaves the previous output exactly as it was. A rebuild writes only \
        the files that changed and removes those no longer produced (see docs/guide.md, \
        "What the writer does").

        Files under static/ are copied to the site's root as they are; one that would \
        replace a generated file is an error. A base_url that is still a placeholder \
        (example.org, localhost…) is warned about, since feeds, the sitemap and canonical \
        links use it.

        The output folder is replaced as a whole, so it is refused if it is or contains the \
        project folder, content/, templates/, static/, dossier.yml or .git, if it lies \
        inside one of those folders, or if it is a file. An existing folder is replaced \
        only if it is empty or was written by Dossier (every build leaves a .dossier-site \
        file in it); a .git inside it is always kept.
        """
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "The output folder (default: site/ in the project).")
    var output: String?

    @Option(name: .long, help: "Override base_url from dossier.yml (used by feeds, sitemap and canonical links).")
    var baseURL: String?

    @Option(name: .long, help: "disk: links name index.html and work from file://; pretty: links end in '/' for a web server.")
    var urlStyle: URLStyle?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Replace the output folder even if it is not empty and was not written by Dossier: everything in it but .git is deleted.")
    var replaceForeignOutput = false

    @Flag(name: .long, help: "Print each stage's time.")
    var timings = false

    @OptionGroup var cache: CacheOptions

    func run() throws {
        try requireProject(at: project.rootURL, format: project.format)
        var options = BuildOptions(
            root: project.rootURL, output: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
            drafts: project.drafts, baseURL: baseURL, urlStyle: urlStyle, strict: strict)
        options.replaceForeignOutput = replaceForeignOutput
        options.warnsAboutPlaceholderBaseURL = true
        options.cache = cache.buildCache(projectRoot: project.rootURL)
        options.detachesOutputRemoval = true
        options.releasesDocumentsAsRendered = true
        options.exitsAfterBuild = true
        let started = Date()
        // The previous output is removed in the background; it must be gone before exiting.
        defer { RetiredOutputs.waitUntilRemoved() }
        let result = SiteBuilder.build(options)
        // The model and the cache are left to the exit, not freed (`ExitWithoutTeardown`).
        defer { ExitWithoutTeardown.keep((result, options)) }
        let code = report(result.diagnostics, format: project.format, strict: strict, root: project.rootURL)
        if timings {
            for (stage, seconds) in result.timings {
                print(stage.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds))
            }
            let loaded = result.loadCounts
            print("Markdown files parsed: \(loaded.parsed), read and found unchanged: \(loaded.readUnchanged), not read: \(loaded.unread)")
            print("pages reused unrendered: \(result.reusedRenders.count)")
            print("data files reused unmade: \(result.reusedDataFiles.count)")
        }
        guard code == 0 else { throw ExitCode(code) }
        // An actor's preview card (actors/SLUG/card.html) is a fragment pages fetch, not a page.
        let pages = result.paths.filter { $0.hasSuffix(".html") && !$0.hasSuffix("/card.html") }.count
        print("Built \(pages) pages (\(result.paths.count) files) into \(options.outputFolder.path) in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
        if let note = BuildNotes.draftsLeftOut(result.draftsLeftOut) { print(note) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load, parse, link and render everything; print every problem; write nothing.",
        discussion: """
        Exits 1 if there is an error (or, with --strict, a warning), 0 otherwise. A final note counts \
        the names that recur in the prose but belong to no actor (see `dossier suggest`); it never \
        changes the exit code.
        """
    )

    @OptionGroup var project: ProjectOptions

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        try requireProject(at: project.rootURL, format: project.format)
        var options = BuildOptions(root: project.rootURL, drafts: project.drafts)
        options.keepsProseForSuggestions = true
        let result = SiteBuilder.check(options)
        let code = report(result.diagnostics, format: project.format, strict: strict, root: project.rootURL)
        // Written unbuffered, so it comes before the note below on a terminal.
        if code == 0, result.diagnostics.isEmpty { FileHandle.standardOutput.write(Data("No problems found.\n".utf8)) }
        // A hint, not a diagnostic: it never changes the exit code, even with --strict.
        if !result.diagnostics.hasErrors, let model = result.model,
           let note = SuggestionReport.checkNote(count: NameSuggester.recurringNameCount(model), as: project.format) {
            FileHandle.standardError.write(Data((note + "\n").utf8))
        }
        if code != 0 { throw ExitCode(code) }
    }
}

/// `--cache-dir` and `--no-cache`, shared by build and serve.
struct CacheOptions: ParsableArguments {
    @Option(name: .long, help: "Where the build cache is kept (default: .dossier/cache in the project). Safe to delete at any time.")
    var cacheDir: String?

    @Flag(name: .long, help: "Build from nothing: neither read nor write the build cache.")
    var noCache = false

    func buildCache(projectRoot: URL) -> BuildCache? {
        if noCache { return nil }
        let folder = cacheDir.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? BuildCache.defaultFolder(projectRoot: projectRoot)
        return BuildCache(folder: folder)
    }
}
