import Foundation

/// The data export for other tools, documented in docs/entities-json.md:
/// `data/entities.json` indexes the site's actors, briefings, relations and events,
/// each actor's mentions and co-mentions live in `data/mentions/SLUG.json`, and each
/// document's passages (the blocks that mention actors, with their text) in
/// `data/passages/KIND/SLUG.json`: every mention, passage text and pair of actors once. Split this way, no file grows with
/// the whole site's prose, each file is rendered and written on its own (a 10,000
/// briefing site held a 366 MB entities.json in memory twice), and an edit rewrites
/// only the files of the actors it touches. `version` changes when a field changes
/// meaning or disappears.
public enum EntitiesExport {
    public static let version = 3

    /// Where an actor's mentions are written, relative to the site root.
    static func mentionsFile(_ slug: String) -> SiteURLs.Page { .data("mentions/\(slug).json") }

    /// `data/entities.json`: everything but the mentions and co-mentions, which it
    /// points to per actor. Co-mention pairs grow with the square of the actors (1.7
    /// million pairs, 100 MB, for 2,000 actors), so they are split by actor too.
    public static func json(_ model: SiteModel, urls: SiteURLs) -> Data {
        var writer = JSONWriter(capacity: 4096 + 256 * (model.actors.count + model.briefings.count + model.timeline.count))
        writer.object { json in
            writeActors(model, urls: urls, into: &json)
            writeRest(model, urls: urls, into: &json)
        }
        return Data(writer.bytes)
    }

    /// The file up to the end of its actors' array, `{"actors":[…]`: the part an
    /// actor's edit changes (`EntitiesExportWriter`).
    static func actorsPart(_ model: SiteModel, urls: SiteURLs) -> [UInt8] {
        var writer = JSONWriter(capacity: 1024 + 512 * model.actors.count)
        writer.object { json in writeActors(model, urls: urls, into: &json) }
        // The object's closing brace ends the rest instead.
        return Array(writer.bytes.dropLast())
    }

    /// The file after its actors' array, `,"briefings":[…],…}`: it reads no actor's
    /// file, only the model's briefings, events and relations, and the site.
    /// A slice of the writer's bytes: copied out, the 70 MB rest of a 100,000-briefing
    /// site would be held twice.
    static func restPart(_ model: SiteModel, urls: SiteURLs) -> ArraySlice<UInt8> {
        var writer = JSONWriter(capacity: 4096 + 256 * (model.briefings.count + model.timeline.count))
        writer.object { json in
            // An empty actors' array first, so that the writer puts the comma before "briefings"; cut off below.
            json.key("actors")
            json.array { _ in }
            writeRest(model, urls: urls, into: &json)
        }
        return writer.bytes.dropFirst(emptyActorsPrefix.count)
    }

