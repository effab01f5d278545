import Foundation

/// Each document of a table of mention sources (`MentionSources`) with its description
/// and its fingerprint as others see it (`DocumentFingerprints.asSeen`), by its position
/// in the table, and each actor as others see it and its slug's rank by its position in
/// the model: made once per build, and read by the inputs keys (`PageContexts+Inputs`)
/// by position.
///
/// Like `PageContexts.mentionListDigests`, it is made from the fingerprints of the
/// build's render: one set of fingerprints per `PageContexts`.
final class SeenDocuments: @unchecked Sendable {
    struct Document: Sendable {
        let description: String
        let fingerprint: String
    }

    /// Lists shorter than this read the fingerprints directly: a rebuild that keys one
    /// actor's pages should not make the table of every document of the site.
    static let listLengthWorthTheTable = 256

    private let lock = NSLock()
    /// The tables made, each with the table of sources it was made for: a built model
    /// has one, shared by every actor. Holding the sources keeps their identity.
    private var tables: [(sources: MentionSources, documents: [Document?])] = []

    private var actors: [String?]?
    private var ranks: [Int32]?

    /// Each actor of `model`, by its position, as `fingerprints` sees it (`asSeen`);
    /// made the first time it is asked for.
    func actors(of model: SiteModel, _ fingerprints: DocumentFingerprints) -> [String?] {
        lock.lock()
        defer { lock.unlock() }
        if let actors { return actors }
        let made = model.actors.indices.map { fingerprints.asSeen(DocumentID(.actor, model.actors[$0].actor.slug)) }
        actors = made
        return made
    }

    /// Each actor of `model`'s rank, by its position, among the actors sorted by slug
    /// (`String`'s order; equal slugs in model order): a page sorts the actors it
    /// shows by these numbers instead of comparing their slugs. Made the first time
    /// it is asked for.
    func slugRanks(of model: SiteModel) -> [Int32] {
        lock.lock()
        defer { lock.unlock() }
        if let ranks { return ranks }
        let slugs = model.actors.indices.map { model.actors[$0].actor.slug }
        let order = slugs.indices.sorted { slugs[$0] < slugs[$1] || (slugs[$0] == slugs[$1] && $0 < $1) }
        var made = [Int32](repeating: 0, count: slugs.count)
        for (rank, position) in order.enumerated() { made[position] = Int32(rank) }
        ranks = made
        return made
    }

    /// `sources`' documents as `fingerprints` sees them, made the first time it is asked
    /// for (under the lock: the other jobs wait rather than make it again); nil for a
    /// document without a fingerprint.
    func table(of sources: MentionSources, _ fingerprints: DocumentFingerprints) -> [Document?] {
        lock.lock()
        defer { lock.unlock() }
        if let made = tables.first(where: { $0.sources === sources }) { return made.documents }
        let documents = sources.documents.map { id in
            fingerprints.asSeen(id).map { Document(description: id.description, fingerprint: $0) }
        }
        tables.append((sources, documents))
        return documents
    }
}
