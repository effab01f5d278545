/// Links the link stage makes to the site's own pages and files leave it as
/// `dossier-site:briefings/other/index.html`; the renderer, which knows where each
/// page lives, turns them into relative links, and feeds into absolute ones.
public enum SiteLinkPlaceholder {
    public static let scheme = "dossier-site:"

    /// Rewrites every placeholder in `html`'s `href` and `src` attributes to a link
    /// from `rootPrefix` (`../../` on a page, the base URL in a feed).
    public static func resolve(_ html: String, rootPrefix: String) -> String {
        ByteReplacement.replacing("=\"" + scheme, with: "=\"" + rootPrefix, in: html)
    }
}
