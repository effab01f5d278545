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

    /// The document as others see it (`MentionView`): what a file made from many
    /// documents keys on, in place of the whole fingerprint; the fingerprint when the
    /// build records no views.
    func asSeen(_ id: DocumentID) -> String? {
        guard let record = documents[id] else { return nil }
        return Self.view(ofRecord: record).map(String.init) ?? record
    }

    /// Whether others may see the document `id` otherwise than in the build that made
    /// `previous`: true unless both builds recorded its view, under the same site, and
    /// the two are equal.
    func viewChanged(_ id: DocumentID, since previous: PageKeying?) -> Bool {
        guard let previous, previous.viewsRead == site, let record = documents[id], let view = Self.view(ofRecord: record),
              let before = previous.documents[id], let previousView = Self.view(ofRecord: before) else { return true }
        return view != previousView
    }

    /// Each document's fingerprint followed by its view (`MentionView`), so the view is
    /// in every key over the fingerprint and in the render manifest's record of them
    /// (`PageKeying`), at 17 bytes a document and no table of its own. A document whose
    /// fingerprint is the one `previous` recorded, under the same site (binary, config),
    /// keeps that record, its view unread; the others (changed, new, or with no record:
    /// a first, damaged or older one) are read from the model.
    func withMentionViews(_ contexts: PageContexts, previous: PageKeying?) -> DocumentFingerprints {
        guard !documents.isEmpty else { return self }
        let recorded = previous?.viewsRead == site ? previous?.documents ?? [:] : [:]
        var records: [DocumentID: String] = [:]
        records.reserveCapacity(documents.count)
        var unread: [DocumentID] = []
        for (id, fingerprint) in documents {
            if let before = recorded[id], Self.record(before, holdsViewOf: fingerprint) {
                records[id] = before
            } else {
                unread.append(id)
            }
        }
        for (id, view) in MentionView.digests(of: unread, contexts: contexts) {
            records[id] = documents[id]! + Self.viewSeparator + view
        }
        return DocumentFingerprints(site: site, documents: records)
    }

    private static let viewSeparator = "/"

    /// Whether `record` is `fingerprint`, the separator and a view: compared as bytes,
    /// for 12,000 records at 10,000 briefings on every build.
    private static func record(_ record: String, holdsViewOf fingerprint: String) -> Bool {
        let bytes = record.utf8, prefix = fingerprint.utf8
        guard bytes.count > prefix.count + 1, bytes.starts(with: prefix) else { return false }
        return bytes[bytes.index(bytes.startIndex, offsetBy: prefix.count)] == UInt8(ascii: "/")
    }

    private static func view(ofRecord record: String) -> Substring? {
        guard let separator = record.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        let view = record[record.utf8.index(after: separator)...]
        return view.isEmpty ? nil : view
    }

    var isEmpty: Bool { documents.isEmpty }

    /// Every document's fingerprint, for the next build to compare (`PageKeying`).
    var all: [DocumentID: String] { documents }

    static func hash(_ text: String) -> String {
        var hasher = StableHasher()
        hasher.combine(text)
        return hasher.finalize()
    }
}