    private static let emptyActorsPrefix = Array(#"{"actors":[]"#.utf8)

    private static func writeActors(_ model: SiteModel, urls: SiteURLs, into json: inout JSONWriter) {
        // No path to a file the build does not write.
        let writesMentions = model.config.exports.contains(.mentions)
        json.key("actors")
        json.array { list in
            for actor in model.actors {
                let value = actor.actor
                list.object { item in
                    item.key("aliases"); item.strings(value.aliases.map(\.value))
                    item.field("kind", value.kind.rawValue)
                    item.key("mention_count"); item.int(actor.mentionCount)
                    item.field("mentions", writesMentions ? urls.path(mentionsFile(value.slug)) : nil)
                    item.field("slug", value.slug)
                    item.field("summary", value.summary)
                    item.field("title", value.title)
                    item.field("url", urls.path(.actor(value.slug)))
                }
            }
        }
    }

    private static func writeRest(_ model: SiteModel, urls: SiteURLs, into json: inout JSONWriter) {
        json.key("briefings")
        json.array { list in
            for briefing in model.briefings {
                let value = briefing.briefing
                list.object { item in
                    item.key("actors"); item.strings(briefing.principalActors)
                    item.field("date", value.date.text)
                    item.key("secondary_actors"); item.strings(briefing.secondaryActors)
                    item.field("slug", value.slug)
                    item.key("tags"); item.strings(value.tags)
                    item.field("title", value.title)
                    item.field("url", urls.path(.briefing(value.slug)))
                }
            }
        }
        json.key("events")
        json.array { list in
            for entry in model.timeline {
                let event = entry.event
                list.object { item in
                    item.key("actors"); item.strings(event.actors.map(\.value))
                    item.field("date", event.date.text)
                    item.field("document", entry.origin.description)
                    item.field("id", entry.anchor)
                    item.field("place", event.place?.value)
                    item.field("source", event.source)
                    item.field("title", event.title)
                }
            }
        }
        json.key("relations")
        json.array { list in
            for relation in model.relations {
                list.object { item in
                    item.field("from", relation.from)
                    item.field("inverse_label", relation.type.inverseLabel)
                    item.field("label", relation.type.label)
                    item.field("note", relation.note)
                    item.field("since", relation.since?.text)
                    if let source = relation.source {
                        item.key("source")
                        item.object { entry in
                            entry.field("date", source.date?.text)
                            entry.field("id", source.id)
                            entry.field("publisher", source.publisher)
                            entry.field("title", source.title)
                            entry.field("url", source.url)
                        }
                    }
                    item.key("symmetric"); item.bool(relation.type.symmetric)
                    item.field("to", relation.to)
                    item.field("type", relation.type.name)
                    item.field("until", relation.until?.text)
                }
            }
        }
        json.key("site")
        json.object { site in
            site.field("base_url", model.config.baseURL)
            site.field("title", model.config.title)
        }
        json.key("version"); json.int(version)
    }

    /// For each actor of `model.actors`, the positions in `model.mentions` of its
    /// mentions, in site order: one pass, so the per-actor files cost no search.
    static func mentionPositions(_ model: SiteModel) -> [[Int]] {
        var actorPosition: [String: Int] = [:]
        actorPosition.reserveCapacity(model.actors.count)
        for (position, actor) in model.actors.enumerated() { actorPosition[actor.actor.slug] = position }
        var result = [[Int]](repeating: [], count: model.actors.count)
        for (position, mention) in model.mentions.enumerated() {
            if let actor = actorPosition[mention.actor] { result[actor].append(position) }
        }
        return result
    }

    /// For each actor of `model.actors`, the range of `model.coMentions` (sorted by
    /// pair) whose first actor it is.
    static func coMentionRanges(_ model: SiteModel) -> [Range<Int>] {
        var ranges = [Range<Int>](repeating: 0..<0, count: model.actors.count)
        var actor = 0, start = 0
        for (position, pair) in model.coMentions.enumerated() {
            while actor < model.actors.count, model.actors[actor].actor.slug < pair.actor {
                ranges[actor] = start..<position
                actor += 1
                start = position
            }
        }
        while actor < model.actors.count {
            ranges[actor] = start..<model.coMentions.count
            actor += 1
            start = model.coMentions.count
        }
        return ranges
    }

    /// `data/mentions/SLUG.json`: the actor's mentions grouped by passage, in site
    /// order. Each entry names its passage (its document and position in the
    /// document's `data/passages` file), where in the passage's text the actor's
    /// snippet lies, the places of the actor's names in that text (`marks`), and the
    /// mentions it holds. Then the co-mention pairs whose first actor (in slug order)
    /// this one is.
    static func actorMentions(
        _ slug: String, positions: [Int], coMentions: Range<Int>, in model: SiteModel, passages table: ExportPassages
    ) -> Data {
        actorMentions(slug, positions: positions, coMentions: coMentions, in: model) { _ in table }
    }

    /// `actorMentions`, with the passages of each mention's document from the table
    /// `tableHolding` gives for the mention's position (a cached build makes the
    /// tables of the documents it needs only).
    static func actorMentions(
        _ slug: String, positions: [Int], coMentions: Range<Int>, in model: SiteModel, tableHolding: (Int) -> ExportPassages
    ) -> Data {
        var entries: [(passage: ExportPassages.Passage, table: ExportPassages, mentions: [Mention])] = []
        // By the position of the passage's first mention: the same in every table.
        var entryOf: [Int32: Int] = [:]
        for position in positions {
            let mention = model.mentionList[position]
            let table = tableHolding(position)
            let passage = table.passages[table.passage(ofMention: position)]
            if let existing = entryOf[passage.first] {
                entries[existing].mentions.append(mention)
            } else {
                entryOf[passage.first] = entries.count
                entries.append((passage, table, [mention]))
            }
        }
        var writer = JSONWriter(capacity: 256 * entries.count + 64 * coMentions.count + 256)
        writer.object { json in
            json.field("actor", slug)
            json.key("co_mentions")
            json.array { list in
                for pair in model.coMentions[coMentions] {
                    list.object { item in
                        item.field("other", pair.other)
                        item.key("same_block"); item.int(pair.sameBlock)
                        item.key("same_document"); item.int(pair.sameDocument)
                    }
                }
            }
            json.key("passages")
            json.array { list in
                for entry in entries {
                    let first = entry.mentions[0]
                    let passage = entry.passage
                    let snippet = entry.table.snippetRange(of: first, in: passage)
                    // Marks were counted in the snippet as shown, after its "…".
                    let shift = snippet.lowerBound - (first.quotedSnippet.cutBefore ? 1 : 0)
                    list.object { item in
                        if first.quotedSnippet.cutAfter { item.key("cut_after"); item.bool(true) }
                        if first.quotedSnippet.cutBefore { item.key("cut_before"); item.bool(true) }
                        item.field("document", first.document.description)
                        item.key("marks")
                        item.array { marks in
                            for range in ([first.snippetMatch] + first.otherMatches).sorted(by: { $0.lowerBound < $1.lowerBound }) {
                                marks.array { pair in
                                    pair.int(range.lowerBound + shift)
                                    pair.int(range.upperBound + shift)
                                }
                            }
                        }
                        item.key("mentions")
                        item.array { mentions in
                            for mention in entry.mentions {
                                mentions.object { value in
                                    value.key("explicit"); value.bool(mention.explicit)
                                    value.key("linked"); value.bool(mention.linked)
                                    value.field("text", mention.text)
                                }
                            }
                        }
                        item.key("passage"); item.int(Int(passage.ordinal))
                        item.key("snippet")
                        item.array { range in
                            range.int(snippet.lowerBound)
                            range.int(snippet.upperBound)
                        }
                    }
                }
            }
            json.key("version"); json.int(version)
        }
        return Data(writer.bytes)
    }

    /// Where a document's passages are written, relative to the site root:
    /// `data/passages/briefing/SLUG.json`, the document's id and `.json`.
    static func passagesFile(_ document: DocumentID) -> SiteURLs.Page { .data("passages/\(document.description).json") }

    /// `data/passages/KIND/SLUG.json`: the passages of the document at `index` of
    /// `table.documents`, in reading order, each with its anchor, section and text.
    static func documentPassages(_ index: Int, passages table: ExportPassages, in model: SiteModel) -> Data {
        let document = table.documents[index]
        var writer = JSONWriter(capacity: 512 * document.passages.count + 128)
        writer.object { json in
            json.field("document", document.id.description)
            json.key("passages")
            json.array { list in
                for passage in table.passages[document.passages] {
                    let first = model.mentionList[Int(passage.first)]
                    list.object { item in
                        item.field("anchor", first.anchor)
                        item.field("section", first.section)
                        item.field("text", table.text(of: passage, first: first))
                    }
                }
            }
            json.key("version"); json.int(version)
        }
        return Data(writer.bytes)
    }
}
