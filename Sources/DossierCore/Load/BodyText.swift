import Foundation

/// A body's text, held or to be read. A body from the load memo is deferred: its file
/// was not read this build because its stat record matched (`FileIdentity`), and it
/// is read on first use, checked against the hash of the whole file that was loaded,
/// so the text always belongs to the front matter it came with. A file changed since
/// the load stage gives no text (`isReadable` is false), and the link stage reports
/// it instead of linking a mix of two versions.
final class BodyText: @unchecked Sendable {
    struct Deferred: Sendable {
        /// The file's absolute path: a `URL` per record cost a third of decoding the load memo.
        var path: String
        /// `DocumentFingerprints.hash` of the whole file when it was loaded.
        var sourceFingerprint: String
        var firstLine: Int
    }

    private let lock = NSLock()
    private var loaded: String?
    private var knownFingerprint: String?
    private var deferred: Deferred?
    private var unreadable = false

    init(_ text: String) {
        loaded = text
    }

    /// `fingerprint`: the body's own hash, as recorded when it was last read.
    init(deferred: Deferred, fingerprint: String) {
        self.deferred = deferred
        knownFingerprint = fingerprint
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let text = deferred.flatMap(Self.read)
        unreadable = text == nil
        loaded = text ?? ""
        return text ?? ""
    }

    var isReadable: Bool {
        _ = text
        lock.lock()
        defer { lock.unlock() }
        return !unreadable
    }

    /// Whether the text is in memory (false for a deferred body not read yet).
    var isLoaded: Bool {
        lock.lock()
        defer { lock.unlock() }
        return loaded != nil
    }

    var fingerprint: String {
        lock.lock()
        if let knownFingerprint {
            lock.unlock()
            return knownFingerprint
        }
        lock.unlock()
        let computed = DocumentFingerprints.hash(text)
        lock.lock()
        knownFingerprint = computed
        lock.unlock()
        return computed
    }

    /// The body of the file as it was loaded, or nil when the file now holds something else.
    private static func read(_ deferred: Deferred) -> String? {
        guard let data = FileManager.default.contents(atPath: deferred.path),
              let text = String(validating: data, as: UTF8.self),
              DocumentFingerprints.hash(text) == deferred.sourceFingerprint,
              case .success(let frontMatter) = FrontMatterSplitter.split(text),
              frontMatter.body.firstLine == deferred.firstLine
        else { return nil }
        return frontMatter.body.text
    }
}
