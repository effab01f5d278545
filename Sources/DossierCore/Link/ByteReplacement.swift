#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces every occurrence of an ASCII marker in a string by working on its UTF-8
/// bytes. Foundation's `replacingOccurrences` bridges through NSString and was 5.7 %
/// of a large build's CPU for the placeholders every page resolves.
enum ByteReplacement {
    /// `text` with each `marker` replaced by `replacement`; `text` itself (no copy)
    /// when the marker does not occur. `marker` must not be empty.
    static func replacing(_ marker: String, with replacement: String, in text: String) -> String {
        var text = text
        let result: String?? = text.withUTF8 { bytes -> String? in
            var needle = Array(marker.utf8)
            return needle.withUnsafeMutableBufferPointer { needle in
                replacing(UnsafeBufferPointer(needle), with: replacement, in: bytes)
            }
        }
        return (result ?? nil) ?? text
    }

    /// Nil when nothing was replaced.
    private static func replacing(_ needle: UnsafeBufferPointer<UInt8>, with replacement: String, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let count = bytes.count, length = needle.count
        var matches: [Int] = []
        var position = 0
        // `memchr` for the marker's last byte (a `:` here, rare in HTML) skips ahead a
        // word at a time: a loop over every byte testing for the first one stopped at
        // each `<` or `=` of the page. Matches are still taken left to right, none
        // overlapping the one before.
        if let start = bytes.baseAddress, let marker = needle.baseAddress {
            let last = Int32(needle[length - 1])
            while position + length <= count {
                let from = position + length - 1
                guard let hit = memchr(start + from, last, count - from) else { break }
                let candidate = start.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - (length - 1)
                if memcmp(start + candidate, marker, length - 1) == 0 {
                    matches.append(candidate)
                    position = candidate + length
                } else {
                    position = candidate + 1
                }
            }
        }
        guard !matches.isEmpty else { return nil }
        var replacementBytes = Array(replacement.utf8)
        let size = count + matches.count * (replacementBytes.count - length)
        return replacementBytes.withUnsafeMutableBufferPointer { replacementBytes in
            String(unsafeUninitializedCapacity: size) { output in
                var written = 0, read = 0
                func copy(_ source: UnsafeBufferPointer<UInt8>) {
                    guard let base = source.baseAddress, !source.isEmpty else { return }
                    (output.baseAddress! + written).initialize(from: base, count: source.count)
                    written += source.count
                }
                for match in matches {
                    copy(UnsafeBufferPointer(rebasing: bytes[read..<match]))
                    copy(UnsafeBufferPointer(replacementBytes))
                    read = match + length
                }
                copy(UnsafeBufferPointer(rebasing: bytes[read..<count]))
                return written
            }
        }
    }
}
