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
    /// `url.path` and `output.path` ending in a slash: a file's paths are these and its
    /// own. `URL.appendingPathComponent` asks the file system whether the result is a
    /// folder, a `stat` for each of the three paths of every page written.
    private let stagedPrefix: String
    private let previousPrefix: String
    /// Whether anything was at `output` when the build began: a clean build has no
    /// previous file to compare a page with, and trying to open one per page cost a
    /// failed path lookup each.
    private let hasPreviousOutput: Bool
    private let lock = NSLock()
    private var createdFolders: Set<String> = []
    private var paths: [String] = []
    private var changed: [String] = []
    private var reused: [String] = []
    private var reusedData: [String] = []
    /// What the previous output's pages were rendered from, and this build's record
    /// of the same (see `RenderManifest`); `SiteBuilder` sets it from the build cache.
    var renderManifest = RenderManifest()
    /// Where the previous output goes to be removed by a detached process once this
    /// folder replaces it (see `RetiredOutputs.removeDetached`); nil removes it in
    /// this process, in the background.
    var retiredOutputTrash: URL?

    public init(replacing output: URL) throws {
        self.output = output
        let parent = output.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        url = BuildFolderName(role: .building, pid: pid).url(beside: output)
        retired = BuildFolderName(role: .previous, pid: pid).url(beside: output)
        stagedPrefix = Self.prefix(url)
        previousPrefix = Self.prefix(output)
        hasPreviousOutput = Self.exists(output)
        if Self.exists(url.appendingPathComponent(OutputGuard.gitName)) {
            throw Failure(description: "cannot create \(url.path): it holds a .git left by an earlier build; move it back into \(output.path)")
        }
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create \(url.path): \(error.localizedDescription)")
        }
    }

    public func write(_ file: OutputFile) throws {
        _ = try writeStamped(file)
    }

    /// `write`, returning the stamp of the file it leaves at the path (nil if none could be taken).
    private func writeStamped(_ file: OutputFile) throws -> RenderManifest.FileStamp? {
        let target = stagedPrefix + file.path
        do {
            try createFolder(Self.folder(of: target), for: file.path)
            let placed = try FileReuse.placeStamped(file.contents, at: target, previous: hasPreviousOutput ? previousPrefix + file.path : nil)
            if placed.outcome == .written { recordChange(file.path) }
            return placed.stamp
        } catch {
            throw Failure(description: "cannot write \(file.path): \(error)")
        }
    }

    public func reuse(_ path: String, renderedFrom key: String) -> Bool {
        reuse(path, renderedFrom: key, inputs: nil)
    }

    public func reuse(_ path: String, renderedFrom key: String, inputs: String?) -> Bool {
        guard linkPrevious(path, madeFrom: key, inputs: inputs) else { return false }
        lock.lock()
        reused.append(path)
        lock.unlock()
        return true
    }

    public func reuse(_ path: String, inputs: String) -> Bool {
        let previous = previousPrefix + path
        guard let entry = renderManifest.entry(path, inputs: inputs, previousFile: previous) else { return false }
        return reuse(path, renderedFrom: entry.key, inputs: inputs)
    }

    func reuse(_ path: String, inputsEndingWith suffix: String) -> Bool {
        let previous = previousPrefix + path
        guard let entry = renderManifest.entry(path, inputsEndingWith: suffix, stamp: RenderManifest.FileStamp(path: previous)) else { return false }
        return reuse(path, renderedFrom: entry.key, inputs: entry.inputs)
    }

    var previousKeying: PageKeying? { renderManifest.previousKeying }

    func keep(_ keying: PageKeying?) { renderManifest.keep(keying) }

    public func reuse(_ path: String, madeFrom key: String) -> Bool {
        reuse(path, madeFrom: key, inputs: nil)
    }

    public func reuseGroup(madeFrom key: String, members isMember: (String) -> Bool) -> Bool {
        let members = renderManifest.previousPaths(where: isMember)
        guard !members.isEmpty,
              members.allSatisfy({ renderManifest.previousKey(of: $0) == AggregateKeys.member(key, $0, of: members.count) }) else { return false }
        var linked: [String] = []
        for path in members {
            guard linkPrevious(path, madeFrom: AggregateKeys.member(key, path, of: members.count)) else {
                // All or none: the group is made again (`takeBack`).
                takeBack(linked)
                return false
            }
            linked.append(path)
        }
        lock.lock()
        reusedData += members
        lock.unlock()
        return true
    }

    /// Removes the links `reuseGroup` or `takeUnchanged` made before one failed: all or
    /// none, since a file written over a link would write into the previous output.
    private func takeBack(_ linked: [String]) {
        for done in linked {
            unlink(stagedPrefix + done)
            forgetPath(done)
            renderManifest.forget(done)
        }
    }

    /// `PageKeyingSink.takeUnchanged`, a link per file; all or none, as `reuseGroup`.
    func takeUnchanged(_ paths: [String], recordedAs keys: [String]?) -> Bool {
        var linked: [String] = []
        for (index, path) in paths.enumerated() {
            guard let previous = previousOutput(path), linkPrevious(path, madeFrom: previous.key, inputs: previous.inputs) else {
                takeBack(linked)
                return false
            }
            if let keys { renderManifest.record(path, renderedFrom: keys[index], inputs: previous.inputs, file: stagedPrefix + path) }
            linked.append(path)
        }
        lock.lock()
        reusedData += paths
        lock.unlock()
        return true
    }

    public func previousOutput(_ path: String) -> PreviousOutput? {
        let previous = previousPrefix + path
        return renderManifest.previousEntry(path, previousFile: previous).map { PreviousOutput(file: previous, key: $0.key, inputs: $0.inputs) }
    }

    public func reuse(_ path: String, madeFrom key: String, inputs: String?) -> Bool {
        guard linkPrevious(path, madeFrom: key, inputs: inputs) else { return false }
        lock.lock()
        reusedData.append(path)
        lock.unlock()
        return true
    }

    /// Streams into a hidden file beside the target, renamed over it once whole.
    public func writeStreamed(_ path: String, _ produce: (StreamedFile) throws -> StreamedFile.Memo?) throws {
        let target = url.appendingPathComponent(path)
        let partial = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial").path
        var memo: StreamedFile.Memo?
        do {
            try createFolder(target.deletingLastPathComponent().path, for: path)
            memo = try StreamedFile.make(at: partial, produce)
            // As `FileReuse.place` does for a whole file: the same bytes as before keep the previous file.
            let previous = output.appendingPathComponent(path).path
            if StreamedFile.sameContents(partial, previous), link(previous, target.path) == 0 {
                unlink(partial)
                if let memo { renderManifest.record(path, renderedFrom: memo.key, inputs: memo.inputs, file: target.path) }
                return
            }
            guard rename(partial, target.path) == 0 else { throw Failure(description: String(cString: strerror(errno))) }
        } catch {
            unlink(partial)
            forgetPath(path)
            throw Failure(description: "cannot write \(path): \(error)")
        }
        recordChange(path)
        if let memo { renderManifest.record(path, renderedFrom: memo.key, inputs: memo.inputs, file: target.path) }
    }

    /// Links the previous output's file at `path` in, if the manifest says it was
    /// made from `key` and it is untouched since.
    private func linkPrevious(_ path: String, madeFrom key: String, inputs: String? = nil) -> Bool {
        let previous = previousPrefix + path
        guard renderManifest.holds(path, renderedFrom: key, previousFile: previous) else { return false }
        let target = stagedPrefix + path
        guard (try? createFolder(Self.folder(of: target), for: path)) != nil else { return false }
        guard link(previous, target) == 0 else {
            forgetPath(path)
            return false
        }
        renderManifest.record(path, renderedFrom: key, inputs: inputs, file: target)
        return true
    }

    public func write(_ file: OutputFile, renderedFrom key: String) throws {
        try write(file, renderedFrom: key, inputs: nil)
    }

    public func write(_ file: OutputFile, renderedFrom key: String, inputs: String?) throws {
        guard let stamp = try writeStamped(file) else { return }
        renderManifest.record(file.path, renderedFrom: key, inputs: inputs, stamp: stamp)
    }

    /// Takes back a path `createFolder` listed for a reuse that did not happen: the
    /// page is rendered and written under it next.
    private func forgetPath(_ path: String) {
        lock.lock()
        if let position = paths.lastIndex(of: path) { paths.remove(at: position) }
        lock.unlock()
    }

    private func recordChange(_ path: String) {
        lock.lock()
        changed.append(path)
        lock.unlock()
    }

    /// Paths whose bytes differ from the previous output's (or that it lacked), sorted.
    public var changedPaths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return changed.sorted()
    }

    /// Pages taken from the previous output without rendering them, sorted.
    public var reusedRenders: [String] {
        lock.lock()
        defer { lock.unlock() }
        return reused.sorted()
    }

    private static func prefix(_ folder: URL) -> String {
        let path = folder.path
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// The folder of a file's absolute path, as `deletingLastPathComponent().path` gives it.
    private static func folder(of path: String) -> String {
        String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
    }

    /// Creates each folder once. The system call runs outside the lock (a `mkdir`
    /// can take a millisecond on a busy disk, and every writer waited for it); a
    /// writer that finds the folder just made by another gets EEXIST, after which the
    /// folder is there, so no writer can run ahead of its folder.
    private func createFolder(_ folder: String, for path: String) throws {
        lock.lock()
        paths.append(path)
        let known = createdFolders.contains(folder)
        lock.unlock()
        guard !known else { return }
        try Self.makeFolder(folder)
        lock.lock()
        createdFolders.insert(folder)
        lock.unlock()
    }

    /// `mkdir`, making missing parents first; an existing folder is success. One
    /// system call for a folder whose parent exists, where `FileManager` made several.
    static func makeFolder(_ folder: String) throws {
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw Failure(description: "cannot create \(folder): \(String(cString: strerror(errno)))") }
        let parent = (folder as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != folder else { throw Failure(description: "cannot create \(folder)") }
        try makeFolder(parent)
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return }
        throw Failure(description: "cannot create \(folder): \(String(cString: strerror(errno)))")
    }

    /// Data files taken from the previous output without making them, sorted.
    public var reusedDataFiles: [String] {
        lock.lock()
        defer { lock.unlock() }
        return reusedData.sorted()
    }

    /// Paths written so far, sorted.
    public var writtenPaths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return paths.sorted()
    }

    /// Removes the staging folder, unless it holds the output's `.git` that could
    /// not be put back: that is left for the next build to return.
    public func discard() {
        guard returnGit() else { return }
        try? FileManager.default.removeItem(at: url)
    }

    /// Swaps the staging folder in for the output: in one atomic exchange where the
    /// system allows, else in two renames. The marker is the last file written, so a
    /// staging folder that has it is a finished build; the output's `.git` is moved
    /// into the staging folder before the swap, so it is never deleted with the old site.
    public func commit() throws {
        let manager = FileManager.default
        do {
            try FileReuse.write(Data(OutputGuard.markerText.utf8), to: url.appendingPathComponent(OutputGuard.markerName).path)
            if Self.exists(output) {
                try carryGitAcross()
                switch try FolderExchange.exchange(url, output) {
                case .exchanged:
                    // The staging path now holds the previous output; renamed, so that
                    // the next build in this process can use the staging name at once.
                    try? manager.removeItem(at: retired)
                    if (try? manager.moveItem(at: url, to: retired)) != nil {
                        retire(retired)
                    } else {
                        try? manager.removeItem(at: url)
                    }
                    return
                case .unsupported:
                    try? manager.removeItem(at: retired)
                    try manager.moveItem(at: output, to: retired)
                }
            }
            try manager.moveItem(at: url, to: output)
            if Self.exists(retired) { retire(retired) }
        } catch {
            if !Self.exists(output), Self.exists(retired) {
                try? manager.moveItem(at: retired, to: output)
            }
            discard()
            throw Failure(description: "cannot replace \(output.path): \(error.localizedDescription)")
        }
    }

    private func retire(_ folder: URL) {
        if let retiredOutputTrash {
            RetiredOutputs.removeDetached(folder, via: retiredOutputTrash)
        } else {
            RetiredOutputs.remove(folder)
        }
    }

    private var outputGit: URL { output.appendingPathComponent(OutputGuard.gitName) }
    private var stagedGit: URL { url.appendingPathComponent(OutputGuard.gitName) }

    private func carryGitAcross() throws {
        guard Self.exists(outputGit) else { return }
        try FileManager.default.moveItem(at: outputGit, to: stagedGit)
    }

    /// Moves a `.git` carried into the staging folder back into the output; false if
    /// one is still there.
    private func returnGit() -> Bool {
        guard Self.exists(stagedGit) else { return true }
        guard Self.exists(output), !Self.exists(outputGit) else { return false }
        return (try? FileManager.default.moveItem(at: stagedGit, to: outputGit)) != nil
    }

    /// lstat, so a link (a `.git` file may be one) counts as there even when dangling.
    private static func exists(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0
    }
}
