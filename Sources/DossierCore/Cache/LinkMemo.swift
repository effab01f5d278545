import Foundation

/// The parse-and-link stage behind the build cache. A document's entry is keyed by
/// what linking reads of the document (its kind, slug, path, body, sources and
/// language) and of the rest of the project (dossier.yml, the link settings, which
/// document lives at which path, the Markdown and image files there are); the names
/// of the entity index are compared separately (`NameTable`), so that a changed
/// alias re-links only the documents in which an old or new name occurs, the
/// documents that link to that actor explicitly, and its own profile; a changed
/// title also re-links every document that mentions the actor (links show the title).
/// A document whose linking reported anything is re-linked after any change.
enum LinkMemo {
    /// `readsHTMLOnDemand`: the HTML and text of a document taken from the disk are read
    /// from its entry only when a page or an export asks for them (`CachedHTML`,
    /// `CachedText`); for a build that renders once, which reuses most pages unrendered. `recordsRevalidated`: entries found
    /// unaffected by a names change are recorded on disk (`RevalidatedEntries`); serve's
    /// fast path leaves that to the full build that follows it.
    static func linkAll(
        _ project: LoadedProject, index: EntityIndex, settings: LinkSettings, cache: BuildCache, root: URL, readsHTMLOnDemand: Bool = false,
        recordsRevalidated: Bool = false
    ) -> (documents: [DocumentID: LinkedDocument], diagnostics: [Diagnostic], linkedForms: [DocumentID: String]) {
        // The names beside the keys: neither needs the other.
        let namesWork = BackgroundWork { NameTable(index: index, linking: project.config.linking) }
        let projectKey = projectKey(project, index: index, settings: settings, root: root)
        let jobs = ProjectLinker.jobs(project, index: index)
        let keys = jobs.chunkedParallelMap { entryKey($0, projectKey: projectKey) }
        let names = namesWork.value
        cache.storeNames(names.key, names.entries)

        let relinker = readsHTMLOnDemand ? DocumentRelinker(project: project, index: index, settings: settings) : nil
        let pack = cache.linkedPackReader()
        // Shard by shard, so that each shard's pack is let go once read (`LinkedPackReader`)
        // and its entries are recorded under one lock (`BuildCache.links`).
        let shards = Self.shardGroups(keys)
        let namesKey = names.key
        cache.expectLinks(keys.count)
        var foundByShard = shards.parallelMap { positions in
            cache.links(positions.map { keys[$0] }, namesKey: namesKey,
                        relink: relinker.map { relinker in { index in { relinker.relinked(at: positions[index]) } } }, pack: pack)
        }
        // Moved, not copied: a copy retained and released every part of 12,000 documents.
        var found: [BuildCache.CachedLink?] = Array(repeating: nil, count: keys.count)
        for (shard, positions) in shards.enumerated() {
            for (index, position) in positions.enumerated() { swap(&found[position], &foundByShard[shard][index]) }
        }
        var entries: [BuildCache.CachedLink?] = Array(repeating: nil, count: jobs.count)
        var stale: [Int] = []
        let revalidated = cache.revalidatedEntries(namesKey: names.key)
        for position in found.indices {
            // Compared in place: taking the entry out first copied all 12,000.
            guard let namesKeyFound = found[position]?.namesKey else { continue }
            if namesKeyFound == names.key {
                swap(&entries[position], &found[position])
                continue
            }
            var entry = found[position]!
            if revalidated[keys[position]] == entry.namesKey {
                // An earlier build found it unaffected by the change from its names to these.
                entry.namesKey = names.key
                entries[position] = entry
                cache.keepInMemory(keys[position], entry)
            } else if entry.result.diagnostics.isEmpty {
                stale.append(position)
            }
        }
        reuseUnaffected(stale, found: found, names: names, caseSensitive: project.config.linking.caseSensitive,
                        keys: keys, cache: cache, signatures: pack, into: &entries)
        if recordsRevalidated {
            var stillValid: [String: String] = [:]
            for (position, entry) in entries.enumerated() {
                if let entry, entry.namesKey == names.key, entry.namesKeyOnDisk != names.key { stillValid[keys[position]] = entry.namesKeyOnDisk }
            }
            if stillValid != revalidated { cache.storeRevalidatedEntries(stillValid, namesKey: names.key) }
        }

        let missing = jobs.indices.filter { entries[$0] == nil }
        if !missing.isEmpty {
            let textSpill = settings.htmlSpill
            // Stored as each is linked, on its thread.
            let stored = ProjectLinker.linkEach(project, index: index, settings: settings, only: missing) { position, document, diagnostics in
                let result = LinkResult(document: document, diagnostics: diagnostics)
                // Not linked from the text its key names: never kept.
                guard jobs[position].body.isReadable else { return BuildCache.CachedLink(namesKey: namesKey, result: result, linkedForm: "") }
                let entry = cache.store(keys[position], namesKey: namesKey, result: result)
                // Now in its entry, the text waits in the spill file for what quotes it: at 100,000
                // briefings, spilling every text after the stage held the model stage up by 1.7 s.
                if let textSpill { document.spillText(to: textSpill) }
                return entry
            }
            for (position, entry) in zip(missing, stored) { entries[position] = entry }
        }

        // Folded in job order, as `ProjectLinker.linkAll` does. A document's linked
        // form names the result itself, not what made it: a document re-linked under
        // new names or a new project key that comes out the same keeps its name, so
        // later stages' memos keyed on it still match.
        var documents: [DocumentID: LinkedDocument] = [:]
        var diagnostics: [Diagnostic] = []
        var linkedForms: [DocumentID: String] = [:]
        documents.reserveCapacity(entries.count)
        linkedForms.reserveCapacity(entries.count)
        for position in entries.indices {
            // Taken out, so that nothing holds the entry but the document it gives.
            guard let entry = entries[position].take() else { continue }
            let id = entry.result.document.id
            documents[id] = entry.result.document
            if !entry.result.diagnostics.isEmpty { diagnostics += entry.result.diagnostics }
            linkedForms[id] = entry.linkedForm
        }
        return (documents, diagnostics, linkedForms)
    }

