import Foundation

/// Notices edits to a project by comparing a fingerprint of its inputs (every file
/// under content/, templates/ and static/, and dossier.yml: path, size, modification time).
/// Polling needs no platform file-events API and costs a few milliseconds a second
/// even for thousands of files.
public struct SourceWatcher: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    public func fingerprint() -> [String] {
        var entries: [String] = []
        let manager = FileManager.default
        for folder in ["content", "templates", "static"] {
            let base = root.appendingPathComponent(folder)
            guard let enumerator = manager.enumerator(atPath: base.path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                // Folders are left out: a file added or removed changes the list itself.
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { continue }
                entries.append(describe(base.appendingPathComponent(relative), as: folder + "/" + relative))
            }
        }
        entries.append(describe(root.appendingPathComponent("dossier.yml"), as: "dossier.yml"))
        return entries.sorted()
    }

    private func describe(_ url: URL, as name: String) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return name + " -" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(name) \(size) \(modified)"
    }
}
