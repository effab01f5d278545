/// Each briefing's principal and secondary actors as numbers, made once per build. An
/// actor's number is its position in the model's actors (`SlugLookup.position(of:)`);
/// a slug no actor has gets a number after theirs.
///
/// A briefing page finds the actors it shares with each related briefing here, by the
/// related briefing's position (`RelatedActorOrder`): each related card hashed the
/// other briefing's slugs, strings of another page that are cold at 100,000 briefings
/// (about half a million cards), and the lookups grew 28-fold for 10 times the briefings.
final class BriefingActorNumbers: Sendable {
    /// How many numbers are actors' positions; the others name slugs no actor has.
    let actorCount: Int
    /// The slugs of the numbers at and after `actorCount`.
    private let unknownSlugs: [String]
    private let unknownNumbers: [String: Int32]
    /// Briefing `b`'s principal actors are `numbers[starts[2b]..<starts[2b + 1]]`, its
    /// secondary ones `numbers[starts[2b + 1]..<starts[2b + 2]]`, as the model lists them.
    private let starts: [Int32]
    private let numbers: [Int32]

    init(briefings: [BriefingModel], actors: SlugLookup<ActorModel>, actorCount: Int) {
        self.actorCount = actorCount
        var unknownSlugs: [String] = []
        var unknownNumbers: [String: Int32] = [:]
        var starts: [Int32] = [0]
        starts.reserveCapacity(2 * briefings.count + 1)
        var numbers: [Int32] = []
        func append(_ slugs: [String]) {
            // By index: iterating would retain each slug.
            for index in slugs.indices {
                if let position = actors.position(of: slugs[index]) {
                    numbers.append(Int32(position))
                } else if let known = unknownNumbers[slugs[index]] {
                    numbers.append(known)
                } else {
                    let number = Int32(actorCount + unknownSlugs.count)
                    unknownNumbers[slugs[index]] = number
                    unknownSlugs.append(slugs[index])
                    numbers.append(number)
                }
            }
            starts.append(Int32(numbers.count))
        }
        for position in briefings.indices {
            append(briefings[position].principalActors)
            append(briefings[position].secondaryActors)
        }
        self.unknownSlugs = unknownSlugs
        self.unknownNumbers = unknownNumbers
        self.starts = starts
        self.numbers = numbers
    }

    /// The number of `slug`, from the actors' positions when `actors` has it; nil for a
    /// slug that neither an actor nor a briefing of the table names.
    func number(of slug: String, actors: SlugLookup<ActorModel>) -> Int32? {
        if let position = actors.position(of: slug) { return Int32(position) }
        return unknownNumbers[slug]
    }

    /// The slug of a number no actor has (`number >= actorCount`).
    func unknownSlug(_ number: Int32) -> String {
        unknownSlugs[Int(number) - actorCount]
    }

    /// The principal actors of the briefing at `briefing` in the model's briefings.
    func principal(of briefing: Int) -> ArraySlice<Int32> {
        numbers[Int(starts[2 * briefing])..<Int(starts[2 * briefing + 1])]
    }

    /// The secondary actors of the briefing at `briefing` in the model's briefings.
    func secondary(of briefing: Int) -> ArraySlice<Int32> {
        numbers[Int(starts[2 * briefing + 1])..<Int(starts[2 * briefing + 2])]
    }
}
