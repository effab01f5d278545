/// "Did you mean …?" for an actor reference (`actors:`, an event's actors or place, a
/// relation's target, `[text](@slug)`) that names no actor.
enum ActorSuggestion {
    /// Authors often write an actor by a name they know rather than by its slug:
    /// `eu` for the actor whose alias is "EU", `Iran` for `iran`. A reference that is
    /// one of an actor's names (as written, in any case, or as a slug) suggests that
    /// actor, and says which name it is; otherwise the slug nearest by spelling.
    static func didYouMean(_ reference: String, in actors: [Actor]) -> String {
        let folded = reference.lowercased()
        for actor in actors {
            let names = [actor.title] + actor.aliases.map(\.value)
            guard let name = names.first(where: { $0 == reference || $0.lowercased() == folded || Slugify.slug($0) == reference }) else {
                continue
            }
            let which = name == actor.title ? "the name" : "an alias"
            return " (did you mean '\(actor.slug)'? '\(name)' is \(which) of that actor, and references use its slug)"
        }
        return Suggestion.didYouMean(reference, in: actors.map(\.slug))
    }
}
