import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The list of steps that turns the previous output into the new one, for an
/// in-place update (`OutputUpdate`): files to remove, folders left empty to remove,
/// and files written into the update folder to move into the output. It is written
/// into the update folder and fsynced before the first step is taken, and removed
/// after the last; a build that finds one left by a process that died takes every
/// step again (`rollForward`), so the output ends as the new build whatever moment
/// the commit was interrupted at. Every step can be taken twice: a removal of what
/// is gone and a move of what was moved already are no-ops.
struct OutputJournal: Equatable, Sendable {
    enum Step: Equatable, Sendable {
        /// Unlink the file (or link, or any entry that is not a folder) at the path.
        case remove(String)
        /// Remove the folder at the path if it is empty.
        case removeFolder(String)
        /// Rename the update folder's file at the path to the same path in the output,
        /// making the folders it needs.
        case move(String)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var steps: [Step]
    /// The output folder the journal was made for (device and inode). An in-place
    /// update keeps the folder, so a journal left by a crash matches it; a folder
    /// replaced since (removed and built anew, or swapped in by a build that knew no
    /// journals) does not, and the stale journal is dropped instead of applied to it.
    var outputFolder: PhysicalPath.Identity

    /// The journal's name in the update folder; the staged files are in `filesFolder`.
    static let fileName = "journal"
    static let filesFolder = "files"
    private static let header = "dossier output journal 1\n"
    private static let trailer = "end\n"

    // MARK: Format

    /// The header line, the output folder's line (`output DEVICE INODE`), then one
    /// record per step — a letter (r, d, m), a NUL, the path, a NUL — then the
    /// trailer: a path may hold any byte but NUL. A journal without its trailer was
    /// never finished, and is never applied.
    var encoded: Data {
        var bytes = Data((Self.header + "output \(outputFolder.device) \(outputFolder.inode)\n").utf8)
        for step in steps {
            let (letter, path): (String, String) = switch step {
            case .remove(let path): ("r", path)
            case .removeFolder(let path): ("d", path)
            case .move(let path): ("m", path)
            }
            bytes.append(contentsOf: Array(letter.utf8) + [0] + Array(path.utf8) + [0])
        }
        bytes.append(contentsOf: Self.trailer.utf8)
        return bytes
    }

    init(steps: [Step], outputFolder: PhysicalPath.Identity) {
        self.steps = steps
        self.outputFolder = outputFolder
    }

    /// Nil for anything but a complete journal.
    init?(encoded data: Data) {
        let bytes = [UInt8](data)
        let header = Array(Self.header.utf8), trailer = Array(Self.trailer.utf8)
        guard bytes.count >= header.count + trailer.count, bytes.starts(with: header),
              Array(bytes.suffix(trailer.count)) == trailer else { return nil }
        var body = bytes[header.count..<(bytes.count - trailer.count)]
        guard let newline = body.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let words = String(decoding: body[..<newline], as: UTF8.self).split(separator: " ")
        guard words.count == 3, words[0] == "output", let device = UInt64(words[1]), let inode = UInt64(words[2]) else { return nil }
        outputFolder = PhysicalPath.Identity(device: device, inode: inode)
        body = body[(newline + 1)...]
        var fields = body.split(separator: 0, omittingEmptySubsequences: false)
        guard fields.last?.isEmpty == true else { return nil }
        fields.removeLast()
        guard fields.count % 2 == 0 else { return nil }
        var steps: [Step] = []
        for index in stride(from: 0, to: fields.count, by: 2) {
            let path = String(decoding: fields[index + 1], as: UTF8.self)
            guard Self.isRelative(path) else { return nil }
            switch String(decoding: fields[index], as: UTF8.self) {
            case "r": steps.append(.remove(path))
            case "d": steps.append(.removeFolder(path))
            case "m": steps.append(.move(path))
            default: return nil
            }
        }
        self.steps = steps
    }

