extension PageContexts {
    /// A page body with its actor links resolved into described mention links, followed
    /// by the previews they point to (hidden: screen readers read one as the link's
    /// description; `mentions.js` shows it beside the link on hover and keyboard focus)
    /// and that script. Without the script the page reads and links the same.
    func bodyWithMentionPreviews(_ html: String, from page: SiteURLs.Page) -> String {
        let root = urls.rootPrefix(from: page)
        let result = MentionLinks.resolve(html, rootPrefix: root) { slug in
            actorsBySlug[slug].map { MentionLinks.Target(title: $0.actor.title, kind: $0.actor.kind) }
        }
        guard !result.linked.isEmpty else { return result.html }
        var previews = "\n<div class=\"mention-previews\" hidden>\n"
        for slug in result.linked {
            guard let actor = actorsBySlug[slug]?.actor else { continue }
            previews += mentionPreview(actor, on: page) + "\n"
        }
        previews += "</div>\n<script src=\"" + root + urls.path(.asset("mentions.js")) + "\" defer></script>\n"
        return result.html + previews
    }

    /// "Iran, State. A West Asian state." — the punctuation is for screen readers only:
    /// on screen the name, kind and summary sit on lines of their own. Made once per
    /// actor and language attributes: every page that links the actor holds the same.
    func mentionPreview(_ actor: Actor, on page: SiteURLs.Page) -> String {
        let langDir = langDirHTML(language(of: .actor(actor.slug)), on: page)
        return previews.value(for: PreviewKey(slug: actor.slug, langDir: langDir)) { Self.mentionPreviewHTML(actor, langDir: langDir) }
    }

    static func mentionPreviewHTML(_ actor: Actor, langDir: String) -> String {
        var html = "<p id=\"" + MentionLinks.previewID(actor.slug) + "\" class=\"mention-preview mention-preview--"
            + actor.kind.rawValue + "\"" + langDir + ">"
        html += "<span class=\"mention-preview__name\">" + HTMLEscaping.escape(actor.title) + "</span>"
        html += "<span class=\"visually-hidden\">, </span> <span class=\"mention-preview__kind\">" + actor.kind.label + "</span>"
        if let summary = actor.summary, !summary.isEmpty {
            html += "<span class=\"visually-hidden\">. </span> <span class=\"mention-preview__summary\">" + HTMLEscaping.escape(summary) + "</span>"
        }
        return html + "</p>"
    }
}


/// A mention preview depends on its actor and on whether the page is in the actor's language.
struct PreviewKey: Hashable, Sendable {
    var slug: String
    var langDir: String
}
