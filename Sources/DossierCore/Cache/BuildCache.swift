import Foundation

/// The persistent build cache (`.dossier/cache` by default): linked documents keyed
/// by the content hashes of exactly what linking read, kept in memory too, so a
/// `dossier serve` process reads each entry from disk at most once.
///
/// Entries are plain files under a folder named for the format version, written to
/// a temporary name and renamed into place, so concurrent builds never see half an
/// entry (two builds that write one entry write the same bytes). Each entry carries
/// a header and a checksum; anything that does not read back exactly is a miss. The
/// key includes the identity of the running executable, so a cache written by
/// another Dossier is never trusted.
public final class BuildCache: @unchecked Sendable {
    static let formatVersion = 8
    static let magic = "dossier-build-cache"

    /// Nil: the cache lives in memory only.
    public let folder: URL?
    private let lock = NSLock()
    private var linked: [String: CachedLink] = [:]
    private var nameTables: [String: [String]] = [:]
    private var used: Set<String> = []
    private var usedNames: Set<String> = []
    /// How many of the entries used were linked and stored by this build (`store`).
    private var storedFresh = 0
    private var expectedLinks = 0
    /// Output folder path → the render manifest of what the last good build put there.
    private var renderManifests: [String: (entries: [String: RenderManifest.Entry], keying: PageKeying?)] = [:]

    struct CachedLink: Sendable {
        /// The `NameTable.key` of the names the entry is valid under.
        var namesKey: String
        var result: LinkResult
        /// A hash of `result` as the cache encodes it: equal for equal results, whatever
        /// names or project made them, so a document's fingerprint can stay put when
        /// the names change but its linked form does not (`DocumentFingerprints`).
        var linkedForm: String
        /// The `NameTable.key` the entry's file on disk names: `namesKey`, or an older
        /// table for an entry reused unchanged under new names (its file is not rewritten; `RevalidatedEntries` records it).
        /// A later process needs that table to reuse the entry.
        var namesKeyOnDisk: String

        init(namesKey: String, result: LinkResult, linkedForm: String) {
            self.namesKey = namesKey
            self.result = result
            self.linkedForm = linkedForm
            namesKeyOnDisk = namesKey
        }
    }

    let linkedFolderPath: String?

    /// `folder`: where the cache is kept on disk (created when first written).
    public init(folder: URL?) {
        self.folder = folder?.appendingPathComponent("v\(Self.formatVersion)")
        linkedFolderPath = self.folder?.appendingPathComponent("linked").path
    }

    /// Where replaced outputs wait for their removal (`RetiredOutputs`): beside the
    /// versioned entries, so a format change does not orphan it.
    var trashFolder: URL? { folder?.deletingLastPathComponent().appendingPathComponent("trash") }

    /// The default place for a project's cache.
    public static func defaultFolder(projectRoot: URL) -> URL {
        projectRoot.appendingPathComponent(".dossier/cache")
    }

    // MARK: Linked documents

    /// The entries of `keys`, all of one shard (`LinkedShardStamps.shard`), nil where
    /// there is none: taken from memory, else from the shard's pack (`LinkedEntryPack`),
    /// else from their files. Each is recorded as used, the whole shard under one lock:
    /// one key at a time, both cores contended for it 24,000 times at 10,000 briefings.
    /// `relink(i)`, when given, makes the HTML and text of the entry of `keys[i]` read
    /// from its file only when a page asks for them (`CachedHTML`, `CachedText`), and
    /// links the document again if they no longer read back; without it the whole
    /// entry is read now. `namesKey`: the names table most entries are valid under, whose
    /// string they then share.
    func links(
        _ keys: [String], namesKey: String, relink: ((Int) -> @Sendable () -> LinkedEntryFile.Relinked?)? = nil, pack: LinkedPackReader? = nil
    ) -> [CachedLink?] {
        lock.lock()
        // A hit in memory is a use too: `keepOnlyUsed` would otherwise forget (and
        // delete on disk) every entry a `serve` process read in an earlier build.
        var entries = linked.isEmpty ? Array(repeating: nil, count: keys.count) : keys.map { linked[$0] }
        for (key, entry) in zip(keys, entries) { if let entry { markUsed(key, entry) } }
        lock.unlock()
        var read: [Int] = []
        for index in keys.indices where entries[index] == nil {
            let key = keys[index]
            guard let path = linkedPath(key) else { continue }
            let light = pack?.light(of: key)
            let relinkThis = relink?(index)
            let packed = light.flatMap {
                LinkedEntryFile.decode(light: $0.bytes, in: $0.range, key: key, namesKey: namesKey, path: path, fileSize: nil, relink: relinkThis)
            }
            // Removed, so that this build's upkeep packs the shard again from its files.
            if light != nil, packed == nil { pack?.discardPack(of: key) }
            entries[index] = packed ?? LinkedEntryFile.read(path: path, key: key, namesKey: namesKey, relink: relinkThis)
            if entries[index] != nil { read.append(index) }
        }
        guard !read.isEmpty else { return entries }
        lock.lock()
        if linked.isEmpty { linked.reserveCapacity(expectedLinks) }
        if used.isEmpty { used.reserveCapacity(expectedLinks) }
        // Nearly every entry is valid under the same names: each table inserted once.
        var namesMarked: (String, String)?
        for index in read {
            let entry = entries[index]!
            linked[keys[index]] = entry
            used.insert(keys[index])
            if namesMarked.map({ $0 != (entry.namesKey, entry.namesKeyOnDisk) }) ?? true {
                usedNames.insert(entry.namesKey)
                usedNames.insert(entry.namesKeyOnDisk)
                namesMarked = (entry.namesKey, entry.namesKeyOnDisk)
            }
        }
        lock.unlock()
        return entries
    }