    /// A path that stays inside the folder it is relative to, so a damaged or forged
    /// journal cannot remove or move anything outside the output.
    static func isRelative(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/")
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    // MARK: Writing and reading

    /// Writes the journal into `updateFolder` under a temporary name, fsyncs it,
    /// renames it into place and fsyncs the folder: once this returns, a crash at any
    /// later moment leaves a journal the next build completes.
    func write(into updateFolder: URL) throws {
        let final = updateFolder.appendingPathComponent(Self.fileName).path
        let partial = final + ".partial"
        let descriptor = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot write \(partial): \(String(cString: strerror(errno)))") }
        do {
            defer { close(descriptor) }
            try FileReuse.write(encoded, toOpen: descriptor)
            guard fsync(descriptor) == 0 else { throw Failure(description: "cannot sync \(partial): \(String(cString: strerror(errno)))") }
        }
        guard rename(partial, final) == 0 else { throw Failure(description: "cannot write \(final): \(String(cString: strerror(errno)))") }
        Self.syncFolder(updateFolder.path)
    }

    /// The complete journal in `updateFolder`, if there is one.
    static func read(from updateFolder: URL) -> OutputJournal? {
        guard let data = FileManager.default.contents(atPath: updateFolder.appendingPathComponent(fileName).path) else { return nil }
        return OutputJournal(encoded: data)
    }

    private static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    // MARK: Applying

    /// Takes the steps in order (the first `limit` only, for tests that stop a commit
    /// halfway, as a crash would). A removal that fails is left (the file stays, and
    /// the output holds one file too many, as a hand-added file would); a move that
    /// fails throws, since the new site would lack that file.
    func apply(from updateFolder: URL, to output: URL, limit: Int? = nil) throws {
        let staged = updateFolder.appendingPathComponent(Self.filesFolder).path + "/"
        let target = output.path + "/"
        for step in steps.prefix(limit ?? steps.count) {
            switch step {
            case .remove(let path):
                _ = unlink(target + path)
            case .removeFolder(let path):
                _ = rmdir(target + path)
            case .move(let path):
                let source = staged + path, destination = target + path
                var status = stat()
                // Gone from the update folder: moved by the commit this completes.
                guard lstat(source, &status) == 0 else { continue }
                if rename(source, destination) == 0 { continue }
                let code = errno
                guard code == ENOENT || code == ENOTDIR else {
                    throw Failure(description: "cannot move \(path) into \(output.path): \(String(cString: strerror(code)))")
                }
                try Self.makeFolders(for: path, in: output)
                guard rename(source, destination) == 0 else {
                    throw Failure(description: "cannot move \(path) into \(output.path): \(String(cString: strerror(errno)))")
                }
            }
        }
    }

    /// Makes the folders above `path` in `output`, replacing an entry that is not a
    /// folder where one is needed (a file put there by hand; the site's own files were
    /// removed by earlier steps).
    private static func makeFolders(for path: String, in output: URL) throws {
        var folder = output.path
        for component in path.split(separator: "/").dropLast() {
            folder += "/" + component
            var status = stat()
            if lstat(folder, &status) == 0 {
                if status.st_mode & S_IFMT == S_IFDIR { continue }
                _ = unlink(folder)
            }
            if mkdir(folder, 0o755) != 0, errno != EEXIST {
                throw Failure(description: "cannot create \(folder): \(String(cString: strerror(errno)))")
            }
        }
    }

    // MARK: Recovery

    /// Completes the commit whose journal `updateFolder` holds, if the output it was
    /// made for is still there, the same folder, holding a Dossier site; then removes
    /// the update folder. Returns a
    /// diagnostic when the journal could not be completed (the folder is kept, so a
    /// later build tries again).
    static func rollForward(_ updateFolder: URL, output: URL) -> Diagnostic? {
        if let journal = read(from: updateFolder), OutputGuard.hasMarker(output), PhysicalPath.identity(of: output) == journal.outputFolder {
            do {
                try journal.apply(from: updateFolder, to: output)
            } catch {
                return .error("cannot complete the update of \(output.path) that an interrupted build began (\(updateFolder.path)): \(error)",
                              at: SourceLocation(path: output.path))
            }
        }
        try? FileManager.default.removeItem(at: updateFolder)
        return nil
    }
}
