import Foundation
import DossierMarkdown

/// What the relative links and images of a document may point at: the other
/// documents by path, and the image files under `content/`.
public struct ReferenceTargets: Sendable {
    /// Published documents by their path (`content/actors/iran.md`).
    var documents: [String: DocumentID]
    /// Every Markdown file read, drafts included.
    var markdownPaths: Set<String>
    var media: MediaInventory
    var urls: SiteURLs

    init(project: LoadedProject, actors: [Actor], urls: SiteURLs) {
        var documents: [String: DocumentID] = [:]
        for briefing in project.briefings { documents[briefing.path] = DocumentID(.briefing, briefing.slug) }
        for actor in actors { documents[actor.path] = DocumentID(.actor, actor.slug) }
        for page in project.pages { documents[page.path] = DocumentID(.page, page.slug) }
        self.documents = documents
        markdownPaths = project.markdownPaths.union(documents.keys)
        media = project.media
        self.urls = urls
    }

    func page(of document: DocumentID) -> SiteURLs.Page {
        switch document.kind {
        case .briefing: .briefing(document.slug)
        case .actor: .actor(document.slug)
        case .page: .page(document.slug)
        }
    }
}

/// `[text](../actors/iran.md#relations)`: the actor a link names by its file, and
/// what follows the path.
public struct ActorFileLink: Sendable, Hashable {
    public var slug: String
    public var suffix: String
}

/// An image a document shows, and where the site publishes it.
public struct PublishedImage: Sendable, Hashable {
    /// Relative to the project root: `content/briefings/doha-strike/map.png`.
    public var source: String
    /// Relative to the output folder: `briefings/doha-strike/map.png`.
    public var output: String
    /// Where to read it.
    public var file: URL
}

/// Rewrites a document's relative links to other Markdown files and its images, as
/// editors and GitHub preview them, into links to the site's pages and files:
///
/// - `[text](other.md)`, `./other.md`, `../pages/method.md`, `other.md#section` → that
///   document's page (briefing, actor or page), fragment kept; a link to an actor's
///   file (`../actors/iran.md`) is left to the linker, which treats it as `@iran`;
/// - `![alt](map.png)` → the image, published in the page's folder. It is looked for
///   beside the document, then in the folder named after the document
///   (`content/briefings/doha-strike/map.png` for `doha-strike.md`).
///
/// A target that does not exist is an error at the link. Links with a scheme, links
/// from the site root (`/…`), fragments alone and `@actor` links are left alone.
enum DocumentReferences {
    static func resolve(
        _ document: MarkdownDocument, id: DocumentID, path: String, body: Body, targets: ReferenceTargets
    ) -> (images: [PublishedImage], actorFileLinks: [Int: ActorFileLink], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var actorFileLinks: [Int: ActorFileLink] = [:]
        let folder = RelativePath.folder(of: path)
        var lines: [Substring] = []
        func location(_ line: Int, _ column: Int, startingWith prefix: String) -> SourceLocation {
            if lines.isEmpty { lines = MarkdownLines.split(body.text) }
            return body.location(path: path, line: line, column: SourceColumn.corrected(column, startingWith: prefix, line: line, in: lines))
        }
        for link in document.links {
            guard let reference = Reference(link.url), reference.path.hasSuffix(".md") else { continue }
            let location = location(link.line, link.column, startingWith: "[")
            guard let resolved = RelativePath.join(folder, reference.path) else {
                diagnostics.append(.error("link '\(link.url)' leads outside the project", at: location))
                continue
            }
            guard let target = targets.documents[resolved] else {
                diagnostics.append(.error(missingDocument(link.url, resolved: resolved, folder: folder, targets: targets), at: location))
                continue
            }
            // A link to an actor's file is a link to the actor, which the linker makes and records as a mention.
            guard target.kind != .actor else {
                actorFileLinks[link.index] = ActorFileLink(slug: target.slug, suffix: reference.suffix)
                continue
            }
            let url = SiteLinkPlaceholder.scheme + targets.urls.path(targets.page(of: target)) + reference.suffix
            document.setLinkDestination(link.index, url: url)
        }

        var published: [String: PublishedImage] = [:]
        var images: [PublishedImage] = []
        let pageFolder = String(targets.urls.file(targets.page(of: id)).dropLast("index.html".count))
        for image in document.images {
            guard let reference = Reference(image.url) else { continue }
            let location = location(image.line, image.column, startingWith: "![")
            switch locateImage(reference.path, folder: folder, documentPath: path, media: targets.media) {
            case .outside:
                diagnostics.append(.error("image '\(image.url)' is outside the project", at: location))
            case .outsideContent(let resolved):
                diagnostics.append(.error(
                    "image '\(image.url)' is \(resolved), outside content/: images are published from content/ only; "
                        + "put it beside the document or in \(bundleFolder(of: path))/",
                    at: location))
            case .refused:
                continue
            case .notAnImage:
                diagnostics.append(.error(
                    "'\(image.url)' is not an image the site publishes: use one of "
                        + MediaInventory.imageExtensions.sorted().joined(separator: ", "),
                    at: location))
            case .missing(let looked):
                diagnostics.append(.error("image '\(image.url)' not found: no \(looked.joined(separator: " or "))", at: location))
            case .found(let source):
                let output = pageFolder + RelativePath.publishedName(of: source, folder: folder, bundle: bundleFolder(of: path))
                guard MediaOutputPath.isPublishable(output) else {
                    diagnostics.append(.error(
                        "image file name '\(source)' has a control character, a backslash or a part too long for a file name; rename the file",
                        at: location))
                    continue
                }
                if let earlier = published[output], earlier.source != source {
                    diagnostics.append(.error(
                        "images \(earlier.source) and \(source) would both be published as \(output); rename one of them",
                        at: location))
                    continue
                }
                if published[output] == nil, let root = targets.media.root {
                    let item = PublishedImage(source: source, output: output, file: root.appendingPathComponent(source))
                    published[output] = item
                    images.append(item)
                }
                document.setImageDestination(image.index, url: SiteLinkPlaceholder.scheme + MediaOutputPath.percentEncoded(output) + reference.suffix)
            }
        }
        return (images, actorFileLinks, diagnostics)
    }

