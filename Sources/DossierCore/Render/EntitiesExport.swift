import Foundation

/// `data/entities.json`: the site's actors, relations, mentions, co-mentions and
/// events for other tools. The schema is documented in docs/entities-json.md;
/// `version` changes when a field changes meaning or disappears.
public enum EntitiesExport {
    public static let version = 1

    public static func json(_ model: SiteModel, urls: SiteURLs) -> Data {
        var writer = JSONWriter(capacity: 256 * model.mentions.count + 4096)
        writer.object { json in
            json.key("actors")
            json.array { list in
                for actor in model.actors {
                    let value = actor.actor
                    list.object { item in
                        item.key("aliases"); item.strings(value.aliases.map(\.value))
                        item.field("kind", value.kind.rawValue)
                        item.key("mention_count"); item.int(actor.mentionCount)
                        item.field("slug", value.slug)
                        item.field("summary", value.summary)
                        item.field("title", value.title)
                        item.field("url", urls.path(.actor(value.slug)))
                    }
                }
            }
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
            json.key("co_mentions")
            json.array { list in
                for pair in model.coMentions {
                    list.object { item in
                        item.key("actors"); item.strings([pair.actor, pair.other])
                        item.key("same_block"); item.int(pair.sameBlock)
                        item.key("same_document"); item.int(pair.sameDocument)
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
            json.key("mentions")
            json.array { list in
                for mention in model.mentions {
                    list.object { item in
                        item.field("actor", mention.actor)
                        item.field("anchor", mention.anchor)
                        item.field("document", mention.document.description)
                        item.field("document_kind", mention.document.kind.rawValue)
                        item.field("document_slug", mention.document.slug)
                        item.key("explicit"); item.bool(mention.explicit)
                        item.key("linked"); item.bool(mention.linked)
                        item.field("snippet", mention.snippet)
                        item.field("text", mention.text)
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
        return Data(writer.bytes)
    }
}
