import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A linked document's text without markup (`DocumentText`), in one object that the
/// document, its mentions' origin and its search passages share. A build that runs
/// once in its process moves it into the spill file after linking, as it does the HTML
/// (`ReleasableHTML`): at 100,000 briefings the texts are about 0.9 GB, and every
/// snippet and search passage quotes only a few hundred bytes of one of them, which
/// are then read back from the file (one `pread` each) where they are shown. The
/// text of a document a cached build takes from the build cache is not read at all
/// until something quotes it: it stays in its entry file (`CachedText`).
final class SpillableText: @unchecked Sendable {
    private enum Storage {
        case memory(String)
        case spilled(HTMLSpillFile, offset: Int, length: Int)
        case inCacheEntry(CachedText)
    }

    private let lock = NSLock()
    private var storage: Storage

    init(_ value: String) { storage = .memory(value) }

    /// A text read from its build cache entry each time it is quoted.
    init(inCacheEntry location: CachedText) { storage = .inCacheEntry(location) }

    private var current: Storage {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }

    /// The whole text (read back whole once spilled or from its cache entry: the build
    /// cache's names check after an alias change and `dossier check` ask for it).
    var string: String {
        switch current {
        case .memory(let value): return value
        case .spilled(let file, let offset, let length): return Self.readBack(file, offset: offset, length: length)
        case .inCacheEntry(let location):
            // The checksum passed, so the bytes are the UTF-8 the encoder wrote.
            return location.withVerifiedBytes { String(decoding: $0, as: UTF8.self) } ?? relinked(location)
        }
    }

    var utf8Count: Int {
        switch current {
        case .memory(let value): return value.utf8.count
        case .spilled(_, _, let length): return length
        case .inCacheEntry(let location): return location.length
        }
    }

    var isInMemory: Bool {
        if case .memory = current { return true }
        return false
    }

    /// Whether it is still in its build cache entry, unread into memory.
    var isInCacheEntry: Bool {
        if case .inCacheEntry = current { return true }
        return false
    }

    /// The checksum of the text in its build cache entry, while it is still there
    /// unread (`NameSignature` filters are bound to it).
    var checksumInCacheEntry: UInt64? {
        if case .inCacheEntry(let location) = current { return location.checksum }
        return nil
    }

    var isSpilled: Bool {
        if case .spilled = current { return true }
        return false
    }

    /// Calls `body` with the bytes of `range` (clamped to the text) and the offset in
    /// the text of the first of them, reading from the spill file only those bytes.
    func withBytes<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Result) -> Result {
        func quote(_ text: UnsafeBufferPointer<UInt8>) -> Result {
            let clamped = range.clamped(to: 0..<text.count)
            return body(UnsafeBufferPointer(rebasing: text[clamped]), clamped.lowerBound)
        }
        switch current {
        case .memory(var value):
            return value.withUTF8(quote)
        case .inCacheEntry(let location):
            // The whole text is read to check it, and only the quoted range is kept.
            if let quoted = location.withVerifiedBytes(quote) { return quoted }
            var value = relinked(location)
            return value.withUTF8(quote)
        case .spilled(let file, let offset, let length):
            let clamped = range.clamped(to: 0..<length)
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, clamped.count)) { buffer in
                let bytes = UnsafeMutableBufferPointer(rebasing: buffer[0..<clamped.count])
                // Written moments before: failing to read it back is a broken disk, and a
                // page must not come out with an empty snippet because of it.
                guard file.read(into: UnsafeMutableRawBufferPointer(bytes), offset: offset + clamped.lowerBound)
                else { preconditionFailure("could not read back the text kept in \(file)") }
                return body(UnsafeBufferPointer(bytes), clamped.lowerBound)
            }
        }
    }

    /// Moves the text into `file`; it stays in memory if the file cannot take it.
    func spill(to file: HTMLSpillFile) {
        lock.lock()
        defer { lock.unlock() }
        guard case .memory(let value) = storage, let offset = file.append(value) else { return }
        storage = .spilled(file, offset: offset, length: value.utf8.count)
    }

    /// The text linked again, for an entry that no longer gives it back intact; kept
    /// in memory from then on, so that linking runs once for all its readers.
    private func relinked(_ location: CachedText) -> String {
        lock.lock()
        defer { lock.unlock() }
        if case .memory(let value) = storage { return value }
        // The link stage has passed, so there is no diagnostic to report: a snippet
        // quoting another text than the one its ranges were made in would be silently wrong.
        guard let text = location.relinkedText() else {
            preconditionFailure("the build cache entry \(location.path) changed, and its document's file changed during the build: build again")
        }
        storage = .memory(text)
        return text
    }

    private static func readBack(_ file: HTMLSpillFile, offset: Int, length: Int) -> String {
        guard let value = file.read(offset: offset, length: length) else { preconditionFailure("could not read back the text kept in \(file)") }
        return value
    }
}

/// The text a snippet or a search passage quotes: its document's shared text, or a
/// string of its own (a snippet outside any block, a passage collapsed by characters).
enum QuotedSource: Sendable {
    case own(String)
    case document(SpillableText)

    var string: String {
        switch self {
        case .own(let value): value
        case .document(let text): text.string
        }
    }

    var utf8Count: Int {
        switch self {
        case .own(let value): value.utf8.count
        case .document(let text): text.utf8Count
        }
    }

    /// Whether it reads `text`: compared by identity first, so the usual case costs nothing.
    func isText(_ text: SpillableText, sameAs string: String) -> Bool {
        switch self {
        case .own(let value): value == string
        case .document(let other): other === text || other.string == string
        }
    }

    /// `body` with the bytes of `range` (clamped) and the offset of the first of them.
    func withBytes<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Result) -> Result {
        switch self {
        case .own(var value):
            return value.withUTF8 { text in
                let clamped = range.clamped(to: 0..<text.count)
                return body(UnsafeBufferPointer(rebasing: text[clamped]), clamped.lowerBound)
            }
        case .document(let text): return text.withBytes(range, body)
        }
    }
}
