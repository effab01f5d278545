/// The actor page's at-a-glance box, Wikipedia's infobox: what the actor is, its other
/// names, the relations that place it (memberships, office holders, capital…), when
/// the briefings first and last mentioned it, and the briefings written about it.
extension PageContexts {
    /// Relation types that say what an actor is part of or made of, in the order the box
    /// lists them. Alliances, rivalries and borders are opinions or geography that need
    /// their dates and notes: they stay in the Relations section only.
    static let infoboxRelationTypes = [
        "capital-of", "leads", "office-in", "member-of", "part-of", "located-in", "dependency-of",
        "hosts", "party-to", "signatory-of",
    ]

    /// Targets shown in one row before the rest is left to the Relations section.
    static let infoboxTargetsPerRow = 6
    /// Principal-actor briefings listed, newest first, before the rest is only counted.
    static let infoboxBriefingsShown = 3

    func actorInfobox(_ actor: ActorModel, on page: SiteURLs.Page) -> Context {
        let value = actor.actor
        let language = language(of: page)
        let rows = infoboxRelationRows(actor, on: page)
        // Briefing groups come newest first; only the first and the last are made.
        let groups = actor.mentionGroups
        let first = groups.groups.firstIndex { $0.document.kind == .briefing }
        let last = groups.groups.lastIndex { $0.document.kind == .briefing }
        func link(_ index: Int?) -> Context? {
            index.flatMap { groups.groups(in: $0..<($0 + 1)).first }.map { mentionLink($0.document, $0.mentions, on: page) }
        }
        let latest = link(first)
        let earliest = first != last ? link(last) : nil
        // Positions, the few shown read where they lie: a much-named actor's briefings were each copied whole.
        let principal = principalBriefingsByActor[value.slug] ?? []
        let shown = principal.prefix(Self.infoboxBriefingsShown).map { position -> Context in
            let briefing = model.briefings[position]
            let slug = briefing.briefing.slug
            return ["title": briefing.briefing.title, "url": urls.link(from: page, to: .briefing(slug)),
                    "date": date(briefing.briefing.date, on: page),
                    "lang_dir_html": langDirHTML(self.language(of: .briefing(slug)), on: page)]
        }
        let unlisted = principal.count - shown.count
        return [
            "kind": value.kind.rawValue, "kind_label": value.kind.label,
            "alias_names": value.aliases.map(\.value), "has_aliases": !value.aliases.isEmpty,
            "relation_rows": rows, "has_relation_rows": !rows.isEmpty,
            // One briefing is both the first and the last: it is shown once, as the first.
            "first_mention": (earliest ?? latest).map { $0 as Any } ?? false,
            "last_mention": earliest == nil ? false : latest.map { $0 as Any } ?? false,
            "principal_briefings": shown, "has_principal_briefings": !shown.isEmpty,
            "principal_more": unlisted > 0 ? "and " + DisplayFormat.count(unlisted, "more briefing", in: language) as Any : false,
        ]
    }

    /// One row per relation label among `infoboxRelationTypes`, both directions ("Member
    /// of: BRICS · SCO" at Iran, "Has member: Iran · Russia" at the SCO).
    func infoboxRelationRows(_ actor: ActorModel, on page: SiteURLs.Page) -> [Context] {
        let rank = Dictionary(uniqueKeysWithValues: Self.infoboxRelationTypes.enumerated().map { ($1, $0) })
        var labels: [(rank: Int, outgoing: Bool, label: String)] = []
        var targets: [String: [String]] = [:]
        for end in actor.relations {
            guard let position = rank[end.relation.type.name] else { continue }
            if targets[end.label] == nil { labels.append((position, end.direction == .outgoing, end.label)) }
            if !(targets[end.label]?.contains(end.other) ?? false) { targets[end.label, default: []].append(end.other) }
        }
        labels.sort { ($0.rank, $0.outgoing ? 0 : 1, $0.label) < ($1.rank, $1.outgoing ? 0 : 1, $1.label) }
        return labels.map { entry in
            let chips = (targets[entry.label] ?? []).compactMap { actorChip($0, from: page) }
            let shown = Array(chips.prefix(Self.infoboxTargetsPerRow))
            let unlisted = chips.count - shown.count
            return ["label": Self.capitalisedFirst(entry.label), "targets": shown,
                    "more": unlisted > 0 ? "+" + number(unlisted, on: page) + " more" as Any : false] as Context
        }
    }

    /// A mention's briefing, dated, linked to its first passage.
    private func mentionLink(_ document: DocumentID, _ mentions: [Mention], on page: SiteURLs.Page) -> Context {
        let link = documentLink(document, from: page)
        let anchor = mentions.lazy.compactMap(\.anchor).first.map { "#" + $0 } ?? ""
        return merge(link, ["url": (link["url"] as? String ?? "") + anchor])
    }

    static func capitalisedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
