import Foundation
import DossierMarkdown

public struct LinkSettings: Sendable, Hashable {
    public var mode: LinkingMode
    public var urlStyle: URLStyle
    /// Where a build that runs once in its process (`dossier build`) moves each
    /// document's HTML as soon as it is linked, rather than after every document is
    /// (`DocumentLifetimes.swift`). Not a setting of the links: left out of equality.
    var htmlSpill: HTMLSpillFile?

    public init(mode: LinkingMode = .first, urlStyle: URLStyle = .disk) {
        self.mode = mode
        self.urlStyle = urlStyle
    }

    public static func == (lhs: LinkSettings, rhs: LinkSettings) -> Bool { lhs.mode == rhs.mode && lhs.urlStyle == rhs.urlStyle }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(mode)
        hasher.combine(urlStyle)
    }
}

/// Finds mentions in one parsed document, links them, names its blocks and
/// renders it. The document is consumed: it is rewritten in place.
public enum DocumentLinker {
    public static func link(
        _ document: MarkdownDocument, id: DocumentID, path: String, body: Body,
        index: EntityIndex, settings: LinkSettings, proseLineCount: Int = .max, actorFileLinks: [Int: ActorFileLink] = [:]
    ) -> (document: LinkedDocument, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []

        var namer = AnchorNamer()
        var anchors: [Int: String] = [:]
        // Nested blocks often share one text (a quote, its quote, its paragraph): name it once.
        struct NamedText: Hashable { var kind: MarkdownBlock.Kind; var range: Range<Int> }
        var bases: [NamedText: String] = [:]
        for block in document.blocks {
            let key = NamedText(kind: block.kind, range: block.plainTextScalars.indices)
            let base = bases[key] ?? AnchorNamer.base(for: block.kind, text: block.plainTextScalars)
            bases[key] = base
            anchors[block.index] = namer.unique(base)
        }

        struct Found {
            var actor: Int
            var blockIndex: Int?
            var offset: Int
            var text: String
            /// `text`'s length in Unicode scalars.
            var length: Int
            var explicit: Bool
            var run: Int?
            var start: Int
            var end: Int
            var tableRow: Range<Int>?
            var linked = false
        }
        var found: [Found] = []

        // `[text](@iran)`, or `[text](../actors/iran.md)` as GitHub previews it: explicit either way.
        for link in document.links where link.url.hasPrefix("@") || actorFileLinks[link.index] != nil {
            let fileLink = actorFileLinks[link.index]
            let slug = fileLink?.slug ?? String(link.url.dropFirst())
            guard let position = index.position(of: slug) else {
                diagnostics.append(.error(
                    "unknown actor '\(slug)' in link '[\(link.text)](\(link.url))'\(index.actorSuggestion.didYouMean(slug))",
                    at: body.location(path: path, line: link.line, column: link.column)))
                continue
            }
            document.setLinkDestination(
                link.index, url: ActorLinkPlaceholder.url(for: slug, style: settings.urlStyle) + (fileLink?.suffix ?? ""))
            // A footnote is a citation: the author's link stays, but it is not a mention.
            guard !link.isInFootnote else { continue }
            found.append(Found(actor: position, blockIndex: link.blockIndex, offset: link.offsetInBlock, text: link.text,
                               length: link.text.unicodeScalars.count, explicit: true, run: nil, start: 0, end: 0,
                               tableRow: link.tableRow, linked: true))
        }

        // The scalars of each run with a name in it, read once for the names and the rewrite below.
        var runScalars: [Int: ArraySlice<Unicode.Scalar>] = [:]
        // Text past the prose is the notes made from sources, and footnotes are citations:
        // a publisher or a title there is not the subject being written about.
        for run in document.textRuns where run.isLinkable && !run.isInFootnote && run.line <= proseLineCount {
            // The matcher reads a line break as a space, as the block's text has it.
            let matches = run.plainTextScalars.map { index.matcher.matches(in: $0) } ?? index.matcher.matches(in: run.text)
            guard !matches.isEmpty else { continue }
            let scalars = PlainText.scalars(of: run)
            runScalars[run.index] = scalars
            for match in matches where match.owner != EntityIndex.ignoredOwner {
                let text = PlainText.string(scalars[(scalars.startIndex + match.start)..<(scalars.startIndex + match.end)])
                found.append(Found(actor: match.owner, blockIndex: run.blockIndex, offset: run.offsetInBlock + match.start,
                                   text: text, length: match.end - match.start, explicit: false, run: run.index,
                                   start: match.start, end: match.end, tableRow: run.tableRow))
            }
        }

        // Reading order decides which mention is "first".
        found.sort { ($0.blockIndex ?? -1, $0.offset) < ($1.blockIndex ?? -1, $1.offset) }
        var linkedActors: Set<Int> = []
        // An actor's own profile never links to itself.
        let ownActor = id.kind == .actor ? index.position(of: id.slug) : nil
        for position in found.indices {
            let actor = found[position].actor
            if found[position].explicit {
                linkedActors.insert(actor)
                continue
            }
            guard actor != ownActor else { continue }
            switch settings.mode {
            case .all: found[position].linked = true
            case .none: break
            case .first: found[position].linked = linkedActors.insert(actor).inserted
            }
        }

        var runsToRewrite: [Int: [Found]] = [:]
        for item in found where item.linked && !item.explicit {
            runsToRewrite[item.run!, default: []].append(item)
        }
        var replacements: [(run: Int, segments: [InlineSegment])] = []
        for run in document.textRuns where runsToRewrite[run.index] != nil {
            let scalars = runScalars[run.index] ?? PlainText.scalars(of: run)
            let base = scalars.startIndex
            var segments: [InlineSegment] = []
            var cursor = 0
            for item in runsToRewrite[run.index]!.sorted(by: { $0.start < $1.start }) {
                if item.start > cursor {
                    segments.append(.text(PlainText.string(scalars[(base + cursor)..<(base + item.start)])))
                }
                let slug = index.actors.withElement(at: item.actor) { $0.slug }
                segments.append(.link(url: ActorLinkPlaceholder.url(for: slug, style: settings.urlStyle),
                                      // No title: it repeated the link text; the page's mention preview names the actor.
                                      title: "", text: item.text))
                cursor = item.end
            }
            if cursor < scalars.count { segments.append(.text(PlainText.string(scalars[(base + cursor)...]))) }
            replacements.append((run.index, segments))
        }
        document.replaceTextRuns(replacements)

        let sections = PassageSections.headings(of: document.blocks)
        let topLevel = document.blocks.filter { $0.parentIndex == nil }.map(\.plainTextScalars)
        let text = DocumentText(topLevel: topLevel)
        // The same actor's other mentions in a block are marked in its passage too.
        struct BlockActor: Hashable { var block: Int; var actor: Int }
        // In reading order, as `found` is sorted.
        var offsetsByBlockActor: [BlockActor: [Range<Int>]] = [:]
        for item in found {
            guard let block = item.blockIndex else { continue }
            offsetsByBlockActor[BlockActor(block: block, actor: item.actor), default: []]
                .append(item.offset..<(item.offset + item.length))
        }
        // Made compact here, over the text object the document will hold (`LinkedDocument.init`
        // finds them shared already): making each mention wide first, then reading it back
        // and hashing its strings to share them, cost about as much as finding the names.
        let textStorage = SpillableText(text.string)
        var builder = CompactMentionsBuilder(document: id, text: textStorage, sameAs: text.string)
        for item in found {
            let length = item.length
            let cut: SnippetCut
            let quoted: MentionSnippet
            var base = 0
            if let block = item.blockIndex {
                var slice = document.blocks[block].plainTextScalars
                // In a table the row is the passage: the whole table flattened reads as nonsense.
                if let row = item.tableRow, row.contains(item.offset) || row.upperBound == item.offset {
                    slice = slice[(slice.startIndex + row.lowerBound)..<(slice.startIndex + row.upperBound)]
                    base = row.lowerBound
                }
                cut = Snippet.cut(slice, start: item.offset - base, length: length)
                let window = slice[(slice.startIndex + cut.window.lowerBound)..<(slice.startIndex + cut.window.upperBound)]
                quoted = MentionSnippet(source: text.string, bytes: text.bytes(of: window), cutBefore: cut.cutBefore, cutAfter: cut.cutAfter)
            } else {
                let passage = Snippet.passage(item.text, start: 0, length: length)
                cut = SnippetCut(window: passage.window, cutBefore: false, cutAfter: false, match: passage.match, shift: passage.shift)
                quoted = MentionSnippet(passage.text)
            }
            var matches = [cut.match]
            if let block = item.blockIndex, let ranges = offsetsByBlockActor[BlockActor(block: block, actor: item.actor)] {
                // Only the few names inside the snippet's window: a paragraph of a million
                // names must not cost a million steps per mention.
                let windowStart = cut.window.lowerBound + base, windowEnd = cut.window.upperBound + base
                var low = 0, high = ranges.count
                while low < high {
                    let middle = (low + high) / 2
                    if ranges[middle].lowerBound < windowStart { low = middle + 1 } else { high = middle }
                }
                for range in ranges[low...] {
                    guard range.lowerBound < windowEnd else { break }
                    guard let placed = cut.place((range.lowerBound - base)..<(range.upperBound - base)),
                          !matches.contains(where: { $0.overlaps(placed) }) else { continue }
                    matches.append(placed)
                }
            }
            // The slug read where the actor lies: `index.actors[item.actor].slug` copied the
            // whole `Actor` for each of the 100,000-briefing build's seven million mentions.
            builder.add(MentionFields(
                actor: index.actors.withElement(at: item.actor) { $0.slug }, document: id, anchor: item.blockIndex.flatMap { anchors[$0] },
                text: item.text, snippet: quoted, linked: item.linked, explicit: item.explicit,
                snippetMatch: cut.match, otherMatches: matches.dropFirst().sorted { $0.lowerBound < $1.lowerBound },
                section: item.blockIndex.flatMap { sections[$0] }), actor: item.actor, block: item.blockIndex)
        }
        let mentions = builder.mentions

        let tableOfContents = document.blocks.compactMap { block -> TableOfContentsEntry? in
            guard case .heading(let level) = block.kind, (2...4).contains(level), let anchor = anchors[block.index] else { return nil }
            return TableOfContentsEntry(level: level, title: block.plainText, anchor: anchor)
        }
        let linked = LinkedDocument(
            id: id, html: FootnotesHeading.insert(into: document.renderHTML(blockIDs: anchors)), tableOfContents: tableOfContents, mentions: mentions,
            plainText: text.string, wordCount: text.wordCount,
            searchPassages: SearchPassages.passages(of: document.blocks, anchors: anchors, text: text))
        return (linked, diagnostics)
    }
}
