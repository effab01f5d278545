import Foundation

/// A link memo entry on disk, laid out so that the document's HTML, about half of
/// it, can be left unread: 8 bytes giving the length of the part before the HTML,
/// that part (the cache header, the names it is valid under, its linked form, the
/// HTML's length and checksum, the linked document without its HTML), that part's
/// checksum in 8 bytes, then the HTML. A file whose length does not add up (a
/// truncated one) is a miss; the HTML is checked against its own checksum when it
/// is read (`CachedHTML`).
struct LinkedEntryFile {
    let bytes: [UInt8]
    let linkedForm: String

    init(key: String, namesKey: String, result: LinkResult) {
        var body = CacheEncoder()
        body.linkResult(result, includingHTML: false)
        var html = result.document.html
        let htmlBytes = html.withUTF8 { Array($0) }
        linkedForm = Self.linkedForm(body: body.bytes, html: htmlBytes)
        var light = BuildCache.header(kind: "linked", key: key)
        light.string(namesKey)
        light.string(linkedForm)
        light.int(htmlBytes.count)
        light.int(Int(bitPattern: UInt(Self.checksum(htmlBytes))))
        light.append(body)
        var bytes = Self.littleEndian(UInt64(light.bytes.count))
        bytes.reserveCapacity(8 + light.bytes.count + 8 + htmlBytes.count)
        bytes += light.bytes
        bytes += Self.littleEndian(BuildCache.checksum(light.bytes))
        bytes += htmlBytes
        self.bytes = bytes
    }

    /// The hash of a link result as the entry holds it: equal for equal results.
    static func linkedForm(body: [UInt8], html: [UInt8]) -> String {
        var hasher = StableHasher()
        hasher.combine("linked form")
        body.withUnsafeBytes { hasher.combine(bytes: $0) }
        hasher.combine("html")
        html.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    /// The entry for `key` at `path`, nil unless it reads back whole. With `relink`,
    /// the HTML is left in the file (`CachedHTML`); without, it is read and checked now.
    static func read(path: String, key: String, relink: (@Sendable () -> String?)?) -> BuildCache.CachedLink? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        guard size >= 16, let prefix = WholeFile.read(descriptor, count: 8, at: 0) else { return nil }
        let lightLength = Int(truncatingIfNeeded: prefix.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) })
        guard lightLength > 0, lightLength <= size - 16, let light = WholeFile.read(descriptor, count: lightLength + 8, at: 8),
              var decoder = BuildCache.open(light, kind: "linked", key: key),
              let namesKey = try? decoder.string(), let linkedForm = try? decoder.string(),
              let htmlLength = try? decoder.int(), let htmlChecksum = try? decoder.int(),
              htmlLength >= 0, size == 8 + lightLength + 8 + htmlLength
        else { return nil }
        let location = CachedHTML(path: path, offset: 8 + lightLength + 8, length: htmlLength,
                                  checksum: UInt64(UInt(bitPattern: htmlChecksum)), relink: relink ?? { nil })
        let html: ReleasableHTML
        if relink != nil {
            html = ReleasableHTML(inCacheEntry: location)
        } else {
            guard let text = location.readEntry() else { return nil }
            html = ReleasableHTML(text)
        }
        guard let result = try? decoder.linkResult(html: html), decoder.isAtEnd else { return nil }
        return BuildCache.CachedLink(namesKey: namesKey, result: result, linkedForm: linkedForm)
    }

    static func checksum(_ bytes: [UInt8]) -> UInt64 {
        var hasher = StableHasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.checksum()
    }

    private static func littleEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
