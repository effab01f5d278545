import DossierCore
import Foundation

/// What the dev server adds to pages: a small script that asks the server every
/// quarter of a second for its page's version and reloads when it changes (only pages whose file
/// changed, or all of them when a stylesheet or script did), and, while the last build
/// failed, a page listing its diagnostics instead of the stale site.
public enum LiveReload {
    public static let versionPath = "/__dossier/version"

    static let script = """
    <script>
    (function () {
      var current = null;
      function check() {
        fetch("\(versionPath)?page=" + encodeURIComponent(window.location.pathname), { cache: "no-store" }).then(function (response) { return response.text(); })
          .then(function (version) {
            if (current !== null && version !== current) { window.location.reload(); }
            current = version;
          }).catch(function () {}).then(function () { setTimeout(check, 250); });
      }
      check();
    })();
    </script>
    """

    /// The page a version request asks about (`/__dossier/version?page=%2Factors%2Firan%2F`), if any.
    static func page(inVersionRequest target: String) -> String? {
        guard let query = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        for pair in query.split(separator: "&") where pair.hasPrefix("page=") {
            return String(pair.dropFirst(5)).removingPercentEncoding
        }
        return nil
    }

    /// Inserts the reload script before `</body>`, or at the end.
    public static func inject(into html: String) -> String {
        guard let range = html.range(of: "</body>", options: .backwards) else { return html + script }
        return html.replacingCharacters(in: range, with: script + "\n</body>")
    }

    /// A page listing a failed build's diagnostics, which reloads when the build is fixed.
    public static func errorPage(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { "<li>" + escape(DiagnosticFormatter.format($0)) + "</li>" }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Build failed · Dossier</title>
        <style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;max-width:70rem}li{font-family:ui-monospace,monospace;white-space:pre-wrap;margin:.4rem 0}h1{color:#a11}</style></head>
        <body>
        <h1>The build failed</h1>
        <p>Fix these problems and save; this page reloads by itself. The previous site is kept until the build succeeds.</p>
        <ol>
        \(items)
        </ol>
        </body>
        </html>
        """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
