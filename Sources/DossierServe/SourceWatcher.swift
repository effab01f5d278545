import Foundation

/// Notices edits to a project by comparing a fingerprint of its inputs (every file
/// under content/, templates/ and static/, and dossier.yml: path, size, modification time).
/// Polling needs no platform file-events API and costs a few milliseconds a second
/// even for thousands of files.
public struct SourceWatcher: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    public func fingerprint() -> [String] {
        fingerprints().map { "\($0.key) \($0.value)" }.sorted()
    }

    /// Each input's size and modification time, by its path relative to the root.
    public func fingerprints() -> [String: String] {
        var entries: [String: String] = [:]
        let manager = FileManager.default
        for folder in ["content", "templates", "static"] {
            let base = root.appendingPathComponent(folder)
            guard let enumerator = manager.enumerator(atPath: base.path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                // Folders are left out: a file added or removed changes the list itself.
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { continue }
                entries[folder + "/" + relative] = describe(base.appendingPathComponent(relative))
            }
        }
        entries["dossier.yml"] = describe(root.appendingPathComponent("dossier.yml"))
        return entries
    }

    /// The paths added, removed or changed between two `fingerprints()`.
    public static func changedPaths(from old: [String: String], to new: [String: String]) -> Set<String> {
        Set(Set(old.keys).union(new.keys).filter { old[$0] != new[$0] })
    }

    private func describe(_ url: URL) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return "-" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size) \(modified)"
    }
}
