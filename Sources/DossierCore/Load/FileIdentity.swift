import Foundation

/// What `stat` says about a file, for the load memo (`LoadMemo`): a file whose
/// identity is unchanged since it was read is taken as unchanged, and neither read
/// nor parsed. The change time is part of it because no one can set it: an edit
/// followed by `touch -d` to restore the modification time still changes it, and a
/// fresh checkout or a restored copy gives every file a new inode and change time
/// (those files are then read again and compared by content, not parsed again).
struct FileIdentity: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    /// Nanoseconds since 1970.
    var modified: Int64
    var changed: Int64

    /// How long after its last change a file must have been read for its identity to
    /// be trusted. Timestamps come from a coarse clock (a few milliseconds on Linux,
    /// 2 s on FAT, and whatever a network server's clock says), so two writes within
    /// one tick may leave the same identity; a file read that soon after a change is
    /// compared by content next time (Git's "racily clean" entries, with a margin).
    static let settlingNanoseconds: Int64 = 2_000_000_000

    /// The identity of the file at `path`, links followed; nil unless it is a regular file.
    static func of(_ path: String) -> FileIdentity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileIdentity(status)
    }

    /// The wall clock in nanoseconds since 1970, as file timestamps count.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// Whether this identity, taken at or after `readStart` (before the file was
    /// read), can stand for the file's content later: its last change must lie well
    /// before the read, so that no later write can share its timestamps.
    func isSettled(readStart: Int64) -> Bool {
        max(modified, changed) < readStart - Self.settlingNanoseconds
    }
}

extension FileIdentity {
    /// The identity `stat` (links followed) reported; nil unless it is a regular file.
    init?(_ status: stat) {
        guard status.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(
            device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
            modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec),
            changed: Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec))
    }
}
