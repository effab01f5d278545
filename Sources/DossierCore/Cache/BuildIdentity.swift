import Foundation

/// Which Dossier wrote a cache entry: the format version and the running
/// executable's size and modification time. Any rebuilt or upgraded binary has
/// another identity, so its cache entries are misses rather than trusted results
/// of code that may have changed.
enum BuildIdentity {
    static let current: String = {
        var hasher = StableHasher()
        hasher.combine(BuildCache.formatVersion)
        let executable = ProcessInfo.processInfo.arguments.first.map { URL(fileURLWithPath: $0).path } ?? ""
        let path = FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : executable
        var status = stat()
        if stat(path, &status) == 0 {
            hasher.combine(Int(status.st_size))
            hasher.combine(Int(status.st_mtim.tv_sec))
            hasher.combine(Int(status.st_mtim.tv_nsec))
        } else {
            // Unknown: a key no other process can produce, so nothing is reused.
            hasher.combine(UUID().uuidString)
        }
        return hasher.finalize()
    }()
}
