import Foundation

/// Where a linked document's HTML lies in its build cache entry (`BuildCache`'s
/// layout keeps it last, after its own checksum), so that a cached build reads only
/// the HTML of the pages it renders again. The entry file may have changed since the
/// link stage read the rest of it (another build rewrote it, the disk flipped a bit):
/// what does not match its checksum is never shown; the document is linked again
/// from its source (`relink`) instead.
struct CachedHTML: Sendable {
    var path: String
    var offset: Int
    var length: Int
    var checksum: UInt64
    /// Links the document again; nil when its source file no longer holds what this
    /// build loaded.
    var relink: @Sendable () -> LinkedEntryFile.Relinked?

    func read() -> String {
        if let html = readEntry() { return html }
        // The link stage has passed, so there is no diagnostic to report: a page made
        // from HTML that is not the document's would be silently wrong.
        guard let html = relink()?.html else {
            preconditionFailure("the build cache entry \(path) changed, and its document's file changed during the build: build again")
        }
        return html
    }

    /// The HTML if all of it reads back with its checksum; an entry whose HTML does
    /// not is removed (`LinkedEntryFile.discardDamaged`).
    func readEntry() -> String? {
        // Its checksum passed: the UTF-8 the encoder wrote (`CacheDecoder.string`).
        LinkedEntryFile.withVerifiedRegion(path: path, offset: offset, length: length, checksum: checksum) {
            String(decoding: $0, as: UTF8.self)
        }
    }
}
