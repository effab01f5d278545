import Foundation

/// Keys for the data files the render stage makes from many documents, each a hash
/// of exactly what its maker reads, through the documents' fingerprints
/// (`DocumentFingerprints`): a file whose key matches the previous build's manifest
/// is hard-linked from the previous output and not made at all, like a page
/// (`RenderKey`). Nil when some document it reads has no fingerprint: the file is
/// then made, which is slower but never wrong.
///
/// Each key starts with the file's name and its format version, so a change to the
/// maker that keeps its inputs still changes the key only through the binary
/// (`BuildIdentity`, in `site`); a maker that starts reading something new must add
/// it here — `AggregateMemoTests` edits each input and compares with a clean build.
enum AggregateKeys {
    /// `data/mentions/SLUG.json` (`EntitiesExport.actorMentions`): the actor's slug, its
    /// fingerprint if its profile names it (`profileNamesActor`), its mention list as its page
    /// keys it (`PageContexts.mentionListDigest`: every other document holding its
    /// mentions, in order, as others see it — a document's mentions and passages are
    /// in its view (`MentionView`), and the site order of two documents follows from
    /// their own fields) and its co-mention pairs, which the model counts from other
    /// documents and are hashed as they are. Keyed from the actor's list rather than
    /// from `model.mentions`: finding each actor's mentions there took 684,000
    /// lookups at 10,000 briefings on every build.
    static func actorMentions(
        _ slug: String, mentionList: String?, profileNamesActor: Bool, coMentions: Range<Int>, in model: SiteModel,
        fingerprints: DocumentFingerprints
    ) -> String? {
        guard !fingerprints.isEmpty, let mentionList else { return nil }
        var hasher = StableHasher()
        hasher.combine("data/mentions")
        hasher.combine(EntitiesExport.version)
        hasher.combine(fingerprints.site)
        hasher.combine(slug)
        // An alias found in no text changes the actor's fingerprint, not this file.
        hasher.combine(profileNamesActor)
        if profileNamesActor, !combine(DocumentID(.actor, slug), fingerprints, into: &hasher) { return nil }
        hasher.combine(mentionList)
        hasher.combine(coMentions.count)
        for pair in model.coMentions[coMentions] {
            hasher.combine(pair.actor)
            hasher.combine(pair.other)
            hasher.combine(pair.sameBlock)
            hasher.combine(pair.sameDocument)
        }
        return hasher.finalize()
    }

    /// The documents holding the model's mentions, each hashed once (kind, slug,
    /// fingerprint) for the keys of every actor's mentions file: hashed per actor, the
    /// 2,000 actors' keys took 0.2 s of CPU at 10,000 briefings after any edit.
    struct MentionDocuments: Sendable {
        /// Where each document's stretch of `model.mentions` starts, ascending.
        let starts: [Int]
        /// Each stretch's document: those of `ExportPassages.documents`, in the same order.
        let ids: [DocumentID]
        /// Each stretch's document hashed as others see it; nil when it has no fingerprint.
        let digests: [String?]

        /// For a build that writes neither the mentions files nor mentions.csv.
        static let none = MentionDocuments()

        private init() {
            starts = []
            ids = []
            digests = []
        }

        init(_ model: SiteModel, fingerprints: DocumentFingerprints) {
            // From the model's list of documents, without making the list of mentions (`SiteMentionList`).
            starts = model.mentionList.starts
            ids = model.mentionList.documents
            // As others see them: what a passages file reads of its document.
            digests = ids.map { id in
                var hasher = StableHasher()
                return AggregateKeys.combine(id, fingerprints, asSeen: true, into: &hasher) ? hasher.finalize() : nil
            }
        }
    }

    /// The rows of one document's mentions in `data/mentions.csv`
    /// (`CSVExport.mentionRows`): the document as others see it (its mentions, title,
    /// date, kind and slug: `MentionView`) and the site (the URL style).
    static func mentionRows(_ document: DocumentID, fingerprints: DocumentFingerprints) -> String? {
        guard !fingerprints.isEmpty else { return nil }
        var hasher = StableHasher()
        hasher.combine("data/mentions.csv rows")
        hasher.combine(CSVExport.mentionColumns.joined(separator: ","))
        hasher.combine(fingerprints.site)
        return combine(document, fingerprints, asSeen: true, into: &hasher) ? hasher.finalize() : nil
    }

