import Foundation

public struct BuildOptions: Sendable {
    public var root: URL
    /// Defaults to `site/` in the project.
    public var output: URL?
    public var drafts = false
    public var baseURL: String?
    public var urlStyle: URLStyle?
    /// Warnings stop the build too.
    public var strict = false
    /// Replace an output folder that is not empty and was not written by Dossier.
    public var replaceForeignOutput = false
    /// Warn when base_url is a placeholder: only `dossier build` publishes (see `PlaceholderBaseURL`).
    public var warnsAboutPlaceholderBaseURL = false
    /// Keep each document's prose as the linker parsed it, for `NameSuggester`
    /// (`dossier check`'s note), instead of parsing everything a second time.
    public var keepsProseForSuggestions = false
    /// What earlier builds left to reuse (see `BuildCache`); nil builds from nothing,
    /// through the same code path with an empty cache.
    public var cache: BuildCache?
    /// Hand the replaced output to a detached process to remove, in the cache's
    /// trash folder (`RetiredOutputs.removeDetached`), so a command can exit at once.
    public var detachesOutputRemoval = false
    /// Return what the build knew (`BuildReport.liveState`), for `dossier serve`'s fast path.
    public var keepsLiveState = false
    /// For tests: an in-place update stops its commit after this many journal steps,
    /// as if the process had died there (`OutputUpdate.interruptsCommitAfter`).
    var interruptsCommitAfter: Int?
    /// A build that runs once in its process: each document's Markdown is dropped
    /// after linking and its HTML once the pages that show it are rendered
    /// (`DocumentLifetimes.swift`), so the report's model has neither, and the build
    /// cache given in `cache` keeps none of its documents in memory afterwards.
    public var releasesDocumentsAsRendered = false
    /// The process exits right after this build (`dossier build`): its large values
    /// are left to the exit instead of being freed (`ExitWithoutTeardown`).
    public var exitsAfterBuild = false

    public init(root: URL, output: URL? = nil, drafts: Bool = false, baseURL: String? = nil, urlStyle: URLStyle? = nil, strict: Bool = false) {
        self.strict = strict
        self.root = root
        self.output = output
        self.drafts = drafts
        self.baseURL = baseURL
        self.urlStyle = urlStyle
    }

    public var outputFolder: URL { output ?? root.appendingPathComponent("site") }
}

/// What a run found and did.
public struct BuildReport: Sendable {
    /// Sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// Paths of the files rendered (and, for a build, written), relative to the output.
    public var paths: [String]
    /// Each stage's name and its wall time in seconds, in order.
    public var timings: [(stage: String, seconds: Double)]
    public var model: SiteModel?
    /// Briefings and pages left out because they are drafts.
    public var draftsLeftOut = 0
    /// For a build that replaced its output: the files whose bytes changed (or that
    /// are new), relative to the output; the others were kept as they were.
    public var changedPaths: [String] = []
    /// For a build that replaced its output: the pages whose render key matched the
    /// previous build's, taken from its output without rendering them.
    public var reusedRenders: [String] = []
    /// For a build that replaced its output: the data files whose key (`AggregateKeys`)
    /// matched the previous build's, taken from its output without making them.
    public var reusedDataFiles: [String] = []
    /// With `BuildOptions.keepsLiveState`, for a build that rendered without errors.
    public var liveState: LiveState?
    /// How many Markdown files the load stage parsed, and how many it took from its memo.
    public var loadCounts = LoadCounts()
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The build as an ordered list of named stages:
/// load → index → parse & link → model → render → write.
/// Each stage takes the previous one's value and returns its own with its diagnostics.
public enum SiteBuilder {
    /// Runs every stage. Rendered files go to `sink` (none when it is nil: the
    /// model is built but nothing is rendered).
    public static func run(_ options: BuildOptions, into sink: OutputSink? = CountingSink()) -> BuildReport {
        run(options, into: sink, hooks: StageHooks())
    }

    static func run(_ options: BuildOptions, into sink: OutputSink?, hooks: StageHooks) -> BuildReport {
        var diagnostics: [Diagnostic] = []
        var timings: [(String, Double)] = []
        func timed<T>(_ name: String, _ body: () -> T) -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let value = body()
            timings.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            return value
        }

