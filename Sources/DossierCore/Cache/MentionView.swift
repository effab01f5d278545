/// A document "as others see it": a digest of exactly what the files made from other
/// documents read of it — its actors' pages, their "Mentioned in" pages and infobox,
/// the pages showing its events, each actor's `data/mentions/SLUG.json`, its rows of
/// `data/mentions.csv` and its own `data/passages/KIND/SLUG.json`:
///
/// - its kind and slug (its URL follows from them and the site), title, date and
///   language as written (the site's language is in every key through the site);
/// - an actor's kind and summary: with its slug, title and language, all that its
///   chips, mention links and picture nodes show of it on other pages
///   (`PageContexts.actorChip`, `MentionLinks`, `Pictures`). Its aliases, sources,
///   params and profile text show only on its own page and files, the actors index,
///   the search index and `data/entities.json`, which key on its whole fingerprint or
///   on the fields themselves; the relations it declares show at their other ends,
///   which key on them as the model holds them (`ActorPageRekeying.shape`);
/// - a briefing's actors in front matter, as written (the infobox, the actors reached);
/// - the events it declares, as written (title, date, actors, place, source);
/// - its passages (`ExportPassages`: each one's position, anchor, section and text)
///   and each mention in reading order: actor, anchor, section, name as written,
///   flags, marks, and where its snippet lies in its passage.
///
/// Values the model derives from other documents (an event's anchor and timeline page,
/// mention counts, co-mention pairs, the order of a mention list, which actors exist)
/// are not in it: the keys that read them hash them as computed, and adding or removing
/// an actor keys every page. So the view is a function of the
/// document alone, and a document whose fingerprint is unchanged keeps the view the
/// previous build recorded (`DocumentFingerprints.withMentionViews`): only changed and
/// new documents are read. A body edit outside every passage changes the fingerprint,
/// not the view, and reaches no actor (`ActorPageRekeying`).
enum MentionView {
    /// Changes when the view reads something new: every view recorded before is then
    /// another, and whatever read it is made again.
    static let version = 3

    /// The views of `ids`, each from its model values and its stretch of the site's
    /// mentions; in parallel, since a build without a previous record reads every document.
    static func digests(of ids: [DocumentID], contexts: PageContexts) -> [DocumentID: String] {
        guard !ids.isEmpty else { return [:] }
        let model = contexts.model
        let list = model.mentionList
        let wanted = Set(ids)
        var stretchOf: [DocumentID: Range<Int>] = [:]
        for (index, id) in list.documents.enumerated() where wanted.contains(id) {
            stretchOf[id] = list.positions(ofStretch: index)
        }
        var eventsOf: [DocumentID: [TimelineEvent]] = [:]
        for index in model.timeline.indices where wanted.contains(model.timeline[index].origin) {
            eventsOf[model.timeline[index].origin, default: []].append(model.timeline[index])
        }
        let stretches = stretchOf, declared = eventsOf
        let views = ids.parallelMap { id in
            digest(of: id, contexts: contexts, mentions: stretches[id] ?? 0..<0, events: declared[id] ?? [])
        }
        return Dictionary(uniqueKeysWithValues: zip(ids, views))
    }

    /// `mentions`: the document's stretch of `model.mentionList`; `events`: those it
    /// declares, in timeline order. 16 hex digits: a view is compared only with the
    /// same document's previous one, and 64 bits keep the record small.
    static func digest(of id: DocumentID, contexts: PageContexts, mentions: Range<Int>, events: [TimelineEvent]) -> String {
        var hasher = StableHasher()
        func combine(_ texts: [String]) {
            hasher.combine(texts.count)
            for text in texts { hasher.combine(text) }
        }
        hasher.combine("mention view")
        hasher.combine(version)
        hasher.combine(id.kind.rawValue)
        hasher.combine(id.slug)
        switch id.kind {
        case .briefing:
            let briefing = contexts.briefingsBySlug[id.slug]
            hasher.combine(briefing != nil)
            if let briefing {
                hasher.combine(briefing.briefing.title)
                hasher.combine(briefing.briefing.date.text)
                hasher.combine(briefing.briefing.language?.tag)
                // As written: the model's lists leave out actors that do not exist, and
                // a view must not change with the set of actors (`secondaryActors`
                // follows from these and the mentions).
                combine(briefing.briefing.actors.map(\.value))
            }
        case .actor:
            let actor = contexts.actorsBySlug[id.slug]?.actor
            hasher.combine(actor != nil)
            hasher.combine(actor?.title)
            hasher.combine(actor?.language?.tag)
            hasher.combine(actor?.kind.rawValue)
            hasher.combine(actor?.summary)
        case .page:
            let page = contexts.pagesBySlug[id.slug]?.page
            hasher.combine(page != nil)
            hasher.combine(page?.title)
            hasher.combine(page?.language?.tag)
        }
        hasher.combine(events.count)
        for item in events {
            let event = item.event
            hasher.combine(event.date.text)
            hasher.combine(event.title)
            combine(event.actors.map(\.value))
            hasher.combine(event.place?.value)
            hasher.combine(event.source)
        }
        combineMentions(mentions, of: contexts.model.mentionList, into: &hasher)
        return String(hasher.finalize().prefix(16))
    }

