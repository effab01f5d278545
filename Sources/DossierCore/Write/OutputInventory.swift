import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything an output folder holds, as an in-place update finds it before it
/// writes: each file's stamp (what `RenderManifest` compares) and each folder. A
/// build updated in place must leave exactly what a clean build would, so whatever
/// it does not produce — a page of a deleted briefing, a file put there by hand —
/// is found here and removed.
///
/// The walk never follows a symbolic link: a link, a pipe or any other entry that is
/// not a regular file or a folder is listed as a file without a stamp (so it is
/// never kept as a page) and removed unless the build writes that path. The
/// output's own `.git` is left out: it is the user's, and never touched.
struct OutputInventory: Sendable {
    /// Relative path → the stamp of the regular file there; nil for any other kind of entry.
    var files: [String: RenderManifest.FileStamp?] = [:]
    /// Relative paths of every folder below the output (not the output itself).
    var folders: [String] = []

    /// The regular file at `path`, untouched since the walk, if there was one.
    func stamp(of path: String) -> RenderManifest.FileStamp? {
        files[path] ?? nil
    }

    /// Walks `output`; a folder that cannot be read is left out with what it holds,
    /// so nothing in it is removed.
    static func walk(_ output: URL) -> OutputInventory {
        var inventory = OutputInventory()
        let descriptor = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return inventory }
        inventory.walk(folder: descriptor, prefix: "", isRoot: true)
        return inventory
    }

    /// Reads the folder open at `descriptor` (and closes it), recursing into subfolders
    /// through descriptors, so no path is resolved twice.
    private mutating func walk(folder descriptor: Int32, prefix: String, isRoot: Bool) {
        var subfolders: [String] = []
        FolderEntries.read(descriptor, entry: { name, type in
            if isRoot, name == OutputGuard.gitName { return }
            // A folder needs no stamp: readdir's type spares its stat (17,550 of the
            // 61,000 at 10,000 briefings). File systems that leave the type unknown are stat'ed.
            if type == UInt8(DT_DIR) {
                subfolders.append(name)
                return
            }
            var status = stat()
            guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return }
            let path = prefix + name
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                subfolders.append(name)
            case S_IFREG:
                files[path] = RenderManifest.FileStamp(status)
            default:
                files[path] = .some(nil)
            }
        }, afterwards: {
            for name in subfolders {
                let path = prefix + name
                folders.append(path)
                let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
                guard child >= 0 else { continue }
                walk(folder: child, prefix: path + "/", isRoot: false)
            }
        })
    }
}

/// An inventory taken on a thread of its own while the build's first stages run; the
/// first writer to need it waits for it.
typealias PendingInventory = BackgroundWork<OutputInventory>

extension BackgroundWork where Value == OutputInventory {
    convenience init(walking output: URL) {
        self.init { OutputInventory.walk(output) }
    }
}
