import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The light parts of one shard's link memo entries (`LinkedEntryFile`: all but the
/// text and the HTML), packed in one file, `linked-pack/XX` beside `linked/XX`, so that
/// a cached build reads 256 files rather than one per document: opening, reading and
/// closing 12,000 entry files was about half of the cached link stage at 10,000
/// briefings. The entry files stay as they were and keep the text and the HTML,
/// which are read from them on demand (`CachedText`, `CachedHTML`).
///
/// Written when a build commits (`BuildCache.keepOnlyUsed`), from the entry files
/// themselves, and only for a shard whose folder changed or whose kept entries differ.
/// It records the shard folder's identity as the upkeep left it
/// (`LinkedShardStamps.FolderIdentity`): an entry file created, removed or renamed
/// since (by another build, or by hand) changes that identity, and then the pack is
/// not read and the shard's entry files are. Each packed light part keeps its own
/// checksum and key, checked when it is decoded; one that fails is read from its entry
/// file instead. A pack that does not parse is no pack.
struct LinkedEntryPack {
    static let folderName = "linked-pack"
    private static let kind = "linked-pack"

    /// The shard folder's identity when the pack was written.
    let folder: LinkedShardStamps.FolderIdentity
    /// `LinkedShardStamps.namesHash` of the keys kept when it was written.
    let names: String
    let bytes: [UInt8]
    /// Each key's light part with its checksum after it, as a range of `bytes`.
    let entries: [String: Range<Int>]

    /// The pack of `shard` holding `lights` (key → the entry file's first bytes: the
    /// light part's length, the light part, its checksum). `names`: the hash of the keys
    /// the build kept, which an entry file missing from `lights` is among.
    static func encode(
        shard: String, folder: LinkedShardStamps.FolderIdentity, names: String, lights: [(key: String, light: [UInt8])]
    ) -> [UInt8] {
        var encoder = BuildCache.header(kind: kind, key: shard)
        encoder.int(folder.device)
        encoder.int(folder.inode)
        encoder.int(folder.modified)
        encoder.int(folder.changed)
        encoder.string(names)
        encoder.array(lights) { encoder, entry in
            encoder.string(entry.key)
            // Without the length before it: the range says it.
            encoder.int(entry.light.count - 8)
            encoder.append(bytes: Array(entry.light[8...]))
        }
        return encoder.takeBytes()
    }

    /// The pack in `bytes`, nil unless all of it parses.
    init?(_ bytes: [UInt8], shard: String) {
        var decoder = CacheDecoder(bytes)
        guard let (folder, names) = Self.header(&decoder, shard: shard), let count = try? decoder.count() else { return nil }
        var entries: [String: Range<Int>] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = try? decoder.string(), let length = try? decoder.count(), length > 8 else { return nil }
            entries[key] = decoder.position..<decoder.position + length
            decoder = decoder.at(decoder.position + length)
        }
        guard decoder.isAtEnd else { return nil }
        self.folder = folder
        self.names = names
        self.bytes = bytes
        self.entries = entries
    }

    private static func header(_ decoder: inout CacheDecoder, shard: String) -> (LinkedShardStamps.FolderIdentity, String)? {
        guard (try? decoder.string()) == BuildCache.magic, (try? decoder.int()) == BuildCache.formatVersion,
              (try? decoder.string()) == kind, (try? decoder.string()) == shard,
              let device = try? decoder.int(), let inode = try? decoder.int(), let modified = try? decoder.int(),
              let changed = try? decoder.int(), let names = try? decoder.string()
        else { return nil }
        return (LinkedShardStamps.FolderIdentity(device: device, inode: inode, modified: modified, changed: changed), names)
    }

    /// How much of a pack `header(atPath:)` reads: its header is under 150 bytes.
    private static let headerRead = 256

    /// The folder identity and names hash a pack file records, read without the rest.
    static func header(atPath path: String, shard: String) -> (folder: LinkedShardStamps.FolderIdentity, names: String)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
              let head = WholeFile.read(descriptor, count: min(Int(status.st_size), headerRead), at: 0)
        else { return nil }
        var decoder = CacheDecoder(head)
        return header(&decoder, shard: shard).map { (folder: $0.0, names: $0.1) }
    }
}

/// The packs one link stage reads (`LinkMemo.linkAll`), each loaded when an entry of
/// its shard is first asked for, and kept only as long as the reader: the decoded
/// entries copy what they keep out of it.
final class LinkedPackReader: @unchecked Sendable {
    private final class Slot {
        let lock = NSLock()
        var loaded = false
        var pack: LinkedEntryPack?
        /// How many of its entries were asked for: once all were, it is let go.
        var served = 0
        var signaturesLoaded = false
        var signatures: LinkedTextSignatures?
    }

    private let packFolder: String
    private let linkedFolder: String
    private let signatureFolder: String
    private var slots: [String: Slot] = [:]
    private let lock = NSLock()

    init(packFolder: String, linkedFolder: String) {
        self.packFolder = packFolder
        self.linkedFolder = linkedFolder
        signatureFolder = packFolder + LinkedTextSignatures.folderSuffix
    }

