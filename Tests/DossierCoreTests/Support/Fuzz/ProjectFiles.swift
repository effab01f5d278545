import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder's files as bytes, keyed by their path relative to the folder.
typealias ProjectFiles = [String: [UInt8]]

enum ProjectFileIO {
    /// Every regular file under `folder`, with `prefix` before its relative path.
    static func read(_ folder: URL, prefix: String = "") throws -> ProjectFiles {
        var files: ProjectFiles = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return files }
        while let relative = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[prefix + relative] = [UInt8](try Data(contentsOf: url))
        }
        return files
    }

    /// Writes each file under `root`, creating folders. Plain open/write/close:
    /// `Data.write(to:)` fsyncs every file (STACK-NOTES), which would cost the fuzz
    /// test a large share of its budget for copies it throws away.
    static func save(_ files: ProjectFiles, under root: URL) throws {
        var folders: Set<String> = []
        for path in files.keys {
            folders.insert((root.path + "/" + path as NSString).deletingLastPathComponent)
        }
        for folder in folders.sorted() {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        for (path, bytes) in files {
            try saveWithoutSync(bytes, to: root.path + "/" + path)
        }
    }

    static func saveWithoutSync(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            guard count > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            written += count
        }
    }
}

/// What a folder holds, compared entry by entry: a build that fails must leave the
/// previous output byte for byte as it was, folders and links included.
struct FolderSnapshot: Equatable, Sendable {
    enum Entry: Equatable, Sendable {
        case file([UInt8])
        case folder
        case link(String)
        case other
    }

    var entries: [String: Entry]

    static func take(_ folder: URL) throws -> FolderSnapshot {
        var entries: [String: Entry] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return FolderSnapshot(entries: [:]) }
        while let relative = enumerator.nextObject() as? String {
            let path = folder.appendingPathComponent(relative).path
            // attributesOfItem does not follow a link, so a link is seen as a link.
            let type = try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
            switch type {
            case .typeRegular?: entries[relative] = .file([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
            case .typeDirectory?: entries[relative] = .folder
            case .typeSymbolicLink?: entries[relative] = .link(try FileManager.default.destinationOfSymbolicLink(atPath: path))
            default: entries[relative] = .other
            }
        }
        return FolderSnapshot(entries: entries)
    }

    /// Writes the same tree into `folder` (which must not exist yet).
    func recreate(in folder: URL) throws {
        var files: ProjectFiles = [:]
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(path)
            switch entry {
            case .file(let bytes): files[path] = bytes
            case .folder: try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            case .link(let destination): try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
            case .other: continue
            }
        }
        try ProjectFileIO.save(files, under: folder)
    }

    /// "changed index.html", "removed feed.xml", "added x"…, sorted, at most `limit`.
    func differences(from before: FolderSnapshot, limit: Int = 5) -> [String] {
        var lines: [String] = []
        for path in Set(before.entries.keys).union(entries.keys).sorted() {
            switch (before.entries[path], entries[path]) {
            case (nil, _?): lines.append("added \(path)")
            case (_?, nil): lines.append("removed \(path)")
            case let (old?, new?) where old != new: lines.append("changed \(path)")
            default: continue
            }
        }
        return lines.count > limit ? Array(lines.prefix(limit)) + ["and \(lines.count - limit) more"] : lines
    }
}
