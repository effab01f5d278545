import DossierCore
import Foundation

/// Puts the fast path's pages into the served output, each written beside its place
/// and renamed over it, so a request never reads half a page. A page whose bytes are
/// already there is left alone, and a page whose folder is missing is not written
/// (the fast path only rewrites pages that exist).
enum LivePageWriter {
    /// The paths written.
    static func write(_ files: [OutputFile], into output: URL) -> [String] {
        var written: [String] = []
        for file in files {
            let target = output.appendingPathComponent(file.path)
            let folder = target.deletingLastPathComponent()
            guard FileManager.default.fileExists(atPath: folder.path),
                  FileManager.default.contents(atPath: target.path) != file.contents else { continue }
            let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).live-\(getpid())")
            do {
                try file.contents.write(to: temporary)
                guard rename(temporary.path, target.path) == 0 else {
                    try? FileManager.default.removeItem(at: temporary)
                    continue
                }
                written.append(file.path)
            } catch {
                try? FileManager.default.removeItem(at: temporary)
            }
        }
        return written
    }
}