    /// How many entries one link stage asks for (`links`), so that what keeps them in
    /// memory is made at its size at once rather than grown 12,000 inserts at a time.
    func expectLinks(_ count: Int) {
        lock.lock()
        expectedLinks = count
        lock.unlock()
    }

    /// The entry of `key` (`links`), its whole entry read now.
    func link(_ key: String) -> CachedLink? {
        links([key], namesKey: "")[0]
    }

    /// Keeps a freshly linked `result`, valid under the names `namesKey`, and returns
    /// its entry. The result is encoded once, for its hash and for the disk.
    @discardableResult
    func store(_ key: String, namesKey: String, result: LinkResult) -> CachedLink {
        let file = LinkedEntryFile(key: key, namesKey: namesKey, result: result)
        let entry = CachedLink(namesKey: namesKey, result: result, linkedForm: file.linkedForm)
        remember(key, entry, stored: true)
        if let path = linkedPath(key) { writeWhole(file.bytes, toPath: path) }
        return entry
    }

    /// Keeps `entry` in memory only: a document reused unchanged under new names,
    /// whose disk entry, checked against its old names, stays valid.
    func keepInMemory(_ key: String, _ entry: CachedLink) {
        remember(key, entry)
    }

    private func remember(_ key: String, _ entry: CachedLink, stored: Bool = false) {
        lock.lock()
        linked[key] = entry
        markUsed(key, entry)
        if stored { storedFresh += 1 }
        lock.unlock()
    }

    /// Whether this build has so far linked and stored at least half the entries it
    /// used: a clean build, or one after a change that reached most documents.
    var storedMostEntriesAfresh: Bool {
        lock.lock()
        defer { lock.unlock() }
        return storedFresh > 0 && 2 * storedFresh >= used.count
    }

