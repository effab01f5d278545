extension PageContexts {
    /// Sources as a list on one page, each with an anchor no other item of the list
    /// has: `source-<id>` for a source with an id (notes and other pages link there),
    /// and one made from the title for a source without (`source-charter-of-the-gulf`).
    /// On the sources page, two files' sources with the same id get `-2`, `-3`…
    func sourceList(_ sources: [Source], on page: SiteURLs.Page) -> [Context] {
        var namer = AnchorNamer()
        // Written ids keep their anchors; the others are named around them.
        let written = sources.map { source in source.id.map { namer.unique("source-" + $0) } }
        return zip(sources, written).map { source, anchor in
            var context = self.source(source, on: page)
            context["anchor"] = anchor ?? namer.unique("source-" + AnchorNamer.slug(source.title, words: 5, fallbackPrefix: ""))
            return context
        }
    }
}
