import Foundation
import Mustache

/// The templates and static assets a site is rendered with: the built-in theme,
/// overridden file by file by the project's `templates/` folder (Hugo's lookup
/// order), with `templates/assets/` adding or replacing static files.
public struct Theme: Sendable {
    public let library: MustacheLibrary
    /// Asset name → contents, e.g. "dossier.css".
    public let assets: [String: Data]
    /// A stable hash of every template's name and text: a page rendered before
    /// under another fingerprint may read a template or partial that changed
    /// (see `RenderKey`).
    public var templatesFingerprint = ""
    /// Every template's text, to tell whether any of them may read a value (`mayRead`).
    var templateTexts: [String] = []
    /// The header and footer rendered once per depth, language and section (`LayoutPartials`).
    var layoutPartials = LayoutPartials(spliced: [])
    /// `library` with those partials inserting their pre-rendered HTML: pages are
    /// rendered with it, the partials themselves with `library`.
    var pageLibrary: MustacheLibrary?
    /// Whether "Mentioned in" groups are written without Mustache (`MentionSectionsHTML`).
    var mentionSectionsHTML = MentionSectionsHTML.inactive
    /// `pageLibrary` (else `library`) compiled, which renders pages when it can (`CompiledTemplateLibrary`).
    var compiledPages: CompiledTemplateLibrary?

    /// The templates every site needs; a theme without one of them is an error.
    public static let requiredTemplates = [
        "layout", "home", "briefing", "briefings", "actor", "actor-mentions", "actors", "tag", "tags", "timeline", "graph",
        "sources", "search", "page", "404",
    ]

