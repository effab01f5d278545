/// Languages and directions for templates.
///
/// A page is in its document's language (a briefing's, actor's or page's
/// `language:`), every other page in the site's. Text quoted from another document
/// (a title in a list, a chip, a snippet) carries that document's language when it
/// differs from the page's, and is isolated either way, so that a Persian title in an
/// English list, or an English name in a Persian one, keeps its own order and does
/// not reorder the punctuation and numbers around it.
extension PageContexts {
    var siteLanguage: LanguageTag { model.config.languageTag }

    /// The language a page is written in.
    func language(of page: SiteURLs.Page) -> LanguageTag {
        switch page {
        case .briefing(let slug): briefingsBySlug.read(slug) { $0.briefing.language }.flatMap { $0 } ?? siteLanguage
        case .actor(let slug): actorsBySlug.read(slug) { $0.actor.language }.flatMap { $0 } ?? siteLanguage
        case .page(let slug): pagesBySlug.read(slug) { $0.page.language }.flatMap { $0 } ?? siteLanguage
        case .listPage(.actorMentions(let slug), _): language(of: .actor(slug))
        default: siteLanguage
        }
    }

    func language(of document: DocumentID) -> LanguageTag {
        switch document.kind {
        case .briefing: language(of: .briefing(document.slug))
        case .actor: language(of: .actor(document.slug))
        case .page: language(of: .page(document.slug))
        }
    }

    /// Attributes for an element that holds text in `language` shown on `page`:
    /// ` lang="fa" dir="rtl"` when that differs from the page's language, else
    /// ` dir="auto"`, so the text is still isolated and takes its direction from its
    /// first strong letter. Used as `<bdi{{{lang_dir_html}}}>` around inline text and
    /// on block elements (summaries, snippets). A tag holds only `[A-Za-z0-9-]`.
    static let sameLanguageDirHTML = " dir=\"auto\""

    func langDirHTML(_ language: LanguageTag, on page: SiteURLs.Page) -> String {
        langDirHTML(language, pageLanguage: self.language(of: page))
    }

    /// `langDirHTML` on a page whose language the caller has looked up.
    func langDirHTML(_ language: LanguageTag, pageLanguage: LanguageTag) -> String {
        language == pageLanguage ? Self.sameLanguageDirHTML : " lang=\"\(language.tag)\" dir=\"\(language.direction.rawValue)\""
    }

    /// The same, but nothing when the text is in the page's language: for a `<bdi>`,
    /// isolated and taking its direction from its text without `dir="auto"` (11 bytes on
    /// each of 200,000 names in related briefings at 10,000 briefings), and for an actor
    /// page's passages and document lines, which read in the page's direction.
    func otherLanguageDirHTML(_ language: LanguageTag, on page: SiteURLs.Page) -> String {
        otherLanguageDirHTML(language, pageLanguage: self.language(of: page))
    }

    /// `otherLanguageDirHTML` on a page whose language the caller has looked up.
    func otherLanguageDirHTML(_ language: LanguageTag, pageLanguage: LanguageTag) -> String {
        language == pageLanguage ? "" : langDirHTML(language, pageLanguage: pageLanguage)
    }

    /// `language` and `direction` for `<html lang dir>`, and `site_lang_dir_html` for the
    /// site's own header and footer: on a page in another language than the site's
    /// they keep the site's language and direction, so the navigation reads and sits
    /// the same on every page.
    func languageKeys(_ page: SiteURLs.Page) -> Context {
        let language = language(of: page)
        let site = siteLanguage
        return [
            "language": language.tag,
            "direction": language.direction.rawValue,
            "site_lang_dir_html": language == site ? "" : " lang=\"\(site.tag)\" dir=\"\(site.direction.rawValue)\"",
            "lang_dir_html": " dir=\"auto\"",
        ]
    }

    /// A count as the page's language writes its digits.
    func number(_ value: Int, on page: SiteURLs.Page) -> String {
        DisplayFormat.number(value, in: language(of: page))
    }
}
