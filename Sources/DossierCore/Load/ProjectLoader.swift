import Foundation

/// A content file read from disk, before decoding.
public struct ContentFile: Sendable, Hashable {
    public enum Section: String, Sendable, CaseIterable {
        case briefings, actors, pages
    }

    public var section: Section
    /// Relative to the project root, with "/" separators: `content/actors/iran.md`.
    public var path: String
    public var text: String

    /// The file name without `.md`, the default slug.
    public var fileSlug: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }
}

/// Everything the load stage produces.
public struct LoadedProject: Sendable {
    public var config: SiteConfig
    public var briefings: [Briefing]
    public var actors: [Actor]
    public var pages: [Page]
    public var diagnostics: [Diagnostic]
    /// Briefings and pages marked `draft: true` and left out (none with --drafts).
    public var draftsLeftOut = 0
    /// Every Markdown file read, drafts included, so a link to a draft is told apart from a link to nothing.
    public var markdownPaths: Set<String> = []
    public var media = MediaInventory()
    /// Path → a stable hash of the file's text, for the build cache's keys: a loaded
    /// document is a function of its file, its path and `dossier.yml`.
    public var sourceFingerprints: [String: String] = [:]
    /// How the load memo served the Markdown files (all parsed without one).
    public var loadCounts = LoadCounts()
}

/// What the load stage did with each Markdown file, for `--timings` and tests.
public struct LoadCounts: Sendable, Hashable {
    /// Read and decoded (front matter parsed).
    public var parsed = 0
    /// Read, found equal by content to what the memo holds, and not decoded.
    public var readUnchanged = 0
    /// Neither read nor decoded: the memo's stat record matched.
    public var unread = 0
}

public enum ProjectLoader {
    public static let contentFolder = "content"

    /// A Markdown file found under `content/`, not read yet.
    struct ListedFile: Sendable {
        var section: ContentFile.Section
        /// Relative to the project root.
        var path: String
        /// The project's `content/` folder on disk, one string for all the files.
        var contentPath: String
        /// Relative to `content/`.
        var relative: String
        /// Its identity when it was listed (`FileIdentity.of`): nil unless a regular file.
        var identity: FileIdentity?

        /// Where it is on disk, made when it is read: a cached build reads a few files.
        var absolutePath: String { contentPath + "/" + relative }
    }

    /// Reads `dossier.yml` and finds every Markdown file under `content/`, in sorted order.
    static func listFiles(root: URL) -> (configText: String?, files: [ListedFile], media: MediaInventory, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var boundary = ProjectBoundary(root: root)
        let configURL = root.appendingPathComponent(SiteConfig.fileName)
        var configText: String?
        if boundary.admits(SiteConfig.fileName), let data = FileManager.default.contents(atPath: configURL.path) {
            switch TextDecoding.utf8(data) {
            case .success(let text): configText = text
            case .failure(let position):
                diagnostics.append(.error("file is not valid UTF-8", at: SourceLocation(path: SiteConfig.fileName, line: position.line, column: position.column)))
            }
        }
        let contentURL = root.appendingPathComponent(contentFolder)
        let contentPath = contentURL.path
        var markdown: [ContentListing.Markdown] = []
        var media = MediaInventory(root: root)
        if !boundary.admits(contentFolder) {
            // Refused as a whole, at the link.
            media.refused.insert(contentFolder)
        } else if let listing = ContentListing.walk(
            contentPath: contentPath,
            // A link to a folder is refused too, though it is never entered.
            admitsLink: { relative in
                guard boundary.admits(contentFolder + "/" + relative) else {
                    media.refused.insert(contentFolder + "/" + relative)
                    return false
                }
                return true
            },
            other: { relative, path in media.consider(contentFolder + "/" + relative, atPath: path) }) {
            markdown = listing.markdown
        } else if !FileManager.default.fileExists(atPath: contentURL.path) {
            diagnostics.append(.warning("no 'content' folder: the site will be empty", at: SourceLocation(path: contentFolder)))
        }
        markdown.sort { $0.relative < $1.relative }
        var files: [ListedFile] = []
        files.reserveCapacity(markdown.count)
        for (relative, identity) in markdown.lazy.map({ ($0.relative, $0.identity) }) {
            let path = contentFolder + "/" + relative
            // Its first folder, found as a byte: `split` made an array of substrings per file.
            guard let slash = relative.utf8.firstIndex(of: UInt8(ascii: "/")),
                  let section = ContentFile.Section(rawValue: String(relative[..<slash]))
            else {
                diagnostics.append(.warning("ignored: Markdown files belong under content/briefings, content/actors or content/pages", at: SourceLocation(path: path)))
                continue
            }
            files.append(ListedFile(section: section, path: path, contentPath: contentPath, relative: relative, identity: identity))
        }
        return (configText, files, media, diagnostics + boundary.diagnostics)
    }

