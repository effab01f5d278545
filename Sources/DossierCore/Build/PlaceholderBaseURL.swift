import Foundation

/// A build for publishing whose `base_url` still names a placeholder host: feeds,
/// the sitemap and canonical links would send readers and search engines there.
/// Placeholders are the names reserved for examples and tests (RFC 2606, RFC 6761):
/// example.com, example.net, example.org and the .example, .test, .invalid and
/// .localhost domains, with any subdomain, and loopback addresses.
///
/// Only `dossier build` asks for this warning. `serve` builds for the author's own
/// browser, and `check` validates the writing: a new project's GitHub workflow
/// checks with the placeholder in dossier.yml and builds with the Pages address,
/// so the check would annotate every run for a problem the build does not have.
public enum PlaceholderBaseURL {
    /// The warning for `config.baseURL`, or nil when it names a real host.
    /// `overridden` is true when `--base-url` set it.
    public static func warning(for config: SiteConfig, overridden: Bool) -> Diagnostic? {
        guard let host = URLComponents(string: config.baseURL)?.host, isPlaceholder(host) else { return nil }
        let consequence = "feeds, the sitemap and canonical links will point to \(config.baseURL)"
        if overridden {
            return .warning("--base-url names a placeholder host, \(host): \(consequence)", at: SourceLocation(path: "--base-url"))
        }
        let advice = "set base_url in \(SiteConfig.fileName) to the address the site is published at, or pass --base-url"
        guard let location = config.baseURLLocation else {
            return .warning("\(SiteConfig.fileName) has no base_url, so \(consequence), a placeholder; \(advice)",
                            at: SourceLocation(path: SiteConfig.fileName))
        }
        return .warning("base_url is still a placeholder (\(host)): \(consequence); \(advice)", at: location)
    }

    static func isPlaceholder(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name == "::1" || name == "0.0.0.0" { return true }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count == 4, labels.first == "127", labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
            return true
        }
        if let top = labels.last, ["example", "test", "invalid", "localhost"].contains(top) { return true }
        guard labels.count >= 2 else { return false }
        let registered = labels.suffix(2).joined(separator: ".")
        return ["example.com", "example.net", "example.org"].contains(registered)
    }
}
