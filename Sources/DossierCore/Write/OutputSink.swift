import Foundation

/// Where rendered files go as soon as they are made, so a large site is never held
/// in memory whole. Called from many threads at once.
public protocol OutputSink: Sendable {
    func write(_ file: OutputFile) throws
    /// Paths written so far, sorted.
    var writtenPaths: [String] { get }
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
