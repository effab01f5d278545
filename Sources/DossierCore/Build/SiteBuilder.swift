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
    public var files: [OutputFile]
    /// Each stage's name and its wall time in seconds, in order.
    public var timings: [(stage: String, seconds: Double)]
    public var model: SiteModel?
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The build as an ordered list of named stages:
/// load → index → parse & link → model → render → write.
/// Each stage takes the previous one's value and returns its own with its diagnostics.
public enum SiteBuilder {
    /// Runs every stage up to rendering and returns what would be written.
    public static func run(_ options: BuildOptions, render: Bool = true) -> BuildReport {
        var diagnostics: [Diagnostic] = []
        var timings: [(String, Double)] = []
        func timed<T>(_ name: String, _ body: () -> T) -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let value = body()
            timings.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            return value
        }

        var project = timed("load") { ProjectLoader.load(root: options.root, drafts: options.drafts) }
        if let baseURL = options.baseURL { project.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        if let style = options.urlStyle { project.config.urlStyle = style }
        diagnostics += project.diagnostics

        let (index, indexDiagnostics) = timed("index") { EntityIndexer.build(project) }
        diagnostics += indexDiagnostics

        let settings = LinkSettings(mode: project.config.linking.mode, urlStyle: project.config.urlStyle)
        let (documents, linkDiagnostics) = timed("parse and link") { ProjectLinker.linkAll(project, index: index, settings: settings) }
        diagnostics += linkDiagnostics

        let (model, modelDiagnostics) = timed("model") { SiteModelBuilder.build(project: project, index: index, linked: documents) }
        diagnostics += modelDiagnostics

        var files: [OutputFile] = []
        if render {
            let (theme, themeDiagnostics) = timed("theme") { Theme.load(projectRoot: options.root) }
            diagnostics += themeDiagnostics
            if let theme {
                let urls = SiteURLs(style: project.config.urlStyle)
                let (rendered, renderDiagnostics) = timed("render") { SiteRenderer.render(model, theme: theme, urls: urls) }
                files = rendered
                diagnostics += renderDiagnostics
            }
        }
        return BuildReport(diagnostics: diagnostics.sorted(), files: files, timings: timings, model: model)
    }

    /// Validates everything and writes nothing.
    public static func check(_ options: BuildOptions) -> BuildReport {
        run(options, render: true).withoutFiles()
    }

    /// Builds and, only if there is no error, swaps the new site in.
    public static func build(_ options: BuildOptions) -> BuildReport {
        var report = run(options)
        guard report.succeeded, !(options.strict && !report.diagnostics.isEmpty) else { return report }
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            try SiteWriter.writeAtomically(report.files, to: options.outputFolder)
        } catch {
            report.diagnostics.append(.error("\(error)", at: SourceLocation(path: options.outputFolder.lastPathComponent)))
        }
        report.timings.append(("write", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return report
    }
}

extension BuildReport {
    func withoutFiles() -> BuildReport {
        var copy = self
        copy.files = []
        return copy
    }
}