    /// Moves into `results` the documents linked under other names that none of the
    /// changes can affect.
    private static func reuseUnaffected(
        _ stale: [Int], found: [BuildCache.CachedLink?], names: NameTable, caseSensitive: Bool,
        keys: [String], cache: BuildCache, signatures: LinkedPackReader?, into entries: inout [BuildCache.CachedLink?]
    ) {
        var changesByTable: [String: (NameChanges, NameOccurrence)?] = [:]
        for position in stale {
            let old = found[position]!.namesKey
            if changesByTable[old] == nil {
                changesByTable[old] = .some(cache.names(old).flatMap(names.changes(since:)).map { ($0, NameOccurrence(names: $0.names, caseSensitive: caseSensitive)) })
            }
        }
        let tables = changesByTable
        let reusable = stale.parallelMap { position -> Bool in
            guard let entry = found[position], let (changes, occurrence) = tables[entry.namesKey] ?? nil else { return false }
            let document = entry.result.document
            if document.id.kind == .actor, changes.actors.contains(document.id.slug) { return false }
            // The actors it names, without decoding its mentions.
            if document.mentionedActors.contains(where: { ($0.explicit && changes.actors.contains($0.actor)) || changes.retitled.contains($0.actor) }) {
                return false
            }
            // A text its filter rules the names out of is not read (`NameSignature`).
            if let checksum = document.textChecksumInCacheEntry,
               let signature = signatures?.signature(of: keys[position], textChecksum: checksum),
               !occurrence.mayOccur(inTextWithSignature: signature) {
                return true
            }
            return !occurrence.occurs(in: document.plainText)
        }
        for (position, reuse) in zip(stale, reusable) where reuse {
            var entry = found[position]!
            entry.namesKey = names.key
            entries[position] = entry
            // Its file keeps naming the old table; the build records it as revalidated (`RevalidatedEntries`).
            cache.keepInMemory(keys[position], entry)
        }
    }

    /// The positions of `keys` by shard (`LinkedShardStamps.shard`), in shard order.
    private static func shardGroups(_ keys: [String]) -> [[Int]] {
        var byShard: [String: [Int]] = [:]
        for (position, key) in keys.enumerated() { byShard[LinkedShardStamps.shard(of: key), default: []].append(position) }
        return byShard.keys.sorted().map { byShard[$0]! }
    }

    private static func entryKey(_ job: ProjectLinker.Job, projectKey: String) -> String {
        var hasher = StableHasher()
        hasher.combine(projectKey)
        hasher.combine(job.id.kind.rawValue)
        hasher.combine(job.id.slug)
        hasher.combine(job.path)
        // The body's hash, not its text: a body from the load memo is not read for this.
        hasher.combine(job.body.fingerprint)
        hasher.combine(job.body.firstLine)
        hasher.combine(job.language?.tag)
        hasher.combine(job.sources.count)
        for source in job.sources {
            hasher.combine(source.id)
            hasher.combine(source.title)
            hasher.combine(source.publisher)
            hasher.combine(source.url)
            hasher.combine(source.date?.description)
            hasher.combine(source.location.description)
        }
        return hasher.finalize()
    }

    private static func projectKey(_ project: LoadedProject, index: EntityIndex, settings: LinkSettings, root: URL) -> String {
        // Sorted beside the documents' lines: 12,000 strings each at 10,000 briefings.
        let markdownPaths = BackgroundWork { [paths = project.markdownPaths] in paths.sorted() }
        var hasher = StableHasher()
        hasher.combine(BuildIdentity.current)
        hasher.combine(root.path)
        let config = FileManager.default.contents(atPath: root.appendingPathComponent(SiteConfig.fileName).path) ?? Data()
        hasher.combine(String(decoding: config, as: UTF8.self))
        hasher.combine(settings.mode.rawValue)
        hasher.combine(settings.urlStyle.rawValue)
        hasher.combine(project.config.allowRawHTML)
        hasher.combine(project.config.languageTag.tag)
        let documents = project.briefings.map { "b \($0.path) \($0.slug)" } + index.actors.map { "a \($0.path) \($0.slug)" }
            + project.pages.map { "p \($0.path) \($0.slug)" }
        for line in documents.sorted() { hasher.combine(line) }
        hasher.combine("markdown")
        for path in markdownPaths.value { hasher.combine(path) }
        hasher.combine("images")
        for path in project.media.images.sorted() { hasher.combine(path) }
        hasher.combine("refused")
        for path in project.media.refused.sorted() { hasher.combine(path) }
        return hasher.finalize()
    }
}
