import Foundation

/// A file of the built site. The path is relative to the output folder; it is
/// checked when the file is made, so nothing can be written outside the folder.
public struct OutputFile: Sendable, Hashable {
    public let path: String
    public let contents: Data

    public init(path: String, contents: Data) {
        precondition(OutputFile.isSafe(path), "unsafe output path '\(path)'")
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }

    /// Relative, no empty, "." or ".." components, only `[A-Za-z0-9._-]` in names.
    static func isSafe(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return components.allSatisfy { component in
            !component.isEmpty && component != "." && component != ".."
                && component.unicodeScalars.allSatisfy { scalar in
                    (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                        || scalar == "-" || scalar == "_" || scalar == "."
                }
        }
    }
}

/// A fresh folder beside the output that the build writes into; `commit` swaps it
/// in place of the output, `discard` removes it. Until `commit`, the previous
/// output is untouched, so a failing build leaves it exactly as it was.
public final class StagingFolder: OutputSink, @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let output: URL
    public let url: URL
    private let retired: URL
    private let lock = NSLock()
    private var createdFolders: Set<String> = []
    private var paths: [String] = []

    public init(replacing output: URL) throws {
        self.output = output
        let parent = output.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        url = parent.appendingPathComponent(".\(output.lastPathComponent).building-\(pid)")
        retired = parent.appendingPathComponent(".\(output.lastPathComponent).previous-\(pid)")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create \(url.path): \(error.localizedDescription)")
        }
    }

    public func write(_ file: OutputFile) throws {
        let target = url.appendingPathComponent(file.path)
        let folder = target.deletingLastPathComponent().path
        lock.lock()
        let isNew = createdFolders.insert(folder).inserted
        paths.append(file.path)
        lock.unlock()
        do {
            if isNew { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try file.contents.write(to: target)
        } catch {
            throw Failure(description: "cannot write \(file.path): \(error.localizedDescription)")
        }
    }

    /// Paths written so far, sorted.
    public var writtenPaths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return paths.sorted()
    }

    public func discard() {
        try? FileManager.default.removeItem(at: url)
    }

    public func commit() throws {
        let manager = FileManager.default
        do {
            if manager.fileExists(atPath: output.path) {
                try? manager.removeItem(at: retired)
                try manager.moveItem(at: output, to: retired)
            }
            try manager.moveItem(at: url, to: output)
            try? manager.removeItem(at: retired)
        } catch {
            if !manager.fileExists(atPath: output.path), manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: output)
            }
            discard()
            throw Failure(description: "cannot replace \(output.path): \(error.localizedDescription)")
        }
    }
}