        let cache = options.cache ?? BuildCache(folder: nil)
        var project = timed("load") { LoadMemo.load(root: options.root, drafts: options.drafts, cache: cache) }
        if let baseURL = options.baseURL {
            // The option replaces base_url, so it must pass the same check.
            if let problem = LinkURL.baseURLProblem(baseURL) { project.diagnostics.append(.error(problem, at: SourceLocation(path: "--base-url"))) }
            project.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        if let style = options.urlStyle { project.config.urlStyle = style }
        if options.warnsAboutPlaceholderBaseURL, let warning = PlaceholderBaseURL.warning(for: project.config, overridden: options.baseURL != nil) {
            project.diagnostics.append(warning)
        }
        diagnostics += project.diagnostics

        let (index, indexDiagnostics) = timed("index") { EntityIndexer.build(project) }
        diagnostics += indexDiagnostics

        var settings = LinkSettings(mode: project.config.linking.mode, urlStyle: project.config.urlStyle)
        if options.releasesDocumentsAsRendered { settings.htmlSpill = HTMLSpillFile() }
        let proseMatcher = options.keepsProseForSuggestions ? NameSuggester.proseMatcher(actors: index.actors, config: project.config) : nil
        let (documents, linkDiagnostics, linkFingerprints) = timed("parse and link") {
            // Kept prose is for `check` and `suggest`, which write nothing: the cache holds no prose.
            if proseMatcher != nil {
                let (documents, diagnostics) = ProjectLinker.linkAll(project, index: index, settings: settings, proseMatcher: proseMatcher)
                return (documents, diagnostics, [DocumentID: String]())
            }
            // `serve` keeps its documents across builds, while an entry file may be replaced.
            return LinkMemo.linkAll(project, index: index, settings: settings, cache: cache, root: options.root,
                                    readsHTMLOnDemand: !options.keepsLiveState, recordsRevalidated: true)
        }
        diagnostics += linkDiagnostics
        // Timed apart from the stages: at 100,000 briefings the build spent several
        // seconds outside every stage's figure (0.3 s at 10,000).
        let afterLinking = DispatchTime.now().uptimeNanoseconds
        hooks.afterLinking()
        var spill: BackgroundWork<Void>?
        if options.releasesDocumentsAsRendered {
            project.dropBodiesAfterLinking()
            // Beside the model stage, which runs mostly on one thread (`BackgroundWork`).
            let linked = documents, spillFile = settings.htmlSpill
            spill = BackgroundWork {
                let spilled = linked.spillHTMLAndText(to: spillFile)
                if FreedMemory.isWorthGivingBack(afterSpilling: spilled, of: linked.count) { FreedMemory.giveBack() }
            }
        }

        // Beside the model stage too, and finished before the upkeep: the upkeep's work
        // on the entries a clean build stored.
        let packing = cache.folder != nil && cache.storedMostEntriesAfresh ? BackgroundWork { cache.packShardsWithNothingToRemove() } : nil
        // Beside the model stage too: only the render stage reads them.
        let fingerprintsWork = sink == nil ? nil : { [project] in
            BackgroundWork { DocumentFingerprints(project: project, index: index, linked: linkFingerprints, drafts: options.drafts, root: options.root) }
        }()
        // Not waited for: linking moved each text it made into the spill file as it
        // went, so what is left to spill is little. (Spilling them all here, beside
        // the model stage while the texts were still in memory, set the build's peak
        // at 100,000 briefings unless awaited first, which took 1.7 s.)
        timings.append(("after linking", Double(DispatchTime.now().uptimeNanoseconds - afterLinking) / 1e9))
        let (model, modelDiagnostics) = timed("model") { SiteModelBuilder.build(
            project: project, index: index, linked: documents, linkedForms: linkFingerprints, cache: cache, root: options.root) }
        diagnostics += modelDiagnostics
        // Waited for before rendering, so that the texts are out of memory before its peak.
        if spill != nil { timed("spill wait") { _ = spill?.value } }

        var liveState: LiveState?
        if let sink {
            hooks.beforeRender()
            let (theme, themeDiagnostics) = timed("theme") { Theme.load(projectRoot: options.root) }
            diagnostics += themeDiagnostics
            let (staticFiles, staticDiagnostics) = timed("static files") { StaticFolder.files(projectRoot: options.root) }
            diagnostics += staticDiagnostics
            if let theme, !diagnostics.hasErrors {
                let urls = SiteURLs(style: project.config.urlStyle)
                let fingerprints = timed("fingerprints") { fingerprintsWork?.value
                    ?? DocumentFingerprints(project: project, index: index, linked: linkFingerprints, drafts: options.drafts, root: options.root) }
                diagnostics += timed("render and write") { SiteRenderer.render(
                    model, theme: theme, urls: urls, into: sink, fingerprints: fingerprints, releasingHTML: options.releasesDocumentsAsRendered,
                    keepingUntilExit: options.exitsAfterBuild) }
                if options.keepsLiveState {
                    liveState = LiveState(project: project, index: index, linked: documents, model: model, theme: theme, urls: urls,
                                          settings: settings, drafts: options.drafts, linkDiagnostics: linkDiagnostics)
                }
            }
            // After rendering, so that a static file is checked against every generated path.
            let (copies, copyDiagnostics) = StaticFileCopier.check(staticFiles, generated: staticFiles.isEmpty ? [] : sink.writtenPaths)
            diagnostics += copyDiagnostics
            if !diagnostics.hasErrors {
                diagnostics += timed("copy static") { StaticFileCopier.copy(copies, into: sink) }
            }
        }
        if sink != nil, !diagnostics.hasErrors { hooks.afterWriting() }
        let upkeep = DispatchTime.now().uptimeNanoseconds
        // Sorted (43,600 paths at 10,000 briefings) beside the cache's upkeep.
        let writtenPaths = sink.map { sink in BackgroundWork { sink.writtenPaths } }
        packing?.value
        if diagnostics.hasErrors { cache.forgetUse() } else { cache.keepOnlyUsed() }
        if options.releasesDocumentsAsRendered { cache.forgetLinkedDocumentsInMemory() }
        let paths = writtenPaths?.value ?? []
        timings.append(("upkeep", Double(DispatchTime.now().uptimeNanoseconds - upkeep) / 1e9))
        var report = BuildReport(diagnostics: diagnostics.sorted(), paths: paths, timings: timings, model: model)
        report.draftsLeftOut = project.draftsLeftOut
        report.loadCounts = project.loadCounts
        report.liveState = liveState
        if options.exitsAfterBuild { ExitWithoutTeardown.keep((project, index, documents)) }
        return report
    }

