import Foundation

/// A link memo entry on disk, laid out so that the document's text and HTML, most of
/// it, can be left unread: 8 bytes giving the length of the part before them, that
/// part (the cache header, the names it is valid under, its linked form, the text's
/// and the HTML's lengths and checksums, the linked document without either), that
/// part's checksum in 8 bytes, then the text, then the HTML. A file whose length does
/// not add up (a truncated one) is a miss; the text and the HTML are checked against
/// their own checksums when they are read (`CachedText`, `CachedHTML`).
struct LinkedEntryFile {
    let bytes: [UInt8]
    let linkedForm: String

    /// A document linked again after the link stage, for a text or HTML that its
    /// entry no longer gives back intact (`DocumentRelinker`).
    typealias Relinked = (html: String, text: String)

    init(key: String, namesKey: String, result: LinkResult) {
        var body = CacheEncoder()
        body.linkResult(result, includingHTML: false, includingText: false)
        var html = result.document.html
        var text = result.document.text
        // Each read once, for its checksum and its share of the linked form at once,
        // and copied once, from the string into the entry.
        let textSums = text.withUTF8 { Sums(UnsafeRawBufferPointer($0)) }
        let htmlSums = html.withUTF8 { Sums(UnsafeRawBufferPointer($0)) }
        linkedForm = Self.linkedForm(body: body.bytes, text: textSums, html: htmlSums)
        var light = BuildCache.header(kind: "linked", key: key)
        light.string(namesKey)
        light.string(linkedForm)
        light.int(textSums.count)
        light.int(Int(bitPattern: UInt(textSums.checksum)))
        light.int(htmlSums.count)
        light.int(Int(bitPattern: UInt(htmlSums.checksum)))
        light.append(body)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + light.bytes.count + 8 + textSums.count + htmlSums.count)
        Self.appendLittleEndian(UInt64(light.bytes.count), to: &bytes)
        bytes += light.bytes
        Self.appendLittleEndian(BuildCache.checksum(light.bytes), to: &bytes)
        text.withUTF8 { bytes.append(contentsOf: $0) }
        html.withUTF8 { bytes.append(contentsOf: $0) }
        self.bytes = bytes
    }

    /// What one pass over a text or HTML gives: its length, its checksum as the
    /// entry records it (`checksum(_:)`), and its 128-bit hash for the linked form.
    struct Sums {
        let count: Int
        let checksum: UInt64
        let digest: (high: UInt64, low: UInt64)

        init(_ bytes: UnsafeRawBufferPointer) {
            var hasher = StableHasher()
            hasher.combine(bytes: bytes)
            count = bytes.count
            checksum = hasher.checksum()
            digest = hasher.digest()
        }
    }

    /// The hash of a link result as the entry holds it: equal for equal results. The
    /// text and the HTML enter by their own 128-bit hashes, taken in the pass that
    /// gives their checksums.
    static func linkedForm(body: [UInt8], text: Sums, html: Sums) -> String {
        var hasher = StableHasher()
        hasher.combine("linked form")
        body.withUnsafeBytes { hasher.combine(bytes: $0) }
        for (name, sums) in [("text", text), ("html", html)] {
            hasher.combine(name)
            hasher.combine(sums.count)
            hasher.combine(Int(bitPattern: UInt(sums.digest.high)))
            hasher.combine(Int(bitPattern: UInt(sums.digest.low)))
        }
        return hasher.finalize()
    }

    /// How much of an entry file is read at first: its light part, with its length
    /// before it, in one read for nearly every entry (3.5 KB at most for 9 in 10 of the
    /// 10,000-briefing benchmark's), the rest read only if it is longer.
    static let firstRead = 4096

    /// The entry for `key` at `path`, nil unless it reads back whole. With `relink`,
    /// the text and the HTML are left in the file (`CachedText`, `CachedHTML`); without,
    /// they are read and checked now.
    static func read(path: String, key: String, namesKey: String = "", relink: (@Sendable () -> Relinked?)?) -> BuildCache.CachedLink? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let (light, size) = readLight(descriptor) else { return nil }
        return decode(light: light, in: 8..<light.count, key: key, namesKey: namesKey, path: path, fileSize: size, relink: relink)
    }

    /// The light part of the entry file at `path`, as `readLight(_:)` reads it, if it
    /// is the entry of `key`; with the name filter of its text (`NameSignature`) if the
    /// text reads back with its checksum. The HTML after the text is not read: at
    /// 10,000 briefings the upkeep after a clean build read 12,000 whole entries for this.
    static func readForPack(path: String, key: String) -> (light: [UInt8], signature: (textChecksum: UInt64, bits: [UInt8])?)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let (light, size) = readLight(descriptor),
              var decoder = BuildCache.open(light, in: 8..<light.count, kind: "linked", key: key),
              (try? decoder.string()) != nil, (try? decoder.string()) != nil,
              let textLength = try? decoder.int(), let textChecksum = try? decoder.int()
        else { return nil }
        guard textLength >= 0, textLength <= size - light.count else { return (light, nil) }
        let checksum = UInt64(UInt(bitPattern: textChecksum))
        let bits = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, textLength)) { buffer -> [UInt8]? in
            let text = UnsafeMutableBufferPointer(rebasing: buffer[0..<textLength])
            guard WholeFile.read(descriptor, into: UnsafeMutableRawBufferPointer(text), at: light.count),
                  Self.checksum(UnsafeRawBufferPointer(text)) == checksum else { return nil }
            return NameSignature.of(text: UnsafeBufferPointer(text))
        }
        return (light, bits.map { (checksum, $0) })
    }

    /// The light part of the open entry file, with its length before it and its
    /// checksum after it (unchecked: `decode` checks it), and the file's size.
    static func readLight(_ descriptor: Int32) -> (light: [UInt8], size: Int)? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        guard let head = WholeFile.read(descriptor, count: min(size, firstRead), at: 0),
              let lightEnd = lightEnd(head: head, fileSize: size) else { return nil }
        if lightEnd == head.count { return (head, size) }
        if lightEnd < head.count { return (Array(head[0..<lightEnd]), size) }
        guard let whole = WholeFile.read(descriptor, count: lightEnd, at: 0) else { return nil }
        return (whole, size)
    }

    /// Where the light part's checksum ends in an entry file of `fileSize` bytes that
    /// begins with `head`: nil if the length it gives does not fit the file.
    private static func lightEnd(head: [UInt8], fileSize: Int) -> Int? {
        guard fileSize >= 16, head.count >= 8 else { return nil }
        let lightLength = Int(truncatingIfNeeded: head.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) })
        guard lightLength > 0, lightLength <= fileSize - 16 else { return nil }
        return 8 + lightLength + 8
    }

    /// The entry whose light part and its checksum are `range` of `bytes` (of the
    /// entry file itself, or of its shard's pack: `LinkedEntryPack`), its text and HTML
    /// in the file at `path`. `fileSize`: the file's, when known, checked against the
    /// lengths the light part gives; unknown (the pack), a truncated text or HTML
    /// fails its checksum when it is read instead. `namesKey`: the names table the
    /// entry is most likely valid under, whose string it then shares.
    static func decode(
        light bytes: [UInt8], in range: Range<Int>, key: String, namesKey expectedNamesKey: String = "", path: String, fileSize: Int?,
        relink: (@Sendable () -> Relinked?)?
    ) -> BuildCache.CachedLink? {
        let lightLength = range.count - 8
        guard lightLength > 0, var decoder = BuildCache.open(bytes, in: range, kind: "linked", key: key),
              let namesKey = try? decoder.string(sharing: expectedNamesKey), let linkedForm = try? decoder.string(),
              let textLength = try? decoder.int(), let textChecksum = try? decoder.int(),
              let htmlLength = try? decoder.int(), let htmlChecksum = try? decoder.int(),
              textLength >= 0, htmlLength >= 0, fileSize.map({ $0 - 8 - lightLength - 8 == textLength + htmlLength }) ?? true
        else { return nil }
        let textOffset = 8 + lightLength + 8
        let relinkOrFail = relink ?? { nil }
        let textLocation = CachedText(path: path, offset: textOffset, length: textLength,
                                      checksum: UInt64(UInt(bitPattern: textChecksum)), relink: relinkOrFail)
        let htmlLocation = CachedHTML(path: path, offset: textOffset + textLength, length: htmlLength,
                                      checksum: UInt64(UInt(bitPattern: htmlChecksum)), relink: relinkOrFail)
        let text: SpillableText, html: ReleasableHTML
        if relink != nil {
            text = SpillableText(inCacheEntry: textLocation)
            html = ReleasableHTML(inCacheEntry: htmlLocation)
        } else {
            guard let textRead = textLocation.withVerifiedBytes({ String(decoding: $0, as: UTF8.self) }),
                  let htmlRead = htmlLocation.readEntry()
            else { return nil }
            text = SpillableText(textRead)
            html = ReleasableHTML(htmlRead)
        }
        guard let result = try? decoder.linkResult(html: html, text: text), decoder.isAtEnd else { return nil }
        return BuildCache.CachedLink(namesKey: namesKey, result: result, linkedForm: linkedForm)
    }

    /// Removes an entry whose text or HTML failed its checksum, so that the next build
    /// links its document again and stores it whole, instead of every build linking it
    /// again each time a page quotes it. Should another build have replaced it with a
    /// whole entry meanwhile, that entry is only missed once.
    static func discardDamaged(path: String) {
        unlink(path)
    }

    /// `body` with the `length` bytes at `offset` of the entry at `path` (its text or
    /// its HTML, `CachedText` and `CachedHTML`), if all of them read back with
    /// `checksum`; nil otherwise, and the entry is removed (`discardDamaged`).
    static func withVerifiedRegion<Result>(
        path: String, offset: Int, length: Int, checksum: UInt64, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, length)) { buffer -> Result? in
            let bytes = UnsafeMutableBufferPointer(rebasing: buffer[0..<length])
            guard WholeFile.read(descriptor, into: UnsafeMutableRawBufferPointer(bytes), at: offset),
                  Self.checksum(UnsafeRawBufferPointer(bytes)) == checksum
            else {
                discardDamaged(path: path)
                return nil
            }
            return body(UnsafeBufferPointer(bytes))
        }
    }

    static func checksum(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(bytes: bytes)
        return hasher.checksum()
    }

    private static func appendLittleEndian(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
