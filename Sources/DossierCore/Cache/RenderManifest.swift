import Foundation

/// Which `RenderKey` each page of an output folder was rendered from, and the file
/// it was written to (inode, size, modification time). A page whose key is the
/// same in the next build is taken from the previous output without rendering, but
/// only if that file is still the one this build wrote: a file edited, replaced or
/// removed since is rendered again.
///
/// The previous build's manifest is read; this build's is collected as pages are
/// written (from many threads) and kept by the cache only when the build replaced
/// its output, so the manifest always describes the output on disk.
public final class RenderManifest: @unchecked Sendable {
    struct Entry: Sendable, Equatable {
        var key: String
        /// The page's inputs key (`PageContexts.briefingInputs`), when it has one: a
        /// page whose inputs key matches is reused before its context is built.
        var inputs: String?
        var file: FileStamp
    }

    /// What identifies a file as untouched since it was written, without reading it.
    struct FileStamp: Sendable, Equatable {
        var device: Int
        var inode: Int
        var size: Int
        var seconds: Int
        var nanoseconds: Int

        /// lstat: a link put in place of the file is never followed.
        init?(path: String) {
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
            self.init(status)
        }

        /// The stamp of a regular file from its `stat`.
        init(_ status: stat) {
            device = Int(truncatingIfNeeded: status.st_dev)
            inode = Int(truncatingIfNeeded: status.st_ino)
            size = Int(truncatingIfNeeded: status.st_size)
            seconds = Int(truncatingIfNeeded: status.st_mtim.tv_sec)
            nanoseconds = Int(truncatingIfNeeded: status.st_mtim.tv_nsec)
        }

        init(device: Int, inode: Int, size: Int, seconds: Int, nanoseconds: Int) {
            self.device = device
            self.inode = inode
            self.size = size
            self.seconds = seconds
            self.nanoseconds = nanoseconds
        }
    }

    /// The manifest file's kind in the cache: "rendered-2" since it ends with the build's
    /// `PageKeying`, "rendered-3" since that holds each actor page's shape, "rendered-4"
    /// since its documents carry their views (`MentionView`), so a manifest of an
    /// earlier layout is read as none.
    static let fileKind = "rendered-4"

    private let loaded: PreviousManifest
    private var previous: [String: Entry] { loaded.value.entries }
    private let lock = NSLock()
    private var current: [String: Entry] = [:]
    /// Whether an entry was recorded that the previous build's manifest does not hold
    /// as it is, or one was taken back. Kept as entries are recorded, on the render
    /// stage's threads: comparing the two tables of 43,600 entries after the commit
    /// held up a cached build's exit.
    private var departed = false
    /// What the previous build's pages were keyed under, and this build's (`PageKeying`).
    var previousKeying: PageKeying? { loaded.value.keying }
    private var currentKeying: PageKeying?

    init(previous: [String: Entry] = [:], keying: PageKeying? = nil) {
        loaded = PreviousManifest((previous, keying))
        reserve(previous.count)
    }

    /// The previous build's manifest as `read` returns it (nil: none), read on a thread of
    /// its own from now on, so that reading it overlaps the stages before rendering.
    init(reading read: @escaping @Sendable () -> (entries: [String: Entry], keying: PageKeying?)?) {
        loaded = PreviousManifest(reading: read)
        loaded.whenRead { [self] in reserve($0.entries.count) }
    }

    /// A cached build records about as many entries as the previous one (43,600 at
    /// 10,000 briefings), under the lock: growing the table there rehashed it 16 times.
    private func reserve(_ count: Int) {
        lock.lock()
        current.reserveCapacity(count)
        lock.unlock()
    }

    /// Keeps what this build's pages were keyed under, for the next build.
    func keep(_ keying: PageKeying?) {
        lock.lock()
        currentKeying = keying
        lock.unlock()
    }

    var keying: PageKeying? {
        lock.lock()
        defer { lock.unlock() }
        return currentKeying
    }

    /// Whether the previous output's file at `path` (its full path `previousFile`)
    /// was rendered from `key` and is untouched since.
    func holds(_ path: String, renderedFrom key: String, previousFile: String) -> Bool {
        guard let entry = previous[path], entry.key == key, let stamp = FileStamp(path: previousFile) else { return false }
        return stamp == entry.file
    }

    /// `holds`, with the previous file's stamp as the caller found it (nil: no regular file there).
    func holds(_ path: String, renderedFrom key: String, stamp: FileStamp?) -> Bool {
        guard let stamp, let entry = previous[path], entry.key == key else { return false }
        return stamp == entry.file
    }

    /// `entry(_:inputs:previousFile:)`, with the previous file's stamp as the caller found it.
    func entry(_ path: String, inputs: String, stamp: FileStamp?) -> Entry? {
        guard let stamp, let entry = previous[path], entry.inputs == inputs, stamp == entry.file else { return nil }
        return entry
    }

    /// `record`, with the stamp of the file that will hold the page (a file renamed
    /// into place keeps its inode, size and modification time).
    func record(_ path: String, renderedFrom key: String, inputs: String?, stamp: FileStamp) {
        store(path, Entry(key: key, inputs: inputs, file: stamp))
    }

    /// Records the previous build's entry for `path` with the stamp found for its file,
    /// which is the entry's own, and its inputs kept or left out: a cached build takes
    /// 43,600 files this way, and comparing each with the previous table again cost a lookup each.
    func recordPrevious(_ path: String, _ entry: Entry, keepingInputs: Bool) {
        let kept = keepingInputs ? entry : Entry(key: entry.key, inputs: nil, file: entry.file)
        lock.lock()
        current[path] = kept
        if kept.inputs != entry.inputs { departed = true }
        lock.unlock()
    }