    /// Validates everything, rendering included, and writes nothing.
    public static func check(_ options: BuildOptions) -> BuildReport {
        run(options)
    }

    /// Builds into a staging folder or, when the output holds a Dossier build, an
    /// in-place update of it (`OutputUpdate`), and only if there is no error (nor, with
    /// `strict`, a warning) commits it. An output that may hold the user's work is
    /// refused before anything is written (see `OutputGuard`), and the folders of
    /// builds that died are cleaned up first (an interrupted update is completed).
    public static func build(_ options: BuildOptions) -> BuildReport {
        let output = PhysicalPath.resolve(options.outputFolder)
        if let refusal = OutputGuard.overlap(of: output, withProjectAt: options.root) {
            return BuildReport(diagnostics: [refusal], paths: [], timings: [], model: nil)
        }
        // An earlier build in this process may still be removing its previous output
        // under the names this build is about to use.
        RetiredOutputs.waitUntilRemoved()
        let cleanup = StaleBuildFolders.clean(beside: output)
        if cleanup.hasErrors {
            return BuildReport(diagnostics: cleanup.sorted(), paths: [], timings: [], model: nil)
        }
        if let refusal = OutputGuard.ownership(of: output, replacingForeign: options.replaceForeignOutput) {
            return BuildReport(diagnostics: (cleanup + [refusal]).sorted(), paths: [], timings: [], model: nil)
        }
        let cache = options.cache ?? BuildCache(folder: nil)
        let staging: BuildOutput
        do {
            if OutputUpdate.canUpdate(output) {
                let update = try OutputUpdate(updating: output)
                update.interruptsCommitAfter = options.interruptsCommitAfter
                staging = update
            } else {
                let folder = try StagingFolder(replacing: output)
                if options.detachesOutputRemoval, let trash = cache.trashFolder {
                    RetiredOutputs.sweep(trash)
                    folder.retiredOutputTrash = trash
                }
                staging = folder
            }
        } catch {
            return BuildReport(diagnostics: (cleanup + [.error("\(error)", at: SourceLocation(path: options.outputFolder.lastPathComponent))]).sorted(),
                               paths: [], timings: [], model: nil)
        }
        var buildOptions = options
        buildOptions.cache = cache
        // `renderManifest(for:)` reads the file on a thread of its own.
        var previousManifest: RenderManifest?
        var encodedManifest: BackgroundWork<BuildCache.EncodedRenderManifest>?
        let hooks = StageHooks(
            afterLinking: {
                previousManifest = cache.renderManifest(for: output)
                (staging as? OutputUpdate)?.beginInventory()
            },
            beforeRender: { staging.renderManifest = previousManifest ?? cache.renderManifest(for: output) },
            // Encoded beside the upkeep, which works on other files (1 s at 100,000 briefings).
            afterWriting: {
                let manifest = staging.renderManifest
                encodedManifest = BackgroundWork { cache.encodedRenderManifest(manifest, for: output) }
            })
        var report = run(buildOptions, into: staging, hooks: hooks)
        report.diagnostics = (report.diagnostics + cleanup).sorted()
        guard report.succeeded, !(options.strict && !report.diagnostics.isEmpty) else {
            staging.discard()
            return report
        }
        do {
            let started = DispatchTime.now().uptimeNanoseconds
            // The commit changes neither list: they are sorted beside it.
            let reused = BackgroundWork { (renders: staging.reusedRenders, dataFiles: staging.reusedDataFiles) }
            try staging.commit()
            report.timings.append(("commit", Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9))
            report.changedPaths = staging.changedPaths
            report.reusedRenders = reused.value.renders
            report.reusedDataFiles = reused.value.dataFiles
            // A commit stopped as by a crash stores nothing, as a dead process would not.
            let manifest = DispatchTime.now().uptimeNanoseconds
            if options.interruptsCommitAfter == nil {
                cache.storeRenderManifest(encodedManifest?.value ?? cache.encodedRenderManifest(staging.renderManifest, for: output))
            }
            report.timings.append(("render manifest", Double(DispatchTime.now().uptimeNanoseconds - manifest) / 1e9))
            // Its manifest and inventory are large (`ExitWithoutTeardown`).
            if options.exitsAfterBuild { ExitWithoutTeardown.keep(staging) }
        } catch {
            report.diagnostics.append(.error("\(error)", at: SourceLocation(path: options.outputFolder.lastPathComponent)))
        }
        return report
    }
}
