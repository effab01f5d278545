extension PageContexts {
    func home() -> Context {
        let page = SiteURLs.Page.home
        let topActors = homeTopActors
        return merge(common(page, title: nil, description: nil, section: "home"), [
            "briefings": model.briefings.prefix(10).map { briefingCard($0, from: page) },
            "more_briefings": model.briefings.count > 10,
            "briefings_url": urls.link(from: page, to: .briefings),
            "top_actors": topActors.map { actor -> Context in
                merge(actorChip(actor.actor.slug, from: page, as: .standard) ?? [:], ["mention_count": number(actor.mentionCount, on: page)])
            },
            "recent_events": model.timeline.suffix(8).reversed().map { event($0, from: page) },
            "timeline_url": urls.link(from: page, to: .timeline),
            "actors_url": urls.link(from: page, to: .actors),
        ])
    }

    func briefingsIndex(pageNumber: Int = 1) -> Context {
        let list = PagedList.briefings
        let pager = pager(list, count: model.briefings.count)
        let page = list.page(pageNumber)
        var years: [(Int, [Context])] = []
        for briefing in model.briefings[pager.range(ofPage: pageNumber)] {
            let year = briefing.briefing.date.year
            if years.last?.0 == year { years[years.count - 1].1.append(briefingCard(briefing, from: page)) } else {
                years.append((year, [briefingCard(briefing, from: page)]))
            }
        }
        return merge(common(page, title: pagedTitle("Briefings", list, pager: pager, current: pageNumber), description: nil, section: "briefings"), [
            "years": years.map {
                ["year": String($0.0), "year_label": DisplayFormat.year($0.0, in: language(of: page)), "briefings": $0.1] as Context
            },
            "count": number(model.briefings.count, on: page),
            "pagination": paginationContext(list, pager: pager, current: pageNumber),
        ])
    }

    func briefing(_ model: BriefingModel) -> Context {
        let value = model.briefing
        let page = SiteURLs.Page.briefing(value.slug)
        var context = merge(common(page, title: value.title, description: value.summary, section: "briefings"), briefingCard(model, from: page))
        context["actors"] = model.principalActors.compactMap { actorChip($0, from: page, as: .principal) }
        context["updated"] = value.updated.map { date($0, on: page) as Any } ?? false
        context["authors"] = optional(value.authors.joined(separator: ", "))
        context["toc"] = model.linked.tableOfContents.map {
            ["title": $0.title, "anchor": $0.anchor, "level": $0.level, "nested": $0.level > 2] as Context
        }
        context["has_toc"] = model.linked.tableOfContents.count >= 2
        context["body_html"] = bodyHTML(model.linked, from: page)
        context["word_count"] = model.linked.wordCount
        context["reading_minutes"] = number(max(1, (model.linked.wordCount + 199) / 200), on: page)
        context["secondary_actors"] = model.secondaryActors.compactMap { actorChip($0, from: page, as: .standard) }
        context["events"] = model.events.map { event($0, from: page) }
        let listedSources = sourcesOutsideNotes(value.sources, html: model.linked.html)
        context["sources"] = sourceList(listedSources, on: page)
        context["sources_heading"] = listedSources.count < value.sources.count ? "Further sources" : "Sources"
        let numbers = briefingActorNumbers
        let actors = relatedActorOrder(model, numbers: numbers)
        context["related"] = model.related.compactMap { related -> Context? in
            briefingsBySlug.position(of: related.slug).map { relatedBriefing(at: $0, sharing: actors, numbers: numbers, from: page) }
        }
        context["og_type"] = "article"
        context["params"] = params(value.params)
        context["has_events"] = !model.events.isEmpty
        context["has_sources"] = !listedSources.isEmpty
        context["has_secondary_actors"] = !model.secondaryActors.isEmpty
        context["has_related"] = !model.related.isEmpty
        context["has_tags"] = !value.tags.isEmpty
        return context
    }

    func actor(_ actor: ActorModel, graphSVG: String) -> Context {
        let value = actor.actor
        let page = SiteURLs.Page.actor(value.slug)
        var context = common(page, title: value.title, description: value.summary, section: "actors")
        context["title"] = value.title
        context["kind"] = value.kind.rawValue
        context["kind_label"] = value.kind.label
        context["summary"] = optional(value.summary)
        context["aliases"] = optional(value.aliases.map(\.value).joined(separator: ", "))
        // One item per alias, so each is isolated: names in different scripts side by side.
        context["alias_names"] = value.aliases.map(\.value)
        context["profile_html"] = bodyHTML(actor.profile, from: page)
        context["mention_count"] = number(actor.mentionCount, on: page)
        context["mentions_label"] = DisplayFormat.count(actor.mentionCount, "mention", in: language(of: page)) + " elsewhere on the site"
        let relationContexts = actor.relations.map { end -> Context in
            let relation = end.relation
            return [
                "label": end.label, "type": relation.type.name, "other": actorChip(end.other, from: page, as: .compact) ?? [:],
                "period": optional(DisplayFormat.period(since: relation.since, until: relation.until, in: language(of: page))),
                "note": optional(relation.note), "source": relation.source.map { self.source($0, on: page) as Any } ?? false,
            ] as Context
        }
        context["relations_out"] = relationRows(zip(actor.relations, relationContexts).filter { $0.0.direction == .outgoing })
        context["relations_in"] = relationRows(zip(actor.relations, relationContexts).filter { $0.0.direction == .incoming })
        context["has_relations"] = !actor.relations.isEmpty
        let mentionPager = mentionPager(actor)
        context["mention_sections"] = mentionSections(actor, documents: mentionPager.range(ofPage: 1), on: page)
        context["mentions_pagination"] = paginationContext(.actorMentions(value.slug), pager: mentionPager, current: 1)
        context["co_mentions"] = coMentionChips(actor, on: page)
        context["events"] = actor.events.map { event($0, from: page) }
        let listedSources = sourcesOutsideNotes(value.sources, html: actor.profile.html)
        context["sources"] = sourceList(listedSources, on: page)
        context["sources_heading"] = listedSources.count < value.sources.count ? "Further sources" : "Sources"
        context["graph_svg"] = graphSVG
        context["infobox"] = actorInfobox(actor, on: page)
        context["og_type"] = "profile"
        context["params"] = params(value.params)
        context["has_relations_out"] = actor.relations.contains { $0.direction == .outgoing }
        context["has_relations_in"] = actor.relations.contains { $0.direction == .incoming }
        context["has_mentions"] = !actor.mentionGroups.groups.isEmpty
        context["has_co_mentions"] = actor.coMentions.contains { $0.sameBlock > 0 }
        context["has_events"] = !actor.events.isEmpty
        context["has_sources"] = !listedSources.isEmpty
        context["has_aliases"] = !value.aliases.isEmpty
        return context
    }

    func tagsIndex(pageNumber: Int = 1) -> Context {
        let list = PagedList.tags
        let pager = pager(list, count: model.tags.count)
        let page = list.page(pageNumber)
        return merge(common(page, title: pagedTitle("Tags", list, pager: pager, current: pageNumber), description: nil, section: "tags"), [
            "tags": model.tags[pager.range(ofPage: pageNumber)].map {
                ["name": $0.tag, "url": urls.link(from: page, to: .tag($0.tag)), "count": number($0.briefings.count, on: page),
                 "count_noun": $0.briefings.count == 1 ? "briefing" : "briefings"] as Context
            },
            "pagination": paginationContext(list, pager: pager, current: pageNumber),
        ])
    }

    func tag(_ tag: String, briefings: [String], pageNumber: Int = 1) -> Context {
        let list = PagedList.tag(tag)
        let pager = pager(list, count: briefings.count)
        let page = list.page(pageNumber)
        // Each card made once for both lists, each briefing read where it lies: `briefingsBySlug[$0]`
        // copied every `BriefingModel`, and each card was made twice.
        var cards: [Context] = []
        // By year, as on the briefings index: the cards' h3 titles need an h2 above them.
        var years: [(Int, [Context])] = []
        for slug in briefings[pager.range(ofPage: pageNumber)] {
            guard let (year, card) = briefingsBySlug.read(slug, { ($0.briefing.date.year, briefingCard($0, from: page)) }) else { continue }
            cards.append(card)
            if years.last?.0 == year { years[years.count - 1].1.append(card) } else { years.append((year, [card])) }
        }
        return merge(common(page, title: pagedTitle("Tag: \(tag)", list, pager: pager, current: pageNumber), description: nil, section: "tags"), [
            "tag": tag, "count": number(briefings.count, on: page),
            "count_label": DisplayFormat.count(briefings.count, "briefing", in: language(of: page)),
            "briefings": cards,
            "years": years.map {
                ["year": String($0.0), "year_label": DisplayFormat.year($0.0, in: language(of: page)), "briefings": $0.1] as Context
            },
            "tags_url": urls.link(from: page, to: .tags),
            "pagination": paginationContext(list, pager: pager, current: pageNumber),
        ])
    }

    func timeline(pageNumber: Int = 1) -> Context {
        let list = PagedList.timeline
        let pager = pager(list, count: model.timeline.count)
        let page = list.page(pageNumber)
        let events = model.timeline[pager.range(ofPage: pageNumber)]
        var years: [(Int, [Context])] = []
        for item in events {
            let year = item.event.date.year
            if years.last?.0 == year { years[years.count - 1].1.append(event(item, from: page)) } else {
                years.append((year, [event(item, from: page)]))
            }
        }
        return merge(common(page, title: pagedTitle("Timeline", list, pager: pager, current: pageNumber), description: nil, section: "timeline"), [
            "timeline_svg": Pictures.timeline(model, events: Array(events)), "count": number(model.timeline.count, on: page),
            "years": years.map {
                ["year": String($0.0), "year_label": DisplayFormat.year($0.0, in: language(of: page)), "events": $0.1] as Context
            },
            "pagination": paginationContext(list, pager: pager, current: pageNumber),
        ])
    }

    func graph(network: Pictures.NetworkPicture) -> Context {
        let page = SiteURLs.Page.graph
        let types = Set(model.relations.map(\.type.name)).sorted().compactMap { model.relationTypes[$0] }
        return merge(common(page, title: "Relation graph", description: nil, section: "graph"), [
            "graph_svg": network.svg, "actor_count": number(network.actorCount, on: page),
            "relation_count": number(network.relationCount, on: page),
            "is_truncated": Set(model.relations.flatMap { [$0.from, $0.to] }).count > Pictures.networkLimit,
            "network_limit": number(Pictures.networkLimit, on: page),
            "relation_rows": graphTableRows(network.drawnEdges, on: page), "has_relation_rows": !network.drawnEdges.isEmpty,
            "relation_types": types.map { ["name": $0.name, "label": $0.label, "inverse": $0.inverseLabel, "symmetric": $0.symmetric] as Context },
        ])
    }

    func sources(_ entries: [SourceEntry], pageNumber: Int = 1) -> Context {
        let list = PagedList.sources
        let pager = pager(list, count: entries.count)
        let page = list.page(pageNumber)
        return merge(common(page, title: pagedTitle("Sources", list, pager: pager, current: pageNumber), description: nil, section: "sources"), [
            "count": number(entries.count, on: page),
            "sources": entries[pager.range(ofPage: pageNumber)].map { entry -> Context in
                let briefings = entry.citedBy.filter { $0.kind == .briefing }, actors = entry.citedBy.filter { $0.kind == .actor }
                return merge(source(entry.source, on: page), [
                    "anchor": entry.anchor, "cited_by": entry.citedBy.map { documentLink($0, from: page) },
                    "cited_by_briefings": briefings.map { documentLink($0, from: page) }, "has_briefing_citations": !briefings.isEmpty,
                    "cited_by_actors": actors.compactMap { actorChip($0.slug, from: page, as: .tiny) }, "has_actor_citations": !actors.isEmpty,
                ])
            },
            "pagination": paginationContext(list, pager: pager, current: pageNumber),
        ])
    }

    func search() -> Context {
        let page = SiteURLs.Page.search
        let root = urls.rootPrefix(from: page)
        return merge(common(page, title: "Search", description: nil, section: "search"), [
            "index_script_url": root + urls.path(.asset("search-index.js")),
            "search_script_url": root + urls.path(.asset("search.js")),
            "actors_url": urls.link(from: page, to: .actors),
            "briefings_url": urls.link(from: page, to: .briefings),
        ])
    }

    func page(_ model: PageModel) -> Context {
        let page = SiteURLs.Page.page(model.page.slug)
        return merge(common(page, title: model.page.title, description: model.page.summary, section: "page"), [
            "title": model.page.title, "summary": optional(model.page.summary), "params": params(model.page.params),
            "body_html": bodyHTML(model.linked, from: page), "toc": model.linked.tableOfContents.map {
                ["title": $0.title, "anchor": $0.anchor, "nested": $0.level > 2] as Context
            },
        ])
    }

    /// One row per relation label, its targets in the model's order ("member of:
    /// BRICS · SCO · IAEA"), so a state with twenty relations reads as a handful of rows.
    func relationRows(_ relations: [(RelationEnd, Context)]) -> [Context] {
        var labels: [String] = []
        var rows: [String: (type: String, targets: [Context])] = [:]
        for (end, target) in relations {
            if rows[end.label] == nil {
                labels.append(end.label)
                rows[end.label] = (end.relation.type.name, [])
            }
            rows[end.label]!.targets.append(target)
        }
        return labels.map { label in ["label": label, "type": rows[label]!.type, "targets": rows[label]!.targets] as Context }
    }
}