    private func store(_ path: String, _ entry: Entry) {
        let departs = previous[path] != entry
        lock.lock()
        current[path] = entry
        if departs { departed = true }
        lock.unlock()
    }

    /// `record` for many files under one lock (`OutputUpdate.takeUnchanged`): previous
    /// entries, which `departing` says whether any was changed on the way.
    func record(_ entries: [(path: String, entry: Entry)], departing: Bool) {
        lock.lock()
        for (path, entry) in entries { current[path] = entry }
        if departing { departed = true }
        lock.unlock()
    }

    /// Whether the previous output's file at `path` was rendered from the inputs named
    /// `inputs` and is untouched since; its entry, to carry over, if so.
    func entry(_ path: String, inputs: String, previousFile: String) -> Entry? {
        guard let entry = previous[path], entry.inputs == inputs, let stamp = FileStamp(path: previousFile), stamp == entry.file else { return nil }
        return entry
    }

    /// The previous build's entry for `path`, if its file `previousFile` is untouched since.
    func previousEntry(_ path: String, previousFile: String) -> Entry? {
        guard let entry = previous[path], let stamp = FileStamp(path: previousFile), stamp == entry.file else { return nil }
        return entry
    }

    /// The previous build's entry for `path` if its inputs key ends with `suffix` and
    /// its file (stamped `stamp`) is untouched since: a page whose key's other
    /// ingredients are known to be unchanged (`BriefingPageRekeying`).
    func entry(_ path: String, inputsEndingWith suffix: String, stamp: FileStamp?) -> Entry? {
        guard let stamp, let entry = previous[path], entry.inputs?.hasSuffix(suffix) == true, stamp == entry.file else { return nil }
        return entry
    }

    /// `previousEntry(_:previousFile:)`, with the previous file's stamp as the caller found it.
    func previousEntry(_ path: String, stamp: FileStamp?) -> Entry? {
        guard let stamp, let entry = previous[path], stamp == entry.file else { return nil }
        return entry
    }

    /// Records that `path` now holds the page rendered from `key` (and from the
    /// inputs named `inputs`), in the file at `file`.
    func record(_ path: String, renderedFrom key: String, inputs: String? = nil, file: String) {
        guard let stamp = FileStamp(path: file) else { return }
        store(path, Entry(key: key, inputs: inputs, file: stamp))
    }

    /// The previous build's paths that `isMember` accepts, sorted.
    func previousPaths(where isMember: (String) -> Bool) -> [String] {
        previous.keys.filter(isMember).sorted()
    }

    func previousKey(of path: String) -> String? { previous[path]?.key }

    func previousInputs(of path: String) -> String? { previous[path]?.inputs }

    /// Takes back `record` for a file that was removed again.
    func forget(_ path: String) {
        lock.lock()
        current[path] = nil
        departed = true
        lock.unlock()
    }

    /// Whether this build recorded exactly what the previous one did: the stored
    /// manifest then already says it, and need not be written again.
    var isUnchanged: Bool {
        lock.lock()
        defer { lock.unlock() }
        // Every recorded entry is the previous one for its path: the tables are equal when their sizes are.
        return !departed && current.count == previous.count && currentKeying == previousKeying
    }

    /// This build's entries, for the next build.
    var recorded: [String: Entry] {
        lock.lock()
        defer { lock.unlock() }
        return current
    }
}

/// The previous build's entries and keying, handed over once read: every reader
/// waits for the read to end.
private final class PreviousManifest: @unchecked Sendable {
    typealias Value = (entries: [String: RenderManifest.Entry], keying: PageKeying?)
    private let done = DispatchGroup()
    /// Written once, before `done` is left; read only after waiting for it.
    private var stored: Value = ([:], nil)

    init(_ value: Value) {
        stored = value
    }

    init(reading read: @escaping @Sendable () -> Value?) {
        done.enter()
        Thread.detachNewThread { [self] in
            stored = read() ?? ([:], nil)
            done.leave()
        }
    }

    var value: Value {
        done.wait()
        return stored
    }

    /// Runs `action` with the value once it is read, on the reading thread's queue.
    func whenRead(_ action: @escaping @Sendable (Value) -> Void) {
        done.notify(queue: .global()) { [self] in action(stored) }
    }
}

extension CacheEncoder {
    mutating func renderEntries(_ entries: [String: RenderManifest.Entry]) {
        // Sorted as pairs: sorting the paths and looking each one up again cost a second pass over the table.
        array(entries.sorted { $0.key < $1.key }) { encoder, pair in
            let (path, entry) = pair
            encoder.string(path)
            encoder.string(entry.key)
            encoder.optional(entry.inputs)
            for value in [entry.file.device, entry.file.inode, entry.file.size, entry.file.seconds, entry.file.nanoseconds] {
                encoder.int(value)
            }
        }
    }
}

extension CacheDecoder {
    mutating func renderEntries() throws -> [String: RenderManifest.Entry] {
        let pairs = try array { decoder -> (String, RenderManifest.Entry) in
            let path = try decoder.string(), key = try decoder.string(), inputs = try decoder.optional()
            let stamp = RenderManifest.FileStamp(device: try decoder.int(), inode: try decoder.int(), size: try decoder.int(),
                                                 seconds: try decoder.int(), nanoseconds: try decoder.int())
            return (path, RenderManifest.Entry(key: key, inputs: inputs, file: stamp))
        }
        var entries: [String: RenderManifest.Entry] = [:]
        entries.reserveCapacity(pairs.count)
        for (path, entry) in pairs where entries.updateValue(entry, forKey: path) != nil { throw Malformed() }
        return entries
    }
}
