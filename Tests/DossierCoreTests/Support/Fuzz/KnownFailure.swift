/// Classes of input that once crashed, hung or blew up a build, each fixed now. The
/// generator makes a class's mutations only when it is listed in
/// `FuzzTests.reachedKnownFailures` (or DOSSIER_FUZZ_PENDING=1 is set); otherwise it
/// makes them in forms that stay clear of it. A class found in future starts here,
/// unlisted, until its fix lands. How each was fixed:
enum KnownFailure: CaseIterable, Hashable, Sendable {
    /// Nine levels of ten aliases: refused by YAMLExpansion's bound on expanded values.
    case yamlAliasBomb
    /// Blockquotes and lists nested (linear since MarkdownDocument shares one text buffer)
    /// deeper than `ProjectMutator.depthBelowKnownQuadraticNesting`. Each open block
    /// keeps a copy of all the text inside it (MarkdownDocument.collect), so the cost
    /// is depth × text: 50,869 levels around a profile's text took 33 s.
    case deepBlockNesting
    /// Partial cycles, refused by PartialCycles: `{{>…}}` and `{{<…}}` naming real
    /// templates, so a template can include itself.
    case recursivePartial
    /// Titles are at most 500 characters (NameLimits): a title or dossier.yml value is repeated wherever
    /// it is named. A 1 MB title for Iran made a 314 MB site (43 s in a debug build), a
    /// 1 MB site title 513 MB (25 s). Until titles get a length limit, titles and
    /// dossier.yml values are 64 KB.
    case hugeRepeatedTitle
    /// At most 100 tags per document (NameLimits): every tag page builds the tag links of every card
    /// on it, so one briefing with N tags costs N² (2,000 tags: 21 s in a debug
    /// build; 10,000: minutes). Until then, 300 tags.
    case manyTagsOnOneBriefing
    /// Actor names are indexed once (ActorSuggestion): each unknown actor got a did-you-mean against every
    /// slug, 0.6 ms each in a debug build (20,000: 12 s). Until then, 1,000.
    case manyUnknownActors
}
