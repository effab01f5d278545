import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A linked document's HTML, in one object that every copy of the document shares.
/// A build that runs once in its process moves it out of memory into a spill file
/// after linking (`HTMLSpillFile`) and releases it as soon as the last page that
/// shows it is rendered (`SiteRenderer.HTMLReaders`): at 100,000 briefings the HTML
/// is about a gigabyte, which every copy of the document (the build cache's, the
/// model's) would otherwise keep in memory from linking to the end of the build.
final class ReleasableHTML: @unchecked Sendable {
    private enum Storage {
        case memory(String)
        case spilled(HTMLSpillFile, offset: Int, length: Int)
        case inCacheEntry(CachedHTML)
        case released
    }

    private let lock = NSLock()
    private var storage: Storage

    init(_ value: String) { storage = .memory(value) }

    /// HTML read from its build cache entry each time it is asked for
    /// (`CachedHTML`): a cached build renders few of the pages whose documents it reuses.
    init(inCacheEntry location: CachedHTML) { storage = .inCacheEntry(location) }

    /// Nil once released.
    var string: String? {
        lock.lock()
        let storage = storage
        lock.unlock()
        switch storage {
        case .memory(let value): return value
        case .spilled(let file, let offset, let length):
            // A temporary file written moments before: failing to read it back is a
            // broken disk, and a page must not come out empty because of it.
            guard let value = file.read(offset: offset, length: length) else { preconditionFailure("could not read back the HTML kept in \(file)") }
            return value
        case .inCacheEntry(let location): return location.read()
        case .released: return nil
        }
    }

    var isReleased: Bool {
        lock.lock()
        defer { lock.unlock() }
        if case .released = storage { return true }
        return false
    }

    var isInMemory: Bool {
        lock.lock()
        defer { lock.unlock() }
        if case .memory = storage { return true }
        return false
    }

    var isSpilled: Bool {
        lock.lock()
        defer { lock.unlock() }
        if case .spilled = storage { return true }
        return false
    }

    func release() {
        lock.lock()
        storage = .released
        lock.unlock()
    }

    /// Moves the HTML into `file`; it stays in memory if the file cannot take it.
    func spill(to file: HTMLSpillFile) {
        lock.lock()
        defer { lock.unlock() }
        guard case .memory(let value) = storage, let offset = file.append(value) else { return }
        storage = .spilled(file, offset: offset, length: value.utf8.count)
    }
}

/// An unnamed temporary file (created in the temporary folder and unlinked at once,
/// so nothing is left behind even if the build dies) that holds documents' HTML and
/// text (`SpillableText`) between linking and rendering. Reads and writes name their
/// offsets, so pages on several threads read it at once.
final class HTMLSpillFile: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var end = 0

    init?(folder: URL = FileManager.default.temporaryDirectory) {
        let path = folder.appendingPathComponent("dossier-html-\(UUID().uuidString)").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        unlink(path)
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The offset the text was written at; nil if it could not be written whole.
    func append(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            lock.lock()
            let offset = end
            end += bytes.count
            lock.unlock()
            var written = 0
            while written < bytes.count {
                let count = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(offset + written))
                if count <= 0 { return nil }
                written += count
            }
            return offset
        }
    }

    /// Nil unless all `length` bytes could be read.
    func read(offset: Int, length: Int) -> String? {
        var complete = true
        let text = String(unsafeUninitializedCapacity: length) { buffer in
            complete = read(into: UnsafeMutableRawBufferPointer(buffer), offset: offset)
            return complete ? length : 0
        }
        return complete ? text : nil
    }

    /// Fills `buffer` from `offset`; false unless every byte could be read.
    func read(into buffer: UnsafeMutableRawBufferPointer, offset: Int) -> Bool {
        var done = 0
        while done < buffer.count {
            let count = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if count <= 0 { return false }
            done += count
        }
        return true
    }
}
