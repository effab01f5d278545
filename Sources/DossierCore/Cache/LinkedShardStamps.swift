import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `BuildCache.keepOnlyUsed` left in each shard folder of `linked/` (its first
/// two characters): the folder's identity afterwards and a hash of the entry names it
/// held. Creating, removing or renaming an entry changes a folder's modification and
/// change times, and nothing can set the change time back, so a shard whose identity
/// is the recorded one still holds exactly the names recorded; when those are the
/// names this build used, there is nothing to remove and the shard is not listed.
/// Listing the 256 shards took about 0.03 CPU-s (0.06 s wall) of every cached build
/// at 10,000 briefings.
///
/// Kept in `linked-shards` beside `linked/`. A file that does not read back whole is
/// no stamps (every shard is listed); a shard another build wrote to meanwhile has
/// another identity and is listed too — unless it wrote within the clock tick of this
/// upkeep's `lstat`, and then its entry stays until the shard next changes: the cache
/// is only larger for it, never wrong (every entry is checked when read).
struct LinkedShardStamps: Sendable, Equatable {
    struct FolderIdentity: Sendable, Equatable {
        var device: Int
        var inode: Int
        var modified: Int
        var changed: Int

        /// lstat: the shard folder itself, never a link in its place.
        init?(path: String) {
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return nil }
            device = Int(truncatingIfNeeded: status.st_dev)
            inode = Int(truncatingIfNeeded: status.st_ino)
            modified = Int(truncatingIfNeeded: status.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(truncatingIfNeeded: status.st_mtim.tv_nsec)
            changed = Int(truncatingIfNeeded: status.st_ctim.tv_sec) &* 1_000_000_000 &+ Int(truncatingIfNeeded: status.st_ctim.tv_nsec)
        }

        init(device: Int, inode: Int, modified: Int, changed: Int) {
            self.device = device
            self.inode = inode
            self.modified = modified
            self.changed = changed
        }
    }

    struct Shard: Sendable, Equatable {
        var folder: FolderIdentity
        /// `namesHash` of the entries the folder held.
        var names: String
    }

    var shards: [String: Shard] = [:]

    static let fileName = "linked-shards"

    /// A hash of a shard's entry names, in any order.
    static func namesHash(_ names: [String]) -> String {
        namesHash(sorted: names.sorted())
    }

    static func namesHash(sorted names: [String]) -> String {
        var hasher = StableHasher()
        hasher.combine(names.count)
        for name in names { hasher.combine(name) }
        return hasher.finalize()
    }

    /// The shard an entry key lives in (`BuildCache.linkedPath`).
    static func shard(of key: String) -> String { String(key.prefix(2)) }

    /// The names in the folder at `path`, hidden ones (temporary files) included; nil if
    /// it cannot be read. `readdir` on a byte path, where FileManager's listing cost
    /// several times as much.
    static func names(inFolder path: String) -> [String]? {
        guard let stream = opendir(path) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

/// The entry keys a build kept, by shard, sorted, with each shard's `namesHash`: made
/// once for the upkeep's passes over the shards, which grouped, sorted and hashed
/// all of them (100,000 at 100,000 briefings) two and three times over.
struct KeptEntries: Sendable {
    let keys: Set<String>
    /// Shard → its kept keys, sorted.
    let byShard: [String: [String]]
    private let namesHashes: [String: String]
    private static let noNames = LinkedShardStamps.namesHash(sorted: [])

    init(_ keys: Set<String>) {
        var byShard: [String: [String]] = [:]
        for key in keys { byShard[LinkedShardStamps.shard(of: key), default: []].append(key) }
        for shard in byShard.keys { byShard[shard]!.sort() }
        self.keys = keys
        self.byShard = byShard
        namesHashes = byShard.mapValues { LinkedShardStamps.namesHash(sorted: $0) }
    }

    /// The `namesHash` of the keys kept in `shard` (of none, if it keeps none).
    func namesHash(of shard: String) -> String { namesHashes[shard] ?? Self.noNames }
}

extension CacheEncoder {
    mutating func linkedShardStamps(_ stamps: LinkedShardStamps) {
        let shards = stamps.shards.sorted { $0.key < $1.key }
        array(shards) { encoder, element in
            encoder.string(element.key)
            encoder.int(element.value.folder.device)
            encoder.int(element.value.folder.inode)
            encoder.int(element.value.folder.modified)
            encoder.int(element.value.folder.changed)
            encoder.string(element.value.names)
        }
    }
}

extension CacheDecoder {
    mutating func linkedShardStamps() throws -> LinkedShardStamps {
        let shards = try array { decoder -> (String, LinkedShardStamps.Shard) in
            let name = try decoder.string()
            let folder = LinkedShardStamps.FolderIdentity(
                device: try decoder.int(), inode: try decoder.int(), modified: try decoder.int(), changed: try decoder.int())
            return (name, LinkedShardStamps.Shard(folder: folder, names: try decoder.string()))
        }
        return LinkedShardStamps(shards: Dictionary(shards, uniquingKeysWith: { first, _ in first }))
    }
}
