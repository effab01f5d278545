/// What a build that runs once in its process (the `build` command) lets go as soon
/// as the last stage that reads it is done, so that memory does not hold the whole
/// site's text several times over at 100,000 briefings (docs/benchmarks.md, "Memory
/// at 100,000 briefings"). `dossier serve` re-renders from the model and `check` and
/// `suggest` read the Markdown again, so they keep everything.
extension LoadedProject {
    /// The briefings' and pages' Markdown, which nothing reads after linking. Actor
    /// profiles are kept: the entity index holds the same actors, so dropping them
    /// here would free nothing.
    mutating func dropBodiesAfterLinking() {
        for position in briefings.indices { briefings[position].body.text = "" }
        for position in pages.indices { pages[position].body.text = "" }
    }
}