    /// The search index's files (`SearchIndex.files`): every briefing, actor and page
    /// with everything it shows in results and is searched by (title, date, summary,
    /// language, tags, its actors' titles, aliases, search passages), numbered in title
    /// order; so every document, in model order.
    static func searchIndex(_ model: SiteModel, fingerprints: DocumentFingerprints) -> String? {
        guard !fingerprints.isEmpty else { return nil }
        var hasher = StableHasher()
        hasher.combine("search index")
        hasher.combine(SearchIndex.shardTargetBytes)
        hasher.combine(SearchIndex.shardMinimumBytes)
        hasher.combine(SearchIndex.shardCutSpacing)
        hasher.combine(fingerprints.site)
        let documents = model.briefings.map { DocumentID(.briefing, $0.briefing.slug) } + model.actors.map { DocumentID(.actor, $0.actor.slug) }
            + model.pages.map { DocumentID(.page, $0.page.slug) }
        hasher.combine(documents.count)
        for document in documents {
            guard combine(document, fingerprints, into: &hasher) else { return nil }
        }
        return hasher.finalize()
    }

    /// One document of the search index, whatever its number: its fingerprint (its
    /// passages are part of its linked form) and everything else it shows or is
    /// searched by, some of which comes from other documents (a briefing's keywords
    /// are its actors' titles). Documents whose key is the previous build's keep their
    /// postings from the previous term shards (`SearchIndexWriter`).
    static func searchDocument(_ document: SearchIndex.Document, fingerprints: DocumentFingerprints) -> String? {
        guard let id = document.id, !fingerprints.isEmpty else { return nil }
        var hasher = StableHasher()
        hasher.combine("search document")
        hasher.combine(fingerprints.site)
        guard combine(id, fingerprints, into: &hasher) else { return nil }
        for field in [document.title, document.url, document.kind, document.date, document.summary] { hasher.combine(field) }
        hasher.combine(document.language)
        hasher.combine(document.keywords.count)
        for keyword in document.keywords { hasher.combine(keyword) }
        return hasher.finalize()
    }

    /// `assets/search/documents/N.js`: its document, under its number.
    static func searchDocumentFile(_ documentKey: String, number: Int) -> String {
        var hasher = StableHasher()
        hasher.combine("search document file")
        hasher.combine(documentKey)
        hasher.combine(number)
        return hasher.finalize()
    }

    /// The graph exports (`GraphExportWriter`): everything `ExportGraph` is made from,
    /// as the model holds it — each actor's slug, title, kind, summary and mention
    /// count, each relation with every field an edge writes, and every co-mention pair
    /// the strongest are chosen from (their number per actor is in `dossier.yml`, in the
    /// site's fingerprint with the title and URL style). Keyed before the graph is made:
    /// choosing the strongest pairs cost more than writing both files when unchanged.
    static func graphExports(_ model: SiteModel, fingerprints: DocumentFingerprints) -> String? {
        guard !fingerprints.isEmpty else { return nil }
        var hasher = StableHasher()
        hasher.combine("data/graph")
        hasher.combine(fingerprints.site)
        hasher.combine(model.actors.count)
        for actor in model.actors {
            let value = actor.actor
            for field in [value.slug, value.title, value.kind.rawValue] { hasher.combine(field) }
            hasher.combine(value.summary)
            hasher.combine(actor.mentionCount)
        }
        hasher.combine(model.relations.count)
        for relation in model.relations {
            for field in [relation.from, relation.to, relation.type.name, relation.type.label, relation.type.inverseLabel, relation.location.path] {
                hasher.combine(field)
            }
            hasher.combine(relation.type.symmetric)
            for field in [relation.since?.text, relation.until?.text, relation.note] { hasher.combine(field) }
        }
        model.coMentions.combine(into: &hasher)
        return hasher.finalize()
    }

