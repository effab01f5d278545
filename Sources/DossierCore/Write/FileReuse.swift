import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing one file of a staged build with plain system calls: Foundation's
/// `Data.write(to:)` calls fsync for every file (12,000 of them at 10k briefings),
/// and a site does not need that; the build's durability point is the folder swap.
///
/// A file whose bytes equal the previous output's is not written at all: the
/// previous file is hard-linked into the staging folder. The previous output is
/// never written to, so a failing build still leaves it exactly as it was, and an
/// unchanged file keeps its inode and modification time (rsync, a web server's
/// caches and `dossier serve`'s reloads all see that nothing changed).
enum FileReuse {
    enum Outcome: Equatable {
        /// The previous output held the same bytes; it was linked in.
        case reused
        /// The file is new or its bytes differ; it was written.
        case written
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Puts `contents` at `target`, linking `previous` instead when it holds exactly
    /// those bytes.
    static func place(_ contents: Data, at target: String, previous: String?) throws -> Outcome {
        try placeStamped(contents, at: target, previous: previous).outcome
    }

    /// `place`, with the stamp of the file now at `target`, taken from the `fstat`s
    /// the comparing and the writing make anyway: a build records one for every page
    /// it writes (`RenderManifest`), and an `lstat` of each path after it was written
    /// walked the path once more. A linked file's stamp is its previous file's: a link
    /// keeps the inode, the size and the modification time.
    static func placeStamped(
        _ contents: Data, at target: String, previous: String?
    ) throws -> (outcome: Outcome, stamp: RenderManifest.FileStamp?) {
        if let previous, let status = statusIfSameBytes(contents, atPath: previous), link(previous, target) == 0 {
            return (.reused, RenderManifest.FileStamp(status))
        }
        return (.written, try write(contents, to: target).map(RenderManifest.FileStamp.init))
    }

    /// open/write/close, no fsync; replaces whatever is at `path`. Returns the file's
    /// status once written, nil if it could not be taken.
    @discardableResult
    static func write(_ contents: some ContiguousBytes, to path: String) throws -> stat? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try write(contents, toOpen: descriptor)
        var status = stat()
        return fstat(descriptor, &status) == 0 ? status : nil
    }

    /// Writes all of `contents` to the open file `descriptor`.
    static func write(_ contents: some ContiguousBytes, toOpen descriptor: Int32) throws {
        try contents.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(description: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    /// Whether the regular file at `path` (a link is never followed) holds exactly `contents`.
    static func sameBytes(_ contents: Data, atPath path: String) -> Bool {
        statusIfSameBytes(contents, atPath: path) != nil
    }

    /// The status of the regular file at `path` if it holds exactly `contents`.
    private static func statusIfSameBytes(_ contents: Data, atPath path: String) -> stat? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) == contents.count else { return nil }
        if contents.isEmpty { return status }
        var existing = [UInt8](repeating: 0, count: contents.count)
        var offset = 0
        while offset < existing.count {
            let count = existing.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            offset += count
        }
        let same = contents.withUnsafeBytes { buffer in
            existing.withUnsafeBytes { memcmp(buffer.baseAddress!, $0.baseAddress!, buffer.count) == 0 }
        }
        return same ? status : nil
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
