import Foundation
@testable import DossierCore

/// A project built once into memory, for tests that only read its pages: one build
/// shared by a whole suite instead of one per test keeps the suite light on a
/// machine where tests run side by side.
final class BuiltSite: @unchecked Sendable {
    let diagnostics: [String]
    private let files: [String: Data]

    init(_ projectText: String) {
        let sink = MemorySink()
        do {
            let project = try TestProject(projectText)
            defer { project.remove() }
            diagnostics = SiteBuilder.run(BuildOptions(root: project.root), into: sink).diagnostics.lines
        } catch {
            diagnostics = ["could not write the project: \(error)"]
        }
        files = sink.files
    }

    func read(_ path: String) throws -> String {
        guard let data = files[path] else { throw MissingPage(path: path) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every file's path, sorted.
    var paths: [String] { files.keys.sorted() }

    struct MissingPage: Error { var path: String }
}

/// Keeps every file written, by path.
final class MemorySink: OutputSink, @unchecked Sendable {
    private var written: [String: Data] = [:]
    private let lock = NSLock()

    func write(_ file: OutputFile) {
        lock.lock()
        written[file.path] = file.contents
        lock.unlock()
    }

    var files: [String: Data] {
        lock.lock()
        defer { lock.unlock() }
        return written
    }

    var writtenPaths: [String] { files.keys.sorted() }
}
