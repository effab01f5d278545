import CCmarkGFM
import Foundation

/// Options that change how Markdown is parsed and rendered.
public struct MarkdownOptions: Sendable, Hashable {
    /// Render raw HTML and dangerous URLs as written. Off by default: cmark-gfm's
    /// safe mode replaces raw HTML with a comment and empties `javascript:` links.
    public var allowRawHTML: Bool

    public init(allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
    }
}

/// Parses GitHub-flavoured Markdown with cmark-gfm.
///
/// ```swift
/// let document = MarkdownParser.parse("Hello *world*", options: .init())
/// document.renderHTML()   // "<p>Hello <em>world</em></p>\n"
/// ```
///
/// Safe to call from many threads at once: see `finishLock`.
public enum MarkdownParser {
    /// The GFM extensions every parser attaches. Every parser must attach the same
    /// set, because they share cmark's process-wide special-character table.
    public static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// `cmark_parser_finish` edits a process-global table of special inline
    /// characters at its start and end; two threads finishing at once silently lose
    /// strikethrough and autolinks (see STACK-NOTES.md). Feeding and rendering stay
    /// parallel; only finishing is serialised.
    private static let finishLock = NSLock()

    /// Registers the core extensions once per process; Swift runs a global's
    /// initialiser exactly once, even under concurrency.
    private static let registration: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    public static func parse(_ text: String, options: MarkdownOptions = .init()) -> MarkdownDocument {
        _ = registration
        let parseOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(parseOptions) else {
            fatalError("cmark_parser_new failed: out of memory")
        }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        // Fed from the string's own bytes: cmark copies what it is fed, so a copy here was a second one.
        var text = text
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        finishLock.lock()
        let root = cmark_parser_finish(parser)
        finishLock.unlock()
        guard let root else {
            cmark_parser_free(parser)
            fatalError("cmark_parser_finish failed: out of memory")
        }
        return MarkdownDocument(parser: parser, root: root, options: options)
    }
}