    /// `feed.xml` or `feed.json` (`Feeds`, named by `file`): the site (title, language,
    /// author, base URL, all in `dossier.yml`) and the newest `Feeds.limit` briefings in
    /// order, each with its fingerprint (title, dates, summary, tags, authors, language
    /// and linked body). A feed with no entries dates itself from SOURCE_DATE_EPOCH.
    static func feed(_ file: String, _ model: SiteModel, fingerprints: DocumentFingerprints) -> String? {
        guard !fingerprints.isEmpty else { return nil }
        var hasher = StableHasher()
        hasher.combine("feed")
        hasher.combine(file)
        hasher.combine(fingerprints.site)
        let entries = model.briefings.prefix(Feeds.limit)
        hasher.combine(entries.count)
        if entries.isEmpty { hasher.combine(ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]) }
        for briefing in entries {
            guard combine(DocumentID(.briefing, briefing.briefing.slug), fingerprints, into: &hasher) else { return nil }
        }
        return hasher.finalize()
    }

    /// `sitemap.xml` (`Feeds.sitemap`): every page it lists, in order, and each
    /// briefing's last date; the base URL is in the site's fingerprint.
    static func sitemap(_ pages: [SiteURLs.Page], lastModified: [SiteURLs.Page: PartialDate], urls: SiteURLs,
                        fingerprints: DocumentFingerprints) -> String? {
        guard !fingerprints.isEmpty else { return nil }
        var hasher = StableHasher()
        hasher.combine("sitemap")
        hasher.combine(fingerprints.site)
        hasher.combine(pages.count)
        for page in pages {
            hasher.combine(urls.path(page))
            hasher.combine(lastModified[page]?.isoDay)
        }
        return hasher.finalize()
    }

    /// `data/entities.json`'s actors' array (`EntitiesExport.actorsPart`): each actor's
    /// slug, title, kind, summary, aliases and mention count, as the model holds them,
    /// whether the mentions files are written (each actor's path to its own), and the
    /// site (URL style: in the site's fingerprint). Fields rather than fingerprints: a
    /// profile edit keeps the file.
    static func entitiesActors(_ model: SiteModel, fingerprints: DocumentFingerprints) -> String? {
        guard !fingerprints.isEmpty else { return nil }
        var hasher = StableHasher()
        hasher.combine("data/entities.json actors")
        hasher.combine(EntitiesExport.version)
        hasher.combine(fingerprints.site)
        hasher.combine(model.config.exports.contains(.mentions))
        hasher.combine(model.actors.count)
        for actor in model.actors {
            let value = actor.actor
            for field in [value.slug, value.title, value.kind.rawValue] { hasher.combine(field) }
            hasher.combine(value.summary)
            hasher.combine(value.aliases.count)
            for alias in value.aliases { hasher.combine(alias.value) }
            hasher.combine(actor.mentionCount)
        }
        return hasher.finalize()
    }

    /// The rest of `data/entities.json` (`EntitiesExport.restPart`): each briefing's
    /// slug, title, date, tags and actors; each event; each relation; and the site
    /// (base URL, title, URL style: in the site's fingerprint). Fields rather than
    /// fingerprints: a body edit that adds or removes no mention keeps it. Hashing
    /// them costs a few milliseconds at 10,000 briefings, writing the 6 MB about 60.
    static func entitiesRest(_ model: SiteModel, fingerprints: DocumentFingerprints) -> String? {
        guard !fingerprints.isEmpty else { return nil }
        var hasher = StableHasher()
        func combine(_ texts: [String]) {
            hasher.combine(texts.count)
            for text in texts { hasher.combine(text) }
        }
        hasher.combine("data/entities.json rest")
        hasher.combine(EntitiesExport.version)
        hasher.combine(fingerprints.site)
        hasher.combine(model.briefings.count)
        // Read in place: copying each briefing's model out of the array (a dozen
        // references retained and released) was half of this key's cost.
        model.briefings.withUnsafeBufferPointer { briefings in
            for index in briefings.indices {
                for field in [briefings[index].briefing.slug, briefings[index].briefing.title, briefings[index].briefing.date.text] {
                    hasher.combine(field)
                }
                combine(briefings[index].briefing.tags)
                combine(briefings[index].principalActors)
                combine(briefings[index].secondaryActors)
            }
        }
        hasher.combine(model.timeline.count)
        for entry in model.timeline {
            let event = entry.event
            for field in [entry.anchor, entry.origin.description, event.date.text, event.title] { hasher.combine(field) }
            combine(event.actors.map(\.value))
            hasher.combine(event.place?.value)
            hasher.combine(event.source)
        }
        hasher.combine(model.relations.count)
        for relation in model.relations {
            for field in [relation.from, relation.to, relation.type.name, relation.type.label, relation.type.inverseLabel] { hasher.combine(field) }
            hasher.combine(relation.type.symmetric)
            for field in [relation.note, relation.since?.text, relation.until?.text] { hasher.combine(field) }
            if let source = relation.source {
                hasher.combine(true)
                for field in [source.date?.text, source.id, source.publisher, source.title, source.url] { hasher.combine(field) }
            } else {
                hasher.combine(false)
            }
        }
        return hasher.finalize()
    }

    /// `data/entities.json` whole: its two parts' keys.
    static func entities(actors: String, rest: String) -> String {
        var hasher = StableHasher()
        hasher.combine("data/entities.json")
        hasher.combine(actors)
        hasher.combine(rest)
        return hasher.finalize()
    }

    /// The key of one of the `count` files of a group made under `key`: with the
    /// count in every file's key, a group with a file missing from the manifest is
    /// never taken for a whole one.
    static func member(_ key: String, _ path: String, of count: Int) -> String {
        var hasher = StableHasher()
        hasher.combine(key)
        hasher.combine(path)
        hasher.combine(count)
        return hasher.finalize()
    }

    /// `asSeen`: the document as others see it (`DocumentFingerprints.asSeen`), not its whole fingerprint.
    private static func combine(
        _ document: DocumentID, _ fingerprints: DocumentFingerprints, asSeen: Bool = false, into hasher: inout StableHasher
    ) -> Bool {
        guard let fingerprint = asSeen ? fingerprints.asSeen(document) : fingerprints(document) else { return false }
        hasher.combine(document.kind.rawValue)
        hasher.combine(document.slug)
        hasher.combine(fingerprint)
        return true
    }
}
