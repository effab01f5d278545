import DossierCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder `dossier serve` builds into, `$TMPDIR/dossier-serve-<pid>`, and the
/// staging folders each build makes beside it (`.dossier-serve-<pid>.building-<pid>`
/// and `.previous-<pid>`). A large site's scratch folder holds close to a gigabyte,
/// so it is removed when the server stops, and folders left by a server that died
/// without stopping (kill -9, a crash) are removed when the next one starts.
public struct ScratchFolder: Sendable {
    static let prefix = "dossier-serve-"

    public let parent: URL
    public let owner: Int32

    public init(parent: URL = FileManager.default.temporaryDirectory, owner: Int32 = ProcessInfo.processInfo.processIdentifier) {
        self.parent = parent
        self.owner = owner
    }

    /// The folder the site is built into.
    public var output: URL { parent.appendingPathComponent(Self.prefix + String(owner)) }

    /// Removes the output and its staging folders.
    public func remove() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where Self.owner(ofName: name) == owner {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Removes the scratch folders of servers that are no longer running and
    /// returns their names, sorted. A process that exists but belongs to another
    /// user counts as running.
    @discardableResult
    public func removeStale(isRunning: (Int32) -> Bool = ProcessLiveness.isRunning) -> [String] {
        let manager = FileManager.default
        var removed: [String] = []
        for name in ((try? manager.contentsOfDirectory(atPath: parent.path)) ?? []).sorted() {
            guard let pid = Self.owner(ofName: name), pid != owner, !isRunning(pid) else { continue }
            let url = parent.appendingPathComponent(name)
            // Only real folders: a symbolic link planted in a shared /tmp is left alone.
            guard (try? manager.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType) == .typeDirectory else { continue }
            if (try? manager.removeItem(at: url)) != nil { removed.append(name) }
        }
        return removed
    }

    /// The server pid in `dossier-serve-<pid>` or `.dossier-serve-<pid>.building-<n>`
    /// (or `.previous-<n>`); nil for any other name.
    static func owner(ofName name: String) -> Int32? {
        let isStaging = name.hasPrefix(".")
        let rest = isStaging ? name.dropFirst() : Substring(name)
        guard rest.hasPrefix(prefix) else { return nil }
        let digits = rest.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
        let suffix = rest.dropFirst(prefix.count + digits.count)
        guard let pid = Int32(digits), pid > 0 else { return nil }
        if !isStaging { return suffix.isEmpty ? pid : nil }
        let isStagingSuffix = [".building-", ".previous-"].contains { marker in
            suffix.hasPrefix(marker) && !suffix.dropFirst(marker.count).isEmpty && suffix.dropFirst(marker.count).allSatisfy { $0.isASCII && $0.isNumber }
        }
        return isStagingSuffix ? pid : nil
    }

}