    /// Why a listed file has no text.
    struct Unreadable: Error {
        var diagnostic: Diagnostic
    }

    /// The text of a listed file, or the diagnostic that says why there is none.
    static func read(_ file: ListedFile) -> Result<ContentFile, Unreadable> {
        guard let data = FileManager.default.contents(atPath: file.absolutePath) else {
            return .failure(Unreadable(diagnostic: .error("cannot read file", at: SourceLocation(path: file.path))))
        }
        return text(of: data, file)
    }

    static func text(of data: Data, _ file: ListedFile) -> Result<ContentFile, Unreadable> {
        switch TextDecoding.utf8(data) {
        case .success(let text): return .success(ContentFile(section: file.section, path: file.path, text: text))
        case .failure(let position):
            let location = SourceLocation(path: file.path, line: position.line, column: position.column)
            return .failure(Unreadable(diagnostic: .error("file is not valid UTF-8", at: location)))
        }
    }

    /// Reads `dossier.yml` and every Markdown file under `content/`, in sorted order.
    public static func readFiles(root: URL) -> (configText: String?, files: [ContentFile], media: MediaInventory, diagnostics: [Diagnostic]) {
        let (configText, listed, media, listDiagnostics) = listFiles(root: root)
        var diagnostics = listDiagnostics
        var files: [ContentFile] = []
        for file in listed {
            switch read(file) {
            case .success(let content): files.append(content)
            case .failure(let problem): diagnostics.append(problem.diagnostic)
            }
        }
        return (configText, files, media, diagnostics)
    }

    /// What one content file decodes to; a pure function of its text and path, which is
    /// what lets the load memo keep it. One object, which the load memo's lists share:
    /// as a value, each list copied the twenty or so references a briefing holds.
    final class DecodedFile: Sendable {
        enum Value: Sendable {
            case briefing(Briefing?), actor(Actor?), page(Page?)
        }
        let value: Value
        let diagnostics: [Diagnostic]

        init(value: Value, diagnostics: [Diagnostic]) {
            self.value = value
            self.diagnostics = diagnostics
        }
    }

    static func decodeFile(_ file: ContentFile) -> DecodedFile {
        switch file.section {
        case .briefings:
            let result = ContentDecoder.briefing(file.text, path: file.path, fileSlug: file.fileSlug)
            return DecodedFile(value: .briefing(result.value), diagnostics: result.diagnostics)
        case .actors:
            let result = ContentDecoder.actor(file.text, path: file.path, fileSlug: file.fileSlug)
            return DecodedFile(value: .actor(result.value), diagnostics: result.diagnostics)
        case .pages:
            let result = ContentDecoder.page(file.text, path: file.path, fileSlug: file.fileSlug)
            return DecodedFile(value: .page(result.value), diagnostics: result.diagnostics)
        }
    }

    /// Decodes the files read by `readFiles`, in parallel; the order of the input is kept.
    public static func decode(configText: String?, files: [ContentFile], drafts: Bool = false) -> LoadedProject {
        assemble(configText: configText, decoded: files.parallelMap(decodeFile), drafts: drafts)
    }

    /// The project made of decoded files, in the order given: drafts left out, slugs checked.
    static func assemble(configText: String?, decoded: [DecodedFile], drafts: Bool) -> LoadedProject {
        assemble(configText: configText, count: decoded.count, drafts: drafts) { decoded[$0] }
    }