    /// The entries this build has used so far.
    var usedEntries: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return used
    }

    /// Under the lock. The table an entry was linked with is the one its file on disk
    /// names (an entry reused under new names is not rewritten), so a later
    /// process needs that table to reuse the entry.
    private func markUsed(_ key: String, _ entry: CachedLink) {
        used.insert(key)
        usedNames.insert(entry.namesKey)
        usedNames.insert(entry.namesKeyOnDisk)
    }

    // MARK: Name tables

    func names(_ key: String) -> [String]? {
        lock.lock()
        let remembered = nameTables[key]
        lock.unlock()
        if let remembered { return remembered }
        guard let bytes = read(namesFile(key)), var decoder = Self.open(bytes, kind: "names", key: key),
              let entries = try? decoder.array({ try $0.string() }), decoder.isAtEnd else { return nil }
        lock.lock()
        nameTables[key] = entries
        lock.unlock()
        return entries
    }

    func storeNames(_ key: String, _ entries: [String]) {
        lock.lock()
        let known = nameTables[key] != nil
        nameTables[key] = entries
        usedNames.insert(key)
        lock.unlock()
        if known, let folder, FileManager.default.fileExists(atPath: namesFile(key, in: folder).path) { return }
        var encoder = Self.header(kind: "names", key: key)
        encoder.array(entries) { $0.string($1) }
        write(encoder, to: namesFile(key))
    }

    // MARK: Loaded files

    /// The load memo's whole file of records of the project at `root` (`LoadMemo`) and
    /// its checksum; nil when there is none, or it was written by another Dossier.
    /// `LoadMemoChanges` adds what changed since.
    func loadRecordsFile(root: URL) -> (records: [LoadMemo.Record], checksum: UInt64)? {
        let name = Self.loadMemoName(root)
        guard let bytes = read(loadedFile(name)), var decoder = Self.open(bytes, kind: "loaded", key: name),
              (try? decoder.string()) == BuildIdentity.current, let records = try? decoder.loadRecords(root: root), decoder.isAtEnd
        else { return nil }
        return (records, Self.storedChecksum(bytes))
    }

    func storeLoadRecordsFile(_ records: [LoadMemo.Record], root: URL) {
        guard folder != nil else { return }
        let name = Self.loadMemoName(root)
        var encoder = Self.header(kind: "loaded", key: name)
        encoder.string(BuildIdentity.current)
        encoder.loadRecords(records)
        write(encoder, to: loadedFile(name))
    }

    /// One memo per project folder: a cache given with `--cache-dir` may serve several.
    static func loadMemoName(_ root: URL) -> String {
        projectMemoName("loaded", root)
    }

    /// The name of the one memo of `kind` a project folder has: a cache given with
    /// `--cache-dir` may serve several projects, each replacing only its own.
    static func projectMemoName(_ kind: String, _ root: URL) -> String {
        var hasher = StableHasher()
        hasher.combine(kind)
        hasher.combine(root.standardizedFileURL.path)
        return hasher.finalize()
    }

    private func loadedFile(_ name: String) -> URL? {
        folder?.appendingPathComponent("loaded").appendingPathComponent(name)
    }

    // MARK: Memos of whole stages

    /// A decoder past the header of the memo `name` of `kind` (a folder of its own), if
    /// it reads back whole and was written by this Dossier.
    func memo(kind: String, name: String) -> CacheDecoder? {
        guard let file = folder?.appendingPathComponent(kind).appendingPathComponent(name), let bytes = read(file),
              var decoder = Self.open(bytes, kind: kind, key: name), (try? decoder.string()) == BuildIdentity.current
        else { return nil }
        return decoder
    }

    func storeMemo(_ body: CacheEncoder, kind: String, name: String) {
        var encoder = Self.memoEncoder(kind: kind, name: name)
        encoder.append(body)
        storeMemo(encoded: &encoder, kind: kind, name: name)
    }

    /// A memo's header, for a large body encoded straight after it (`storeMemo(encoded:)`).
    static func memoEncoder(kind: String, name: String) -> CacheEncoder {
        var encoder = header(kind: kind, key: name)
        encoder.string(BuildIdentity.current)
        return encoder
    }

    /// Stores a memo begun with `memoEncoder`, taking its bytes rather than copying them.
    func storeMemo(encoded encoder: inout CacheEncoder, kind: String, name: String) {
        guard let file = folder?.appendingPathComponent(kind).appendingPathComponent(name) else { return }
        writeTaking(&encoder, to: file)
    }

    // MARK: Rendered pages

    /// What the last build that replaced `output` rendered there; empty when unknown.
    func renderManifest(for output: URL) -> RenderManifest {
        let name = Self.manifestName(output)
        lock.lock()
        let remembered = renderManifests[name]
        lock.unlock()
        if let remembered { return RenderManifest(previous: remembered.entries, keying: remembered.keying) }
        // Read while the build loads the project: rendering is the first to need it.
        return RenderManifest { [self] in
            guard let bytes = read(renderedFile(name)), var decoder = Self.open(bytes, kind: RenderManifest.fileKind, key: name),
                  let entries = try? decoder.renderEntries(), let keying = try? decoder.pageKeying(), decoder.isAtEnd
            else { return nil }
            return (entries, keying)
        }
    }

    /// A render manifest ready to keep (`storeRenderManifest`): its file's bytes, made
    /// while the build does other work (its upkeep), since they do not change once
    /// the pages are written. At 100,000 briefings sorting and encoding its 370,000
    /// entries took a second after the commit.
    struct EncodedRenderManifest: Sendable {
        let name: String
        let entries: [String: RenderManifest.Entry]
        let keying: PageKeying?
        /// Nil for a manifest the file on disk says already: its bytes are made only if that file is gone.
        let bytes: [UInt8]?
    }

    /// `manifest`'s file for `output`, encoded unless the file on disk says it already.
    /// The pages must all be written: what is recorded later is not in it.
    func encodedRenderManifest(_ manifest: RenderManifest, for output: URL) -> EncodedRenderManifest {
        let name = Self.manifestName(output)
        let entries = manifest.recorded, keying = manifest.keying
        let bytes = manifest.isUnchanged ? nil : Self.renderManifestBytes(name: name, entries: entries, keying: keying)
        return EncodedRenderManifest(name: name, entries: entries, keying: keying, bytes: bytes)
    }

    /// Keeps the manifest of what a build that has just replaced its output rendered there.
    func storeRenderManifest(_ encoded: EncodedRenderManifest) {
        let name = encoded.name
        if encoded.bytes == nil, let file = renderedFile(name), utimes(file.path, nil) == 0 {
            // The file on disk says it already (29,600 entries at 10,000 briefings); its
            // new time keeps it among the most recent (`removeOldRenderManifests`).
            return
        }
        lock.lock()
        renderManifests[name] = (encoded.entries, encoded.keying)
        lock.unlock()
        if let file = renderedFile(name) {
            writeWhole(encoded.bytes ?? Self.renderManifestBytes(name: name, entries: encoded.entries, keying: encoded.keying), to: file)
        }
        removeOldRenderManifests(keeping: name)
    }

    private static func renderManifestBytes(name: String, entries: [String: RenderManifest.Entry], keying: PageKeying?) -> [UInt8] {
        var encoder = header(kind: RenderManifest.fileKind, key: name)
        encoder.renderEntries(entries)
        encoder.pageKeying(keying)
        return sealed(&encoder)
    }

    /// How many output folders' manifests the cache keeps: `serve` builds into a new
    /// temporary folder each time it starts, and the cache must not grow with that.
    static let renderManifestsKept = 4

    /// Removes all but the most recently written manifests (and never `current`).
    private func removeOldRenderManifests(keeping current: String) {
        guard let folder = folder?.appendingPathComponent("rendered") else { return }
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") && $0 != current }
        guard names.count >= Self.renderManifestsKept else { return }
        func modified(_ name: String) -> Int {
            var status = stat()
            guard stat(folder.appendingPathComponent(name).path, &status) == 0 else { return 0 }
            return Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
        }
        let oldestFirst = names.map { ($0, modified($0)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
        for name in oldestFirst.prefix(names.count - (Self.renderManifestsKept - 1)) {
            try? manager.removeItem(at: folder.appendingPathComponent(name))
            lock.lock()
            renderManifests[name] = nil
            lock.unlock()
        }
    }

    /// One manifest per output folder: `serve --output` and `build` may share a cache.
    private static func manifestName(_ output: URL) -> String {
        var hasher = StableHasher()
        hasher.combine(output.standardizedFileURL.path)
        return hasher.finalize()
    }

    private func renderedFile(_ name: String) -> URL? {
        folder?.appendingPathComponent("rendered").appendingPathComponent(name)
    }

    // MARK: Housekeeping

    /// After a successful build: forgets every entry this build did not use, on disk
    /// and in memory, so the cache holds one project's worth and no more.
    public func keepOnlyUsed() {
        lock.lock()
        let keep = used, keepNames = usedNames
        // Every entry used is held (`links`, `remember`), so this says whether any held was not:
        // usually none, and filtering then copied and freed all 12,000 at 10,000 briefings.
        if linked.count > keep.count { linked = linked.filter { keep.contains($0.key) } }
        // Only the tables the entries are valid under now keep their revalidated entries (`RevalidatedEntries`).
        // Nearly every entry is valid under the same table: each inserted once.
        var keepRevalidated: Set<String> = []
        var lastTable: String?
        for entry in linked.values where entry.namesKey != lastTable {
            keepRevalidated.insert(entry.namesKey)
            lastTable = entry.namesKey
        }
        nameTables = nameTables.filter { keepNames.contains($0.key) }
        used = []
        usedNames = []
        storedFresh = 0
        lock.unlock()
        guard let folder else { return }
        let manager = FileManager.default
        let kept = KeptEntries(keep)
        let stamps = removeUnusedLinkedEntries(keeping: kept)
        if let linkedFolderPath, let stamps { writeLinkedPacks(keeping: kept, stamps: stamps, linkedFolder: linkedFolderPath) }
        for (kind, kept) in [("names", keepNames), ("revalidated", keepRevalidated)] {
            let namesFolder = folder.appendingPathComponent(kind)
            for name in (try? manager.contentsOfDirectory(atPath: namesFolder.path)) ?? [] where !kept.contains(name) {
                try? manager.removeItem(at: namesFolder.appendingPathComponent(name))
            }
        }
    }

    /// Removes every entry file under `linked/` but `keep`, listing only the shard
    /// folders changed since the last build's upkeep or holding other names than
    /// those kept (`LinkedShardStamps`).
    /// Returns the shard folders as it leaves them.
    private func removeUnusedLinkedEntries(keeping kept: KeptEntries) -> LinkedShardStamps? {
        guard let linkedFolderPath, linkedShardStampsFile != nil else { return nil }
        let previous = linkedShardStamps()
        let keep = kept.keys
        var stamps = LinkedShardStamps()
        for shard in LinkedShardStamps.names(inFolder: linkedFolderPath) ?? [] {
            let path = linkedFolderPath + "/" + shard
            let names = kept.namesHash(of: shard)
            if let old = previous.shards[shard], old.names == names, LinkedShardStamps.FolderIdentity(path: path) == old.folder {
                stamps.shards[shard] = old
                continue
            }
            guard let present = LinkedShardStamps.names(inFolder: path) else { continue }
            var remaining: [String] = []
            for name in present {
                if keep.contains(name) || (try? FileManager.default.removeItem(atPath: path + "/" + name)) == nil { remaining.append(name) }
            }
            if let identity = LinkedShardStamps.FolderIdentity(path: path) {
                stamps.shards[shard] = LinkedShardStamps.Shard(folder: identity, names: LinkedShardStamps.namesHash(remaining))
            }
        }
        guard stamps != previous else { return stamps }
        storeLinkedShardStamps(stamps)
        return stamps
    }

    var linkedShardStampsFile: URL? { folder?.appendingPathComponent(LinkedShardStamps.fileName) }

    /// What the last upkeep recorded of the shard folders; none if it does not read back whole.
    func linkedShardStamps() -> LinkedShardStamps {
        guard let bytes = read(linkedShardStampsFile), var decoder = Self.open(bytes, kind: LinkedShardStamps.fileName, key: ""),
              let stamps = try? decoder.linkedShardStamps(), decoder.isAtEnd else { return LinkedShardStamps() }
        return stamps
    }

    func storeLinkedShardStamps(_ stamps: LinkedShardStamps) {
        var encoder = Self.header(kind: LinkedShardStamps.fileName, key: "")
        encoder.linkedShardStamps(stamps)
        write(encoder, to: linkedShardStampsFile)
    }

    /// The packed light parts of the entries, for one link stage (`LinkedEntryPack`).
    func linkedPackReader() -> LinkedPackReader? {
        guard let linkedFolderPath, let packFolder = folder?.appendingPathComponent(LinkedEntryPack.folderName).path else { return nil }
        return LinkedPackReader(packFolder: packFolder, linkedFolder: linkedFolderPath)
    }

    /// Forgets the linked documents held in memory (they stay on disk): after a build
    /// that released their HTML (`BuildOptions.releasesDocumentsAsRendered`), a later
    /// build must read them again.
    public func forgetLinkedDocumentsInMemory() {
        lock.lock()
        linked = [:]
        lock.unlock()
    }

    /// Forgets what this build used without removing anything: a failed build must
    /// not throw away entries the last good one needs.
    public func forgetUse() {
        lock.lock()
        used = []
        usedNames = []
        storedFresh = 0
        lock.unlock()
    }

    // MARK: Files

    /// An entry's path (`linked/<first two characters>/<key>`), joined as strings: a cached build reads an entry per
    /// document, and building a `URL` for each cost as much as reading it.
    private func linkedPath(_ key: String) -> String? {
        linkedFolderPath.map { $0 + "/" + key.prefix(2) + "/" + key }
    }

    private func namesFile(_ key: String) -> URL? {
        folder.map { namesFile(key, in: $0) }
    }

    private func namesFile(_ key: String, in folder: URL) -> URL {
        folder.appendingPathComponent("names").appendingPathComponent(key)
    }

    func read(_ url: URL?) -> [UInt8]? {
        url.flatMap { WholeFile.bytes(atPath: $0.path) }
    }

    static func header(kind: String, key: String) -> CacheEncoder {
        var encoder = CacheEncoder()
        encoder.string(magic)
        encoder.int(formatVersion)
        encoder.string(kind)
        encoder.string(key)
        return encoder
    }

    /// A decoder past the header, if the checksum, magic, version, kind and key all match.
    /// It reads `bytes` in place, up to the checksum.
    static func open(_ bytes: [UInt8], kind: String, key: String) -> CacheDecoder? {
        open(bytes, in: 0..<bytes.count, kind: kind, key: key)
    }

    /// `open` of the part `range` of `bytes`, read with what follows it in its file
    /// (a link memo entry's light part: `LinkedEntryFile`).
    static func open(_ bytes: [UInt8], in range: Range<Int>, kind: String, key: String) -> CacheDecoder? {
        guard range.count > 8, range.upperBound <= bytes.count else { return nil }
        let bodyEnd = range.upperBound - 8
        var stored: UInt64 = 0
        for byte in bytes[bodyEnd..<range.upperBound].reversed() { stored = stored << 8 | UInt64(byte) }
        var hasher = StableHasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[range.lowerBound..<bodyEnd])) }
        guard hasher.checksum() == stored else { return nil }
        var decoder = CacheDecoder(bytes, from: range.lowerBound, to: bodyEnd)
        // Compared as bytes: a cached build opens an entry per document.
        guard (try? decoder.string(equals: magic)) == true, (try? decoder.int()) == formatVersion,
              (try? decoder.string(equals: kind)) == true, (try? decoder.string(equals: key)) == true else { return nil }
        return decoder
    }

    /// The checksum a file written by `write` ends with.
    static func storedChecksum(_ bytes: [UInt8]) -> UInt64 {
        var stored: UInt64 = 0
        for byte in bytes.suffix(8).reversed() { stored = stored << 8 | UInt64(byte) }
        return stored
    }

    static func checksum(_ bytes: [UInt8]) -> UInt64 {
        var hasher = StableHasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.checksum()
    }

    /// Writes under a unique temporary name, then renames: readers see the old
    /// entry, the new one, or none, never a part. A cache that cannot be written is
    /// only slower, so failures are ignored.
    func write(_ encoder: CacheEncoder, to url: URL?) {
        var copy = encoder
        writeTaking(&copy, to: url)
    }

    /// `write`, with the encoder's bytes taken: the checksum is appended in place and
    /// the bytes written from where they are, so a large memo is never copied.
    private func writeTaking(_ encoder: inout CacheEncoder, to url: URL?) {
        guard let url else { return }
        writeWhole(Self.sealed(&encoder), to: url)
    }

    /// The encoder's bytes, taken, with their checksum after them: a file's bytes as `write` writes them.
    static func sealed(_ encoder: inout CacheEncoder) -> [UInt8] {
        var bytes = encoder.takeBytes()
        var sum = checksum(bytes)
        for _ in 0..<8 {
            bytes.append(UInt8(sum & 0xFF))
            sum >>= 8
        }
        return bytes
    }

    func writeWhole(_ bytes: [UInt8], to url: URL) {
        writeWhole(bytes, toPath: url.path)
    }

    /// `writeWhole(_:to:)` by path, joined as strings: a clean build writes an entry per
    /// document, and making, splitting and joining `URL`s for each cost a third of
    /// writing it. The folder is made only when the write fails for want of it, so
    /// the 12,000 entries of 10,000 briefings make their 256 shard folders once each,
    /// not one `createDirectory` per entry.
    func writeWhole(_ bytes: [UInt8], toPath path: String) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        let temporary = folder + "/." + path[path.index(after: slash)...] + Self.temporarySuffix + String(UInt64.random(in: 0...UInt64.max))
        do {
            do {
                try FileReuse.write(bytes, to: temporary)
            } catch {
                try StagingFolder.makeFolder(folder)
                try FileReuse.write(bytes, to: temporary)
            }
            if rename(temporary, path) != 0 { unlink(temporary) }
        } catch {
            unlink(temporary)
        }
    }

    /// What a temporary file's name has after the entry's: this process's id, then a random number follows.
    private static let temporarySuffix = ".\(ProcessInfo.processInfo.processIdentifier)."
}
