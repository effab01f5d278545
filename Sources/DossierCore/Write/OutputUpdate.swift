import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Updates the previous Dossier output in place: a file whose bytes (or, through the
/// render manifest, whose key) are unchanged stays where it is, untouched; a new or
/// changed file is written into a small update folder beside the output
/// (`.site.update-<pid>/files/`); at `commit`, an `OutputJournal` lists the files no
/// longer produced (and the folders they leave empty) to remove and the written files
/// to move in, is fsynced, then applied. Until then the output is untouched, so a
/// failing build leaves it exactly as it was; a build that dies during the commit
/// leaves the journal, and the next build completes it first (`StaleBuildFolders`).
///
/// A rebuild after a small edit thus costs a walk of the output (`OutputInventory`,
/// taken while the first stages run) and a few writes, not a staged tree of every
/// folder and a hard link per file.
final class OutputUpdate: BuildOutput, @unchecked Sendable {
    let output: URL
    /// The update folder beside the output.
    let url: URL
    private let staged: URL
    private let inventoryLock = NSLock()
    private var pendingInventory: PendingInventory?
    var renderManifest = RenderManifest()
    /// For tests: stop the commit after this many journal steps, as a crash would.
    var interruptsCommitAfter: Int?

    private let lock = NSLock()
    private var produced: Set<String> = []
    private var stagedPaths: Set<String> = []
    private var createdFolders: Set<String> = []
    private var paths: [String] = []
    private var reused: [String] = []
    private var reusedData: [String] = []

    /// Whether `output` can be updated in place: it holds a finished Dossier build
    /// (its marker) and lies on the same file system as the folder beside it, where
    /// the update folder goes (a rename cannot cross file systems: a mounted output
    /// is staged and swapped as before).
    static func canUpdate(_ output: URL) -> Bool {
        guard OutputGuard.hasMarker(output) else { return false }
        var folder = stat(), parent = stat()
        guard lstat(output.path, &folder) == 0, folder.st_mode & S_IFMT == S_IFDIR,
              stat(output.deletingLastPathComponent().path, &parent) == 0 else { return false }
        return folder.st_dev == parent.st_dev
    }

    init(updating output: URL) throws {
        self.output = output
        url = BuildFolderName(role: .update, pid: getpid()).url(beside: output)
        staged = url.appendingPathComponent(OutputJournal.filesFolder)
        do {
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.createDirectory(at: staged, withIntermediateDirectories: true)
        } catch {
            throw StagingFolder.Failure(description: "cannot create \(url.path): \(error.localizedDescription)")
        }
    }

    /// Starts the walk of the output (`OutputInventory`) on a thread of its own, once;
    /// the first writer that needs it starts it otherwise. `SiteBuilder.build` starts
    /// it after linking (`StageHooks`): beside the load stage, it held up its decoding.
    func beginInventory() {
        inventoryLock.lock()
        if pendingInventory == nil { pendingInventory = PendingInventory(walking: output) }
        inventoryLock.unlock()
    }

    private var inventory: PendingInventory {
        inventoryLock.lock()
        defer { inventoryLock.unlock() }
        if let pendingInventory { return pendingInventory }
        let started = PendingInventory(walking: output)
        pendingInventory = started
        return started
    }

    // MARK: Writing

    func write(_ file: OutputFile) throws {
        _ = try place(file)
    }

    func write(_ file: OutputFile, renderedFrom key: String) throws {
        try write(file, renderedFrom: key, inputs: nil)
    }

    func write(_ file: OutputFile, renderedFrom key: String, inputs: String?) throws {
        let stamp = try place(file)
        if let stamp { renderManifest.record(file.path, renderedFrom: key, inputs: inputs, stamp: stamp) }
    }

    /// Leaves the output's file in place when it holds these bytes, else writes them
    /// into the update folder; returns the stamp of the file the output will hold.
    private func place(_ file: OutputFile) throws -> RenderManifest.FileStamp? {
        lock.lock()
        paths.append(file.path)
        produced.insert(file.path)
        lock.unlock()
        let previous = inventory.value.stamp(of: file.path)
        if let previous, FileReuse.sameBytes(file.contents, atPath: output.path + "/" + file.path) {
            return keepOutputFile(file.path, stamp: previous)
        }
        return try stage(file)
    }

    /// The output's file at `path` already holds what this build made: it stays, and a
    /// copy staged for it earlier in this build is dropped.
    private func keepOutputFile(_ path: String, stamp: RenderManifest.FileStamp) -> RenderManifest.FileStamp {
        lock.lock()
        let wasStaged = stagedPaths.remove(path) != nil
        lock.unlock()
        if wasStaged { _ = unlink(staged.path + "/" + path) }
        return stamp
    }

    private func stage(_ file: OutputFile) throws -> RenderManifest.FileStamp? {
        let target = staged.path + "/" + file.path
        let written: stat?
        do {
            try createFolder((target as NSString).deletingLastPathComponent)
            written = try FileReuse.write(file.contents, to: target)
        } catch {
            throw StagingFolder.Failure(description: "cannot write \(file.path): \(error)")
        }
        lock.lock()
        stagedPaths.insert(file.path)
        lock.unlock()
        // Taken from the written file's descriptor (`FileReuse.write`), not its path again.
        return written.map(RenderManifest.FileStamp.init)
    }

    /// Streams into a hidden file in the update folder, renamed to its staged name once
    /// whole; a result equal to the output's file is dropped and the output's kept,
    /// as `place` does for a file made whole.
    func writeStreamed(_ path: String, _ produce: (StreamedFile) throws -> StreamedFile.Memo?) throws {
        lock.lock()
        paths.append(path)
        produced.insert(path)
        lock.unlock()
        let target = staged.path + "/" + path
        let partial = (target as NSString).deletingLastPathComponent + "/." + (target as NSString).lastPathComponent + ".partial"
        let memo: StreamedFile.Memo?
        do {
            try createFolder((target as NSString).deletingLastPathComponent)
            memo = try StreamedFile.make(at: partial, produce)
        } catch {
            lock.lock()
            if let position = paths.lastIndex(of: path) { paths.remove(at: position) }
            produced.remove(path)
            lock.unlock()
            throw StagingFolder.Failure(description: "cannot write \(path): \(error)")
        }
        let stamp: RenderManifest.FileStamp?
        if let previous = inventory.value.stamp(of: path), StreamedFile.sameContents(partial, output.path + "/" + path) {
            _ = unlink(partial)
            stamp = keepOutputFile(path, stamp: previous)
        } else {
            guard rename(partial, target) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = unlink(partial)
                throw StagingFolder.Failure(description: "cannot write \(path): \(reason)")
            }
            lock.lock()
            stagedPaths.insert(path)
            lock.unlock()
            stamp = RenderManifest.FileStamp(path: target)
        }
        if let memo, let stamp { renderManifest.record(path, renderedFrom: memo.key, inputs: memo.inputs, stamp: stamp) }
    }

    /// Creates each folder of the update folder once (see `StagingFolder.createFolder`).
    private func createFolder(_ folder: String) throws {
        lock.lock()
        let known = createdFolders.contains(folder)
        lock.unlock()
        guard !known else { return }
        try StagingFolder.makeFolder(folder)
        lock.lock()
        createdFolders.insert(folder)
        lock.unlock()
    }

    // MARK: Reusing

    func reuse(_ path: String, renderedFrom key: String) -> Bool {
        reuse(path, renderedFrom: key, inputs: nil)
    }

    func reuse(_ path: String, renderedFrom key: String, inputs: String?) -> Bool {
        guard keep(path, madeFrom: key, inputs: inputs) else { return false }
        lock.lock()
        reused.append(path)
        lock.unlock()
        return true
    }

    func reuse(_ path: String, inputs: String) -> Bool {
        guard let entry = renderManifest.entry(path, inputs: inputs, stamp: inventory.value.stamp(of: path)) else { return false }
        return reuse(path, renderedFrom: entry.key, inputs: inputs)
    }

    func reuse(_ path: String, inputsEndingWith suffix: String) -> Bool {
        guard let entry = renderManifest.entry(path, inputsEndingWith: suffix, stamp: inventory.value.stamp(of: path)) else { return false }
        return reuse(path, renderedFrom: entry.key, inputs: entry.inputs)
    }

    var previousKeying: PageKeying? { renderManifest.previousKeying }

    func keep(_ keying: PageKeying?) { renderManifest.keep(keying) }

    func reuse(_ path: String, madeFrom key: String) -> Bool {
        reuse(path, madeFrom: key, inputs: nil)
    }

    func reuse(_ path: String, madeFrom key: String, inputs: String?) -> Bool {
        guard keep(path, madeFrom: key, inputs: inputs) else { return false }
        lock.lock()
        reusedData.append(path)
        lock.unlock()
        return true
    }

    /// The output's file itself: it is not touched before `commit`, so a maker may read
    /// from it while the build runs.
    func previousOutput(_ path: String) -> PreviousOutput? {
        renderManifest.previousEntry(path, stamp: inventory.value.stamp(of: path))
            .map { PreviousOutput(file: output.path + "/" + path, key: $0.key, inputs: $0.inputs) }
    }

    func reuseGroup(madeFrom key: String, members isMember: (String) -> Bool) -> Bool {
        let members = renderManifest.previousPaths(where: isMember)
        let files = inventory.value
        // All or none, checked before any is kept.
        guard !members.isEmpty, members.allSatisfy({
            renderManifest.holds($0, renderedFrom: AggregateKeys.member(key, $0, of: members.count), stamp: files.stamp(of: $0))
        }) else { return false }
        for path in members {
            _ = keep(path, madeFrom: AggregateKeys.member(key, path, of: members.count))
        }
        lock.lock()
        reusedData += members
        lock.unlock()
        return true
    }

    /// `PageKeyingSink.reuseUnchanged` with one look at the inventory and the manifest
    /// each: a cached build with nothing changed takes its 43,600 files this way.
    func reuseUnchanged(_ path: String, asPage: Bool) -> Bool {
        guard let stamp = inventory.value.stamp(of: path), let entry = renderManifest.previousEntry(path, stamp: stamp) else { return false }
        // `previousEntry` matched the stamp: the file is the one the entry names.
        renderManifest.recordPrevious(path, entry, keepingInputs: asPage)
        lock.lock()
        paths.append(path)
        produced.insert(path)
        if asPage { reused.append(path) } else { reusedData.append(path) }
        lock.unlock()
        return true
    }

    /// Keeps the output's file at `path` if the manifest says it was made from `key`
    /// and it is untouched since (the inventory's stamp is the manifest's).
    private func keep(_ path: String, madeFrom key: String, inputs: String? = nil) -> Bool {
        guard let stamp = inventory.value.stamp(of: path), renderManifest.holds(path, renderedFrom: key, stamp: stamp) else { return false }
        renderManifest.record(path, renderedFrom: key, inputs: inputs, stamp: stamp)
        lock.lock()
        paths.append(path)
        produced.insert(path)
        lock.unlock()
        return true
    }

    /// `PageKeyingSink.takeUnchanged`: one look at the inventory and the manifest per
    /// file and one lock for all, where `reuse` took two of each and a lock per file.
    func takeUnchanged(_ paths: [String], recordedAs keys: [String]?) -> Bool {
        let files = inventory.value
        var entries: [(path: String, entry: RenderManifest.Entry)] = []
        entries.reserveCapacity(paths.count)
        var departing = false
        for (index, path) in paths.enumerated() {
            guard var entry = renderManifest.previousEntry(path, stamp: files.stamp(of: path)) else { return false }
            if let keys, keys[index] != entry.key {
                entry.key = keys[index]
                departing = true
            }
            entries.append((path, entry))
        }
        renderManifest.record(entries, departing: departing)
        lock.lock()
        self.paths += paths
        produced.formUnion(paths)
        reusedData += paths
        lock.unlock()
        return true
    }

    // MARK: Reporting

    var changedPaths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stagedPaths.subtracting([OutputGuard.markerName]).sorted()
    }

    var reusedRenders: [String] {
        lock.lock()
        defer { lock.unlock() }
        return reused.sorted()
    }

    var reusedDataFiles: [String] {
        lock.lock()
        defer { lock.unlock() }
        return reusedData.sorted()
    }

    var writtenPaths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return paths.sorted()
    }

    // MARK: Committing

    /// The journal that turns the output as the inventory found it into this build's
    /// site: removals of what was not produced (files, then the folders that held only
    /// them, deepest first), then the moves of the written files.
    func journal() throws -> OutputJournal {
        // The marker stays, as every other unchanged file; rewritten if it was edited.
        let marker = OutputFile(path: OutputGuard.markerName, text: OutputGuard.markerText)
        if FileReuse.sameBytes(marker.contents, atPath: output.appendingPathComponent(marker.path).path) {
            lock.lock()
            produced.insert(marker.path)
            lock.unlock()
        } else {
            _ = try stage(marker)
            lock.lock()
            produced.insert(marker.path)
            lock.unlock()
        }
        let files = inventory.value
        lock.lock()
        let produced = self.produced, moves = stagedPaths.sorted()
        lock.unlock()
        // Each a pass over some 40,000 paths at 10,000 briefings: the two run side by side.
        let folders = files.folders
        let leftEmpty = BackgroundWork { Self.foldersLeftEmpty(folders, produced: produced) }
        let removals = files.files.keys.filter { !produced.contains($0) }.sorted()
        let emptied = leftEmpty.value
            .sorted { ($0.split(separator: "/").count, $1) > ($1.split(separator: "/").count, $0) }
        guard let folder = PhysicalPath.identity(of: output) else { throw StagingFolder.Failure(description: "cannot read \(output.path)") }
        return OutputJournal(steps: removals.map { .remove($0) } + emptied.map { .removeFolder($0) } + moves.map { .move($0) }, outputFolder: folder)
    }

    /// The output's `folders` that will hold no produced file. Found by walking up from
    /// each produced path by its UTF-8 bytes until a folder already seen: Character
    /// indexing here was half of a cached build's commit at 10,000 briefings.
    static func foldersLeftEmpty(_ folders: [String], produced: Set<String>) -> [String] {
        var neededFolders: Set<Substring> = []
        neededFolders.reserveCapacity(folders.count)
        for path in produced {
            let bytes = path.utf8
            var end = bytes.endIndex
            while let slash = bytes[..<end].lastIndex(of: UInt8(ascii: "/")) {
                guard neededFolders.insert(path[..<slash]).inserted else { break }
                end = slash
            }
        }
        return folders.filter { !neededFolders.contains(Substring($0)) }
    }

    /// Writes the journal, applies it, and removes the update folder. A commit with
    /// nothing to do writes no journal.
    func commit() throws {
        let journal = try journal()
        guard !journal.steps.isEmpty else { return discard() }
        do {
            try journal.write(into: url)
        } catch {
            discard()
            throw StagingFolder.Failure(description: "cannot update \(output.path): \(error)")
        }
        do {
            try journal.apply(from: url, to: output, limit: interruptsCommitAfter)
        } catch {
            // The journal stays: the next build completes it before anything else.
            throw StagingFolder.Failure(description: "cannot update \(output.path): \(error)")
        }
        if interruptsCommitAfter != nil { return }
        _ = unlink(url.appendingPathComponent(OutputJournal.fileName).path)
        try? FileManager.default.removeItem(at: url)
    }

    func discard() {
        try? FileManager.default.removeItem(at: url)
    }
}