    /// `assemble` of the decoded files `file(0..<count)` gives (nil: a file that gave
    /// none), each copied once, straight into the project.
    static func assemble(configText: String?, count: Int, drafts: Bool, file: (Int) -> DecodedFile?) -> LoadedProject {
        var diagnostics: [Diagnostic] = []
        var config = SiteConfig()
        if let configText {
            let (decodedConfig, configDiagnostics) = SiteConfig.decode(configText)
            config = decodedConfig
            diagnostics += configDiagnostics
        }
        var briefings: [Briefing] = [], actors: [Actor] = [], pages: [Page] = []
        // Made at their size: grown by doubling, the lists of large values were copied
        // again and again.
        var sizes = (briefings: 0, actors: 0, pages: 0)
        for position in 0..<count {
            switch file(position)?.value {
            case .briefing: sizes.briefings += 1
            case .actor: sizes.actors += 1
            case .page: sizes.pages += 1
            case nil: break
            }
        }
        briefings.reserveCapacity(sizes.briefings)
        actors.reserveCapacity(sizes.actors)
        pages.reserveCapacity(sizes.pages)
        var draftsLeftOut = 0
        for position in 0..<count {
            guard let file = file(position) else { continue }
            diagnostics += file.diagnostics
            switch file.value {
            case .briefing(let value): if let value { if drafts || !value.draft { briefings.append(value) } else { draftsLeftOut += 1 } }
            case .actor(let value): if let value { actors.append(value) }
            case .page(let value): if let value { if drafts || !value.draft { pages.append(value) } else { draftsLeftOut += 1 } }
            }
        }
        diagnostics += duplicateSlugs(briefings.map { ($0.slug, $0.path, $0.slugLocation) }, what: "briefing")
        diagnostics += duplicateSlugs(actors.map { ($0.slug, $0.path, $0.slugLocation) }, what: "actor")
        diagnostics += duplicateSlugs(pages.map { ($0.slug, $0.path, $0.slugLocation) }, what: "page")
        return LoadedProject(config: config, briefings: briefings, actors: actors, pages: pages, diagnostics: diagnostics, draftsLeftOut: draftsLeftOut)
    }

    /// Reads and decodes everything, with no memo.
    public static func load(root: URL, drafts: Bool = false) -> LoadedProject {
        let (configText, files, media, readDiagnostics) = readFiles(root: root)
        var project = decode(configText: configText, files: files, drafts: drafts)
        project.diagnostics = readDiagnostics + project.diagnostics
        project.markdownPaths = Set(files.map(\.path))
        project.media = media
        project.sourceFingerprints = Dictionary(uniqueKeysWithValues: files.parallelMap { ($0.path, DocumentFingerprints.hash($0.text)) })
        project.loadCounts.parsed = files.count
        return project
    }

    /// Each clash is reported on the `slug:` line that made it. Two slugs taken from
    /// file names clash only across folders; then the second file is named.
    static func duplicateSlugs(_ entries: [(slug: String, path: String, slugLocation: SourceLocation?)], what: String) -> [Diagnostic] {
        var first: [String: (path: String, slugLocation: SourceLocation?)] = [:]
        var diagnostics: [Diagnostic] = []
        for (slug, path, slugLocation) in entries {
            guard let earlier = first[slug] else {
                first[slug] = (path, slugLocation)
                continue
            }
            let clash = "duplicate \(what) slug '\(slug)'"
            if let slugLocation {
                diagnostics.append(.error("\(clash): \(earlier.path) has it too", at: slugLocation))
            } else if let earlierLocation = earlier.slugLocation {
                diagnostics.append(.error("\(clash): \(path) has it too", at: earlierLocation))
            } else {
                diagnostics.append(.error(
                    "\(clash): \(earlier.path) has it too; set 'slug:' in one of them\(folderSlugExample(slug, path, earlier.path))",
                    at: SourceLocation(path: path)))
            }
        }
        return diagnostics
    }
}

extension ProjectLoader {
    /// Page paths come from slugs, not folders (moving a file between folders keeps its
    /// URL), so two files of one name in two folders clash. The example slug puts the
    /// folder in: ", e.g. 'slug: 2025-review' in content/briefings/2025/review.md".
    static func folderSlugExample(_ slug: String, _ paths: String...) -> String {
        for path in paths {
            let parts = path.split(separator: "/")
            // content/<section>/<folders…>/<file>.md: only files in a folder of their section.
            guard parts.count > 3 else { continue }
            let folder = Slugify.slug(String(parts[parts.count - 2]))
            guard !folder.isEmpty else { continue }
            return ", e.g. 'slug: \(folder)-\(slug)' in \(path)"
        }
        return ""
    }
}

enum TextDecoding {
    struct InvalidPosition: Error { var line: Int; var column: Int }

    /// Strict UTF-8 decoding that says where the first invalid byte is.
    static func utf8(_ data: Data) -> Result<String, InvalidPosition> {
        if let text = String(validating: data, as: UTF8.self) { return .success(text) }
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                return .failure(InvalidPosition(line: line, column: column))
            }
        }
    }
}
