import Foundation
import Mustache

/// An actor's chip as every page shows it, made once per build instead of once per use.
///
/// The same chip repeats on thousands of pages (about 320,000 chips at 10,000
/// briefings, for 2,000 actors), and rendering each through Mustache cost a dozen
/// dynamic lookups. A chip's values depend only on the actor, the page's depth (its
/// links' `../` prefix) and whether the page is in the actor's language, so each
/// (actor, prefix, language attributes) is built and rendered once, through the
/// theme's chip partials — a project's override of a partial applies to every chip —
/// and pages insert the HTML with `{{{chip_html}}}` (and the other variants' keys).
///
/// A chip partial is rendered with the chip's own values only (`title`, `url`, `kind`,
/// `kind_label`, `summary`, `lang_dir_html`): it cannot read the page's values, which
/// the guide's Theme section says.
final class ActorChips: @unchecked Sendable {
    /// The theme's chip partials, each with the key its HTML has in a chip's context.
    enum Variant: CaseIterable, Sendable {
        /// Name and summary as a tooltip: "Also mentioned", "Most mentioned", "Mentioned alongside".
        case standard
        /// With its kind spelled out: a briefing's principal actors.
        case principal
        /// Without the summary: briefing cards, relations.
        case compact
        /// Smaller: events and the sources page.
        case tiny

        var partial: String {
            switch self {
            case .standard: "partials/actor-chip"
            case .principal: "partials/actor-chip-principal"
            case .compact: "partials/actor-chip-compact"
            case .tiny: "partials/actor-chip-tiny"
            }
        }

        var key: String {
            switch self {
            case .standard: "chip_html"
            case .principal: "chip_principal_html"
            case .compact: "chip_compact_html"
            case .tiny: "chip_tiny_html"
            }
        }
    }

    /// A chip made, with what it was made for besides its actor.
    private struct Made {
        var rootPrefix: String
        var langDir: String
        var variant: Variant?
        var context: PageContexts.Context
    }

    /// Nil when contexts are built without a theme (tests of the contexts alone): chips
    /// then carry their values without the rendered HTML.
    private let library: MustacheLibrary?
    private let lock = NSLock()
    /// By the actor's position in the model: a page finds its chips without hashing a
    /// slug, a prefix and a language into a table of every chip of the site (about
    /// 100,000 at 100,000 briefings, past the CPU's caches). An actor has a few chips
    /// (depths, languages, variants), compared in turn: short strings compare as integers.
    private var chips: [[Made]]
    private(set) var renderCount = 0

    init(library: MustacheLibrary?, actorCount: Int) {
        self.library = library
        chips = Array(repeating: [], count: actorCount)
    }

    /// The chip's context with the variant's HTML (none without a variant: a link that
    /// is not drawn as a chip) when this (actor, prefix, language, variant) has been made
    /// (`make`); nil before. `actor`: the actor's position in the model's actors.
    ///
    /// Apart from `make`, so that a page finds a chip made without forming a closure of
    /// its values: a closure over the page contexts copied them (a retain of each of
    /// their fields) for each of the 320,000 chips at 10,000 briefings.
    func chip(_ actor: Int, rootPrefix: String, langDir: String, variant: Variant?) -> PageContexts.Context? {
        lock.lock()
        defer { lock.unlock() }
        return Self.find(in: chips[actor], rootPrefix: rootPrefix, langDir: langDir, variant: variant)
    }

    /// The chip made from its own values, `values`, and kept for the next pages that ask
    /// for it (`chip`); the one made first when two threads make the same chip at once.
    func make(
        _ actor: Int, rootPrefix: String, langDir: String, variant: Variant?, values: PageContexts.Context
    ) -> PageContexts.Context {
        var context = values
        // Two threads may render the same chip at once; both get the same bytes.
        if let variant, let library, let html = library.render(context, withTemplate: variant.partial) {
            context[variant.key] = html
        }
        lock.lock()
        defer { lock.unlock() }
        if let raced = Self.find(in: chips[actor], rootPrefix: rootPrefix, langDir: langDir, variant: variant) { return raced }
        chips[actor].append(Made(rootPrefix: rootPrefix, langDir: langDir, variant: variant, context: context))
        renderCount += 1
        return context
    }

    private static func find(in made: [Made], rootPrefix: String, langDir: String, variant: Variant?) -> PageContexts.Context? {
        for index in made.indices where made[index].variant == variant && made[index].rootPrefix == rootPrefix && made[index].langDir == langDir {
            return made[index].context
        }
        return nil
    }
}
