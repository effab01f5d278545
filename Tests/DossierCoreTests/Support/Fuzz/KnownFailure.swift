/// Failures the fuzz generator can reach that are known and not fixed yet. The
/// generator makes a class's mutations only when it is listed in
/// `FuzzTests.reachedKnownFailures` (or DOSSIER_FUZZ_PENDING=1 is set); otherwise it
/// makes them in forms that stay clear of the failure.
enum KnownFailure: CaseIterable, Hashable, Sendable {
    /// Issue 9 item 3, being fixed on another branch: nine levels of ten aliases.
    case yamlAliasBomb
    /// Issue 9 item 6, being fixed on another branch: blockquotes and lists nested
    /// deeper than `ProjectMutator.depthBelowKnownQuadraticNesting`. Each open block
    /// keeps a copy of all the text inside it (MarkdownDocument.collect), so the cost
    /// is depth × text: 50,869 levels around a profile's text took 33 s.
    case deepBlockNesting
    /// Issue 9 item 7, being fixed on another branch: `{{>…}}` and `{{<…}}` naming real
    /// templates, so a template can include itself.
    case recursivePartial
    /// Reported with the fuzz test: a title or dossier.yml value is repeated wherever
    /// it is named. A 1 MB title for Iran made a 314 MB site (43 s in a debug build), a
    /// 1 MB site title 513 MB (25 s). Until titles get a length limit, titles and
    /// dossier.yml values are 64 KB.
    case hugeRepeatedTitle
    /// Reported with the fuzz test: every tag page builds the tag links of every card
    /// on it, so one briefing with N tags costs N² (2,000 tags: 21 s in a debug
    /// build; 10,000: minutes). Until then, 300 tags.
    case manyTagsOnOneBriefing
    /// Reported with the fuzz test: each unknown actor gets a did-you-mean against every
    /// slug, 0.6 ms each in a debug build (20,000: 12 s). Until then, 1,000.
    case manyUnknownActors
}
