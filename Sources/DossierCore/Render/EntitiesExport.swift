import Foundation

/// `data/entities.json`: the site's actors, relations, mentions, co-mentions and
/// events for other tools. The schema is documented in docs/entities-json.md;
/// `version` changes when a field changes meaning or disappears.
public enum EntitiesExport {
    public static let version = 1

    struct File: Encodable {
        var version: Int
        var site: SiteInfo
        var actors: [ActorEntry]
        var relations: [RelationEntry]
        var mentions: [MentionEntry]
        var coMentions: [CoMentionEntry]
        var events: [EventEntry]
        var briefings: [BriefingEntry]

        enum CodingKeys: String, CodingKey {
            case version, site, actors, relations, mentions, events, briefings
            case coMentions = "co_mentions"
        }
    }

    struct SiteInfo: Encodable { var title: String; var baseURL: String
        enum CodingKeys: String, CodingKey { case title; case baseURL = "base_url" } }

    struct ActorEntry: Encodable {
        var slug: String, title: String, kind: String, aliases: [String], summary: String?, url: String
        var mentionCount: Int
        enum CodingKeys: String, CodingKey { case slug, title, kind, aliases, summary, url; case mentionCount = "mention_count" }
    }

    struct SourceEntry: Encodable { var id: String, title: String, publisher: String?, url: String?, date: String? }

    struct RelationEntry: Encodable {
        var type: String, label: String, inverseLabel: String, symmetric: Bool, from: String, to: String
        var since: String?, until: String?, note: String?, source: SourceEntry?
        enum CodingKeys: String, CodingKey {
            case type, label, symmetric, from, to, since, until, note, source
            case inverseLabel = "inverse_label"
        }
    }

    struct MentionEntry: Encodable {
        var actor: String, document: String, documentKind: String, documentSlug: String, anchor: String?
        var text: String, snippet: String, linked: Bool, explicit: Bool
        enum CodingKeys: String, CodingKey {
            case actor, document, anchor, text, snippet, linked, explicit
            case documentKind = "document_kind", documentSlug = "document_slug"
        }
    }

    struct CoMentionEntry: Encodable {
        var actors: [String], sameBlock: Int, sameDocument: Int
        enum CodingKeys: String, CodingKey { case actors; case sameBlock = "same_block", sameDocument = "same_document" }
    }

    struct EventEntry: Encodable {
        var id: String, date: String, title: String, actors: [String], place: String?, source: String?, document: String
    }

    struct BriefingEntry: Encodable {
        var slug: String, title: String, date: String, url: String, actors: [String], secondaryActors: [String], tags: [String]
        enum CodingKeys: String, CodingKey { case slug, title, date, url, actors, tags; case secondaryActors = "secondary_actors" }
    }

    static func source(_ source: Source?) -> SourceEntry? {
        source.map { SourceEntry(id: $0.id, title: $0.title, publisher: $0.publisher, url: $0.url, date: $0.date?.text) }
    }

    public static func json(_ model: SiteModel, urls: SiteURLs) -> Data {
        let file = File(
            version: version,
            site: SiteInfo(title: model.config.title, baseURL: model.config.baseURL),
            actors: model.actors.map { actor in
                ActorEntry(slug: actor.actor.slug, title: actor.actor.title, kind: actor.actor.kind.rawValue,
                           aliases: actor.actor.aliases.map(\.value), summary: actor.actor.summary,
                           url: urls.path(.actor(actor.actor.slug)), mentionCount: actor.mentionCount)
            },
            relations: model.relations.map { relation in
                RelationEntry(type: relation.type.name, label: relation.type.label, inverseLabel: relation.type.inverseLabel,
                              symmetric: relation.type.symmetric, from: relation.from, to: relation.to,
                              since: relation.since?.text, until: relation.until?.text, note: relation.note,
                              source: source(relation.source))
            },
            mentions: model.mentions.map { mention in
                MentionEntry(actor: mention.actor, document: mention.document.description,
                             documentKind: mention.document.kind.rawValue, documentSlug: mention.document.slug,
                             anchor: mention.anchor, text: mention.text, snippet: mention.snippet,
                             linked: mention.linked, explicit: mention.explicit)
            },
            coMentions: model.coMentions.map {
                CoMentionEntry(actors: [$0.actor, $0.other], sameBlock: $0.sameBlock, sameDocument: $0.sameDocument)
            },
            events: model.timeline.map { item in
                EventEntry(id: item.anchor, date: item.event.date.text, title: item.event.title,
                           actors: item.event.actors.map(\.value), place: item.event.place?.value,
                           source: item.event.source, document: item.origin.description)
            },
            briefings: model.briefings.map { briefing in
                BriefingEntry(slug: briefing.briefing.slug, title: briefing.briefing.title, date: briefing.briefing.date.text,
                              url: urls.path(.briefing(briefing.briefing.slug)), actors: briefing.principalActors,
                              secondaryActors: briefing.secondaryActors, tags: briefing.briefing.tags)
            })
        let encoder = JSONEncoder()
        // Compact: with a 200-character snippet per mention, pretty-printing made the file a third larger.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        return (try? encoder.encode(file)) ?? Data("{}".utf8)
    }
}