    /// Where the built-in theme is: beside the executable as SwiftPM's resource
    /// bundle, or, for development builds and tests, in the source tree.
    public static func builtInDirectory() -> URL? {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["DOSSIER_THEME_DIR"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for base in [executable, Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()] {
            candidates.append(base.appendingPathComponent("Dossier_DossierCore.resources/theme"))
            candidates.append(base.appendingPathComponent("Dossier_DossierCore.bundle/Contents/Resources/theme"))
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/theme"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("templates/layout.mustache").path) }
    }

    /// Loads the built-in theme and the project's overrides. Every template parse
    /// error, missing template and reference to a missing partial is a diagnostic.
    public static func load(projectRoot: URL, builtIn: URL? = Theme.builtInDirectory()) -> (Theme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let builtIn else {
            return (nil, [.error("the built-in theme is missing; reinstall dossier or set DOSSIER_THEME_DIR", at: SourceLocation(path: "templates"))])
        }
        // name → (display path, text)
        var sources: [String: (path: String, text: String)] = [:]
        var projectTemplateNames: Set<String> = []
        var assets: [String: Data] = [:]
        let projectTemplates = projectRoot.appendingPathComponent("templates")
        // The project's files must not lead outside it; the built-in theme is outside by nature.
        var boundary = ProjectBoundary(root: projectRoot)
        let layers = [
            (templates: builtIn.appendingPathComponent("templates"), assets: builtIn.appendingPathComponent("assets"),
             display: "(built-in theme)/templates/", inProject: false),
            (templates: projectTemplates, assets: projectTemplates.appendingPathComponent("assets"), display: "templates/", inProject: true),
        ]
        // Later layers replace earlier ones file by file.
        for layer in layers {
            func listed(_ folder: URL, as path: String) -> [String] {
                guard layer.inProject else { return files(under: folder) }
                guard boundary.admits(path) else { return [] }
                return files(under: folder, refusing: { !boundary.admits(path + "/" + $0) })
            }
            for relative in listed(layer.assets, as: "templates/assets") {
                assets[relative] = FileManager.default.contents(atPath: layer.assets.appendingPathComponent(relative).path)
            }
            for relative in listed(layer.templates, as: "templates") where relative.hasSuffix(".mustache") && !relative.hasPrefix("assets/") {
                let path = layer.display + relative
                guard let data = FileManager.default.contents(atPath: layer.templates.appendingPathComponent(relative).path) else { continue }
                switch TextDecoding.utf8(data) {
                case .success(let text):
                    let name = String(relative.dropLast(".mustache".count))
                    sources[name] = (path, text)
                    if layer.inProject { projectTemplateNames.insert(name) }
                case .failure(let position):
                    diagnostics.append(.error("template is not valid UTF-8", at: SourceLocation(path: path, line: position.line, column: position.column)))
                }
            }
        }
        diagnostics += boundary.diagnostics
        var library = MustacheLibrary()
        _ = DossierHTMLContentType.registration
        let pragma = DossierHTMLContentType.pragma
        let scanned = sources.mapValues { (path: $0.path, tags: TemplateTag.all(in: $0.text)) }
        for name in sources.keys.sorted() {
            let (path, text) = sources[name]!
            if let problem = TemplateLimits.problem(in: text) {
                diagnostics.append(.error(problem, at: SourceLocation(path: path, line: 1, column: 1)))
                continue
            }
            if let tooDeep = TemplateNesting.check(scanned[name]!.tags, path: path) {
                diagnostics.append(tooDeep)
                continue
            }
            do {
                library.register(try MustacheTemplate(string: pragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let context = error.context
                // The pragma is prepended on the first line: take it out of the position and the quoted line.
                let firstLine = context.lineNumber == 1
                let column = firstLine ? max(1, context.columnNumber - pragma.count) : context.columnNumber
                let line = firstLine && context.line.hasPrefix(pragma) ? String(context.line.dropFirst(pragma.count)) : context.line
                diagnostics.append(.error(
                    "template parse error: \(describe(error.error)) in line: \(line.trimmingCharacters(in: .whitespaces))",
                    at: SourceLocation(path: path, line: context.lineNumber, column: column)))
            } catch {
                diagnostics.append(.error("template parse error: \(error)", at: SourceLocation(path: path)))
            }
        }
        for name in requiredTemplates where sources[name] == nil {
            diagnostics.append(.error("missing template '\(name).mustache'", at: SourceLocation(path: "templates/\(name).mustache")))
        }
        let templates = scanned.mapValues { PartialCycles.Template(path: $0.path, references: TemplateReferences.partials(in: $0.tags)) }
        var renderedReferences = templates
        for name in scanned.keys.sorted() {
            for (parent, reference) in TemplateReferences.blockInclusions(in: scanned[name]!.tags, path: scanned[name]!.path)
            where renderedReferences[parent] != nil {
                renderedReferences[parent]!.references.append(reference)
            }
        }
        for name in templates.keys.sorted() {
            let template = templates[name]!
            for reference in template.references where sources[reference.name] == nil {
                diagnostics.append(.error(
                    "template refers to '\(reference.name)', which does not exist\(Suggestion.didYouMean(reference.name, in: sources.keys.sorted()))",
                    at: SourceLocation(path: template.path, line: reference.line, column: reference.column)))
            }
        }
        diagnostics += TemplateNesting.checkThroughPartials(scanned)
        diagnostics += PartialCycles.find(in: renderedReferences, projectTemplates: projectTemplateNames)
        if diagnostics.hasErrors { return (nil, diagnostics) }
        var theme = Theme(library: library, assets: assets)
        theme.templatesFingerprint = RenderKey.templatesFingerprint(sources.mapValues(\.text))
        theme.templateTexts = sources.keys.sorted().map { sources[$0]!.text }
        theme.layoutPartials = LayoutPartials(templates: scanned.mapValues(\.tags))
        theme.mentionSectionsHTML = MentionSectionsHTML(texts: sources.mapValues(\.text), projectTemplates: projectTemplateNames)
        theme.pageLibrary = theme.mentionSectionsHTML.pageLibrary(from: theme.layoutPartials.pageLibrary(from: library), pragma: pragma)
        theme.compiledPages = CompiledTemplateLibrary(library: theme.pageLibrary ?? library, names: sources.keys)
        return (theme, diagnostics)
    }

    /// False when no template's text contains `name` at all, so no template can read a
    /// value of that name, however it is written (a section, a dotted path, a
    /// transform's argument): contexts may then leave it out.
    func mayRead(_ name: String) -> Bool {
        templateTexts.contains { $0.contains(name) }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with the wrong name"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: "invalid set-delimiter tag"
        case MustacheTemplate.Error.transformAppliedToInheritanceSection: "a transform cannot apply to an inheritance section"
        case MustacheTemplate.Error.illegalTokenInsideInheritSection: "illegal tag inside an inheritance section"
        case MustacheTemplate.Error.textInsideInheritSection: "text inside an inheritance section outside any block"
        default: "\(error)"
        }
    }

    /// Files under a folder, relative, sorted; none if it does not exist. A symbolic
    /// link for which `refusing` is true is left out, with all it leads to.
    static func files(under base: URL, refusing: (String) -> Bool = { _ in false }) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if ProjectBoundary.isSymbolicLink(atPath: base.appendingPathComponent(relative).path), refusing(relative) {
                enumerator.skipDescendants()
                continue
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base.appendingPathComponent(relative).path, isDirectory: &isDirectory), !isDirectory.boolValue,
               !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                result.append(relative)
            }
        }
        return result.sorted()
    }
}
