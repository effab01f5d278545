import Foundation

/// The load stage behind the build cache. What a content file decodes to is a
/// function of its text and path alone, so the cache keeps, per project, a record of
/// every Markdown file: its `FileIdentity`, a hash of its text, and what it decoded to
/// (with its diagnostics), its body only as a reference to the file. For each file:
///
/// - its identity is the recorded one, and the record was settled (the file had not
///   changed for a while when it was read): the record is used; the file is neither
///   read nor parsed, and its body is read only if its document must be linked again;
/// - otherwise the file is read; if its text hashes as recorded (touched, checked out
///   again, restored by a CI cache), the record is used without parsing;
/// - otherwise it is decoded, and recorded.
///
/// `dossier.yml` is always read and decoded: it is one small file.
enum LoadMemo {
    /// One object, so that the memo, the listing's outcomes and the records stored again
    /// share it: as a value, each of those lists copied (and later released) the twenty
    /// or so references a decoded briefing holds, 12,000 times, about a quarter of a
    /// cached build's load stage at 10,000 briefings.
    final class Record: Sendable {
        let path: String
        let identity: FileIdentity
        /// Whether `identity` may stand for the content (`FileIdentity.isSettled`).
        let settled: Bool
        /// `DocumentFingerprints.hash` of the file's text.
        let sourceFingerprint: String
        let decoded: ProjectLoader.DecodedFile

        init(path: String, identity: FileIdentity, settled: Bool, sourceFingerprint: String, decoded: ProjectLoader.DecodedFile) {
            self.path = path
            self.identity = identity
            self.settled = settled
            self.sourceFingerprint = sourceFingerprint
            self.decoded = decoded
        }
    }

    /// What became of one listed file.
    private enum Outcome: Sendable {
        /// The memo's record.
        case unread(Record)
        case readUnchanged(Record)
        case parsed(ProjectLoader.DecodedFile, fingerprint: String, record: Record?)
        case failed(Diagnostic)

        var fingerprint: String? {
            switch self {
            case .unread(let record), .readUnchanged(let record): record.sourceFingerprint
            case .parsed(_, let fingerprint, _): fingerprint
            case .failed: nil
            }
        }
    }

    /// `readStart`: the wall clock before any file is stat'ed or read (a file changed
    /// after it is not settled); tests move it to settle files they have just written.
    static func load(root: URL, drafts: Bool, cache: BuildCache, readStart: Int64 = FileIdentity.now()) -> LoadedProject {
        // Read and decoded beside the listing: neither needs the other.
        let memoWork = BackgroundWork { cache.loadMemo(root: root) }
        let (configText, listed, media, listDiagnostics) = ProjectLoader.listFiles(root: root)
        let memo = memoWork.value
        let previous = PreviousRecords(memo, listed: listed)
        let outcomes = Array(listed.indices).chunkedParallelMap { position -> Outcome in
            let file = listed[position]
            let identity = file.identity
            let old = previous.record(at: position, file.path)
            if let old, let identity, old.settled, old.identity == identity { return .unread(old) }
            guard let data = FileManager.default.contents(atPath: file.absolutePath) else {
                return .failed(.error("cannot read file", at: SourceLocation(path: file.path)))
            }
            let fingerprint = hash(data)
            if let old, old.sourceFingerprint == fingerprint, let identity {
                return .readUnchanged(Record(path: file.path, identity: identity, settled: identity.isSettled(readStart: readStart),
                                             sourceFingerprint: fingerprint, decoded: old.decoded))
            }
            switch ProjectLoader.text(of: data, file) {
            case .failure(let problem): return .failed(problem.diagnostic)
            case .success(let content):
                let decoded = ProjectLoader.decodeFile(content)
                let record = identity.map {
                    Record(path: file.path, identity: $0, settled: $0.isSettled(readStart: readStart), sourceFingerprint: fingerprint, decoded: decoded)
                }
                return .parsed(decoded, fingerprint: fingerprint, record: record)
            }
        }

        // Beside the project's assembly: 24,000 strings hashed at 10,000 briefings.
        let fingerprintsWork = BackgroundWork { () -> [String: String] in
            var fingerprints: [String: String] = [:]
            fingerprints.reserveCapacity(listed.count)
            for (file, outcome) in zip(listed, outcomes) { if let fingerprint = outcome.fingerprint { fingerprints[file.path] = fingerprint } }
            return fingerprints
        }
        var readDiagnostics = listDiagnostics
        var records: [Record] = []
        var counts = LoadCounts()
        var changed: Set<String> = []
        records.reserveCapacity(listed.count)
        for (file, outcome) in zip(listed, outcomes) {
            switch outcome {
            case .unread(let record):
                counts.unread += 1
                records.append(record)
            case .readUnchanged(let record):
                counts.readUnchanged += 1
                records.append(record)
                changed.insert(file.path)
            case .parsed(_, _, let record):
                counts.parsed += 1
                if let record {
                    records.append(record)
                    changed.insert(file.path)
                }
            case .failed(let diagnostic):
                readDiagnostics.append(diagnostic)
            }
        }
        var project = ProjectLoader.assemble(configText: configText, count: outcomes.count, drafts: drafts) { position in
            switch outcomes[position] {
            case .unread(let record), .readUnchanged(let record): record.decoded
            case .parsed(let decoded, _, _): decoded
            case .failed: nil
            }
        }
        project.diagnostics = readDiagnostics + project.diagnostics
        project.sourceFingerprints = fingerprintsWork.value
        project.markdownPaths = Set(project.sourceFingerprints.keys)
        project.media = media
        project.loadCounts = counts
        // Only what changed is written (`LoadMemoChanges`); nothing when nothing did.
        cache.storeLoadMemo(records, changed: changed, previous: memo, sameFiles: previous.aligned && records.count == memo.ordered.count, root: root)
        // The last references to the records and what they decoded that the project
        // does not share: released on another thread, off the build's path.
        ReleasedAside.release((consume memo, consume previous, consume outcomes, consume records))
        return project
    }

