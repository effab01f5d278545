import Foundation

/// What a build's page inputs keys were computed under, kept in the render manifest
/// beside the pages: what every page reads (the templates, the site, the navigation)
/// and every document's fingerprint. The next build compares its own with it to find
/// the documents that changed, and keys again only the pages that can read one of
/// them (`BriefingPageRekeying`); the others keep their previous key.
struct PageKeying: Sendable, Equatable {
    /// The templates' fingerprint, the site's, and every free page's in the navigation.
    var common: String
    var documents: [DocumentID: String]
    /// Each actor page's shape and "Mentioned in" page count (`ActorPageRekeying`).
    var actors: [String: ActorPageKeying] = [:]
    /// The site's fingerprint the documents' views (`MentionView`) were read under: a
    /// view is kept for an unchanged document only under the same binary and config.
    var viewsRead = ""

    /// The documents whose fingerprint differs from `previous`'s; nil when the two
    /// builds' keys cannot be compared document by document (something every page
    /// reads changed, or a document was added or removed).
    func changedDocuments(since previous: PageKeying?) -> Set<DocumentID>? {
        guard let previous, previous.common == common, previous.documents.count == documents.count else { return nil }
        var changed: Set<DocumentID> = []
        for (id, fingerprint) in documents {
            guard let before = previous.documents[id] else { return nil }
            if before != fingerprint { changed.insert(id) }
        }
        return changed
    }
}

/// What an actor page's key depends on beyond the documents' fingerprints, kept per
/// actor so the next build can tell which actors' pages a change reaches without
/// reading their mention lists (`ActorPageRekeying`).
struct ActorPageKeying: Sendable, Equatable {
    /// `ActorPageRekeying.shape`: counts, relations, events and their timeline pages.
    var shape: String
    /// How many pages its "Mentioned in" takes (1: no later pages).
    var mentionPages: Int
}

extension CacheEncoder {
    mutating func pageKeying(_ keying: PageKeying?) {
        guard let keying else { return int(0) }
        int(1)
        string(keying.common)
        array(keying.documents.keys.sorted()) { encoder, id in
            encoder.string(id.kind.rawValue)
            encoder.string(id.slug)
            encoder.string(keying.documents[id]!)
        }
        array(keying.actors.keys.sorted()) { encoder, slug in
            let actor = keying.actors[slug]!
            encoder.string(slug)
            encoder.string(actor.shape)
            encoder.int(actor.mentionPages)
        }
        string(keying.viewsRead)
    }
}

extension CacheDecoder {
    mutating func pageKeying() throws -> PageKeying? {
        guard try int() == 1 else { return nil }
        let common = try string()
        let pairs = try array { decoder -> (DocumentID, String) in
            guard let kind = DocumentID.Kind(rawValue: try decoder.string()) else { throw Malformed() }
            return (DocumentID(kind, try decoder.string()), try decoder.string())
        }
        guard Set(pairs.map(\.0)).count == pairs.count else { throw Malformed() }
        let actors = try array { decoder -> (String, ActorPageKeying) in
            let slug = try decoder.string(), shape = try decoder.string(), mentionPages = try decoder.int()
            guard mentionPages >= 1 else { throw Malformed() }
            return (slug, ActorPageKeying(shape: shape, mentionPages: mentionPages))
        }
        guard Set(actors.map(\.0)).count == actors.count else { throw Malformed() }
        return PageKeying(common: common, documents: Dictionary(uniqueKeysWithValues: pairs), actors: Dictionary(uniqueKeysWithValues: actors),
                          viewsRead: try string())
    }
}
