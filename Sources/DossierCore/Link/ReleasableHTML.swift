import Foundation

/// A linked document's HTML, in one object that every copy of the document shares.
/// A build that runs once in its process lets it go as soon as the last page that
/// shows it is rendered (`SiteRenderer.HTMLReaders`): at 100,000 briefings the HTML
/// is about a gigabyte, and every other copy of the document (the build cache's, the
/// model's) would otherwise keep it alive until the end.
final class ReleasableHTML: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?

    init(_ value: String) { self.value = value }

    /// Nil once released.
    var string: String? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func release() {
        lock.lock()
        value = nil
        lock.unlock()
    }
}
