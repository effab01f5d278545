import Foundation

/// The folders a build keeps beside its output while it runs: `.site.building-<pid>`
/// (the new site being written), `.site.previous-<pid>` (the old output during a
/// two-rename swap) and `.site.update-<pid>` (the changed files and the journal of an
/// in-place update, `OutputUpdate`). The pid says which process owns them.
struct BuildFolderName: Hashable {
    enum Role: String, CaseIterable {
        case building, previous, update
    }

    let role: Role
    let pid: Int32

    func name(beside output: URL) -> String {
        ".\(output.lastPathComponent).\(role.rawValue)-\(pid)"
    }

    func url(beside output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(name(beside: output))
    }

    /// Recognises a folder name this scheme gave for `output`, and nothing else.
    init?(_ entry: String, beside output: URL) {
        for role in Role.allCases {
            let prefix = ".\(output.lastPathComponent).\(role.rawValue)-"
            guard entry.hasPrefix(prefix) else { continue }
            let digits = entry.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.allSatisfy({ $0 >= "0" && $0 <= "9" }), let pid = Int32(digits), pid > 0 else { return nil }
            self.init(role: role, pid: pid)
            return
        }
        return nil
    }

    init(role: Role, pid: Int32) {
        self.role = role
        self.pid = pid
    }
}

/// A build that was killed (kill -9, Ctrl-C, a timeout, out of memory) leaves its
/// folders beside the output; the next build of that output cleans them up.
enum StaleBuildFolders {
    /// Removes the folders of builds whose process is dead. Folders of a live process
    /// are left alone: another build may be running. If the output is missing (its
    /// build died between the two renames of a swap), the last good site is renamed
    /// back first: a finished staging folder (it has the marker, written last), or
    /// else the previous output. An update folder holding a journal (its build died
    /// during an in-place commit) is completed into the output, so the output is the
    /// new build, before it is removed. A `.git` is moved into the output, never deleted.
    static func clean(beside output: URL) -> [Diagnostic] {
        let parent = output.deletingLastPathComponent()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        var stale = entries.sorted().compactMap { BuildFolderName($0, beside: output) }.filter { isStale($0.pid) }
        guard !stale.isEmpty else { return [] }

        if !exists(output), let lastGood = lastGoodSite(among: stale, beside: output),
           (try? FileManager.default.moveItem(at: lastGood.url(beside: output), to: output)) != nil {
            stale.removeAll { $0 == lastGood }
        }
        var diagnostics: [Diagnostic] = []
        for update in stale.filter({ $0.role == .update }) {
            if let problem = OutputJournal.rollForward(update.url(beside: output), output: output) { diagnostics.append(problem) }
        }
        stale.removeAll { $0.role == .update }
        for folder in stale.map({ $0.url(beside: output) }) {
            let git = folder.appendingPathComponent(OutputGuard.gitName)
            if exists(git) {
                let target = output.appendingPathComponent(OutputGuard.gitName)
                guard isDirectory(output), !exists(target), (try? FileManager.default.moveItem(at: git, to: target)) != nil else {
                    diagnostics.append(.warning("left \(folder.path) in place: a build that died holds a .git there, and it cannot go back into \(output.path); move it by hand",
                                                at: SourceLocation(path: output.path)))
                    continue
                }
            }
            try? FileManager.default.removeItem(at: folder)
        }
        return diagnostics
    }

    private static func lastGoodSite(among stale: [BuildFolderName], beside output: URL) -> BuildFolderName? {
        stale.first { $0.role == .building && OutputGuard.hasMarker($0.url(beside: output)) }
            ?? stale.first { $0.role == .previous }
    }

    /// This process's own folders are stale too (its pid was reused, or an earlier
    /// build in this process could not clean up): it runs one build of an output at a time.
    private static func isStale(_ pid: Int32) -> Bool {
        pid == getpid() || !ProcessLiveness.isRunning(pid)
    }

    private static func exists(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