    /// The passages as the export groups them, and each mention with its place in its
    /// passage: the snippets (a range of the passage's text), the passages file, the
    /// mentions files' entries and the CSV rows all follow from these.
    /// The stretch is read from the list once, as its document's slice: each read of
    /// the list takes its lock and finds the mention's document. A linked document's
    /// compact mentions are read by their places (`CompactMentionView`); others, made
    /// on their own, as `Mention`s.
    private static func combineMentions(_ range: Range<Int>, of list: SiteMentionList, into hasher: inout StableHasher) {
        hasher.combine(range.count)
        guard !range.isEmpty else { return }
        let slice = list.slice(range)
        if let compact = CompactMentionView(slice) {
            compact.combine(into: &hasher)
            return
        }
        let stretch = Array(slice)
        let start = range.lowerBound
        let table = ExportPassages(range: range) { stretch[$0 - start] }
        let firsts = table.passages.map { stretch[Int($0.first) - start] }
        let sources = firsts.map(\.quotedSnippet.quoting)
        combinePassages(table, sources: sources, firsts: firsts, into: &hasher)
        for position in range {
            let mention = stretch[position - start]
            let index = table.passage(ofMention: position)
            let passage = table.passages[index]
            let snippet = mention.quotedSnippet
            hasher.combine(mention.actor)
            hasher.combine(mention.text)
            hasher.combine(mention.anchor)
            hasher.combine(mention.section)
            hasher.combine(mention.linked)
            hasher.combine(mention.explicit)
            hasher.combine(snippet.cutBefore)
            hasher.combine(snippet.cutAfter)
            hasher.combine(index)
            hasher.combine(snippet.bytes.lowerBound - Int(passage.lower))
            hasher.combine(snippet.bytes.upperBound - Int(passage.lower))
            // A snippet quoting another text than its passage's is hashed as it reads.
            if !isSame(snippet.quoting, sources[index]) {
                snippet.quoting.withBytes(snippet.bytes) { bytes, _ in hasher.combine(bytes: UnsafeRawBufferPointer(bytes)) }
            }
            // The snippet's match, then the others: one list as the view has always read it.
            let others = mention.otherMatches
            hasher.combine(1 + others.count)
            hasher.combine(mention.snippetMatch.lowerBound)
            hasher.combine(mention.snippetMatch.upperBound)
            for match in others {
                hasher.combine(match.lowerBound)
                hasher.combine(match.upperBound)
            }
        }
    }

    /// Each passage's position, anchor, section and text; `firsts`: each passage's first mention. The passages quoting the
    /// document's text are read in one stretch: a text still in its cache entry is read
    /// whole on every quote, and a spilled one once per read.
    private static func combinePassages(
        _ table: ExportPassages, sources: [QuotedSource], firsts: [Mention], into hasher: inout StableHasher
    ) {
        let text = sources.lazy.compactMap { source -> SpillableText? in
            if case .document(let text) = source { return text }
            return nil
        }.first
        var hull: Range<Int>?
        for (passage, source) in zip(table.passages, sources) where text != nil && isSame(source, .document(text!)) {
            let bytes = Int(passage.lower)..<Int(passage.upper)
            hull = hull.map { min($0.lowerBound, bytes.lowerBound)..<max($0.upperBound, bytes.upperBound) } ?? bytes
        }
        func passageBytes(_ passage: ExportPassages.Passage, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UnsafeRawBufferPointer {
            let local = (Int(passage.lower) - start)..<max(Int(passage.lower) - start, Int(passage.upper) - start)
            return UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[local.clamped(to: 0..<bytes.count)]))
        }
        hasher.combine(table.passages.count)
        func combineAll(_ documentBytes: UnsafeBufferPointer<UInt8>, _ start: Int) {
            for ((passage, source), first) in zip(zip(table.passages, sources), firsts) {
                hasher.combine(Int(passage.ordinal))
                hasher.combine(first.anchor)
                hasher.combine(first.section)
                hasher.combine(Int(passage.upper - passage.lower))
                if let text, isSame(source, .document(text)) {
                    hasher.combine(bytes: passageBytes(passage, in: documentBytes, from: start))
                } else {
                    source.withBytes(Int(passage.lower)..<Int(passage.upper)) { bytes, start in
                        hasher.combine(bytes: passageBytes(passage, in: bytes, from: start))
                    }
                }
            }
        }
        if let text, let hull {
            text.withBytes(hull) { bytes, start in combineAll(bytes, start) }
        } else {
            combineAll(UnsafeBufferPointer(start: nil, count: 0), 0)
        }
    }

    /// Whether two sources are the same document text (by identity: one document's
    /// mentions share it); an own string is never taken for another.
    private static func isSame(_ source: QuotedSource, _ other: QuotedSource) -> Bool {
        if case .document(let left) = source, case .document(let right) = other { return left === right }
        return false
    }
}
