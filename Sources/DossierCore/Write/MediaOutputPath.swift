import Foundation

/// The names images keep when they are published. Pages are written at paths made of
/// slugs, but an image keeps its file name (`Doha map.png`, `карта.png`), since the
/// author links it by that name; so images follow the rule for static files, wider
/// than `OutputFile.isSafe` yet still unable to leave the output folder.
enum MediaOutputPath {
    /// The rule every author-named output file follows (`OutputFile.isSafeCopy`).
    static func isPublishable(_ path: String) -> Bool {
        OutputFile.isSafeCopy(path)
    }

    /// The path as a URL path: every byte but unreserved ones and "/" percent-encoded,
    /// so a space, a `%` or a `#` in a file name cannot change what the link means.
    static func percentEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }
}

extension OutputFile {
    /// An image published under its own name (see `MediaOutputPath`).
    init(image path: String, contents: Data) {
        precondition(MediaOutputPath.isPublishable(path), "unsafe image path '\(path)'")
        self.path = path
        self.contents = contents
    }
}
