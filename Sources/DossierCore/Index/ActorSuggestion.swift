/// "Did you mean …?" for an actor reference (`actors:`, an event's actors or place, a
/// relation's target, `[text](@slug)`) that names no actor.
///
/// Authors often write an actor by a name they know rather than by its slug: `eu` for
/// the actor whose alias is "EU", `Iran` for `iran`. A reference that is one of an
/// actor's names (as written, in any case, or as a slug) suggests that actor, and says
/// which name it is; otherwise the slug nearest by spelling. The names are indexed
/// once, so a project with thousands of unknown references stays linear in them.
struct ActorSuggestion: Sendable {
    /// The first actor (in slug order) and its first name with this key.
    private struct Hit: Sendable, Comparable {
        var actor: Int
        var name: Int
        static func < (a: Hit, b: Hit) -> Bool { (a.actor, a.name) < (b.actor, b.name) }
    }

    private let slugs: [String]
    private let names: [[String]]
    private var byName: [String: Hit] = [:]
    private var byLowercasedName: [String: Hit] = [:]
    private var byNameSlug: [String: Hit] = [:]

    init(_ actors: [Actor]) {
        slugs = actors.map(\.slug)
        names = actors.map { [$0.title] + $0.aliases.map(\.value) }
        for (actor, actorNames) in names.enumerated() {
            for (position, name) in actorNames.enumerated() {
                let hit = Hit(actor: actor, name: position)
                byName[name] = min(byName[name] ?? hit, hit)
                byLowercasedName[name.lowercased()] = min(byLowercasedName[name.lowercased()] ?? hit, hit)
                let slug = Slugify.slug(name)
                byNameSlug[slug] = min(byNameSlug[slug] ?? hit, hit)
            }
        }
    }

    func didYouMean(_ reference: String) -> String {
        let hits = [byName[reference], byLowercasedName[reference.lowercased()], byNameSlug[reference]].compactMap { $0 }
        if let hit = hits.min() {
            let name = names[hit.actor][hit.name]
            let which = hit.name == 0 ? "the name" : "an alias"
            return " (did you mean '\(slugs[hit.actor])'? '\(name)' is \(which) of that actor, and references use its slug)"
        }
        return Suggestion.didYouMean(reference, in: slugs)
    }
}
