import Foundation

/// The previous output, once swapped out, is removed on a background thread: the
/// new site is already in place, so nothing waits for the deletion of the old one
/// (with unchanged files hard-linked into the new site, it frees almost nothing).
/// A build waits for the removals of earlier builds in the same process before it
/// starts, since they use the same folder names; a process that ends first leaves
/// the folder for the next build's `StaleBuildFolders` to remove.
public enum RetiredOutputs {
    private static let group = DispatchGroup()
    private static let queue = DispatchQueue(label: "dossier.retired-outputs", qos: .utility)

    static func remove(_ folder: URL) {
        queue.async(group: group) {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Returns once every folder handed to `remove` is gone.
    public static func waitUntilRemoved() {
        group.wait()
    }
}