    /// `content/briefings/doha-strike/` for `content/briefings/doha-strike.md`.
    static func bundleFolder(of path: String) -> String {
        String(path.dropLast(".md".count))
    }

    enum ImageLookup: Equatable {
        case found(String), missing([String]), outside, outsideContent(String), refused, notAnImage
    }

    static func locateImage(_ written: String, folder: String, documentPath: String, media: MediaInventory) -> ImageLookup {
        guard let beside = RelativePath.join(folder, written) else { return .outside }
        guard beside.hasPrefix(ProjectLoader.contentFolder + "/") else { return .outsideContent(beside) }
        guard !media.isRefused(beside) else { return .refused }
        guard MediaInventory.isImage(beside) else { return .notAnImage }
        if media.images.contains(beside) { return .found(beside) }
        let bundle = bundleFolder(of: documentPath)
        // `doha-strike/map.png` written in doha-strike.md is already in the bundle.
        guard !beside.hasPrefix(bundle + "/"), let inBundle = RelativePath.join(bundle, written) else { return .missing([beside]) }
        guard !media.isRefused(inBundle) else { return .refused }
        return media.images.contains(inBundle) ? .found(inBundle) : .missing([beside, inBundle])
    }

    /// Why a `.md` link has no page, with the likely intended file.
    static func missingDocument(_ written: String, resolved: String, folder: String, targets: ReferenceTargets) -> String {
        if targets.markdownPaths.contains(resolved) {
            return "link '\(written)' leads to \(resolved), which is a draft or could not be read, so it has no page: "
                + "remove 'draft: true' there, or build with --drafts"
        }
        // A file moved to another folder keeps its name: one of that name is the likely target.
        let name = "/" + (resolved.split(separator: "/").last.map(String.init) ?? resolved)
        let sameName = targets.documents.keys.filter { $0.hasSuffix(name) }
        let likely = Suggestion.closest(to: resolved, in: targets.documents.keys) ?? (sameName.count == 1 ? sameName.first : nil)
        let suggestion = likely.map {
            " (did you mean '\(RelativePath.relative(from: folder, to: $0))'?)"
        } ?? ""
        return "link '\(written)' leads to \(resolved), which is no briefing, actor or page\(suggestion)"
    }

    /// A relative URL split into its decoded path and what follows it (`?…`, `#…`).
    struct Reference {
        var path: String
        var suffix: String

        init?(_ url: String) {
            guard !url.isEmpty, !url.hasPrefix("@"), !url.hasPrefix("/"), !url.hasPrefix("#"), LinkURL.scheme(url) == nil else { return nil }
            let end = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
            guard let decoded = String(url[..<end]).removingPercentEncoding, !decoded.isEmpty else { return nil }
            path = decoded
            suffix = String(url[end...])
        }
    }
}
