import Foundation

/// A stable name for each document of a build, over everything the site model takes
/// from it: its path, its source file (front matter and body) and its linked form
/// (the hash of the link result as the cache encodes it, `BuildCache.CachedLink`).
/// Two builds that give a document one fingerprint give it equal values in the
/// model, so the render stage can key a file on the fingerprints of the documents it
/// reads, without reading them. Names that changed without changing a document's
/// linked form (an alias found nowhere in it) leave its fingerprint as it was.
///
/// `site` covers what every document depends on: the binary, `dossier.yml` and the
/// command-line options that change the config. A document with no fingerprint (it
/// was linked outside the memo, or failed to load) makes every key over it nil, so
/// whatever reads it is computed again.
struct DocumentFingerprints: Sendable {
    let site: String
    private let documents: [DocumentID: String]

    init(site: String, documents: [DocumentID: String]) {
        self.site = site
        self.documents = documents
    }

    /// No fingerprints: every memo keyed on them misses.
    static let none = DocumentFingerprints(site: "", documents: [:])

    /// `linked`: each document's linked form (`LinkMemo.linkAll`).
    init(project: LoadedProject, index: EntityIndex, linked: [DocumentID: String], drafts: Bool, root: URL) {
        var site = StableHasher()
        site.combine(BuildIdentity.current)
        let config = FileManager.default.contents(atPath: root.appendingPathComponent(SiteConfig.fileName).path) ?? Data()
        site.combine(String(decoding: config, as: UTF8.self))
        site.combine(project.config.baseURL)
        site.combine(project.config.urlStyle.rawValue)
        site.combine(drafts)
        var documents: [DocumentID: String] = [:]
        func add(_ id: DocumentID, path: String) {
            guard let source = project.sourceFingerprints[path], let link = linked[id] else { return }
            var hasher = StableHasher()
            hasher.combine(path)
            hasher.combine(source)
            hasher.combine(link)
            documents[id] = hasher.finalize()
        }
        for briefing in project.briefings { add(DocumentID(.briefing, briefing.slug), path: briefing.path) }
        for actor in index.actors { add(DocumentID(.actor, actor.slug), path: actor.path) }
        for page in project.pages { add(DocumentID(.page, page.slug), path: page.path) }
        self.init(site: site.finalize(), documents: documents)
    }

    func callAsFunction(_ id: DocumentID) -> String? { documents[id] }

    var isEmpty: Bool { documents.isEmpty }

    /// Every document's fingerprint, for the next build to compare (`PageKeying`).
    var all: [DocumentID: String] { documents }

    static func hash(_ text: String) -> String {
        var hasher = StableHasher()
        hasher.combine(text)
        return hasher.finalize()
    }
}
