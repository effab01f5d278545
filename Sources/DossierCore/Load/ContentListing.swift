import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The walk of `content/` behind `ProjectLoader.listFiles`, on byte paths: `readdir`
/// for the names (its entry type says which are folders and links without a `stat`)
/// and `fstatat` relative to the open folder for each Markdown file's identity, taken
/// here so the load memo need not resolve each path again. FileManager's enumerator
/// made a `URL` per entry and the memo a full-path `stat` per file: about 0.1
/// CPU-seconds at 12,000 files, where this takes a few hundredths.
///
/// It visits what FileManager's enumerator visits: every entry, hidden ones included,
/// entering folders but never a link to one.
struct ContentListing {
    /// A Markdown file's path relative to `content/`, and its identity (nil unless
    /// it is, links followed, a regular file).
    struct Markdown {
        var relative: String
        var identity: FileIdentity?
    }

    var markdown: [Markdown] = []

    /// Walks the folder at `contentPath`; nil if it cannot be opened as a folder.
    /// `admitsLink` decides on each symbolic link (relative to `content/`): a refused
    /// one is skipped with everything behind it. `other` receives every entry that is
    /// not a Markdown file, relative to `content/`, with its absolute path.
    static func walk(contentPath: String, admitsLink: (String) -> Bool, other: (String, String) -> Void) -> ContentListing? {
        let descriptor = open(contentPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var listing = ContentListing()
        listing.walk(folder: descriptor, path: contentPath, prefix: "", admitsLink: admitsLink, other: other)
        return listing
    }

    /// Reads the folder open at `descriptor` (and closes it), then its subfolders.
    private mutating func walk(folder descriptor: Int32, path: String, prefix: String,
                               admitsLink: (String) -> Bool, other: (String, String) -> Void) {
        var subfolders: [String] = []
        var markdownHere: [(name: String, relative: String)] = []
        FolderEntries.read(descriptor, entry: { name, entryType in
            let relative = prefix + name
            var type = entryType
            if type == UInt8(DT_UNKNOWN) {
                // Some file systems leave the type out of the entry.
                var status = stat()
                guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return }
                type = Self.entryType(status.st_mode)
            }
            if type == UInt8(DT_LNK), !admitsLink(relative) { return }
            if relative.hasSuffix(".md") {
                markdownHere.append((name, relative))
            } else {
                other(relative, path + "/" + name)
            }
            if type == UInt8(DT_DIR) { subfolders.append(name) }
        }, afterwards: {
            // Each file's `fstatat` in parallel: 10,000 of them in one folder took about 20 ms.
            let folder = descriptor
            let identities = markdownHere.chunkedParallelMap(run: 256) { Self.identity(of: $0.name, in: folder) }
            for (file, identity) in zip(markdownHere, identities) { markdown.append(Markdown(relative: file.relative, identity: identity)) }
            for name in subfolders {
                let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
                guard child >= 0 else { continue }
                walk(folder: child, path: path + "/" + name, prefix: prefix + name + "/", admitsLink: admitsLink, other: other)
            }
        })
    }

    /// `FileIdentity.of`, resolved from the open folder: links followed, nil unless a regular file.
    private static func identity(of name: String, in folder: Int32) -> FileIdentity? {
        var status = stat()
        guard fstatat(folder, name, &status, 0) == 0 else { return nil }
        return FileIdentity(status)
    }

    private static func entryType(_ mode: mode_t) -> UInt8 {
        switch mode & S_IFMT {
        case S_IFDIR: UInt8(DT_DIR)
        case S_IFLNK: UInt8(DT_LNK)
        case S_IFREG: UInt8(DT_REG)
        default: UInt8(DT_UNKNOWN)
        }
    }
}
