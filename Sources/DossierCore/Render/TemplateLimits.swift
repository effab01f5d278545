/// Templates too large for swift-mustache to parse in bounded time, refused before
/// parsing (found by the fuzz test): at every `{` it measures the distance to the end
/// of the whole template, so parsing takes time that grows with the square of the
/// template's size (1 MB took 105 s in a debug build). Nesting, which would overflow
/// its recursive parser, is `TemplateNesting`'s to refuse.
enum TemplateLimits {
    /// 25 times the largest built-in template; the worst 64 KB (`{x` repeated)
    /// parses in 1 s in a debug build.
    static let largestTemplateBytes = 64 * 1024

    /// Why the template is refused, or nil; the problem is the whole file, so it stands at 1:1.
    static func problem(in text: String) -> String? {
        let size = text.utf8.count
        guard size > largestTemplateBytes else { return nil }
        return "template is larger than \(largestTemplateBytes / 1024) KB (\(size) bytes)"
    }
}
