import Foundation

/// Where rendered files go as soon as they are made, so a large site is never held
/// in memory whole. Called from many threads at once.
public protocol OutputSink: Sendable {
    func write(_ file: OutputFile) throws
    /// Paths written so far, sorted.
    var writtenPaths: [String] { get }
    /// Puts the previous output's file at `path` in place without rendering it, if
    /// it was rendered from `key` (a `RenderKey`) and is untouched; false otherwise.
    func reuse(_ path: String, renderedFrom key: String) -> Bool
    /// Writes a page rendered from `key`, so that a later build can reuse it.
    func write(_ file: OutputFile, renderedFrom key: String) throws
    /// `reuse` by a page's inputs key, before its context is built.
    func reuse(_ path: String, inputs: String) -> Bool
    /// `reuse` and `write(_:renderedFrom:)` that also keep the page's inputs key.
    func reuse(_ path: String, renderedFrom key: String, inputs: String?) -> Bool
    func write(_ file: OutputFile, renderedFrom key: String, inputs: String?) throws
    /// `reuse` for a data file (export, feed…) keyed on its inputs (`AggregateKeys`);
    /// it is written with `write(_:renderedFrom:)` and counted apart from pages.
    func reuse(_ path: String, madeFrom key: String) -> Bool
    /// `reuse` for a group of data files made together (the search index): every
    /// previous file whose path `isMember` accepts, if each was made under `key`
    /// (`AggregateKeys.member`); all or none.
    func reuseGroup(madeFrom key: String, members isMember: (String) -> Bool) -> Bool
    /// The previous output's file at `path`, if the manifest lists it and it is
    /// untouched since: for a maker that reuses part of it (`SearchIndexWriter`,
    /// `CSVExportWriter`). Defaults in StreamedFile.swift, like the two below.
    func previousOutput(_ path: String) -> PreviousOutput?
    /// `reuse(_:madeFrom:)` that keeps `inputs` for the next build's `previousOutput`.
    func reuse(_ path: String, madeFrom key: String, inputs: String?) -> Bool
    /// Writes the file at `path` piece by piece as `produce` hands the pieces over,
    /// under the key (and inputs) it returns once it has seen them all, if any. A
    /// `produce` that throws leaves no file at `path`.
    func writeStreamed(_ path: String, _ produce: (StreamedFile) throws -> StreamedFile.Memo?) throws
}

/// A sink with no previous output renders every page.
extension OutputSink {
    public func reuse(_ path: String, renderedFrom key: String) -> Bool { false }
    public func write(_ file: OutputFile, renderedFrom key: String) throws { try write(file) }
    public func reuse(_ path: String, madeFrom key: String) -> Bool { false }
    public func reuse(_ path: String, inputs: String) -> Bool { false }
    public func reuse(_ path: String, renderedFrom key: String, inputs: String?) -> Bool { reuse(path, renderedFrom: key) }
    public func write(_ file: OutputFile, renderedFrom key: String, inputs: String?) throws { try write(file, renderedFrom: key) }
    public func reuseGroup(madeFrom key: String, members isMember: (String) -> Bool) -> Bool { false }
}

/// Records paths and drops the files: `dossier check` renders everything to find
/// template problems but writes nothing.
public final class CountingSink: OutputSink, @unchecked Sendable {
    private var paths: [String] = []
    private let lock = NSLock()

    public init() {}

    public func write(_ file: OutputFile) {
        lock.lock()
        paths.append(file.path)
        lock.unlock()
    }

    public var writtenPaths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return paths.sorted()
    }
}