    /// The packed light part of `key` (a range of the returned bytes), if its shard's
    /// pack reads back whole and its folder is as the pack recorded.
    /// Each key is asked for once: a shard's pack is let go when every entry in it has
    /// been (at 100,000 briefings the packs are about 360 MB), and `LinkMemo` asks shard
    /// by shard.
    func light(of key: String) -> (bytes: [UInt8], range: Range<Int>)? {
        let shard = LinkedShardStamps.shard(of: key)
        let slot = slot(shard)
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if !slot.loaded {
            slot.loaded = true
            slot.pack = load(shard)
        }
        guard let pack = slot.pack, let range = pack.entries[key] else { return nil }
        slot.served += 1
        if slot.served >= pack.entries.count { slot.pack = nil }
        return (pack.bytes, range)
    }

    /// Removes the pack of `key`'s shard, one of whose entries did not decode; what
    /// this reader loaded of it stays usable.
    func discardPack(of key: String) {
        unlink(packFolder + "/" + LinkedShardStamps.shard(of: key))
    }

    /// The name filter (`NameSignature`) of the text whose checksum is `textChecksum`
    /// in the entry `key`, if its shard's signatures read back whole and hold it.
    func signature(of key: String, textChecksum: UInt64) -> ArraySlice<UInt8>? {
        let slot = slot(LinkedShardStamps.shard(of: key))
        slot.lock.lock()
        if !slot.signaturesLoaded {
            slot.signaturesLoaded = true
            slot.signatures = LinkedTextSignatures(atPath: signatureFolder + "/" + LinkedShardStamps.shard(of: key),
                                                   shard: LinkedShardStamps.shard(of: key))
        }
        let signatures = slot.signatures
        slot.lock.unlock()
        return signatures?.signature(of: key, textChecksum: textChecksum)
    }

    private func slot(_ shard: String) -> Slot {
        lock.lock()
        defer { lock.unlock() }
        if let known = slots[shard] { return known }
        let slot = Slot()
        slots[shard] = slot
        return slot
    }

    private func load(_ shard: String) -> LinkedEntryPack? {
        let path = packFolder + "/" + shard
        guard let bytes = WholeFile.bytes(atPath: path) else { return nil }
        guard let pack = LinkedEntryPack(bytes, shard: shard) else {
            // Its header may still read back: removed, so that the upkeep writes it again.
            unlink(path)
            return nil
        }
        // A folder changed since: the upkeep, seeing another identity, writes it again.
        guard LinkedShardStamps.FolderIdentity(path: linkedFolder + "/" + shard) == pack.folder else { return nil }
        return pack
    }
}

extension BuildCache {
    /// After the upkeep of `linked/` (`stamps`: its shard folders as it left them):
    /// writes the pack of each shard whose folder or kept entries differ from what its
    /// pack records, from the entry files, and removes the packs of shards that keep
    /// nothing.
    func writeLinkedPacks(keeping keptEntries: KeptEntries, stamps: LinkedShardStamps, linkedFolder: String) {
        guard let packFolder = folder?.appendingPathComponent(LinkedEntryPack.folderName).path else { return }
        let kept = keptEntries.byShard
        let signatureFolder = packFolder + LinkedTextSignatures.folderSuffix
        for shard in LinkedShardStamps.names(inFolder: packFolder) ?? [] where kept[shard] == nil && !shard.hasPrefix(".") {
            unlink(packFolder + "/" + shard)
            unlink(signatureFolder + "/" + shard)
        }
        let stale = kept.keys.sorted().compactMap { shard -> (shard: String, folder: LinkedShardStamps.FolderIdentity)? in
            guard let folder = stamps.shards[shard]?.folder else {
                unlink(packFolder + "/" + shard)
                unlink(signatureFolder + "/" + shard)
                return nil
            }
            let recorded = LinkedEntryPack.header(atPath: packFolder + "/" + shard, shard: shard)
            if let recorded, recorded.folder == folder, recorded.names == keptEntries.namesHash(of: shard) { return nil }
            return (shard, folder)
        }
        guard !stale.isEmpty else { return }
        try? FileManager.default.createDirectory(atPath: packFolder, withIntermediateDirectories: true)
        // Each shard written as soon as it is packed: at 100,000 briefings the packs are
        // about 360 MB, which the build must not hold at once.
        _ = stale.parallelMap { shard, folder in
            writePack(of: shard, keeping: kept[shard]!, namesHash: keptEntries.namesHash(of: shard), folder: folder,
                      linkedFolder: linkedFolder, packFolder: packFolder)
        }
    }

    /// Writes the pack of `shard` (and its texts' name filters) from its entry files of
    /// `keys` (sorted; `namesHash` is theirs), recording `folder` as the shard folder's identity.
    func writePack(
        of shard: String, keeping keys: [String], namesHash names: String, folder: LinkedShardStamps.FolderIdentity, linkedFolder: String,
        packFolder: String
    ) {
        let shardFolder: String = linkedFolder + "/" + shard + "/"
        var lights: [(key: String, light: [UInt8])] = []
        var signed: [(key: String, textChecksum: UInt64, bits: [UInt8])] = []
        for key in keys {
            guard let read = LinkedEntryFile.readForPack(path: shardFolder + key, key: key) else { continue }
            lights.append((key, read.light))
            if let signature = read.signature { signed.append((key, signature.textChecksum, signature.bits)) }
        }
        var signatures = LinkedTextSignatures.encoder(shard: shard)
        LinkedTextSignatures.encode(signed, into: &signatures)
        // The signatures first, each bound to its text: a pack is never newer than them.
        write(signatures, to: URL(fileURLWithPath: packFolder + LinkedTextSignatures.folderSuffix + "/" + shard))
        writeWhole(LinkedEntryPack.encode(shard: shard, folder: folder, names: names, lights: lights), toPath: packFolder + "/" + shard)
    }
}