    /// The memo's records looked up by the listed files' positions: the memo keeps them
    /// in the listing's order, so when its paths are the listing's (no file added,
    /// removed or renamed) a file's record is the one at its own position, and the
    /// records are never copied into a dictionary. Otherwise, by path.
    private struct PreviousRecords: Sendable {
        let ordered: [Record]
        let aligned: Bool
        let byPath: [String: Record]

        init(_ memo: LoadMemoChanges, listed: [ProjectLoader.ListedFile]) {
            ordered = memo.ordered
            aligned = ordered.count == listed.count && zip(ordered, listed).allSatisfy { $0.path == $1.path }
            byPath = aligned ? [:] : memo.records
        }

        func record(at position: Int, _ path: String) -> Record? {
            aligned ? ordered[position] : byPath[path]
        }
    }

    /// `DocumentFingerprints.hash` of the text these bytes hold, without making the text.
    static func hash(_ data: Data) -> String {
        var hasher = StableHasher()
        hasher.combine(data.count)
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}

extension CacheEncoder {
    /// Each record as a length-prefixed blob, so that reading can cut them apart first
    /// and decode them in parallel.
    mutating func loadRecords(_ records: [LoadMemo.Record]) {
        let blobs = records.parallelMap { record -> [UInt8] in
            var encoder = CacheEncoder()
            encoder.string(record.path)
            encoder.int(Int(bitPattern: UInt(record.identity.device)))
            encoder.int(Int(bitPattern: UInt(record.identity.inode)))
            encoder.int(Int(record.identity.size))
            encoder.int(Int(record.identity.modified))
            encoder.int(Int(record.identity.changed))
            encoder.bool(record.settled)
            encoder.string(record.sourceFingerprint)
            encoder.decodedFile(record.decoded)
            return encoder.bytes
        }
        int(blobs.count)
        for blob in blobs {
            int(blob.count)
            append(bytes: blob)
        }
    }
}

extension CacheDecoder {
    mutating func loadRecords(root: URL) throws -> [LoadMemo.Record] {
        let count = try self.count()
        var starts: [Int] = []
        var ends: [Int] = []
        for _ in 0..<count {
            let length = try self.count()
            starts.append(position)
            try skip(length)
            ends.append(position)
        }
        let whole = self
        let rootPath = root.path
        let records = Array(zip(starts, ends)).chunkedParallelMap { start, end -> LoadMemo.Record? in
            var decoder = whole.at(start)
            guard let path = try? decoder.string(), let device = try? decoder.int(), let inode = try? decoder.int(),
                  let size = try? decoder.int(), let modified = try? decoder.int(), let changed = try? decoder.int(),
                  let settled = try? decoder.bool(), let fingerprint = try? decoder.string(),
                  let decoded = try? decoder.decodedFile(rootPath: rootPath, path: path, sourceFingerprint: fingerprint), decoder.position == end
            else { return nil }
            let identity = FileIdentity(
                device: UInt64(UInt(bitPattern: device)), inode: UInt64(UInt(bitPattern: inode)), size: Int64(size),
                modified: Int64(modified), changed: Int64(changed))
            return LoadMemo.Record(path: path, identity: identity, settled: settled, sourceFingerprint: fingerprint, decoded: decoded)
        }
        let result = records.compactMap { $0 }
        guard result.count == records.count else { throw Malformed() }
        return result
    }
}
