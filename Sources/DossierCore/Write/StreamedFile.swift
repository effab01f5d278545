import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file of the site received in pieces (`OutputSink.writeStreamed`): mentions.csv
/// is 131 MB at 10,000 briefings and ten times that at 100,000, too much to hold
/// whole. Pieces are gathered into a buffer of `bufferSize` bytes and written to the
/// file's descriptor when it fills; a sink with nowhere to stream to collects them.
public final class StreamedFile {
    enum Destination {
        case descriptor(Int32)
        case memory
        /// The bytes are counted and dropped (`CountingSink`).
        case nowhere
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What a streamed file is recorded under for the next build, like a page's
    /// render key and inputs key (`OutputSink.write(_:renderedFrom:inputs:)`).
    public struct Memo: Sendable {
        public var key: String
        public var inputs: String?
    }

    static let bufferSize = 1 << 20

    private let destination: Destination
    private var buffer: [UInt8] = []
    /// What a `.memory` file received.
    private(set) var collected = Data()
    /// Bytes received so far.
    public private(set) var count = 0

    init(_ destination: Destination) {
        self.destination = destination
        if case .descriptor = destination { buffer.reserveCapacity(Self.bufferSize) }
    }

    public func append(_ bytes: UnsafeRawBufferPointer) throws {
        count += bytes.count
        switch destination {
        case .nowhere: return
        case .memory: collected.append(contentsOf: bytes)
        case .descriptor:
            if buffer.count + bytes.count > Self.bufferSize { try flush() }
            if bytes.count >= Self.bufferSize {
                try writeOut(bytes)
            } else {
                buffer.append(contentsOf: bytes)
            }
        }
    }

    public func append(_ bytes: Data) throws {
        try bytes.withUnsafeBytes { try append($0) }
    }

    public func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try append($0) }
    }

    /// Appends `count` bytes of the file at `path` from `offset`: the unchanged part
    /// of a previous output, copied without being made again.
    public func append(contentsOf path: String, offset: Int, count: Int) throws {
        let source = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard source >= 0 else { throw Failure(description: "cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(source) }
        var chunk = [UInt8](repeating: 0, count: min(count, Self.bufferSize))
        var done = 0
        while done < count {
            let wanted = min(chunk.count, count - done)
            let got = chunk.withUnsafeMutableBytes { pread(source, $0.baseAddress!, wanted, off_t(offset + done)) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { throw Failure(description: "cannot read \(path): it ended early") }
            try chunk.withUnsafeBytes { try append(UnsafeRawBufferPointer(rebasing: $0[0..<got])) }
            done += got
        }
    }

    /// Makes the file at `partial` from what `produce` hands over, a buffer at a time,
    /// and returns `produce`'s memo; if `produce` or a write fails, no file is left.
    static func make(at partial: String, _ produce: (StreamedFile) throws -> Memo?) throws -> Memo? {
        let descriptor = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        do {
            let stream = StreamedFile(.descriptor(descriptor))
            let memo = try produce(stream)
            try stream.flush()
            close(descriptor)
            return memo
        } catch {
            close(descriptor)
            unlink(partial)
            throw error
        }
    }

    /// Whether two regular files (links are never followed) hold the same bytes; read
    /// a buffer at a time, and not at all when their sizes differ.
    static func sameContents(_ first: String, _ second: String) -> Bool {
        let a = open(first, O_RDONLY | O_CLOEXEC | O_NOFOLLOW), b = open(second, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        defer {
            if a >= 0 { close(a) }
            if b >= 0 { close(b) }
        }
        var statusA = stat(), statusB = stat()
        guard a >= 0, b >= 0, fstat(a, &statusA) == 0, fstat(b, &statusB) == 0, statusA.st_mode & S_IFMT == S_IFREG,
              statusB.st_mode & S_IFMT == S_IFREG, statusA.st_size == statusB.st_size else { return false }
        var left = [UInt8](repeating: 0, count: bufferSize), right = [UInt8](repeating: 0, count: bufferSize)
        var remaining = Int(statusA.st_size)
        while remaining > 0 {
            let wanted = min(remaining, bufferSize)
            guard readFully(a, &left, wanted), readFully(b, &right, wanted) else { return false }
            guard left.withUnsafeBytes({ l in right.withUnsafeBytes { memcmp(l.baseAddress!, $0.baseAddress!, wanted) == 0 } }) else { return false }
            remaining -= wanted
        }
        return true
    }

    private static func readFully(_ descriptor: Int32, _ buffer: inout [UInt8], _ count: Int) -> Bool {
        var done = 0
        while done < count {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + done, count - done) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            done += got
        }
        return true
    }

    /// Writes out what the buffer holds.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeOut($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ bytes: UnsafeRawBufferPointer) throws {
        guard case .descriptor(let descriptor) = destination else { return }
        var offset = 0
        while offset < bytes.count {
            let written = streamWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(description: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}

/// The previous output's file at a path, as the build's manifest recorded it and
/// found it untouched (`OutputSink.previousOutput`).
public struct PreviousOutput: Sendable {
    /// Where it is on disk.
    public var file: String
    public var key: String
    public var inputs: String?
}

/// A sink with no previous output and nowhere to stream to: the streamed file is
/// collected and written whole.
extension OutputSink {
    public func previousOutput(_ path: String) -> PreviousOutput? { nil }

    public func reuse(_ path: String, madeFrom key: String, inputs: String?) -> Bool { reuse(path, madeFrom: key) }

    public func writeStreamed(_ path: String, _ produce: (StreamedFile) throws -> StreamedFile.Memo?) throws {
        let stream = StreamedFile(.memory)
        let memo = try produce(stream)
        let file = OutputFile(path: path, contents: stream.collected)
        if let memo {
            try write(file, renderedFrom: memo.key, inputs: memo.inputs)
        } else {
            try write(file)
        }
    }
}

extension CountingSink {
    /// `check` writes nothing, so a streamed file is made and dropped piece by piece.
    public func writeStreamed(_ path: String, _ produce: (StreamedFile) throws -> StreamedFile.Memo?) throws {
        _ = try produce(StreamedFile(.nowhere))
        write(OutputFile(path: path, contents: Data()))
    }
}

#if canImport(Glibc)
private let streamWrite = Glibc.write
#elseif canImport(Darwin)
private let streamWrite = Darwin.write
#endif
