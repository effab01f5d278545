#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of a folder open as a descriptor, as `readdir` gives them: shared by the
/// walk of `content/` (`ContentListing`) and of the output (`OutputInventory`), which
/// both recurse through descriptors so no path is resolved twice.
enum FolderEntries {
    /// Calls `entry` with each name in the folder open at `descriptor` and readdir's
    /// type for it ("." and ".." left out), then `afterwards` while the folder is still
    /// open (its subfolders are opened relative to it), then closes the folder.
    static func read(_ descriptor: Int32, entry: (_ name: String, _ type: UInt8) -> Void, afterwards: () -> Void) {
        guard let stream = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(stream) }
        while let item = readdir(stream) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            entry(name, item.pointee.d_type)
        }
        afterwards()
    }
}
