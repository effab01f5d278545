#if os(Linux)
import DossierCore
import Foundation
import Glibc

/// inotify watches on every folder under content/, templates/ and static/, and on
/// the project folder itself for dossier.yml and those three folders appearing or
/// going. Folders created later are watched as they appear.
final class InotifyWatcher {
    private let descriptor: Int32
    private let root: URL
    /// Watch descriptor → folder path relative to the root ("" for the root).
    private var folders: [Int32: String] = [:]
    static let inputFolders: Set<String> = ["content", "templates", "static"]
    private static let rootNames: Set<String> = inputFolders.union([SiteConfig.fileName])
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF)

    /// Nil when inotify is not available or the root cannot be watched.
    init?(root: URL) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.root = root
        guard add("") else {
            close(descriptor)
            return nil
        }
        for folder in Self.inputFolders { addTree(folder) }
    }

    deinit { close(descriptor) }

    /// Waits up to `milliseconds` for events; the inputs they concern, nil if none.
    /// A folder's own event (created, moved, removed) cannot be told file by file.
    func waitForChanges(milliseconds: Int32) -> ChangeSet? {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, milliseconds) > 0 else { return nil }
        var relevant = false
        var changes = ChangeSet()
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size)
                let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    relevant = true
                    changes.unattributed = true
                    continue
                }
                guard let folder = folders[event.wd] else { continue }
                if folder.isEmpty, !Self.rootNames.contains(name) { continue }
                relevant = true
                let path = folder.isEmpty ? name : folder + "/" + name
                if event.mask & UInt32(IN_ISDIR | IN_DELETE_SELF) != 0 || name.isEmpty {
                    changes.unattributed = true
                } else {
                    changes.paths.insert(path)
                }
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addTree(path) }
                if event.mask & UInt32(IN_IGNORED | IN_DELETE_SELF) != 0 { folders[event.wd] = nil }
            }
        }
        return relevant ? changes : nil
    }

    @discardableResult
    private func add(_ folder: String) -> Bool {
        let path = folder.isEmpty ? root.path : root.appendingPathComponent(folder).path
        let watch = inotify_add_watch(descriptor, path, Self.mask | UInt32(IN_ONLYDIR))
        guard watch >= 0 else { return false }
        folders[watch] = folder
        return true
    }

    /// Watches `folder` and every folder below it (links are not followed, as the loader does not).
    private func addTree(_ folder: String) {
        guard add(folder) else { return }
        guard let enumerator = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path) else { return }
        while let relative = enumerator.nextObject() as? String {
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { add(folder + "/" + relative) }
        }
    }
}
#endif
