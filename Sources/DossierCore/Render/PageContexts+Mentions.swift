extension PageContexts {
    /// Passages shown for each document before the rest fold into `<details>`.
    static let passagesShownPerDocument = 3

    /// "Mentioned in" on an actor page: one section per kind of document (briefings,
    /// actor profiles, pages), each document with its first passages and the rest folded.
    /// `documents` selects the documents of one page of the list (all by default).
    func mentionSections(_ actor: ActorModel, documents: Range<Int>? = nil, on page: SiteURLs.Page) -> [Context] {
        let kinds: [(DocumentID.Kind, String)] = [(.briefing, "Briefings"), (.actor, "Actor profiles"), (.page, "Pages")]
        let listed = actor.mentionsByDocument[documents ?? actor.mentionsByDocument.indices]
        return kinds.compactMap { kind, label -> Context? in
            let groups = listed.filter { $0.document.kind == kind }
            guard !groups.isEmpty else { return nil }
            return ["label": label, "kind": kind.rawValue, "groups": groups.map { mentionGroup($0.document, $0.mentions, on: page) }]
        }
    }

    private func mentionGroup(_ document: DocumentID, _ mentions: [Mention], on page: SiteURLs.Page) -> Context {
        let language = language(of: page)
        let link = mentionHeadings.document(DocumentLinkKey(id: document, rootPrefix: urls.rootPrefix(from: page), language: language)) {
            documentLink(document, from: page)
        }
        let documentURL = link["url"] as? String ?? ""
        // Two mentions in one paragraph would show the same passage twice.
        var seenAnchors: Set<String> = []
        let listed = mentions.filter { seenAnchors.insert($0.anchor ?? $0.snippet).inserted }
        let snippets = listed.map(Self.markedSnippetHTML)
        func url(_ mention: Mention) -> String { documentURL + (mention.anchor.map { "#" + $0 } ?? "") }
        let shownCount = min(listed.count, Self.passagesShownPerDocument)
        var group = Context(minimumCapacity: 16)
        if passageLists.listValuesMayBeRead {
            let passages = listed.indices.map { index -> Context in
                let mention = listed[index]
                var passage: Context = ["snippet_html": snippets[index], "section": optional(mention.section), "url": url(mention)]
                if includesSnippetSegments { passage["segments"] = Self.markedSegments(mention) }
                return passage
            }
            group["passages"] = Array(passages.prefix(shownCount))
            group["more_passages"] = Array(passages.dropFirst(shownCount))
        }
        if passageLists.isActive {
            let langDir = link["lang_dir_html"] as? String ?? ""
            for (key, range) in [("passages_html", 0..<shownCount), ("more_passages_html", shownCount..<listed.count)] {
                var html = ""
                for index in range {
                    PassageLists.append(url: url(listed[index]), langDirHTML: langDir, section: listed[index].section, snippetHTML: snippets[index], to: &html)
                }
                group[key] = html
            }
        }
        let passageCount = listed.count, foldedCount = listed.count - shownCount
        let count = mentionHeadings.count(.init(mentions: mentions.count, passages: passageCount, language: language)) {
            ["count": number(mentions.count, on: page),
             "count_label": DisplayFormat.count(mentions.count, "mention", in: language)
                 + (passageCount == mentions.count ? "" : " in " + DisplayFormat.count(passageCount, "passage", in: language))]
        }
        group.merge(link) { own, _ in own }
        group.merge(count) { own, _ in own }
        group["has_more_passages"] = foldedCount > 0
        group["more_label"] = DisplayFormat.count(foldedCount, "more passage", in: language)
        return group
    }

    /// The snippet cut into plain and marked pieces: every name of the actor it quotes is marked.
    static func markedSegments(_ mention: Mention) -> [Context] {
        let scalars = Array(mention.snippet.unicodeScalars)
        return markedPieces(mention, scalarCount: scalars.count).map { range, marked in
            ["text": Snippet.utf8String("", scalars[range], ""), "marked": marked]
        }
    }

    /// The snippet as `{{#segments}}{{#marked}}<mark>{{text}}</mark>{{/marked}}{{^marked}}{{text}}{{/marked}}{{/segments}}`
    /// renders it, byte for byte (the pieces escaped as `{{…}}` escapes), made without
    /// Mustache: the passage partial shows half a million snippets at 10,000 briefings.
    static func markedSnippetHTML(_ mention: Mention) -> String {
        // The snippet is made from the document's text on each read: read it once. The
        // marks fall on scalar boundaries, found on the UTF-8 bytes (a byte that is not
        // a continuation byte starts a scalar), so no array of scalars is built.
        let snippet = mention.snippet
        var scalarCount = 0
        for byte in snippet.utf8 where byte & 0xC0 != 0x80 { scalarCount += 1 }
        let marks = markedPieces(mention, scalarCount: scalarCount).filter(\.1).map(\.0)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(snippet.utf8.count + 13 * marks.count + 16)
        var nextMark = 0, inMark = false, scalar = -1
        for byte in snippet.utf8 {
            if byte & 0xC0 != 0x80 {
                scalar += 1
                if inMark, scalar == marks[nextMark].upperBound {
                    bytes += "</mark>".utf8
                    inMark = false
                    nextMark += 1
                }
                if !inMark, nextMark < marks.count, scalar == marks[nextMark].lowerBound {
                    bytes += "<mark>".utf8
                    inMark = true
                }
            }
            switch byte {
            case 0x3C: bytes += "&lt;".utf8
            case 0x3E: bytes += "&gt;".utf8
            case 0x26: bytes += "&amp;".utf8
            case 0x22: bytes += "&quot;".utf8
            case 0x27: bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
        if inMark { bytes += "</mark>".utf8 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Scalar ranges of the snippet in order, each marked or not.
    private static func markedPieces(_ mention: Mention, scalarCount: Int) -> [(Range<Int>, Bool)] {
        var pieces: [(Range<Int>, Bool)] = []
        var cursor = 0
        let matches = ([mention.snippetMatch] + mention.otherMatches)
            .map { $0.clamped(to: 0..<scalarCount) }
            .sorted { $0.lowerBound < $1.lowerBound }
        for match in matches where match.lowerBound >= cursor && !match.isEmpty {
            if match.lowerBound > cursor { pieces.append((cursor..<match.lowerBound, false)) }
            pieces.append((match, true))
            cursor = match.upperBound
        }
        if cursor < scalarCount { pieces.append((cursor..<scalarCount, false)) }
        return pieces
    }

    /// "Mentioned alongside": actors sharing at least one of the passages listed above.
    func coMentionChips(_ actor: ActorModel, on page: SiteURLs.Page) -> [Context] {
        actor.coMentions.filter { $0.sameBlock > 0 }.prefix(12).compactMap { pair -> Context? in
            guard let chip = actorChip(pair.other, from: page, as: .standard) else { return nil }
            let language = language(of: page)
            return merge(chip, [
                "same_block": number(pair.sameBlock, on: page),
                "shared_label": DisplayFormat.count(pair.sameBlock, "shared passage", in: language) + " in "
                    + DisplayFormat.count(pair.sameDocument, "document", in: language),
            ])
        }
    }
}
