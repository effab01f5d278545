import Foundation

/// The previous output, once swapped out, is removed on a background thread: the
/// new site is already in place, so nothing waits for the deletion of the old one
/// (with unchanged files hard-linked into the new site, it frees almost nothing).
/// A build waits for the removals of earlier builds in the same process before it
/// starts, since they use the same folder names; a process that ends first leaves
/// the folder for the next build's `StaleBuildFolders` to remove.
///
/// A process that is about to exit (`dossier build`) hands the folder to a detached
/// `rm -rf` instead (`removeDetached`): unlinking the 30,000 entries of a 10,000
/// briefing site took about 2 s after the build had finished, and the command
/// waited for it. The folder is first renamed into a trash folder in the build
/// cache, which git ignores, so nothing is left beside the output.
public enum RetiredOutputs {
    private static let group = DispatchGroup()
    private static let queue = DispatchQueue(label: "dossier.retired-outputs", qos: .utility)

    static func remove(_ folder: URL) {
        queue.async(group: group) {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Returns once every folder handed to `remove` is gone.
    public static func waitUntilRemoved() {
        group.wait()
    }

    /// Renames `folder` into `trash` and removes it there in a process of its own,
    /// which outlives this one; falls back to `remove` when either step fails.
    static func removeDetached(_ folder: URL, via trash: URL) {
        try? FileManager.default.createDirectory(at: trash, withIntermediateDirectories: true)
        let target = trash.appendingPathComponent(TrashEntry(owner: getpid()).name)
        guard rename(folder.path, target.path) == 0 else { return remove(folder) }
        if !spawnRemoval(of: [target]) { remove(target) }
    }

    /// Hands to a detached removal the trash entries whose owner has ended and whose
    /// removal seems to have died with it (renamed there over `age` seconds ago; a
    /// younger one is most likely still being removed).
    static func sweep(_ trash: URL, olderThan age: Int = 60) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: trash.path)) ?? []
        let now = time(nil)
        let abandoned = names.compactMap(TrashEntry.init(name:)).filter { entry in
            guard entry.owner != getpid(), !ProcessLiveness.isRunning(entry.owner) else { return false }
            var status = stat()
            guard lstat(trash.appendingPathComponent(entry.name).path, &status) == 0 else { return false }
            return now - status.st_ctim.tv_sec > age
        }
        guard !abandoned.isEmpty else { return }
        let folders = abandoned.map { trash.appendingPathComponent($0.name) }
        if !spawnRemoval(of: folders) { folders.forEach(remove) }
    }

    /// `rm -rf` with no terminal and no inherited output, so a caller that reads this
    /// process's output to its end does not wait for the removal.
    private static func spawnRemoval(of folders: [URL]) -> Bool {
        let removal = Process()
        removal.executableURL = URL(fileURLWithPath: "/bin/rm")
        removal.arguments = ["-rf", "--"] + folders.map(\.path)
        removal.standardInput = FileHandle.nullDevice
        removal.standardOutput = FileHandle.nullDevice
        removal.standardError = FileHandle.nullDevice
        return (try? removal.run()) != nil
    }
}

/// A retired output in the trash, named for the process that put it there.
struct TrashEntry {
    let owner: Int32
    let name: String

    init(owner: Int32) {
        self.owner = owner
        name = "\(owner)-\(UInt64.random(in: 0...UInt64.max))"
    }

    init?(name: String) {
        guard let dash = name.firstIndex(of: "-"), let owner = Int32(name[..<dash]), owner > 0 else { return nil }
        self.owner = owner
        self.name = name
    }
}
