import Foundation

/// Where a linked document's text lies in its build cache entry (`LinkedEntryFile`
/// keeps it after the light part, before the HTML), so that a cached build reads a
/// document's text only where a snippet, a search passage or an export quotes it,
/// instead of decoding every text and spilling it to a file of its own. As with the
/// HTML (`CachedHTML`), the entry may have been replaced or damaged since the link
/// stage read its light part: every read is checked against the text's checksum,
/// which the light part (checked when it was read) vouches for.
struct CachedText: Sendable {
    var path: String
    var offset: Int
    var length: Int
    var checksum: UInt64
    /// Links the document again; nil when its source file no longer holds what this
    /// build loaded.
    var relink: @Sendable () -> LinkedEntryFile.Relinked?

    /// `body` with the whole text, if all of it reads back with its checksum; nil
    /// otherwise, and the entry is removed (`LinkedEntryFile.discardDamaged`).
    func withVerifiedBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        LinkedEntryFile.withVerifiedRegion(path: path, offset: offset, length: length, checksum: checksum, body)
    }

    /// The text linked again, if it is the one the entry held (its checksum matches):
    /// the mentions' snippets and the search passages read from the entry are byte
    /// ranges of exactly that text, so no other may stand in for it.
    func relinkedText() -> String? {
        guard var text = relink()?.text else { return nil }
        let matches = text.withUTF8 { LinkedEntryFile.checksum(UnsafeRawBufferPointer($0)) == checksum }
        return matches ? text : nil
    }
}
