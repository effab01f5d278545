import Foundation

/// Reads a whole regular file straight into an array: a cached build reads one cache
/// entry per document, and going through `Data` copied every byte once more.
enum WholeFile {
    static func bytes(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return read(descriptor, count: Int(status.st_size), at: nil)
    }

    /// `count` bytes from an open file, at `offset` (pread) or where it stands (read);
    /// nil when the file ends first.
    static func read(_ descriptor: Int32, count: Int, at offset: Int?) -> [UInt8]? {
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            let done = fill(descriptor, UnsafeMutableRawBufferPointer(buffer), at: offset)
            complete = done == count
            initialized = done
        }
        return complete ? bytes : nil
    }

    /// Fills `buffer` from `offset`; false when the file ends first.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        fill(descriptor, buffer, at: offset) == buffer.count
    }

    /// How many bytes of `buffer` it filled before the file ended or failed.
    private static func fill(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer, at offset: Int?) -> Int {
        var done = 0
        while done < buffer.count {
            let destination = buffer.baseAddress! + done
            let got = if let offset { pread(descriptor, destination, buffer.count - done, off_t(offset + done)) }
                      else { Foundation.read(descriptor, destination, buffer.count - done) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { break }
            done += got
        }
        return done
    }
}
