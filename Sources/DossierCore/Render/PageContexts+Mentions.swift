extension PageContexts {
    /// Passages shown for each document before the rest fold into `<details>`.
    static let passagesShownPerDocument = 3

    /// "Mentioned in" on an actor page: one section per kind of document (briefings,
    /// actor profiles, pages), each with its quoted documents — their first passages
    /// shown and the rest folded — then its linked ones, a line each (`actor_quotes`).
    /// `documents` selects the documents of one page of the list (all by default).
    func mentionSections(_ actor: ActorModel, documents: Range<Int>? = nil, on page: SiteURLs.Page) -> [Context] {
        let kinds: [(DocumentID.Kind, String)] = [(.briefing, "Briefings"), (.actor, "Actor profiles"), (.page, "Pages")]
        let range = documents ?? actor.mentionGroups.groups.indices
        let quotedEnd = max(range.lowerBound, min(range.upperBound, quotedMentionGroups(of: actor)))
        let quoted = actor.mentionGroups.groups(in: range.lowerBound..<quotedEnd)
        let linked = actor.mentionGroups.lines(in: quotedEnd..<range.upperBound)
        let language = language(of: page)
        let headings = mentionHeadings.documents(rootPrefix: urls.rootPrefix(from: page), language: language)
        let table = actor.mentionGroups.groups.documentTable
        return kinds.compactMap { kind, label -> Context? in
            // By position: filtering copied every group and line (its document and its
            // mentions retained and released) once for each of the three kinds.
            var groups: [MentionGroup] = []
            for index in quoted.indices where quoted[index].document.kind == kind {
                groups.append(mentionGroup(quoted[index].document, quoted[index].mentions, on: page, in: language, headings: headings))
            }
            var links: [MentionLink] = []
            for index in linked.indices where linked[index].document.kind == kind {
                links.append(mentionLink(linked[index], of: table, on: page, in: language, headings: headings))
            }
            guard !groups.isEmpty || !links.isEmpty else { return nil }
            var section: Context = ["label": label, "kind": kind.rawValue, "has_links": !links.isEmpty]
            if mentionSectionsHTML.groupValuesMayBeRead {
                section["groups"] = groups.map(groupValues)
                section["links"] = links.map(linkValues)
            }
            if mentionSectionsHTML.isActive {
                var html = ""
                for group in groups {
                    MentionSectionsHTML.appendGroup(
                        titleHTML: group.heading.titleHTML, countHTML: group.count["count_html"] as? String ?? "",
                        dateHTML: group.heading.dateHTML, langDirHTML: group.snippetLangDirHTML,
                        passages: group.passages, shown: Self.passagesShownPerDocument, moreLabel: group.moreLabel, to: &html)
                }
                MentionSectionsHTML.appendLinks(links.map(\.html), to: &html)
                html.removeLast()
                section["groups_html"] = html
            }
            return section
        }
    }

    /// A linked document of "Mentioned in": its title, leading to the actor's first
    /// passage in it, its date and its count of mentions.
    private struct MentionLink {
        var heading: MentionGroupHeadings.Heading
        var url: String
        var count: String
        var countLabel: String
        /// `link_lang_dir_html`: the document's language and direction where they differ
        /// from the page's, else nothing. Unlike a quoted passage, the line's title needs no
        /// `dir="auto"` in the page's own language (11 bytes on each of 183,000 lines at
        /// 10,000 briefings); in another it keeps both.
        var langDirHTML: String
        var html: MentionSectionsHTML.Link {
            .init(url: url, titleHTML: heading.escapedTitle, langDirHTML: langDirHTML, date: heading.date, countLabel: countLabel)
        }
    }

    /// `line`'s link on `page`, whose language is `language` and whose depth and language `headings` are of.
    private func mentionLink(
        _ line: ActorMentionGroups.Line, of table: MentionSources, on page: SiteURLs.Page, in language: LanguageTag,
        headings: MentionGroupHeadings.DocumentHeadings
    ) -> MentionLink {
        let heading = headings.document(line.document, at: line.source, in: table) { newDocumentLink(line.document, from: page) }
        let count = DisplayFormat.number(line.count, in: language)
        return MentionLink(heading: heading, url: line.firstAnchor.map { heading.url + "#" + $0 } ?? heading.url, count: count,
                           countLabel: DisplayFormat.count(line.count, "mention", formatted: count), langDirHTML: heading.otherLanguageDirHTML)
    }

    /// A link's values, for templates that read them: the document's link values, with
    /// `url` leading to the actor's first passage (`document_url`: the document itself).
    private func linkValues(_ link: MentionLink) -> Context {
        var values = link.heading.values ?? [:]
        values["document_url"] = link.heading.url
        values["url"] = link.url
        values["count"] = link.count
        values["count_label"] = link.countLabel
        values["link_lang_dir_html"] = link.langDirHTML
        return values
    }

    /// A group of "Mentioned in": one document's distinct passages naming the actor.
    private struct MentionGroup {
        /// The document's title and date HTML and link (`MentionGroupHeadings`).
        var heading: MentionGroupHeadings.Heading
        /// The count's values with its HTML.
        var count: Context
        /// The mentions listed, one per passage, and their passages.
        var mentions: [Mention]
        var passages: [MentionSectionsHTML.Passage]
        var moreLabel: String
        /// `snippet_lang_dir_html`: as a linked document's line, the document's language and
        /// direction where they differ from the page's, else nothing (11 bytes on each of
        /// 53,000 passages on actor pages at 10,000 briefings).
        var snippetLangDirHTML: String
    }

    private func mentionGroup(
        _ document: DocumentID, _ mentions: [Mention], on page: SiteURLs.Page, in language: LanguageTag,
        headings: MentionGroupHeadings.DocumentHeadings
    ) -> MentionGroup {
        // Made anew, not through `documentLinks`: the heading keeps what groups read of it.
        let heading = headings.document(document) { newDocumentLink(document, from: page) }
        let documentURL = heading.url
        // Two mentions in one paragraph would show the same passage twice.
        var seenAnchors: Set<String> = []
        let listed = mentions.filter { seenAnchors.insert($0.anchor ?? $0.snippet).inserted }
        let passages = listed.map { mention in
            MentionSectionsHTML.Passage(
                url: documentURL + (mention.anchor.map { "#" + $0 } ?? ""), section: mention.section, snippetHTML: Self.markedSnippetHTML(mention))
        }
        let count = mentionHeadings.count(.init(mentions: mentions.count, passages: passages.count, language: language)) {
            ["count": number(mentions.count, on: page),
             "count_label": DisplayFormat.count(mentions.count, "mention", in: language)
                 + (passages.count == mentions.count ? "" : " in " + DisplayFormat.count(passages.count, "passage", in: language))]
        }
        let folded = max(0, passages.count - Self.passagesShownPerDocument)
        return MentionGroup(heading: heading, count: count, mentions: listed, passages: passages,
                            moreLabel: DisplayFormat.count(folded, "more passage", in: language),
                            snippetLangDirHTML: heading.otherLanguageDirHTML)
    }

    /// A group's values, for templates that read them.
    private func groupValues(_ group: MentionGroup) -> Context {
        let passages = zip(group.mentions, group.passages).map { mention, passage -> Context in
            var values: Context = ["snippet_html": passage.snippetHTML, "section": optional(passage.section), "url": passage.url]
            if includesSnippetSegments { values["segments"] = Self.markedSegments(mention) }
            return values
        }
        let shown = Array(passages.prefix(Self.passagesShownPerDocument))
        let folded = Array(passages.dropFirst(Self.passagesShownPerDocument))
        // Kept whenever group values may be read (`MentionGroupHeadings.Heading.values`).
        var values = merge(group.heading.values ?? [:], group.count)
        values["passages"] = shown
        values["more_passages"] = folded
        values["has_more_passages"] = !folded.isEmpty
        values["more_label"] = group.moreLabel
        values["snippet_lang_dir_html"] = group.snippetLangDirHTML
        return values
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
        var snippet = mention.snippet
        return snippet.withUTF8 { utf8 in
            var scalarCount = 0, escapesLength = 0
            for byte in utf8 {
                if byte & 0xC0 != 0x80 { scalarCount += 1 }
                switch byte {
                case 0x3C, 0x3E: escapesLength += 3
                case 0x26, 0x27: escapesLength += 4
                case 0x22: escapesLength += 5
                default: break
                }
            }
            let marks = markedPieces(mention, scalarCount: scalarCount).filter(\.1).map(\.0)
            // Written straight into the string's storage, of exactly the size it needs:
            // no array of bytes to grow, copy and validate.
            return String(unsafeUninitializedCapacity: utf8.count + escapesLength + 13 * marks.count) { output in
                var written = 0
                func put(_ text: StaticString) {
                    for index in 0..<text.utf8CodeUnitCount { output[written + index] = text.utf8Start[index] }
                    written += text.utf8CodeUnitCount
                }
                var nextMark = 0, inMark = false, scalar = -1
                for byte in utf8 {
                    if byte & 0xC0 != 0x80 {
                        scalar += 1
                        if inMark, scalar == marks[nextMark].upperBound {
                            put("</mark>")
                            inMark = false
                            nextMark += 1
                        }
                        if !inMark, nextMark < marks.count, scalar == marks[nextMark].lowerBound {
                            put("<mark>")
                            inMark = true
                        }
                    }
                    switch byte {
                    case 0x3C: put("&lt;")
                    case 0x3E: put("&gt;")
                    case 0x26: put("&amp;")
                    case 0x22: put("&quot;")
                    case 0x27: put("&#39;")
                    default:
                        output[written] = byte
                        written += 1
                    }
                }
                if inMark { put("</mark>") }
                return written
            }
        }
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
